const QTYPE = { A: 1, TXT: 16 } as const;

/**
 * Encodes a standard recursive query (RFC 1035 §4.1): header with `id`, RD set, one question `name` (ASCII,
 * no trailing dot, labels ≤ 63 octets) of type A or TXT, class IN. Written by hand because it is on the hot path
 * of every DNSBL query (one allocation, no intermediate objects).
 * @throws RangeError when a label is empty or longer than 63 octets, or the name longer than 253.
 */
export function encodeQuery(params: { id: number; name: string; type: 'A' | 'TXT' }): Buffer {
  const { id, name, type } = params;
  const len = Buffer.byteLength(name, 'latin1');
  if (len > 253) throw new RangeError(`DNS name longer than 253 octets: ${name}`);
  const buf = Buffer.allocUnsafe(12 + len + 2 + 4);
  buf.writeUInt16BE(id, 0);
  buf.writeUInt16BE(0x0100, 2);
  buf.writeUInt16BE(1, 4);
  buf.writeUInt32BE(0, 6);
  buf.writeUInt16BE(0, 10);
  let off = 12;
  let start = 0;
  for (let i = 0; i <= len; i++) {
    if (i === len || name.charCodeAt(i) === 46) {
      const labelLen = i - start;
      if (labelLen === 0 || labelLen > 63) throw new RangeError(`invalid DNS label in ${name}`);
      buf[off++] = labelLen;
      buf.write(name.slice(start, i), off, 'latin1');
      off += labelLen;
      start = i + 1;
    }
  }
  buf[off++] = 0;
  buf.writeUInt16BE(QTYPE[type], off);
  buf.writeUInt16BE(1, off + 2);
  return buf;
}
