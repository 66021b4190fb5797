import type { PrismaClient } from '../generated/prisma/client.ts';
import { env } from '../env.ts';
import { resolverServers } from '../dnsbl/resolver-servers.ts';
import { placementSettings } from '../placement/placement-settings.ts';
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
  /** Seconds after a send until an unfound seed is `missing` (setting over PLACEMENT_COLLECT_DEADLINE_SECONDS). */
  placementCollectDeadlineSeconds: number;
  /** Seconds between two IMAP polls of a collecting test (setting over PLACEMENT_POLL_INTERVAL_SECONDS). */
  placementPollIntervalSeconds: number;
}

/** Current settings: stored values over environment defaults. */
export async function getSettings(params: { db?: PrismaClient } = {}): Promise<SettingsView> {
  const e = env();
  const placement = await placementSettings({ db: params.db });
  return {
    alertEmailTo: await alertRecipients({ db: params.db }),
    alertSmtpConfigured: Boolean(e.ALERT_SMTP_URL),
    resolver: resolverServers(e.DNSBL_RESOLVER, { allowNone: true }),
    sweepCron: e.DNSBL_SWEEP_CRON,
    placementCollectDeadlineSeconds: placement.collectDeadlineSeconds,
    placementPollIntervalSeconds: placement.pollIntervalSeconds,
  };
}
