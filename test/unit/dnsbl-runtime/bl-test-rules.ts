import type { PeerRule } from '../../helpers/dns-peer.ts';

/** The answers of the in-process DNS peer both DNS client tests talk to: one name per rcode and reply shape. */
export const BL_TEST_RULES: Record<string, PeerRule> = {
  '2.0.0.127.bl.test': { a: ['127.0.0.2', '127.0.0.4'], txt: [['Listed: ', 'see https://bl.test/127.0.0.2'], ['second record']] },
  '1.0.0.127.bl.test': { rcode: 'NXDOMAIN' },
  'nodata.bl.test': { a: [] },
  'servfail.bl.test': { rcode: 'SERVFAIL' },
  'refused.bl.test': { rcode: 'REFUSED' },
  'notimp.bl.test': { rcode: 'NOTIMP' },
  'silent.bl.test': { drop: true },
  'slow.bl.test': { a: ['127.0.0.3'], delayMs: 300 },
  'alias.bl.test': { cname: 'target.bl.test', a: ['127.0.0.5'] },
  'big.bl.test': { truncate: true, txt: [['x'.repeat(200), 'y'.repeat(200)]], a: ['127.0.0.6'] },
  'spoof.bl.test': { a: ['127.0.0.2'], wrongId: true },
};
