import { ZonesPage } from './ZonesPage.tsx';

export default function Page() {
  return <ZonesPage />;
}
