// A TCP proxy in front of the tests' PostgreSQL that can be cut and restored: a database outage as a server sees it
// (refused connections, and open ones dropped), without stopping the PostgreSQL other tests share.
import { connect, createServer, type Server, type Socket } from 'node:net';

export interface Outage {
  /** The proxied database URL (same database, the proxy's port). */
  url: string;
  /** Drops every open connection and refuses new ones. */
  cut(): Promise<void>;
  /** Accepts connections again on the same port. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function outageProxy(databaseUrl: string): Promise<Outage> {
  const target = new URL(databaseUrl);
  const sockets = new Set<Socket>();
  const make = (): Server => createServer((client) => {
    const upstream = connect(Number(target.port || 5432), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined);
    }
    client.pipe(upstream).pipe(client);
  });
  let server = make();
  const listen = (port: number) => new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as { port: number }).port));
  });
  const port = await listen(0);
  const url = new URL(databaseUrl);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  const stop = async () => {
    for (const s of sockets) s.destroy();
    await new Promise<void>((r) => server.close(() => r()));
  };
  return {
    url: url.toString(),
    cut: stop,
    async restore() {
      server = make();
      await listen(port);
    },
    close: async () => {
      if (server.listening) await stop();
    },
  };
}
