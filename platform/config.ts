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
  /** PostgreSQL connection string the subgraphs serve through (a role that owns nothing: row-level security applies); unset → DATABASE_URL with the user `zrg_app`. */
  databaseAppUrl: string | undefined;
  /** Folder for the embedded engine's data and generated keys. */
  dataDir: string;
  gatewayPort: number;
  /** The static supergraph the gateway serves. */
  supergraphPath: string;
  /** Port of a subgraph running on its own (`SUBGRAPH_PORT_LAND_HOUSING` …), else its default. */
  subgraphPort(name: string, fallback: number): number;
  /** URL the gateway calls a subgraph at (`SUBGRAPH_URL_LAND_HOUSING` …), else the fallback. */
  subgraphUrl(name: string, fallback: string): string;
  /** Ed25519 keys as JWK JSON strings. */
  keys: {
    tokenPublicKey?: string;
    tokenPrivateKey?: string;
    gatewayPublicKey?: string;
    gatewayPrivateKey?: string;
  };
  /** How long the gateway waits for a subgraph's answer before it gives up on that part (SUBGRAPH_TIMEOUT). */
  subgraphTimeoutMs: number;
  /** Redis where the gateways count partner rate limits together; unset → each gateway in its own memory. */
  redisUrl: string | undefined;
  /** On SIGTERM, how long requests in flight are given to finish before the process closes anyway. */
  drainTimeoutMs: number;
  /** Lifetime of the identity the gateway forwards to subgraphs, in seconds. */
  identityTtlSeconds: number;
  logSql: boolean;
  /** Operation limits enforced before execution, at the gateway and on every subgraph. */
  limits: OperationLimits;
  /** Whose X-Forwarded-For the gateway believes (Express `trust proxy`): off, a hop count, or proxy addresses. */
  trustProxy: false | number | string;
  /** Statistics cells counting fewer units than this are suppressed for analysts and partners. */
  suppressionMinCell: number;
}

export interface OperationLimits {
  maxDepth: number;
  maxAliases: number;
  maxTokens: number;
  maxCost: number;
  maxDirectives: number;
}

export const DEFAULT_LIMITS: OperationLimits = { maxDepth: 12, maxAliases: 30, maxTokens: 3000, maxCost: 20000, maxDirectives: 20 };

function intFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 1_000_000) {
    throw new Error(`Configuration error: ${name} must be a whole number, got "${raw}"`);
  }
  return n;
}

/** TRUST_PROXY: unset or 0 → off (the socket address); N → N proxy hops; else trusted proxy addresses/subnets, comma-separated. */
function trustProxyFrom(raw: string | undefined): false | number | string {
  if (!raw || raw === '0' || raw === 'false') return false;
  if (/^\d+$/.test(raw)) return Number(raw);
  if (raw === 'true' || !/^[0-9a-fA-F:.\/,\s a-z]+$/.test(raw)) {
    throw new Error(`Configuration error: TRUST_PROXY is a number of proxy hops or a list of proxy addresses (e.g. loopback,10.0.0.0/8), got "${raw}"`);
  }
  return raw;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const envKey = (name: string) => name.toUpperCase().replace(/-/g, '_');
  const subgraphPort = (name: string, fallback: number) => intFrom(env, `SUBGRAPH_PORT_${envKey(name)}`, fallback);
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error('Configuration error: DATABASE_URL must start with postgres:// or postgresql://');
  }
  const redisUrl = env.REDIS_URL || undefined;
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) throw new Error('Configuration error: REDIS_URL must start with redis:// or rediss://');
  const databaseAppUrl = env.DATABASE_APP_URL || undefined;
  if (databaseAppUrl && !/^postgres(ql)?:\/\//.test(databaseAppUrl)) {
    throw new Error('Configuration error: DATABASE_APP_URL must start with postgres:// or postgresql://');
  }
  return {
    production: env.NODE_ENV === 'production',
    databaseUrl,
    databaseAppUrl,
    dataDir: path.resolve(env.DATA_DIR || '.data'),
    gatewayPort: intFrom(env, 'PORT', 4000),
    supergraphPath: path.resolve(env.SUPERGRAPH_PATH || path.join(projectRoot(), 'schema', 'supergraph.graphql')),
    subgraphPort,
    subgraphUrl: (name, fallback) => env[`SUBGRAPH_URL_${envKey(name)}`] || fallback,
    keys: {
      tokenPublicKey: env.TOKEN_PUBLIC_KEY || undefined,
      tokenPrivateKey: env.TOKEN_PRIVATE_KEY || undefined,
      gatewayPublicKey: env.GATEWAY_PUBLIC_KEY || undefined,
      gatewayPrivateKey: env.GATEWAY_PRIVATE_KEY || undefined,
    },
    identityTtlSeconds: intFrom(env, 'IDENTITY_TTL_SECONDS', 60),
    subgraphTimeoutMs: Math.max(1, intFrom(env, 'SUBGRAPH_TIMEOUT_MS', 30_000)),
    drainTimeoutMs: intFrom(env, 'DRAIN_TIMEOUT_MS', 10_000),
    redisUrl,
    logSql: env.LOG_SQL === '1' || env.LOG_SQL === 'true',
    trustProxy: trustProxyFrom(env.TRUST_PROXY),
    limits: {
      maxDepth: intFrom(env, 'LIMIT_MAX_DEPTH', DEFAULT_LIMITS.maxDepth),
      maxAliases: intFrom(env, 'LIMIT_MAX_ALIASES', DEFAULT_LIMITS.maxAliases),
      maxTokens: intFrom(env, 'LIMIT_MAX_TOKENS', DEFAULT_LIMITS.maxTokens),
      maxCost: intFrom(env, 'LIMIT_MAX_COST', DEFAULT_LIMITS.maxCost),
      maxDirectives: intFrom(env, 'LIMIT_MAX_DIRECTIVES', DEFAULT_LIMITS.maxDirectives),
    },
    suppressionMinCell: Math.max(1, intFrom(env, 'SUPPRESSION_MIN_CELL', 5)),
  };
}
