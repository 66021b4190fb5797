import { PlacementTestPage } from './PlacementTestPage.tsx';

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <PlacementTestPage id={id} />;
}
