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
  /** A PostgreSQL streaming replica the subgraphs read statistics and lists from (DATABASE_REPLICA_URL); unset → everything on the primary. */
  databaseReplicaUrl: string | undefined;
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
  /** Limits every imported file is read within (the mutation and the command). */
  importLimits: ImportLimits;
  /** Months the read audit keeps (READ_AUDIT_RETENTION_MONTHS): PIPL and the archive rules decide the number. */
  readAuditRetentionMonths: number;
  /** Where `/metrics` is served, apart from the API: METRICS_PORT (unset → not served) on METRICS_HOST (default loopback). */
  metrics: { port: number | undefined; host: string; maxOperations: number };
  /** How registry events travel from the households outbox to the projections. */
  events: EventsConfig;
}

/**
 * EVENTS_TRANSPORT: `in-process` (default: `npm start`, one process, no broker) or `nats`
 * (subgraphs as separate processes on PostgreSQL: NATS JetStream at NATS_URL, in the stream
 * NATS_STREAM).
 */
export interface EventsConfig {
  transport: 'in-process' | 'nats';
  natsUrl: string;
  /** JetStream stream name (letters, digits, `-`, `_`); subjects and durable consumer names derive from it. */
  stream: string;
}

/** Limits of an imported file; each is refused (or applied) naming its environment variable. */
export interface ImportLimits {
  /** Data rows in a file (IMPORT_MAX_ROWS). */
  maxRows: number;
  /** Columns of the header row (IMPORT_MAX_COLUMNS). */
  maxColumns: number;
  /** Characters in one cell, Excel's own maximum by default (IMPORT_MAX_CELL_CHARS). */
  maxCellChars: number;
  /** Bytes of an XLSX once unzipped, counted while inflating (IMPORT_MAX_UNZIPPED_MB). */
  maxUnzippedBytes: number;
  /** Bytes of an XLSX's shared-string table, which is held in memory while the sheet is read (IMPORT_MAX_SHARED_STRINGS_MB). */
  maxSharedStringsBytes: number;
  /** Problems stored per run: the first are kept, all are counted (IMPORT_MAX_STORED_PROBLEMS). */
  maxStoredProblems: number;
  /** Blank rows in a row that end the sheet (IMPORT_MAX_BLANK_ROWS). */
  maxBlankRows: number;
}

const MB = 1024 * 1024;

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxRows: 1_000_000, maxColumns: 100, maxCellChars: 32_767, maxUnzippedBytes: 512 * MB, maxSharedStringsBytes: 64 * MB, maxStoredProblems: 10_000, maxBlankRows: 1_000,
};

export interface OperationLimits {
  maxDepth: number;
  /** Aliases in one operation, `__typename` included. */
  maxAliases: number;
  maxTokens: number;
  /** Length of the document in characters, comments and white space included (checked before parsing). */
  maxDocumentChars: number;
  maxCost: number;
  maxDirectives: number;
  /** Depth below `__schema` / `__type` (GraphiQL's introspection query is 15 deep). */
  maxIntrospectionDepth: number;
  /** `__schema` and `__type` fields in one operation. */
  maxIntrospectionFields: number;
}

export const DEFAULT_LIMITS: OperationLimits = {
  maxDepth: 12,
  maxAliases: 30,
  maxTokens: 3000,
  maxDocumentChars: 50_000,
  maxCost: 20000,
  maxDirectives: 20,
  maxIntrospectionDepth: 16,
  maxIntrospectionFields: 2,
};

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
  if (env.METRICS_PORT && !(intFrom(env, 'METRICS_PORT', 0) <= 65535)) throw new Error(`Configuration error: METRICS_PORT must be a port number (0–65535), got "${env.METRICS_PORT}"`);
  const databaseReplicaUrl = env.DATABASE_REPLICA_URL || undefined;
  if (databaseReplicaUrl && !/^postgres(ql)?:\/\//.test(databaseReplicaUrl)) {
    throw new Error('Configuration error: DATABASE_REPLICA_URL must start with postgres:// or postgresql://');
  }
  const databaseAppUrl = env.DATABASE_APP_URL || undefined;
  if (databaseAppUrl && !/^postgres(ql)?:\/\//.test(databaseAppUrl)) {
    throw new Error('Configuration error: DATABASE_APP_URL must start with postgres:// or postgresql://');
  }
  return {
    production: env.NODE_ENV === 'production',
    databaseUrl,
    databaseAppUrl,
    databaseReplicaUrl,
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
      maxDocumentChars: intFrom(env, 'LIMIT_MAX_DOCUMENT_CHARS', DEFAULT_LIMITS.maxDocumentChars),
      maxCost: intFrom(env, 'LIMIT_MAX_COST', DEFAULT_LIMITS.maxCost),
      maxDirectives: intFrom(env, 'LIMIT_MAX_DIRECTIVES', DEFAULT_LIMITS.maxDirectives),
      maxIntrospectionDepth: intFrom(env, 'LIMIT_MAX_INTROSPECTION_DEPTH', DEFAULT_LIMITS.maxIntrospectionDepth),
      maxIntrospectionFields: intFrom(env, 'LIMIT_MAX_INTROSPECTION_FIELDS', DEFAULT_LIMITS.maxIntrospectionFields),
    },
    suppressionMinCell: Math.max(1, intFrom(env, 'SUPPRESSION_MIN_CELL', 5)),
    importLimits: {
      maxRows: Math.max(1, intFrom(env, 'IMPORT_MAX_ROWS', DEFAULT_IMPORT_LIMITS.maxRows)),
      maxColumns: Math.max(1, intFrom(env, 'IMPORT_MAX_COLUMNS', DEFAULT_IMPORT_LIMITS.maxColumns)),
      maxCellChars: Math.max(1, intFrom(env, 'IMPORT_MAX_CELL_CHARS', DEFAULT_IMPORT_LIMITS.maxCellChars)),
      maxUnzippedBytes: Math.max(1, intFrom(env, 'IMPORT_MAX_UNZIPPED_MB', DEFAULT_IMPORT_LIMITS.maxUnzippedBytes / MB)) * MB,
      maxSharedStringsBytes: Math.max(1, intFrom(env, 'IMPORT_MAX_SHARED_STRINGS_MB', DEFAULT_IMPORT_LIMITS.maxSharedStringsBytes / MB)) * MB,
      maxStoredProblems: Math.max(1, intFrom(env, 'IMPORT_MAX_STORED_PROBLEMS', DEFAULT_IMPORT_LIMITS.maxStoredProblems)),
      maxBlankRows: Math.max(1, intFrom(env, 'IMPORT_MAX_BLANK_ROWS', DEFAULT_IMPORT_LIMITS.maxBlankRows)),
    },
    readAuditRetentionMonths: Math.max(1, intFrom(env, 'READ_AUDIT_RETENTION_MONTHS', 36)),
    metrics: {
      port: env.METRICS_PORT ? intFrom(env, 'METRICS_PORT', 0) : undefined,
      host: env.METRICS_HOST || '127.0.0.1',
      maxOperations: Math.max(1, intFrom(env, 'METRICS_MAX_OPERATIONS', 200)),
    },
    events: eventsFrom(env),
  };
}

function eventsFrom(env: NodeJS.ProcessEnv): EventsConfig {
  const transport = env.EVENTS_TRANSPORT || 'in-process';
  if (transport !== 'in-process' && transport !== 'nats') {
    throw new Error(`Configuration error: EVENTS_TRANSPORT is in-process or nats, got "${transport}"`);
  }
  const natsUrl = env.NATS_URL || 'nats://127.0.0.1:4222';
  if (!/^(nats|tls):\/\/[^\s]+$/.test(natsUrl)) throw new Error('Configuration error: NATS_URL must start with nats:// or tls://');
  const stream = env.NATS_STREAM || 'REGISTRY';
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(stream)) throw new Error(`Configuration error: NATS_STREAM may hold only letters, digits, - and _ (at most 64), got "${stream}"`);
  return { transport, natsUrl, stream };
}
