import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from '../config';
import { collectProcessMetrics, metricsRegistry } from './metrics';

export interface MetricsEndpoint {
  /** `http://host:port/metrics` */
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * `GET /metrics` (Prometheus text format) on a port of its own, apart from the API: bound to
 * loopback unless METRICS_HOST says otherwise, for a scraper on the same host or the internal
 * network. Everything else there is 404.
 */
export function startMetricsServer(port: number, host = '127.0.0.1'): Promise<MetricsEndpoint> {
  collectProcessMetrics();
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    metricsRegistry.metrics().then(
      (text) => res.writeHead(200, { 'content-type': metricsRegistry.contentType }).end(text),
      () => res.writeHead(500, { 'content-type': 'text/plain' }).end('metrics unavailable\n'),
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new Error(`端口 ${port} 已被占用 · ${host}:${port} (METRICS_PORT) is already in use by another program`) : error),
    );
    server.listen(port, host, () => {
      const actual = (server.address() as AddressInfo).port;
      resolve({
        url: `http://${host}:${actual}/metrics`,
        port: actual,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

/** The endpoint METRICS_PORT asks for, or none when it is unset. */
export async function metricsEndpointFor(config: Config): Promise<MetricsEndpoint | undefined> {
  return config.metrics.port === undefined ? undefined : startMetricsServer(config.metrics.port, config.metrics.host);
}
