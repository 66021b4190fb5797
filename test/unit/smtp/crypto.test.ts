import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, test } from 'vitest';
import { decryptSecret, encryptSecret, loadKeyFile } from '../../../lib/crypto.ts';

const run = promisify(execFile);
const key = crypto.randomBytes(32);
const dirs: string[] = [];
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'inboxwatch-key-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

test('a secret survives the round trip, including non-ASCII text', () => {
  for (const plain of ['sendpass', 'pässwörd 🔑', '']) expect(decryptSecret(encryptSecret(plain, key), key)).toBe(plain);
});

test('the same secret encrypts differently each time (fresh 12-byte IV) and never shows in the stored value', () => {
  const a = encryptSecret('sendpass', key);
  const b = encryptSecret('sendpass', key);
  expect(a).not.toBe(b);
  expect(a).not.toContain('sendpass');
  const [version, iv, tag] = a.split(':');
  expect(version).toBe('v1');
  expect(Buffer.from(iv, 'base64')).toHaveLength(12);
  expect(Buffer.from(tag, 'base64')).toHaveLength(16);
});

test('an altered ciphertext or tag is refused (GCM authentication)', () => {
  const [v, iv, tag, ct] = encryptSecret('sendpass', key).split(':');
  const flipped = Buffer.from(ct, 'base64');
  flipped[0] ^= 1;
  expect(() => decryptSecret([v, iv, tag, flipped.toString('base64')].join(':'), key)).toThrow(/cannot decrypt.*altered/);
  const badTag = Buffer.from(tag, 'base64');
  badTag[15] ^= 1;
  expect(() => decryptSecret([v, iv, badTag.toString('base64'), ct].join(':'), key)).toThrow(/cannot decrypt/);
  expect(() => decryptSecret('sendpass', key)).toThrow('cannot decrypt the secret: it is not a v1 encrypted value');
});

test('a value stored under another key gives a clear error naming the key as the likely cause', () => {
  const stored = encryptSecret('sendpass', key);
  expect(() => decryptSecret(stored, crypto.randomBytes(32))).toThrow(/encryption key differs.*ENCRYPTION_KEY/);
});

test('the key file is generated once with mode 0600 and read back on the next load', () => {
  const dir = tempDir();
  const first = loadKeyFile({ dataDir: dir });
  const file = path.join(dir, 'encryption.key');
  expect(first).toHaveLength(32);
  expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  expect(loadKeyFile({ dataDir: dir }).equals(first)).toBe(true);
  expect(fs.readdirSync(dir)).toEqual(['encryption.key']);
});

test('a key file that is not a 32-byte base64 key is refused', () => {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'encryption.key'), 'c2hvcnQ=\n');
  expect(() => loadKeyFile({ dataDir: dir })).toThrow(/does not hold a 32-byte base64 key/);
});

test('processes starting together agree on one generated key; the warning names the file, never the key', async () => {
  const dir = tempDir();
  const script = `import { encryptSecret } from ${JSON.stringify(path.resolve('lib/crypto.ts'))}; console.error(encryptSecret('shared'));`;
  const envs = { ...process.env, DATA_DIR: dir, ENCRYPTION_KEY: '', LOG_LEVEL: 'warn' };
  const outs = await Promise.all(
    Array.from({ length: 4 }, () => run(process.execPath, ['--input-type=module', '-e', script], { env: envs })),
  );
  const fileKey = loadKeyFile({ dataDir: dir });
  for (const o of outs) expect(decryptSecret(o.stderr.trim(), fileKey)).toBe('shared');
  const logs = outs.map((o) => o.stdout).join('');
  expect(logs).toContain(path.join(dir, 'encryption.key'));
  expect(logs).not.toContain(fileKey.toString('base64'));
  expect(logs.match(/generated a new key/g)).toHaveLength(1);
});
