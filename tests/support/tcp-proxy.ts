import net from 'node:net';

export type ProxyMode = 'pass' | 'hold' | 'bad-gateway';

/**
 * A tiny TCP proxy on a free loopback port in front of `target`: `pass` forwards both ways,
 * `hold` forwards the request but keeps the answer back (a subgraph too slow to answer),
 * `bad-gateway` answers every new connection `502` itself.
 */
export async function startTcpProxy(target: { host: string; port: number }) {
  let mode: ProxyMode = 'pass';
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => undefined);
    if (mode === 'bad-gateway') {
      client.once('data', () => client.end('HTTP/1.1 502 Bad Gateway\r\ncontent-type: text/plain\r\ncontent-length: 11\r\nconnection: close\r\n\r\nbad gateway'));
      return;
    }
    const holding = mode === 'hold';
    const upstream = net.connect(target);
    sockets.add(upstream);
    upstream.on('close', () => (sockets.delete(upstream), client.destroy()));
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    client.pipe(upstream);
    if (!holding) upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    port,
    url: `http://127.0.0.1:${port}/graphql`,
    /** Applies to connections opened from now on (the ones open now are dropped). */
    setMode(next: ProxyMode) {
      mode = next;
      for (const s of sockets) s.destroy();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
