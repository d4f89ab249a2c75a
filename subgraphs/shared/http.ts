import type { AddressInfo } from 'node:net';
import http from 'node:http';
import type { Express } from 'express';

export interface Listening {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Listens on `port` (0 = a free one) and reports where. */
export function listen(app: Express, port: number, host = '127.0.0.1'): Promise<Listening & { server: http.Server }> {
  return new Promise((resolve, reject) => {
    const server = http.createServer(app);
    server.keepAliveTimeout = 65_000;
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: actual } = server.address() as AddressInfo;
      let closing: Promise<void> | undefined;
      resolve({
        server,
        port: actual,
        url: `http://${host}:${actual}/graphql`,
        close: () =>
          (closing ??= new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          })),
      });
    });
  });
}
