import type { PrismaClient } from '../generated/prisma/client.ts';
import type { ResolverHealth } from '../dnsbl/types.ts';
import { prisma } from '../db.ts';
import { env } from '../env.ts';
import { logger } from '../logger.ts';
import { readSetting, writeSetting } from '../settings/setting-store.ts';
import { alertRecipients } from '../settings/alert-recipients.ts';
import { createAlertTransport } from './alert-transport.ts';
import type { AlertTransport } from './alert-transport.ts';

/** The resolver state an alert was last decided on (Setting `resolver.health`). */
interface StoredResolverHealth {
  status: ResolverHealth['status'];
  reason?: string;
}

/**
 * Email once when the resolver path turns `blocked` (most zones fail their positive test point) or `rewriting`
 * (answers outside 127.0.0.0/8): BL-08, design §5. The state is remembered in Setting `resolver.health`; it is
 * stored only after a successful send (or when there is nothing to send), so a failed send is retried next sweep.
 * @returns 'sent' | 'unchanged' (no new bad state) | 'not_configured' | 'failed'.
 */
export async function sendResolverAlert(params: {
  resolver: ResolverHealth;
  db?: PrismaClient;
  transport?: AlertTransport | null;
}): Promise<'sent' | 'unchanged' | 'not_configured' | 'failed'> {
  const db = params.db ?? prisma;
  const { resolver } = params;
  const previous = await readSetting<StoredResolverHealth>({ key: 'resolver.health', db });
  const current: StoredResolverHealth = { status: resolver.status, ...(resolver.reason ? { reason: resolver.reason } : {}) };
  if (resolver.status === 'ok' || previous?.status === resolver.status) {
    if (previous?.status !== resolver.status) await writeSetting({ key: 'resolver.health', value: current, db });
    return 'unchanged';
  }
  const recipients = await alertRecipients({ db });
  const transport = params.transport === undefined ? createAlertTransport() : params.transport;
  if (!transport || recipients.length === 0) {
    await writeSetting({ key: 'resolver.health', value: current, db });
    return 'not_configured';
  }
  const what =
    resolver.status === 'blocked'
      ? 'is blocked by the DNS blocklists'
      : resolver.status === 'unreachable'
        ? 'is not answering (every test point query timed out or was refused)'
        : 'rewrites DNS answers';
  const text = [
    `The DNS resolver Inboxwatch uses for blocklist queries ${what}; verdicts are not trustworthy until this is fixed.`,
    resolver.reason ? `Why: ${resolver.reason}` : '',
    `Resolvers: ${resolver.servers.join(', ') || 'system default'}${resolver.isPublic ? ' (a public resolver: blocklist operators refuse those)' : ''}`,
    'Fix: point DNSBL_RESOLVER at a local recursive resolver without forwarders.',
  ]
    .filter(Boolean)
    .join('\n');
  try {
    await transport.sendMail({
      from: env().ALERT_EMAIL_FROM,
      to: recipients,
      subject: `[Inboxwatch] DNS resolver ${resolver.status}: blocklist results are unknown`,
      text,
      html: text
        .split('\n')
        .map((l) => `<p>${l.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
        .join(''),
    });
    await writeSetting({ key: 'resolver.health', value: current, db });
    return 'sent';
  } catch (err) {
    logger.warn({ reason: err instanceof Error ? err.message : String(err) }, 'resolver alert email failed; will retry');
    return 'failed';
  } finally {
    if (params.transport === undefined) transport.close();
  }
}
