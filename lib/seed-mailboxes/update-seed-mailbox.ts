import { z } from 'zod';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { encryptSecret } from '../crypto.ts';
import { AppError } from '../errors.ts';
import { isUniqueViolation } from '../assets/is-unique-violation.ts';
import { findSeedMailboxOrThrow } from './get-seed-mailbox.ts';
import { normaliseAddress } from './normalise-address.ts';
import { ZAuthMethod, ZImapHost, ZImapPort, ZImapSecurity, ZProvider, ZSecret, ZSeedAddress, ZSpamFolder } from './seed-mailbox-fields.ts';
import { toSeedMailboxView } from './seed-mailbox-view.ts';
import type { SeedMailboxView } from './seed-mailbox-view.ts';

/** `PATCH /api/seed-mailboxes/:id` body: any field of the create body; an omitted secret is kept. */
export const ZUpdateSeedMailbox = z
  .object({
    provider: ZProvider.optional(),
    address: ZSeedAddress.optional(),
    imapHost: ZImapHost.optional(),
    imapPort: ZImapPort.optional(),
    imapSecurity: ZImapSecurity.optional(),
    imapUser: z.string().trim().min(1).max(320).optional(),
    authMethod: ZAuthMethod.optional(),
    password: ZSecret.optional(),
    accessToken: ZSecret.optional(),
    trustSelfSigned: z.boolean().optional(),
    spamFolder: ZSpamFolder.optional(),
    enabled: z.boolean().optional(),
  })
  .strict();
/** The validated patch body. */
export type TUpdateSeedMailbox = z.infer<typeof ZUpdateSeedMailbox>;

/** Fields whose change makes the last connection test stale. */
const CONNECTION_FIELDS = ['imapHost', 'imapPort', 'imapSecurity', 'imapUser', 'authMethod', 'trustSelfSigned'] as const;

/**
 * Change a seed mailbox. The stored secret is kept unless a new `password` / `accessToken` is sent (then it is
 * encrypted again); switching `authMethod` needs the new kind of secret. `spamFolder: null` or "" clears the
 * override. A change of connection settings clears the last connection test, which no longer applies.
 * @throws AppError('not_found') for an unknown id; AppError('invalid_input') for a secret that does not match the
 *   auth method; AppError('conflict') when the new address is another seed mailbox.
 */
export async function updateSeedMailbox(params: { id: string; patch: TUpdateSeedMailbox; db?: PrismaClient }): Promise<SeedMailboxView> {
  const db = params.db ?? prisma;
  const row = await findSeedMailboxOrThrow({ id: params.id, db });
  const { password, accessToken, address, spamFolder, ...rest } = params.patch;
  const method = rest.authMethod ?? row.authMethod;
  const given = method === 'xoauth2' ? accessToken : password;
  const wrong = method === 'xoauth2' ? password : accessToken;
  const [want, other] = method === 'xoauth2' ? ['accessToken', 'password'] : ['password', 'accessToken'];
  if (wrong !== undefined) throw new AppError('invalid_input', `${other}: not used when authMethod is ${method}; send ${want}`);
  if (method !== row.authMethod && given === undefined) {
    throw new AppError('invalid_input', `${want}: required when changing authMethod to ${method}`);
  }
  const nextSpamFolder = spamFolder === undefined ? row.spamFolder : spamFolder ? spamFolder : null;
  const changed = (CONNECTION_FIELDS as readonly string[]).some((k) => {
    const next = rest[k as keyof typeof rest];
    return next !== undefined && next !== row[k as keyof typeof row];
  });
  const stale = changed || given !== undefined || nextSpamFolder !== row.spamFolder;
  try {
    const updated = await db.seedMailbox.update({
      where: { id: params.id },
      data: {
        ...rest,
        ...(address !== undefined ? { address: normaliseAddress(address) } : {}),
        spamFolder: nextSpamFolder,
        ...(given !== undefined ? { secret: encryptSecret(given) } : {}),
        ...(stale ? { lastTest: null, lastTestAt: null } : {}),
      },
    });
    return toSeedMailboxView(updated);
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('conflict', `${address} is already a seed mailbox`);
    throw err;
  }
}
