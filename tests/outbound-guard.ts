import dgram from 'node:dgram';
import dns from 'node:dns';
import net from 'node:net';

/**
 * A guard on everything that could leave the machine from this process: TCP and TLS connections
 * (net, tls, http(s), and undici's `fetch` all connect through `net.Socket#connect`), UDP sends,
 * and name lookups. A destination that is not loopback or a configured peer is recorded and
 * refused (the connection is destroyed, the lookup fails), so that nothing leaves while a test runs.
 */
export interface OutboundGuard {
  /** Every refused destination, as `kind host[:port]`. */
  readonly refused: string[];
  /** Every allowed destination seen (to show the guard watched something). */
  readonly allowed: string[];
  /** Hosts that are peers of the platform (subgraphs, the database), besides loopback. */
  allow(host: string): void;
  uninstall(): void;
}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|::1|::ffff:127(\.\d{1,3}){3}|0:0:0:0:0:0:0:1)$/i;

export function installOutboundGuard(): OutboundGuard {
  const peers = new Set<string>();
  const refused: string[] = [];
  const allowed: string[] = [];
  const restore: (() => void)[] = [];
  const permitted = (host: string) => LOOPBACK.test(host.replace(/^\[|\]$/g, '')) || peers.has(host.toLowerCase());
  const patch = <T extends object, K extends keyof T>(owner: T, name: K, wrap: (original: T[K]) => T[K]) => {
    const original = owner[name];
    owner[name] = wrap(original);
    restore.push(() => (owner[name] = original));
  };

  patch(net.Socket.prototype, 'connect', (original) =>
    function (this: net.Socket, ...args: unknown[]) {
      // net.connect passes its normalised [options, callback]; direct calls pass (options) or (port, host)
      const first = Array.isArray(args[0]) ? args[0][0] : args[0];
      const options = (typeof first === 'object' && first !== null ? first : { port: first, host: typeof args[1] === 'string' ? args[1] : undefined }) as net.NetConnectOpts & { host?: string; port?: number };
      if ('path' in options && options.path) return (original as (...a: unknown[]) => net.Socket).apply(this, args); // a local socket file
      const host = options.host ?? 'localhost';
      const where = `tcp ${host}:${options.port}`;
      if (permitted(host)) {
        allowed.push(where);
        return (original as (...a: unknown[]) => net.Socket).apply(this, args);
      }
      refused.push(where);
      process.nextTick(() => this.destroy(Object.assign(new Error(`outbound connection refused in test: ${where}`), { code: 'ECONNREFUSED' })));
      return this;
    } as never,
  );

  patch(dgram.Socket.prototype, 'send', (original) =>
    function (this: dgram.Socket, ...args: unknown[]) {
      const host = [...args].reverse().find((a) => typeof a === 'string') as string | undefined;
      if (host && !permitted(host)) {
        refused.push(`udp ${host}`);
        const callback = args.find((a) => typeof a === 'function') as ((e: Error) => void) | undefined;
        callback?.(new Error(`outbound datagram refused in test: ${host}`));
        return;
      }
      return (original as (...a: unknown[]) => void).apply(this, args);
    } as never,
  );

  const lookups = (owner: Record<string, unknown>, promised: boolean) => {
    for (const name of Object.getOwnPropertyNames(owner).filter((n) => /^(lookup|resolve|reverse)/.test(n) && typeof owner[n] === 'function')) {
      patch(owner, name, (original) =>
        function (this: unknown, ...args: unknown[]) {
          const host = String(args[0]);
          if (permitted(host)) {
            allowed.push(`dns ${host}`);
            return (original as (...a: unknown[]) => unknown).apply(this, args);
          }
          refused.push(`dns ${host}`);
          const error = Object.assign(new Error(`name lookup refused in test: ${host}`), { code: 'ENOTFOUND', hostname: host });
          if (promised) return Promise.reject(error);
          const callback = [...args].reverse().find((a) => typeof a === 'function') as ((e: Error) => void) | undefined;
          process.nextTick(() => callback?.(error));
          return undefined;
        } as never,
      );
    }
  };
  lookups(dns as unknown as Record<string, unknown>, false);
  lookups(dns.Resolver.prototype as unknown as Record<string, unknown>, false);
  lookups(dns.promises as unknown as Record<string, unknown>, true);
  lookups(dns.promises.Resolver.prototype as unknown as Record<string, unknown>, true);

  return {
    refused,
    allowed,
    allow: (host) => void peers.add(host.toLowerCase()),
    uninstall: () => restore.reverse().forEach((undo) => undo()),
  };
}
