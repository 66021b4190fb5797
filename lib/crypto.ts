import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { env } from './env.ts';
import { logger } from './logger.ts';

/**
 * Secrets at rest (SMTP and IMAP passwords, OAuth2 tokens): AES-256-GCM (NIST SP 800-38D) with a random 96-bit IV
 * per secret and the 128-bit authentication tag, stored as `v1:<iv b64>:<tag b64>:<ciphertext b64>`.
 * The key is ENCRYPTION_KEY (base64, 32 bytes) or, when unset, `${DATA_DIR}/encryption.key`, generated on first
 * use with mode 0600 (design §8). The key itself is never logged.
 */
const VERSION = 'v1';
const IV_BYTES = 12;
const KEY_BYTES = 32;
const KEY_FILE = 'encryption.key';

let cachedKey: Buffer | undefined;

/**
 * Read `${dataDir}/encryption.key`, or create it atomically: the new key is written to a private temp file and
 * hard-linked into place, so two processes starting together agree on one key (the loser of the link reads the
 * winner's file). Logs a warning naming the file when it creates one.
 * @returns the 32-byte key.
 * @throws Error when the existing file does not hold a base64 32-byte key.
 */
export function loadKeyFile(params: { dataDir: string }): Buffer {
  const file = path.resolve(params.dataDir, KEY_FILE);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.${crypto.randomBytes(6).toString('hex')}.tmp`;
    fs.writeFileSync(tmp, `${crypto.randomBytes(KEY_BYTES).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    try {
      fs.linkSync(tmp, file);
      logger.warn({ file }, `ENCRYPTION_KEY is not set: generated a new key into ${file}; back it up, stored secrets cannot be read without it`);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    } finally {
      fs.rmSync(tmp, { force: true });
    }
  }
  const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== KEY_BYTES) throw new Error(`${file} does not hold a 32-byte base64 key; restore it from a backup`);
  return key;
}

/** The process's encryption key (ENCRYPTION_KEY, else the key file), loaded once. */
function encryptionKey(): Buffer {
  if (cachedKey) return cachedKey;
  const e = env();
  cachedKey = e.ENCRYPTION_KEY ? Buffer.from(e.ENCRYPTION_KEY, 'base64') : loadKeyFile({ dataDir: e.DATA_DIR });
  return cachedKey;
}

/** Forget the loaded key (tests change ENCRYPTION_KEY or DATA_DIR between cases). */
export function resetEncryptionKey(): void {
  cachedKey = undefined;
}

/**
 * Encrypt a secret for storage. Two calls with the same input give different outputs (fresh IV).
 * @param key 32 bytes; defaults to the process key.
 * @returns `v1:<iv>:<tag>:<ciphertext>`, each part base64.
 */
export function encryptSecret(plain: string, key: Buffer = encryptionKey()): string {
  const iv = crypto.randomBytes(IV_BYTES);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), ciphertext.toString('base64')].join(':');
}

/**
 * Decrypt a value made by encryptSecret.
 * @param key 32 bytes; defaults to the process key.
 * @throws Error('cannot decrypt …') when the value is not in the v1 format, was altered, or was encrypted under
 *   another key (GCM authentication fails in both of the last two cases).
 */
export function decryptSecret(blob: string, key: Buffer = encryptionKey()): string {
  const parts = blob.split(':');
  if (parts.length !== 4 || parts[0] !== VERSION) throw new Error('cannot decrypt the secret: it is not a v1 encrypted value');
  const [, iv, tag, ciphertext] = parts.map((p) => Buffer.from(p, 'base64'));
  if (iv.length !== IV_BYTES || tag.length !== 16) throw new Error('cannot decrypt the secret: malformed IV or tag');
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  } catch {
    throw new Error(
      'cannot decrypt the secret: the encryption key differs from the one it was stored with (ENCRYPTION_KEY or DATA_DIR/encryption.key changed), or the stored value was altered; enter the password again',
    );
  }
}
