/** zen.spamhaus.org served locally (rbldnsd ip4set; `$` is the queried address in TXT). */
export const ZEN_DATA = `:127.0.0.2:Listed in SBL: https://check.spamhaus.org/query/ip/$
127.0.0.2
192.0.2.1
192.0.2.4 :127.0.0.4:XBL exploited host $
192.0.2.5
192.0.2.5 :127.0.0.10:PBL end-user range $
192.0.2.16/28 :127.0.0.3:CSS snowshoe range $
!192.0.2.20
192.0.2.200 :127.255.255.254:Error: open resolver; https://check.spamhaus.org/returnc/pub/$
192.0.2.201 :127.0.0.99:
`;

/** dbl.spamhaus.org served locally (rbldnsd dnset; `.x` lists x and its subdomains; in TXT `$` is the listed entry, not the name asked). */
export const DBL_DATA = `:127.0.1.2:Spam domain $
dbltest.com
bad.example
.spammy.example :127.0.1.4:Phish $
xn--bcher-kva.example :127.0.1.5:Malware IDN $
`;
