import { prisma } from '../../../lib/db.ts';

export const dynamic = 'force-dynamic';

export async function GET() {
  const n = await prisma.asset.count();
  return Response.json({ ok: true, assets: n });
}
