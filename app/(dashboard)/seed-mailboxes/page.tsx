import { SeedMailboxesPage } from './SeedMailboxesPage.tsx';

export default function Page() {
  return <SeedMailboxesPage />;
}
