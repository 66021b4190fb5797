import type { PrismaClient } from '../generated/prisma/client.ts';
import { encryptSecret } from '../crypto.ts';
import { prisma } from '../db.ts';
import { env } from '../env.ts';
import { validateCron } from '../jobs/validate-cron.ts';
import { checkServerSettings } from './server-input.ts';
import type { TCreateServer } from './server-input.ts';
import { toServerView } from './server-view.ts';
import type { ServerView } from './server-view.ts';

/**
 * Register an outbound SMTP server. The password is encrypted (lib/crypto.ts) before it is stored; the answer
 * only says `hasPassword`. scheduleCron defaults to PLACEMENT_DEFAULT_CRON (every 6 hours).
 * @throws AppError('invalid_input') for a bad cron expression, a password without auth user, or a password over
 *   security `none` to a host that is not loopback.
 */
export async function createServer(params: TCreateServer & { db?: PrismaClient }): Promise<ServerView> {
  const { db = prisma, password, ...input } = params;
  const scheduleCron = input.scheduleCron ?? env().PLACEMENT_DEFAULT_CRON;
  validateCron({ expression: scheduleCron, name: 'scheduleCron' });
  checkServerSettings({ host: input.host, security: input.security, authUser: input.authUser ?? null, hasPassword: password !== undefined });
  const enabled = input.enabled ?? true;
  const row = await db.smtpServer.create({
    data: {
      name: input.name,
      host: input.host,
      port: input.port,
      security: input.security,
      authUser: input.authUser ?? null,
      authSecret: password !== undefined ? encryptSecret(password) : null,
      fromAddress: input.fromAddress,
      heloName: input.heloName ?? null,
      trustSelfSigned: input.trustSelfSigned ?? false,
      scheduleCron,
      enabled,
      pausedReason: enabled ? null : 'paused by the user',
    },
  });
  return toServerView(row);
}
