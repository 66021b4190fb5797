import type { PrismaClient } from '../generated/prisma/client.ts';
import { env } from '../env.ts';
import { resolverServers } from '../dnsbl/resolver-servers.ts';
import { alertRecipients } from './alert-recipients.ts';

/** The settings page's data, as `GET /api/settings` answers. No secret (the SMTP URL) is ever included. */
export interface SettingsView {
  alertEmailTo: string[];
  /** ALERT_SMTP_URL is set. */
  alertSmtpConfigured: boolean;
  /** Resolvers used for DNSBL queries: DNSBL_RESOLVER, or the system's. */
  resolver: string[];
  /** DNSBL_SWEEP_CRON. */
  sweepCron: string;
}

/** Current settings: stored values over environment defaults. */
export async function getSettings(params: { db?: PrismaClient } = {}): Promise<SettingsView> {
  const e = env();
  return {
    alertEmailTo: await alertRecipients({ db: params.db }),
    alertSmtpConfigured: Boolean(e.ALERT_SMTP_URL),
    resolver: resolverServers(e.DNSBL_RESOLVER, { allowNone: true }),
    sweepCron: e.DNSBL_SWEEP_CRON,
  };
}
