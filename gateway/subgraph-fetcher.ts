import http from 'node:http';
import https from 'node:https';

/** What `RemoteGraphQLDataSource` reads of a subgraph's answer (a small part of fetch's `Response`). */
export class SubgraphResponse {
  readonly ok: boolean;
  readonly headers: { get(name: string): string | null };

  constructor(
    readonly url: string,
    readonly status: number,
    readonly statusText: string,
    headers: http.IncomingHttpHeaders,
    private readonly body: Buffer,
  ) {
    this.ok = status >= 200 && status < 300;
    this.headers = {
      get: (name) => {
        const value = headers[name.toLowerCase()];
        return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
      },
    };
  }

  async text(): Promise<string> {
    return this.body.toString('utf8');
  }

  async json(): Promise<unknown> {
    return JSON.parse(this.body.toString('utf8'));
  }
}

/** Idle connections to a subgraph are closed after this long, well before the subgraph's own keep-alive (65 s) closes them under a request. */
const IDLE_MS = 4_000;

/**
 * The gateway's HTTP client for one subgraph: Node's `http.request` over kept-alive connections,
 * one timer per request. Node's `fetch` costs the gateway several times more CPU per request (its
 * streams, and an `AbortSignal` for each timeout). Failures read as fetch's do: `TimeoutError`
 * when no answer came within `timeoutMs`, a `TypeError('fetch failed')` carrying the cause when
 * the connection failed (`subgraph-failure.ts` tells them apart).
 */
export function subgraphFetcher(timeoutMs: number) {
  const agents = { 'http:': new http.Agent({ keepAlive: true, timeout: IDLE_MS, scheduling: 'lifo' }), 'https:': new https.Agent({ keepAlive: true, timeout: IDLE_MS, scheduling: 'lifo' }) };
  return (url: string, init: { method?: string; headers?: Record<string, string>; body?: string }): Promise<SubgraphResponse> =>
    new Promise((resolve, reject) => {
      const target = new URL(url);
      const protocol = target.protocol === 'https:' ? 'https:' : 'http:';
      const body = init.body === undefined ? undefined : Buffer.from(init.body, 'utf8');
      const headers = { ...init.headers, ...(body ? { 'content-length': String(body.length) } : {}) };
      let settled = false;
      const fail = (error: Error) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        reject(error.name === 'TimeoutError' ? error : new TypeError('fetch failed', { cause: error }));
      };
      const request = (protocol === 'https:' ? https : http).request(target, { method: init.method ?? 'GET', headers, agent: agents[protocol] }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', fail);
        res.on('end', () => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          resolve(new SubgraphResponse(url, res.statusCode ?? 0, res.statusMessage ?? '', res.headers, Buffer.concat(chunks)));
        });
      });
      const timer = setTimeout(() => {
        const timeout = new Error(`no answer from ${target.host} within ${timeoutMs} ms`);
        timeout.name = 'TimeoutError';
        fail(timeout);
        request.destroy();
      }, timeoutMs);
      request.on('error', fail);
      request.end(body);
    });
}
