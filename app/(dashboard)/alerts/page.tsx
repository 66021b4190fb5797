import { AlertsPage } from './AlertsPage.tsx';

export default function Page() {
  return <AlertsPage />;
}
