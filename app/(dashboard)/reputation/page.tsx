import { ReputationPage } from './ReputationPage.tsx';

export default function Page() {
  return <ReputationPage />;
}
