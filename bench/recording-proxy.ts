import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request a gateway sent to a subgraph. */
export interface SubgraphFetch {
  subgraph: string;
  body: string;
}

export interface RecordingProxy {
  url: string;
  close(): Promise<void>;
}

/**
 * Stands in front of a subgraph, passes every request on unchanged and, while `recording()` says
 * so, keeps its body: what the gateway asks each subgraph for one client request.
 */
export function recordingProxy(subgraph: string, target: string, recording: () => SubgraphFetch[] | undefined): Promise<RecordingProxy> {
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    recording()?.push({ subgraph, body });
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === 'string' && !['host', 'content-length', 'connection'].includes(name)) headers[name] = value;
    }
    const answer = await fetch(target, { method: req.method, headers, body: req.method === 'POST' ? body : undefined });
    res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
    res.end(Buffer.from(await answer.arrayBuffer()));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}/graphql`,
        close: () => new Promise<void>((done) => {
          server.closeAllConnections();
          server.close(() => done());
        }),
      });
    });
  });
}
