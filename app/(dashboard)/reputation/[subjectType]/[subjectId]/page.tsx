import { ReputationDetailPage } from './ReputationDetailPage.tsx';

export default async function Page({ params }: { params: Promise<{ subjectType: string; subjectId: string }> }) {
  const { subjectType, subjectId } = await params;
  return <ReputationDetailPage subjectType={subjectType} subjectId={subjectId} />;
}
