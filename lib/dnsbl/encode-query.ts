/**
 * Encodes a standard recursive query (RFC 1035 §4.1): header with `id`, RD set, one question `name` (ASCII,
 * no trailing dot, labels ≤ 63 octets) of type A or TXT, class IN. Written by hand because it is on the hot path
 * of every DNSBL query: one allocation, the name copied byte by byte (each character's low 8 bits, as latin1).
 * @throws RangeError when a label is empty or longer than 63 octets, or the name longer than 253.
 */
export function encodeQuery(params: { id: number; name: string; type: 'A' | 'TXT' }): Buffer {
  const { id, name, type } = params;
  const len = name.length;
  if (len > 253) throw new RangeError(`DNS name longer than 253 octets: ${name}`);
  const buf = Buffer.allocUnsafe(12 + len + 2 + 4);
  buf[0] = id >>> 8;
  buf[1] = id & 0xff;
  buf[2] = 0x01;
  buf[3] = 0;
  buf[4] = 0;
  buf[5] = 1;
  buf[6] = 0;
  buf[7] = 0;
  buf[8] = 0;
  buf[9] = 0;
  buf[10] = 0;
  buf[11] = 0;
  let lenAt = 12;
  let off = 13;
  for (let i = 0; i <= len; i++) {
    const c = i === len ? 46 : name.charCodeAt(i);
    if (c === 46) {
      const labelLen = off - lenAt - 1;
      if (labelLen === 0 || labelLen > 63) throw new RangeError(`invalid DNS label in ${name}`);
      buf[lenAt] = labelLen;
      lenAt = off++;
    } else {
      buf[off++] = c & 0xff;
    }
  }
  buf[lenAt] = 0;
  buf[off] = 0;
  buf[off + 1] = type === 'A' ? 1 : 16;
  buf[off + 2] = 0;
  buf[off + 3] = 1;
  return buf;
}
