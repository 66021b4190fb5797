import type { PrismaClient } from '../generated/prisma/client.ts';
import type { ServerConnectionTest } from '../servers/server-view.ts';
import type { ImapConnectionTest } from '../imap/test-imap-connection.ts';
import type { Condition, Observation } from './alert-types.ts';
import type { RuleParams } from './rule-kinds.ts';

const FINAL = ['inbox', 'tab', 'spam', 'other_folder', 'missing'];
const UNREACHABLE_STAGES = ['connect', 'tls', 'auth'];
/** Prefix collectPlacementResults gives the error of a seed whose mailbox could not be read (IMAP). */
const IMAP_ERROR_PREFIX = 'seed mailbox ';

/**
 * placement_inbox_rate: per (server, provider), the inbox share (inbox + Gmail tabs) of the seeds with a final
 * placement in the tests created within `windowHours`; below `threshold` % with at least `minSamples` seeds.
 */
export async function gatherInboxRateConditions(p: { db: PrismaClient; params: RuleParams['placement_inbox_rate']; now: Date }): Promise<Observation> {
  const since = new Date(p.now.getTime() - p.params.windowHours * 3_600_000);
  const rows = await p.db.placementResult.findMany({
    where: { placement: { in: FINAL }, test: { createdAt: { gte: since }, server: { enabled: true } } },
    select: { placement: true, provider: true, test: { select: { serverId: true, server: { select: { name: true } } } } },
  });
  const groups = new Map<string, { serverId: string; server: string; provider: string; total: number; inbox: number }>();
  for (const r of rows) {
    const key = `${r.test.serverId}|${r.provider}`;
    const g = groups.get(key) ?? { serverId: r.test.serverId, server: r.test.server.name, provider: r.provider, total: 0, inbox: 0 };
    g.total++;
    if (r.placement === 'inbox' || r.placement === 'tab') g.inbox++;
    groups.set(key, g);
  }
  const active: Condition[] = [];
  const monitored: string[] = [];
  for (const [key, g] of groups) {
    if (g.total < p.params.minSamples) continue;
    const rate = Math.round((g.inbox / g.total) * 1000) / 10;
    monitored.push(`placement:${key}`);
    if (rate >= p.params.threshold) continue;
    active.push({
      kind: 'placement_inbox_rate',
      subjectType: 'placement',
      subjectId: key,
      subjectLabel: `${g.server} → ${g.provider}`,
      title: `Inbox rate ${rate} % for ${g.server} → ${g.provider} (below ${p.params.threshold} % over ${p.params.windowHours} h)`,
      detail: { serverId: g.serverId, provider: g.provider, ratePercent: rate, inbox: g.inbox, total: g.total, ...p.params },
    });
  }
  return { kind: 'placement_inbox_rate', active, monitored };
}

/**
 * seed_missing: every enabled seed mailbox whose latest final result (by test creation) is `missing` (the message
 * never arrived before the deadline, IMAP-05); the next found message resolves it.
 */
export async function gatherSeedMissingConditions(p: { db: PrismaClient }): Promise<Observation> {
  const mailboxes = await p.db.seedMailbox.findMany({ where: { enabled: true }, select: { id: true, address: true } });
  const active: Condition[] = [];
  for (const m of mailboxes) {
    const last = await p.db.placementResult.findFirst({
      where: { mailboxId: m.id, placement: { in: FINAL } },
      orderBy: { test: { createdAt: 'desc' } },
      select: { placement: true, testId: true, test: { select: { server: { select: { name: true } } } } },
    });
    if (last?.placement !== 'missing') continue;
    active.push({
      kind: 'seed_missing',
      subjectType: 'mailbox',
      subjectId: m.id,
      subjectLabel: m.address,
      title: `Seed message missing in ${m.address} (sent through ${last.test.server.name})`,
      detail: { testId: last.testId, server: last.test.server.name },
    });
  }
  return { kind: 'seed_missing', active, monitored: mailboxes.map((m) => `mailbox:${m.id}`) };
}

/**
 * server_unreachable: every enabled SMTP server whose most recent evidence, the last seed send with an SMTP
 * outcome or the last connection test (whichever is newer), failed at connect, TLS or AUTH.
 */
export async function gatherServerConditions(p: { db: PrismaClient }): Promise<Observation> {
  const servers = await p.db.smtpServer.findMany({ where: { enabled: true }, select: { id: true, name: true, lastTest: true, lastTestAt: true } });
  const active: Condition[] = [];
  for (const s of servers) {
    const send = await p.db.placementResult.findFirst({
      where: { test: { serverId: s.id }, smtpOutcome: { notIn: ['pending'] }, OR: [{ sentAt: { not: null } }, { smtpOutcome: { in: ['error', 'config_error'] } }] },
      orderBy: { test: { createdAt: 'desc' } },
      select: { smtpOutcome: true, smtpStage: true, smtpText: true, error: true, test: { select: { createdAt: true } } },
    });
    const test = s.lastTest ? (JSON.parse(s.lastTest) as ServerConnectionTest) : null;
    const useTest = test && s.lastTestAt && (!send || s.lastTestAt > send.test.createdAt);
    const failing = useTest
      ? !test.ok && UNREACHABLE_STAGES.includes(test.stage)
      : !!send && ['error', 'config_error'].includes(send.smtpOutcome) && UNREACHABLE_STAGES.includes(send.smtpStage ?? '');
    if (!failing) continue;
    const stage = useTest ? test.stage : (send?.smtpStage ?? '');
    const reason = useTest ? test.message : (send?.error ?? send?.smtpText ?? 'SMTP error');
    active.push({
      kind: 'server_unreachable',
      subjectType: 'server',
      subjectId: s.id,
      subjectLabel: s.name,
      title: `SMTP server ${s.name} unreachable at ${stage}`,
      detail: { stage, reason, from: useTest ? 'connection test' : 'seed send' },
    });
  }
  return { kind: 'server_unreachable', active, monitored: servers.map((s) => `server:${s.id}`) };
}

/**
 * mailbox_unreachable: every enabled seed mailbox whose most recent evidence, its seeds' collection in the latest
 * test or its last connection test (whichever is newer), was an IMAP error (unreachable, TLS, login, protocol).
 */
export async function gatherMailboxConditions(p: { db: PrismaClient }): Promise<Observation> {
  const mailboxes = await p.db.seedMailbox.findMany({ where: { enabled: true }, select: { id: true, address: true, lastTest: true, lastTestAt: true } });
  const active: Condition[] = [];
  for (const m of mailboxes) {
    const last = await p.db.placementResult.findFirst({
      where: { mailboxId: m.id, smtpOutcome: 'accepted' },
      orderBy: { test: { createdAt: 'desc' } },
      select: { error: true, test: { select: { createdAt: true } } },
    });
    const test = m.lastTest ? (JSON.parse(m.lastTest) as ImapConnectionTest) : null;
    const useTest = test && m.lastTestAt && (!last || m.lastTestAt > last.test.createdAt);
    const reason = useTest ? (test.ok ? null : (test.error?.message ?? 'connection test failed')) : last?.error?.startsWith(IMAP_ERROR_PREFIX) ? last.error : null;
    if (!reason) continue;
    active.push({
      kind: 'mailbox_unreachable',
      subjectType: 'mailbox',
      subjectId: m.id,
      subjectLabel: m.address,
      title: `Seed mailbox ${m.address} unreachable over IMAP`,
      detail: { reason, from: useTest ? 'connection test' : 'collection' },
    });
  }
  return { kind: 'mailbox_unreachable', active, monitored: mailboxes.map((m) => `mailbox:${m.id}`) };
}
