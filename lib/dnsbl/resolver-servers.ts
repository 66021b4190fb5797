import dns from 'node:dns';
import net from 'node:net';
import { AppError } from '../errors.ts';

/** One DNS server endpoint: an IP literal (v4 or v6) and a UDP/TCP port. */
export interface ServerAddress {
  address: string;
  port: number;
  family: 4 | 6;
}

/**
 * Parses one server spec: `192.0.2.53`, `192.0.2.53:5300`, `2001:db8::53`, `[2001:db8::53]:5300` (port 53 when
 * omitted). Resolvers are configured by IP address, as in resolv.conf (a name would need a resolver to resolve it).
 * @throws AppError `invalid_input` naming the spec and what is wrong.
 */
export function parseServer(spec: string): ServerAddress {
  const s = spec.trim();
  let host = s;
  let port = 53;
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(s);
  if (bracketed) {
    host = bracketed[1];
    if (bracketed[2] !== undefined) port = Number(bracketed[2]);
  } else if (net.isIPv6(s)) {
    host = s;
  } else {
    const m = /^([^:]+):(\d+)$/.exec(s);
    if (m) {
      host = m[1];
      port = Number(m[2]);
    }
  }
  const family = net.isIP(host);
  if (family === 0) {
    throw new AppError('invalid_input', `DNS resolver "${spec}" must be an IP address with an optional port (host:port, [v6]:port)`);
  }
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new AppError('invalid_input', `DNS resolver "${spec}" has an invalid port (1–65535)`);
  }
  return { address: host, port, family: family as 4 | 6 };
}

/** Formats a server as `ip:port` or `[v6]:port`. */
export function formatServer(server: ServerAddress): string {
  return server.family === 6 ? `[${server.address}]:${server.port}` : `${server.address}:${server.port}`;
}

/**
 * The DNS servers DNSBL queries go to, as normalised `ip:port` / `[v6]:port` strings.
 * `value` is DNSBL_RESOLVER's syntax, `host:port[,host:port]` (IPv6 as `[v6]:port` or a bare v6 address);
 * empty or undefined → the system resolvers (`dns.getServers()`, i.e. /etc/resolv.conf).
 * With `allowNone`, an empty list is returned instead of throwing when neither DNSBL_RESOLVER nor the system
 * names a resolver (for pages that only display the configuration).
 * @throws AppError `invalid_input` when an entry is not an IP address with an optional port, or when none is left.
 */
export function resolverServers(value?: string, options: { allowNone?: boolean } = {}): string[] {
  const specs = value && value.trim() !== '' ? value.split(',').filter((p) => p.trim() !== '') : dns.getServers();
  const servers = specs.map((spec) => formatServer(parseServer(spec)));
  if (servers.length === 0 && !options.allowNone) throw new AppError('invalid_input', 'No DNS resolver configured (set DNSBL_RESOLVER=host:port)');
  return servers;
}
