import { ServersPage } from './ServersPage.tsx';

export default function Page() {
  return <ServersPage />;
}
