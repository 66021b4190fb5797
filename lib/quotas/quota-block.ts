import { computeQuotaState, roomAt } from './quota-usage.ts';
import type { QuotaInput, UsagePoint } from './quota-usage.ts';
import { formatUtcMinute, windowAdjective } from './quota-window.ts';
import type { QuotaWindow } from './quota-window.ts';

/** Every pause reason a quota sets starts with this, so a pause the user set is never touched (SmtpServer.pausedReason). */
export const QUOTA_PAUSE_PREFIX = 'quota: ';

/** canSend's answer: go, or why not and when the server may send again (null: only once the user raises the limit or adds credits). */
export type SendDecision = { ok: true } | { ok: false; reason: string; resetAt: Date | null };

/**
 * Whether `messages` more sends fit every quota of one server at `now` (design §7: never send past a quota).
 * A quota blocks while a relay reply's mark lasts (exhaustedUntil in the future) or when used + messages > limit;
 * a quota whose limit is unknown (null) blocks only while the mark lasts, and frees at `exhaustedUntil`.
 * When several block, the one that frees last is reported. The reason reads like
 * "quota: daily limit 500 reached, resets 2026-11-30 14:00 UTC" or
 * "quota: daily quota exhausted (550 5.4.5 Daily user sending quota exceeded), resets …"; `resetAt` is the
 * later of the mark's end and the moment the messages fit by count (roomAt).
 */
export function quotaBlock(p: { quotas: QuotaInput[]; usage: UsagePoint[]; now: Date; messages: number }): SendDecision {
  const { now, messages } = p;
  let worst: { reason: string; resetAt: Date | null } | null = null;
  for (const quota of p.quotas) {
    const state = computeQuotaState({ quota, usage: p.usage, now });
    const marked = quota.exhaustedUntil !== null && quota.exhaustedUntil > now;
    const overCount = quota.limit !== null && state.used + messages > quota.limit;
    if (!marked && !overCount) continue;
    const room = overCount ? roomAt({ quota, usage: p.usage, now, need: messages }) : now;
    const resetAt = room === null ? null : marked && (quota.exhaustedUntil as Date) > room ? quota.exhaustedUntil : room;
    const reason = `${QUOTA_PAUSE_PREFIX}${what({ window: quota.window as QuotaWindow, limit: quota.limit, used: state.used, messages, marked, exhaustedReason: quota.exhaustedReason })}, ${whenFree({ window: quota.window as QuotaWindow, resetAt })}`;
    if (!worst || resetAt === null || (worst.resetAt !== null && resetAt > worst.resetAt)) worst = { reason, resetAt };
    if (resetAt === null) break;
  }
  return worst ? { ok: false, ...worst } : { ok: true };
}

function what(p: { window: QuotaWindow; limit: number | null; used: number; messages: number; marked: boolean; exhaustedReason: string | null }): string {
  const adjective = windowAdjective(p.window);
  if (p.marked || p.limit === null) return `${adjective} quota exhausted${p.exhaustedReason ? ` (${p.exhaustedReason})` : ''}`;
  if (p.limit === 0) return `${adjective} limit 0 blocks every send`;
  const name = p.window === 'credits' ? `credit balance ${p.limit}` : `${adjective} limit ${p.limit}`;
  if (p.used >= p.limit) return `${name} ${p.window === 'credits' ? 'used up' : 'reached'}`;
  return `${name} would be passed (${p.used} used, ${p.messages} to send)`;
}

function whenFree(p: { window: QuotaWindow; resetAt: Date | null }): string {
  if (p.resetAt) return `resets ${formatUtcMinute(p.resetAt)}`;
  return p.window === 'credits' ? 'no reset: add credits on the Quotas page' : 'blocked until the limit is raised on the Quotas page';
}
