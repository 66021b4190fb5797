import type { PrismaClient } from '../generated/prisma/client.ts';
import { encryptSecret } from '../crypto.ts';
import { prisma } from '../db.ts';
import { validateCron } from '../jobs/validate-cron.ts';
import { findServerOrThrow } from './get-server.ts';
import { checkServerSettings } from './server-input.ts';
import type { TUpdateServer } from './server-input.ts';
import { toServerView } from './server-view.ts';
import type { ServerView } from './server-view.ts';

/**
 * Change a server's settings. `password` omitted keeps the stored one, a string replaces it (encrypted), null
 * clears it; `authUser: null` turns authentication off and clears the password. `enabled: false` pauses
 * scheduled tests ("paused by the user"); `enabled: true` resumes and clears the reason.
 * The cross-field rules are checked on the merged settings (switching to security `none` with a stored password
 * toward a remote host is refused).
 * @throws AppError('not_found') for an unknown id; AppError('invalid_input') as createServer.
 */
export async function updateServer(params: { id: string; patch: TUpdateServer; db?: PrismaClient }): Promise<ServerView> {
  const db = params.db ?? prisma;
  const current = await findServerOrThrow({ id: params.id, db });
  const { password, ...patch } = params.patch;
  if (patch.scheduleCron !== undefined) validateCron({ expression: patch.scheduleCron, name: 'scheduleCron' });
  const authUser = patch.authUser !== undefined ? patch.authUser : current.authUser;
  const clearSecret = password === null || authUser === null;
  const hasPassword = password !== undefined && password !== null ? true : clearSecret ? false : current.authSecret !== null;
  checkServerSettings({ host: patch.host ?? current.host, security: patch.security ?? current.security, authUser, hasPassword });
  const row = await db.smtpServer.update({
    where: { id: params.id },
    data: {
      ...patch,
      ...(typeof password === 'string' ? { authSecret: encryptSecret(password) } : clearSecret ? { authSecret: null } : {}),
      ...(patch.enabled === false ? { pausedReason: 'paused by the user' } : patch.enabled === true ? { pausedReason: null } : {}),
    },
  });
  return toServerView(row);
}
