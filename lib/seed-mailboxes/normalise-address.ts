/**
 * A seed address with its domain lower-cased and the local part kept as written (RFC 5321 §2.4: only the domain
 * is case-insensitive), so the same mailbox cannot be registered twice under a differently cased domain.
 */
export function normaliseAddress(address: string): string {
  const at = address.lastIndexOf('@');
  return `${address.slice(0, at)}@${address.slice(at + 1).toLowerCase()}`;
}
