import type { CheckResult, ErrorReason } from '../dnsbl/types.ts';

/**
 * The `--json` output: a JSON array (2-space indented, trailing newline), one object per (target, zone) with
 * exactly the keys `target`, `zone`, `verdict`, `reason`?, `codes`, `meanings`, `txt`? (absent keys omitted).
 */
export function formatCheckJson(results: CheckResult[]): string {
  const rows = results.map((r) => ({
    target: r.target,
    zone: r.zone,
    verdict: r.verdict,
    ...(r.reason !== undefined ? { reason: r.reason } : {}),
    codes: r.codes,
    meanings: r.meanings,
    ...(r.txt !== undefined ? { txt: r.txt } : {}),
  }));
  return `${JSON.stringify(rows, null, 2)}\n`;
}

/**
 * The human output: a table of listings, then of errors (not_listed and not_applicable pairs are only counted),
 * then one count line, e.g. `1 target × 3 zones: 1 listed, 1 not listed, 1 error, 0 not applicable`.
 * Errors whose reason is in `omitReasons` (e.g. zone_unhealthy when the resolver is not answering, said once
 * by the caller) are counted but get no row.
 */
export function formatCheckTable(params: { results: CheckResult[]; targets: number; omitReasons?: ErrorReason[] }): string {
  const { results } = params;
  const omit = new Set(params.omitReasons ?? []);
  const listed = results.filter((r) => r.verdict === 'listed');
  const errors = results.filter((r) => r.verdict === 'error' && !(r.reason && omit.has(r.reason)));
  const lines: string[] = [];
  if (listed.length > 0) {
    lines.push(...table(['TARGET', 'ZONE', 'LISTED', 'CODES', 'MEANING', 'TXT'], listed.map((r) => [
      r.target, r.zone, 'listed', r.codes.join(','), r.meanings.join('; '), r.txt ?? '',
    ])), '');
  }
  if (errors.length > 0) {
    lines.push(...table(['TARGET', 'ZONE', 'ERROR', 'CODES', 'DETAIL'], errors.map((r) => [
      r.target, r.zone, r.reason ?? 'error', r.codes.join(','), r.detail ?? r.meanings.join('; '),
    ])), '');
  }
  const count = (v: string) => results.filter((r) => r.verdict === v).length;
  const zones = new Set(results.map((r) => r.zone)).size;
  const addresses = new Set(results.map((r) => r.target)).size;
  lines.push(
    `${addresses} ${addresses === 1 ? 'target' : 'targets'} × ${zones} ${zones === 1 ? 'zone' : 'zones'}: ` +
      `${count('listed')} listed, ${count('not_listed')} not listed, ${count('error')} ${count('error') === 1 ? 'error' : 'errors'}, ` +
      `${count('not_applicable')} not applicable`,
  );
  return `${lines.join('\n')}\n`;
}

function table(head: string[], rows: string[][]): string[] {
  const widths = head.map((h, i) => Math.min(60, Math.max(h.length, ...rows.map((r) => r[i].length))));
  const fmt = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('  ').trimEnd();
  return [fmt(head), ...rows.map(fmt)];
}
