import { z } from 'zod';
import { AppError } from '../errors.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { PLACEMENT_SETTING_KEYS, PLACEMENT_SETTING_RANGES } from '../placement/placement-settings.ts';
import { writeSetting } from './setting-store.ts';
import { getSettings } from './get-settings.ts';
import type { SettingsView } from './get-settings.ts';

const isEmail = (a: string) => z.email().safeParse(a).success;

const seconds = (name: string, range: { min: number; max: number }) =>
  z
    .number({ error: `${name} must be a whole number of seconds` })
    .int(`${name} must be a whole number of seconds`)
    .min(range.min, `${name} must be at least ${range.min} seconds`)
    .max(range.max, `${name} must be at most ${range.max} seconds`);

/**
 * `PUT /api/settings` body, every field optional (only those given are saved), at least one:
 * - `alertEmailTo`: up to 50 alert recipients (an empty list turns email alerts off). Addresses are trimmed first;
 *   each invalid one is refused by itself: `bogus is not an email address`.
 * - `placementCollectDeadlineSeconds`: 60 s to 7 days; `placementPollIntervalSeconds`: 5 s to 1 hour, and shorter
 *   than the collection deadline in effect.
 */
export const ZUpdateSettings = z
  .object({
    alertEmailTo: z.array(z.string().trim()).max(50).optional(),
    placementCollectDeadlineSeconds: seconds('placementCollectDeadlineSeconds', PLACEMENT_SETTING_RANGES.collectDeadlineSeconds).optional(),
    placementPollIntervalSeconds: seconds('placementPollIntervalSeconds', PLACEMENT_SETTING_RANGES.pollIntervalSeconds).optional(),
  })
  .strict()
  .refine((body) => Object.values(body).some((v) => v !== undefined), { message: 'nothing to update: give alertEmailTo, placementCollectDeadlineSeconds or placementPollIntervalSeconds' })
  .superRefine((body, ctx) => {
    for (const address of body.alertEmailTo ?? []) {
      if (!isEmail(address)) ctx.addIssue({ code: 'custom', path: [], message: `${address === '' ? '(an empty entry)' : address} is not an email address` });
    }
  });
export type TUpdateSettings = z.infer<typeof ZUpdateSettings>;

/**
 * Save the settings given (recipients trimmed and de-duplicated) and return them all. The placement timing applies
 * to the next worker tick (no restart). @throws AppError('invalid_input') when the poll interval would not be
 * shorter than the collection deadline in effect.
 */
export async function updateSettings(params: { settings: TUpdateSettings; db?: PrismaClient }): Promise<SettingsView> {
  const { settings, db } = params;
  const current = await getSettings({ db });
  const deadline = settings.placementCollectDeadlineSeconds ?? current.placementCollectDeadlineSeconds;
  const poll = settings.placementPollIntervalSeconds ?? current.placementPollIntervalSeconds;
  if ((settings.placementCollectDeadlineSeconds !== undefined || settings.placementPollIntervalSeconds !== undefined) && poll >= deadline) {
    throw new AppError('invalid_input', `placementPollIntervalSeconds (${poll}) must be shorter than placementCollectDeadlineSeconds (${deadline})`);
  }
  if (settings.alertEmailTo !== undefined) {
    await writeSetting({ key: 'alertEmailTo', value: [...new Set(settings.alertEmailTo.map((a) => a.trim()))], db });
  }
  if (settings.placementCollectDeadlineSeconds !== undefined) {
    await writeSetting({ key: PLACEMENT_SETTING_KEYS.collectDeadlineSeconds, value: settings.placementCollectDeadlineSeconds, db });
  }
  if (settings.placementPollIntervalSeconds !== undefined) {
    await writeSetting({ key: PLACEMENT_SETTING_KEYS.pollIntervalSeconds, value: settings.placementPollIntervalSeconds, db });
  }
  return getSettings({ db });
}
