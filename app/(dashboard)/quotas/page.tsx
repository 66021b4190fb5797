import { QuotasPage } from './QuotasPage.tsx';

export default function Page() {
  return <QuotasPage />;
}
