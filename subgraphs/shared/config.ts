import fs from 'node:fs';
import path from 'node:path';

/** The folder holding package.json (works from sources and from dist/). */
export function projectRoot(from = __dirname): string {
  let dir = from;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('package.json not found above ' + from);
    dir = up;
  }
  return dir;
}

/** Typed configuration, read once from the environment, with defaults that run. */
export interface Config {
  /** `production` refuses to start without configured keys. */
  production: boolean;
  /** PostgreSQL connection string; unset → the embedded engine (PGlite). */
  databaseUrl: string | undefined;
  /** Folder for the embedded engine's data and generated keys. */
  dataDir: string;
  gatewayPort: number;
  /** The static supergraph the gateway serves. */
  supergraphPath: string;
  /** Port per subgraph when each runs on its own. */
  subgraphPorts: Record<string, number>;
  /** Subgraph URLs the gateway calls (`SUBGRAPH_URL_HOUSEHOLDS` …); default localhost ports. */
  subgraphUrls: Record<string, string>;
  /** Ed25519 keys as JWK JSON strings. */
  keys: {
    tokenPublicKey?: string;
    tokenPrivateKey?: string;
    gatewayPublicKey?: string;
    gatewayPrivateKey?: string;
  };
  /** Lifetime of the identity the gateway forwards to subgraphs, in seconds. */
  identityTtlSeconds: number;
  logSql: boolean;
}

export const SUBGRAPH_NAMES = ['households'] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

const DEFAULT_PORTS: Record<SubgraphName, number> = { households: 4001 };

function intFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    throw new Error(`Configuration error: ${name} must be an integer port/number, got "${raw}"`);
  }
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const subgraphPorts: Record<string, number> = {};
  const subgraphUrls: Record<string, string> = {};
  for (const name of SUBGRAPH_NAMES) {
    const key = name.toUpperCase().replace(/-/g, '_');
    subgraphPorts[name] = intFrom(env, `SUBGRAPH_PORT_${key}`, DEFAULT_PORTS[name]);
    subgraphUrls[name] = env[`SUBGRAPH_URL_${key}`] || `http://127.0.0.1:${subgraphPorts[name]}/graphql`;
  }
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error('Configuration error: DATABASE_URL must start with postgres:// or postgresql://');
  }
  return {
    production: env.NODE_ENV === 'production',
    databaseUrl,
    dataDir: path.resolve(env.DATA_DIR || '.data'),
    gatewayPort: intFrom(env, 'PORT', 4000),
    supergraphPath: path.resolve(env.SUPERGRAPH_PATH || path.join(projectRoot(), 'schema', 'supergraph.graphql')),
    subgraphPorts,
    subgraphUrls,
    keys: {
      tokenPublicKey: env.TOKEN_PUBLIC_KEY || undefined,
      tokenPrivateKey: env.TOKEN_PRIVATE_KEY || undefined,
      gatewayPublicKey: env.GATEWAY_PUBLIC_KEY || undefined,
      gatewayPrivateKey: env.GATEWAY_PRIVATE_KEY || undefined,
    },
    identityTtlSeconds: intFrom(env, 'IDENTITY_TTL_SECONDS', 60),
    logSql: env.LOG_SQL === '1' || env.LOG_SQL === 'true',
  };
}
