import type { PrismaClient } from '../generated/prisma/client.ts';
import { env } from '../env.ts';
import { readSetting } from './setting-store.ts';

/** Split ALERT_EMAIL_TO (`a@x.test, b@y.test`) into addresses. */
export function parseRecipientList(value: string | undefined): string[] {
  return (value ?? '')
    .split(/[,;\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Alert recipients: the `alertEmailTo` setting when set (even empty: alerts off), else ALERT_EMAIL_TO. */
export async function alertRecipients(params: { db?: PrismaClient } = {}): Promise<string[]> {
  const saved = await readSetting<string[]>({ key: 'alertEmailTo', db: params.db });
  return Array.isArray(saved) ? saved : parseRecipientList(env().ALERT_EMAIL_TO);
}
