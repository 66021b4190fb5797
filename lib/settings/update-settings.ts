import { z } from 'zod';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { writeSetting } from './setting-store.ts';
import { getSettings } from './get-settings.ts';
import type { SettingsView } from './get-settings.ts';

const isEmail = (a: string) => z.email().safeParse(a).success;

/**
 * `PUT /api/settings` body: up to 50 alert recipients (an empty list turns email alerts off). Addresses are trimmed
 * first; each invalid one is refused by itself: `bogus is not an email address`.
 */
export const ZUpdateSettings = z
  .object({
    alertEmailTo: z.array(z.string().trim()).max(50),
  })
  .strict()
  .superRefine((body, ctx) => {
    for (const address of body.alertEmailTo) {
      if (!isEmail(address)) ctx.addIssue({ code: 'custom', path: [], message: `${address === '' ? '(an empty entry)' : address} is not an email address` });
    }
  });
export type TUpdateSettings = z.infer<typeof ZUpdateSettings>;

/** Save the settings (recipients trimmed and de-duplicated) and return them. */
export async function updateSettings(params: { settings: TUpdateSettings; db?: PrismaClient }): Promise<SettingsView> {
  const unique = [...new Set(params.settings.alertEmailTo.map((a) => a.trim()))];
  await writeSetting({ key: 'alertEmailTo', value: unique, db: params.db });
  return getSettings({ db: params.db });
}
