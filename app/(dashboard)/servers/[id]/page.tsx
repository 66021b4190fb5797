import { ServerDetailPage } from './ServerDetailPage.tsx';

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <ServerDetailPage id={id} />;
}
