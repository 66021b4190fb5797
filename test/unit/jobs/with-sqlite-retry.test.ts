import { expect, test } from 'vitest';

process.env.LOG_LEVEL = 'silent';
const { isSqliteBusy, withSqliteRetry } = await import('../../../lib/db/with-sqlite-retry.ts');

test('libSQL "database is locked" (also as a cause) and SQLITE_BUSY are recognised; other errors are not', () => {
  expect(isSqliteBusy(new Error('stepping, database is locked (5)'))).toBe(true);
  expect(isSqliteBusy(Object.assign(new Error('busy'), { code: 'SQLITE_BUSY' }))).toBe(true);
  expect(isSqliteBusy(new Error('Invalid `prisma.jobRun.create()` invocation', { cause: new Error('database is locked') }))).toBe(true);
  expect(isSqliteBusy(new Error('Unique constraint failed on the fields: (`id`)'))).toBe(false);
});

test('a locked write is retried with doubling waits until it goes through', async () => {
  const waits: number[] = [];
  let calls = 0;
  const value = await withSqliteRetry(
    async () => {
      calls++;
      if (calls < 3) throw new Error('stepping, database is locked (5)');
      return 'written';
    },
    { what: 'test write', wait: async (ms) => waits.push(ms) },
  );
  expect(value).toBe('written');
  expect(waits).toEqual([100, 200]);
});

test('other errors are thrown at once; a lock that never clears is thrown after the last try', async () => {
  let calls = 0;
  await expect(withSqliteRetry(async () => {
    calls++;
    throw new Error('Unique constraint failed');
  }, { what: 'x', wait: async () => {} })).rejects.toThrow('Unique constraint failed');
  expect(calls).toBe(1);
  calls = 0;
  await expect(withSqliteRetry(async () => {
    calls++;
    throw new Error('database is locked');
  }, { what: 'x', tries: 4, wait: async () => {} })).rejects.toThrow('database is locked');
  expect(calls).toBe(4);
});
