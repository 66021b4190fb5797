import { JobsPage } from './JobsPage.tsx';

export default function Page() {
  return <JobsPage />;
}
