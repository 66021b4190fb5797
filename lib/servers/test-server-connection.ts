import type { PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { testSmtpConnection } from '../smtp/test-smtp-connection.ts';
import { findServerOrThrow } from './get-server.ts';
import type { ServerConnectionTest } from './server-view.ts';

/**
 * "Test connection" (`POST /api/smtp-servers/:id/test-connection`): connect → TLS → EHLO → AUTH with the stored
 * settings (lib/smtp/test-smtp-connection.ts), store the result as the server's lastTest, and answer it.
 * SMTP and network failures are answers (`ok: false` with the stage and words), not errors.
 * @param test injectable connection test (default: testSmtpConnection).
 * @throws AppError('not_found') for an unknown id.
 */
export async function testServerConnection(params: {
  id: string;
  db?: PrismaClient;
  test?: typeof testSmtpConnection;
  now?: () => Date;
}): Promise<ServerConnectionTest> {
  const db = params.db ?? prisma;
  const server = await findServerOrThrow({ id: params.id, db });
  const r = await (params.test ?? testSmtpConnection)({ server });
  const result: ServerConnectionTest = {
    ok: r.ok,
    stage: r.stage,
    outcome: r.outcome,
    category: r.category,
    code: r.code,
    enhancedCode: r.enhancedCode,
    text: r.text,
    message: r.message,
  };
  await db.smtpServer.update({ where: { id: server.id }, data: { lastTest: JSON.stringify(result), lastTestAt: (params.now ?? (() => new Date()))() } });
  return result;
}
