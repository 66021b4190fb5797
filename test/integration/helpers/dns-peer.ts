import dns2 from 'dns2';

const { Packet } = dns2;
type Answer = ReturnType<typeof Packet.createResponseFromRequest>['answers'][number];

/**
 * A tiny authoritative DNS peer on 127.0.0.1 (free UDP port) for DNSBL tests: `records` maps a query name to its
 * A values and optional TXT; every other name is NXDOMAIN. `close()` stops it.
 */
export async function startDnsPeer(records: Record<string, { a: string[]; txt?: string }>): Promise<{
  server: string;
  queries: string[];
  close(): Promise<void>;
}> {
  const queries: string[] = [];
  const server = dns2.createServer({
    udp: true,
    handle(request, send) {
      const response = Packet.createResponseFromRequest(request);
      const [q] = request.questions;
      const name = q.name.toLowerCase();
      queries.push(name);
      const rec = records[name];
      if (!rec) {
        response.header.rcode = 3;
      } else if (q.type === Packet.TYPE.A) {
        for (const address of rec.a) response.answers.push({ name: q.name, type: Packet.TYPE.A, class: Packet.CLASS.IN, ttl: 60, address } as Answer);
      } else if (q.type === Packet.TYPE.TXT && rec.txt) {
        response.answers.push({ name: q.name, type: Packet.TYPE.TXT, class: Packet.CLASS.IN, ttl: 60, data: rec.txt } as Answer);
      }
      send(response);
    },
  });
  const addresses = await server.listen({ udp: { port: 0, address: '127.0.0.1' } });
  const udp = (addresses as { udp: { port: number } }).udp;
  return {
    server: `127.0.0.1:${udp.port}`,
    queries,
    close: () => server.close(),
  };
}
