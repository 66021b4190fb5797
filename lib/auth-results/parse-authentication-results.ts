/** One result of an Authentication-Results header (RFC 8601 §2.2 `resinfo`). */
export interface AuthResult {
  /** Method, lower-cased, without a `/version` suffix: spf, dkim, dmarc, arc, compauth, iprev, … */
  method: string;
  /** The result, lower-cased, with vendor aliases mapped (`dkim_pass` and `success` → pass). */
  result: string;
  /** The result as written. */
  rawResult: string;
  /** True when `rawResult` is not in the RFC 8601 §2.7 / RFC 7489 §11.2 vocabulary (an alias or a vendor value). */
  nonStandard?: boolean;
  /** The `reason=` value (RFC 8601 §2.2 reasonspec), unquoted. */
  reason?: string;
  /** The comments of the result, in order, joined by "; " (CFWS, RFC 5322 §3.2.2). */
  comment?: string;
  /** `ptype.property` pairs (`smtp.mailfrom`, `header.d`, …) and vendor extras such as `action`, in order written. */
  properties: Record<string, string>;
}

/** One parsed Authentication-Results header value. */
export interface ParsedAuthenticationResults {
  /** The authserv-id, or a bare domain token found between `;` when the header starts with a result (Microsoft). */
  authservId: string | null;
  results: AuthResult[];
}

type Token =
  | { t: 'word'; v: string }
  | { t: 'value'; v: string }
  | { t: 'comment'; v: string }
  | { t: 'eq' }
  | { t: 'sep' };

/** Results RFC 8601 §2.7 registers for any method, plus the DMARC and ARC ones (RFC 7489, RFC 8617). */
const STANDARD = new Set(['none', 'pass', 'fail', 'softfail', 'neutral', 'temperror', 'permerror', 'policy', 'hardfail']);

/** Vendor spellings seen in the wild (AUTH-02: Yahoo `dkim=dkim_pass`, `dmarc=success`). */
const ALIASES: Record<string, string> = {
  success: 'pass',
  ok: 'pass',
  failed: 'fail',
  failure: 'fail',
  tempfail: 'temperror',
  permfail: 'permerror',
};

function readQuoted(s: string, start: number): { v: string; end: number } {
  let v = '';
  let i = start + 1;
  for (; i < s.length && s[i] !== '"'; i++) {
    if (s[i] === '\\' && i + 1 < s.length) i++;
    v += s[i];
  }
  return { v, end: i + 1 };
}

/** A comment, which may nest and hold quoted pairs (RFC 5322 §3.2.2). */
function readComment(s: string, start: number): { v: string; end: number } {
  let depth = 0;
  let v = '';
  let i = start;
  for (; i < s.length; i++) {
    const c = s[i];
    if (c === '\\' && i + 1 < s.length) {
      v += s[++i];
      continue;
    }
    if (c === '(') {
      if (depth++ > 0) v += c;
    } else if (c === ')') {
      if (--depth === 0) return { v: v.trim(), end: i + 1 };
      v += c;
    } else v += c;
  }
  return { v: v.trim(), end: i };
}

/**
 * Tokenise first, so that `;`, `=` and `:` inside comments and quoted strings never split a result (AUTH-03).
 * After `=`, a value runs to whitespace, `;` or `(` (so base64 `header.b=abc=` keeps its padding).
 */
function tokenize(s: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (/\s/.test(c)) i++;
    else if (c === '(') {
      const r = readComment(s, i);
      out.push({ t: 'comment', v: r.v });
      i = r.end;
    } else if (c === ';') {
      out.push({ t: 'sep' });
      i++;
    } else if (c === '=') {
      out.push({ t: 'eq' });
      i++;
      while (i < s.length && /[ \t]/.test(s[i])) i++;
      if (s[i] === '"') {
        const r = readQuoted(s, i);
        out.push({ t: 'value', v: r.v });
        i = r.end;
      } else {
        const m = /^[^\s;(]*/.exec(s.slice(i)) as RegExpExecArray;
        if (m[0]) out.push({ t: 'value', v: m[0] });
        i += m[0].length;
      }
    } else if (c === '"') {
      const r = readQuoted(s, i);
      out.push({ t: 'word', v: r.v });
      i = r.end;
    } else {
      const m = /^[^\s;=("]+/.exec(s.slice(i)) as RegExpExecArray;
      out.push({ t: 'word', v: m[0] });
      i += m[0].length;
    }
  }
  return out;
}

interface Pair {
  key: string;
  value: string;
  comments: string[];
}

/** One `;`-separated segment as `key=value` pairs (each with the comments that follow it) and stray words. */
function readSegment(tokens: Token[]): { pairs: Pair[]; words: string[]; lead: string[] } {
  const pairs: Pair[] = [];
  const words: string[] = [];
  const lead: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    if (tok.t === 'word' && tokens[i + 1]?.t === 'eq') {
      const next = tokens[i + 2];
      const value = next?.t === 'value' ? next.v : '';
      pairs.push({ key: tok.v, value, comments: [] });
      i += next?.t === 'value' ? 2 : 1;
    } else if (tok.t === 'comment') {
      if (pairs.length) pairs[pairs.length - 1].comments.push(tok.v);
      else lead.push(tok.v);
    } else if (tok.t === 'word') words.push(tok.v);
  }
  return { pairs, words, lead };
}

function normaliseResult(method: string, raw: string): { result: string; nonStandard?: boolean } {
  const lower = raw.toLowerCase();
  if (STANDARD.has(lower)) return { result: lower };
  const prefixed = lower.startsWith(`${method}_`) ? lower.slice(method.length + 1) : null;
  if (prefixed && STANDARD.has(prefixed)) return { result: prefixed, nonStandard: true };
  if (ALIASES[lower]) return { result: ALIASES[lower], nonStandard: true };
  return { result: lower, nonStandard: true };
}

function toResult(pairs: Pair[], lead: string[]): AuthResult | null {
  const methodPair = pairs.find((p) => !p.key.includes('.') && p.key.toLowerCase() !== 'reason');
  if (!methodPair) return null;
  const method = methodPair.key.toLowerCase().replace(/\/\d+$/, '');
  const { result, nonStandard } = normaliseResult(method, methodPair.value);
  const properties: Record<string, string> = {};
  let reason: string | undefined;
  const comments = [...lead, ...methodPair.comments];
  for (const p of pairs) {
    if (p === methodPair) continue;
    if (p.key.toLowerCase() === 'reason' && reason === undefined) reason = p.value;
    else if (!(p.key in properties)) properties[p.key] = p.value;
    comments.push(...p.comments);
  }
  return {
    method,
    result,
    rawResult: methodPair.value,
    ...(nonStandard ? { nonStandard } : {}),
    ...(reason !== undefined ? { reason } : {}),
    ...(comments.length ? { comment: comments.join('; ') } : {}),
    properties,
  };
}

/**
 * Parse one Authentication-Results header value (RFC 8601 §2.2), tolerantly:
 * - comments (nested) and quoted strings are tokenised before splitting on `;` (AUTH-03);
 * - the authserv-id is optional (Microsoft writes none); a segment of bare words (Microsoft's stray
 *   `receiving.example`) is ignored, or kept as the authserv-id when there is none (AUTH-01);
 * - properties may come before the method (Yahoo), a comment may follow a value with no space, and every result
 *   of a method is kept (AUTH-02);
 * - vendor results are mapped (`dkim_pass`, `success` → pass, flagged `nonStandard`); others such as Microsoft's
 *   `bestguesspass` are kept as written, flagged `nonStandard` (AUTH-12);
 * - `compauth`, `action` and other extras are kept as results or properties. `none` (no results) gives `[]`.
 * Pure; never throws.
 * @example parseAuthenticationResults('mx.example.net; spf=pass smtp.mailfrom=example.com')
 *   // { authservId: 'mx.example.net', results: [{ method: 'spf', result: 'pass', rawResult: 'pass', properties: { 'smtp.mailfrom': 'example.com' } }] }
 */
export function parseAuthenticationResults(value: string): ParsedAuthenticationResults {
  const segments: Token[][] = [[]];
  for (const tok of tokenize(value)) {
    if (tok.t === 'sep') segments.push([]);
    else segments[segments.length - 1].push(tok);
  }
  let authservId: string | null = null;
  const results: AuthResult[] = [];
  segments.forEach((tokens, index) => {
    const { pairs, words, lead } = readSegment(tokens);
    if (pairs.length === 0) {
      const id = words.find((w) => w.toLowerCase() !== 'none' && !/^\d+$/.test(w));
      if (id && authservId === null && (index === 0 || /\./.test(id))) authservId = id;
      return;
    }
    const r = toResult(pairs, lead);
    if (r) results.push(r);
  });
  return { authservId, results };
}
