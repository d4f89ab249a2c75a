import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An HTTP proxy on a free loopback port in front of a subgraph that, while closed, holds every
 * request it receives (counted in `received`) and sends them on when it is opened.
 */
export async function startGateProxy(target: string) {
  let open = true;
  let held: (() => void)[] = [];
  const state = { received: 0 };
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    state.received++;
    if (!open) await new Promise<void>((resume) => held.push(resume));
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === 'string' && !['host', 'content-length', 'connection'].includes(name)) headers[name] = value;
    }
    const answer = await fetch(target, { method: req.method, headers, body: req.method === 'POST' ? Buffer.concat(chunks) : undefined });
    res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
    res.end(Buffer.from(await answer.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    /** Requests received so far (held ones included). */
    get received() {
      return state.received;
    },
    close() {
      open = false;
    },
    open() {
      open = true;
      const resume = held;
      held = [];
      for (const r of resume) r();
    },
    stop: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
