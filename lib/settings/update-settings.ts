import { z } from 'zod';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { writeSetting } from './setting-store.ts';
import { getSettings } from './get-settings.ts';
import type { SettingsView } from './get-settings.ts';

/** `PUT /api/settings` body: up to 50 alert recipients (an empty list turns email alerts off). */
export const ZUpdateSettings = z
  .object({
    alertEmailTo: z.array(z.email({ error: (i) => `${String(i.input)} is not an email address` })).max(50),
  })
  .strict();
export type TUpdateSettings = z.infer<typeof ZUpdateSettings>;

/** Save the settings (recipients trimmed and de-duplicated) and return them. */
export async function updateSettings(params: { settings: TUpdateSettings; db?: PrismaClient }): Promise<SettingsView> {
  const unique = [...new Set(params.settings.alertEmailTo.map((a) => a.trim()))];
  await writeSetting({ key: 'alertEmailTo', value: unique, db: params.db });
  return getSettings({ db: params.db });
}
