import ipaddr from 'ipaddr.js';

/**
 * Well-known public recursive resolvers (anycast service addresses, IPv4 and IPv6). DNSBL operators refuse or
 * answer NXDOMAIN to queries arriving through them (catalog "Public resolvers", case BL-08), so the dashboard
 * warns when the configured resolver is one of these. Sources: each operator's published service addresses.
 */
const PUBLIC_RESOLVERS: { name: string; ranges: string[] }[] = [
  { name: 'Google Public DNS', ranges: ['8.8.8.8/32', '8.8.4.4/32', '2001:4860:4860::/48'] },
  { name: 'Cloudflare', ranges: ['1.1.1.0/24', '1.0.0.0/24', '2606:4700:4700::/48'] },
  { name: 'Quad9', ranges: ['9.9.9.0/24', '149.112.112.0/24', '2620:fe::/48'] },
  { name: 'OpenDNS', ranges: ['208.67.222.0/24', '208.67.220.0/24', '2620:119:35::/48', '2620:119:53::/48', '2620:0:ccc::/48', '2620:0:ccd::/48'] },
  { name: 'AdGuard DNS', ranges: ['94.140.14.0/24', '94.140.15.0/24', '2a10:50c0::/32'] },
  { name: 'Level3/Lumen', ranges: ['4.2.2.1/32', '4.2.2.2/32', '4.2.2.3/32', '4.2.2.4/32', '4.2.2.5/32', '4.2.2.6/32'] },
  { name: 'Comodo Secure DNS', ranges: ['8.26.56.26/32', '8.20.247.20/32'] },
  { name: 'Yandex DNS', ranges: ['77.88.8.0/24', '2a02:6b8::feed:0ff/128', '2a02:6b8:0:1::feed:0ff/128'] },
  { name: 'CleanBrowsing', ranges: ['185.228.168.0/24', '185.228.169.0/24', '2a0d:2a00::/32'] },
  { name: 'NextDNS', ranges: ['45.90.28.0/24', '45.90.30.0/24', '2a07:a8c0::/29'] },
  { name: 'Control D', ranges: ['76.76.2.0/24', '76.76.10.0/24', '2606:1a40::/32'] },
  { name: 'DNS.WATCH', ranges: ['84.200.69.80/32', '84.200.70.40/32', '2001:1608:10:25::/64'] },
  { name: 'Verisign Public DNS', ranges: ['64.6.64.6/32', '64.6.65.6/32', '2620:74:1b::1:1/128', '2620:74:1c::2:2/128'] },
];

const PARSED = PUBLIC_RESOLVERS.map((r) => ({ name: r.name, cidrs: r.ranges.map((c) => ipaddr.parseCIDR(c)) }));

/**
 * The public resolver operator serving `address` (an IPv4 or IPv6 literal, no port), or undefined.
 * IPv4-mapped IPv6 addresses are matched as IPv4.
 */
export function publicResolverName(address: string): string | undefined {
  if (!ipaddr.isValid(address)) return undefined;
  const ip = ipaddr.process(address);
  for (const r of PARSED) {
    for (const [net, bits] of r.cidrs) {
      if (net.kind() === ip.kind() && ip.match([net, bits] as [typeof ip, number])) return r.name;
    }
  }
  return undefined;
}
