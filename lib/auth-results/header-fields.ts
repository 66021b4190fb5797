/** One header field of a message: its name as written and its unfolded value (RFC 5322 §2.2.3). */
export interface HeaderField {
  name: string;
  value: string;
}

/**
 * Split a raw header block (or a whole message: parsing stops at the first empty line) into fields, top to
 * bottom, unfolding continuation lines (CRLF or LF followed by space or tab, RFC 5322 §2.2.3). Lines that are
 * neither a field nor a continuation are skipped. Pure.
 */
export function headerFields(raw: string): HeaderField[] {
  const fields: HeaderField[] = [];
  for (const line of raw.split(/\r?\n/)) {
    if (line === '') break;
    if (/^[ \t]/.test(line)) {
      const last = fields[fields.length - 1];
      if (last) last.value += ` ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    fields.push({ name: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim() });
  }
  return fields;
}

/** The values of every field named `name` (case-insensitive), top to bottom. Pure. */
export function headerValues(raw: string, name: string): string[] {
  const lower = name.toLowerCase();
  return headerFields(raw)
    .filter((f) => f.name.toLowerCase() === lower)
    .map((f) => f.value);
}
