import { AssetsPage } from './AssetsPage.tsx';

export default function Page() {
  return <AssetsPage />;
}
