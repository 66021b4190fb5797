import { OverviewPage } from './(dashboard)/OverviewPage.tsx';

export default function Page() {
  return <OverviewPage />;
}
