/**
 * A DateTime as text in the form the Prisma libSQL adapter stores it (its default `iso8601` timestamp format:
 * `2026-11-29T18:00:00.304+00:00`, see `@prisma/adapter-libsql`), for values that raw SQL writes inside a JSON
 * parameter: rows written that way compare, sort and read back like the rows Prisma writes.
 */
export function formatSqliteTime(at: Date): string {
  return at.toISOString().replace('Z', '+00:00');
}
