import type { AddressInfo } from 'node:net';
import http from 'node:http';
import type { Express, NextFunction, Request, Response } from 'express';

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
    // a request Node's parser refuses (headers or address too long, malformed) still gets a coded JSON answer
    server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
      if (!socket.writable) return socket.destroy();
      const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
      const [status, zh, en] = tooLarge ? [431, '请求头或地址过长', 'Request headers or address too long'] : [400, '请求格式错误', 'Malformed HTTP request'];
      const body = JSON.stringify({ errors: [{ message: `${zh} · ${en}`, extensions: { code: 'BAD_REQUEST', messageZh: zh, messageEn: en } }] });
      socket.end(`HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
    });
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

/**
 * Last middleware of every server: a body that is not JSON, or too large, or any other error
 * outside GraphQL, answers as a coded GraphQL error, never with Express's HTML page and stack.
 */
export function jsonErrors(app: Express): void {
  app.use((error: { status?: number; type?: string }, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
    const [zh, en, code] =
      status === 413
        ? ['请求体过大', 'Request body too large', 'BAD_REQUEST']
        : status < 500
          ? ['请求格式错误：须为 JSON', 'Malformed request: the body must be JSON', 'BAD_REQUEST']
          : ['服务器内部错误，请稍后再试', 'Internal server error', 'INTERNAL_SERVER_ERROR'];
    res.status(status).json({ errors: [{ message: `${zh} · ${en}`, extensions: { code, messageZh: zh, messageEn: en } }] });
  });
}
