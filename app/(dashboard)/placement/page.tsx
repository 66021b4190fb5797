import { PlacementTestsPage } from './PlacementTestsPage.tsx';

export default function Page() {
  return <PlacementTestsPage />;
}
