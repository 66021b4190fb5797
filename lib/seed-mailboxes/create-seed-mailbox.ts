import { z } from 'zod';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { prisma } from '../db.ts';
import { encryptSecret } from '../crypto.ts';
import { AppError } from '../errors.ts';
import { isUniqueViolation } from '../assets/is-unique-violation.ts';
import { normaliseAddress } from './normalise-address.ts';
import { ZAuthMethod, ZImapHost, ZImapPort, ZImapSecurity, ZProvider, ZSecret, ZSeedAddress, ZSpamFolder } from './seed-mailbox-fields.ts';
import { toSeedMailboxView } from './seed-mailbox-view.ts';
import type { SeedMailboxView } from './seed-mailbox-view.ts';

/**
 * `POST /api/seed-mailboxes` body. The secret matching `authMethod` is required: `password` for password,
 * `accessToken` for xoauth2. `imapUser` defaults to the address.
 */
export const ZCreateSeedMailbox = z
  .object({
    provider: ZProvider,
    address: ZSeedAddress,
    imapHost: ZImapHost,
    imapPort: ZImapPort,
    imapSecurity: ZImapSecurity,
    imapUser: z.string().trim().min(1).max(320).optional(),
    authMethod: ZAuthMethod.default('password'),
    password: ZSecret.optional(),
    accessToken: ZSecret.optional(),
    trustSelfSigned: z.boolean().default(false),
    spamFolder: ZSpamFolder.optional(),
    enabled: z.boolean().default(true),
  })
  .strict()
  .superRefine((v, ctx) => {
    const want = v.authMethod === 'xoauth2' ? 'accessToken' : 'password';
    const other = want === 'password' ? 'accessToken' : 'password';
    if (v[want] === undefined) ctx.addIssue({ code: 'custom', path: [want], message: `required when authMethod is ${v.authMethod}` });
    if (v[other] !== undefined) ctx.addIssue({ code: 'custom', path: [other], message: `not used when authMethod is ${v.authMethod}; send ${want}` });
  });
/** The validated create body. */
export type TCreateSeedMailbox = z.infer<typeof ZCreateSeedMailbox>;

/**
 * Register a seed mailbox. The password or access token is encrypted (AES-256-GCM, lib/crypto.ts) before it is
 * stored and is never returned.
 * @returns the mailbox view (`hasSecret: true`).
 * @throws AppError('conflict') when the address is already a seed mailbox.
 */
export async function createSeedMailbox(params: TCreateSeedMailbox & { db?: PrismaClient }): Promise<SeedMailboxView> {
  const db = params.db ?? prisma;
  const address = normaliseAddress(params.address);
  const taken = await db.seedMailbox.findUnique({ where: { address }, select: { id: true } });
  if (taken) throw new AppError('conflict', `${address} is already a seed mailbox`);
  const secret = encryptSecret((params.authMethod === 'xoauth2' ? params.accessToken : params.password) as string);
  try {
    const row = await db.seedMailbox.create({
      data: {
        provider: params.provider,
        address,
        imapHost: params.imapHost,
        imapPort: params.imapPort,
        imapSecurity: params.imapSecurity,
        imapUser: params.imapUser ?? address,
        authMethod: params.authMethod,
        secret,
        trustSelfSigned: params.trustSelfSigned,
        spamFolder: params.spamFolder ? params.spamFolder : null,
        enabled: params.enabled,
      },
    });
    return toSeedMailboxView(row);
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('conflict', `${address} is already a seed mailbox`);
    throw err;
  }
}
