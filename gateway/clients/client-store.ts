import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { buildASTSchema, parse, validate, type GraphQLSchema } from 'graphql';
import type { DataSource } from 'typeorm';
import { openDataSource, type Engine } from '../../platform/db/data-source';
import { identityFromClaims, Role, type Identity } from '../../platform/security/identity';
import { isPurpose, PURPOSES } from '../../platform/security/purposes';
import { ReadAuditRow } from '../audit/read-audit.entity';
import { ApiClient } from './api-client.entity';
import { ClientOperation } from './client-operation.entity';
import { GatewaySchema1732250000000 } from './migrations/1732250000000-gateway-schema';
import { ReadAudit1732600000000 } from './migrations/1732600000000-read-audit';
import { ReadAuditPerRequest1733000000000 } from './migrations/1733000000000-read-audit-per-request';

/** The gateway's own tables: partner clients, their registered operations, the read audit. */
export function openGatewayDatabase(engine: Engine, options: { schema?: string } = {}) {
  return openDataSource({
    name: 'gateway',
    engine,
    entities: [ApiClient, ClientOperation, ReadAuditRow],
    migrations: [GatewaySchema1732250000000, ReadAudit1732600000000, ReadAuditPerRequest1733000000000],
    ...options,
  });
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const KEY = /^zrg_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

export interface IssueOptions {
  name: string;
  jurisdiction: string[];
  purposes?: string[];
  expiresAt?: Date | null;
  ratePerMinute?: number;
}

/** Issues an API key for a partner system; the key itself is returned once and stored only hashed. */
export async function issueClient(dataSource: DataSource, options: IssueOptions): Promise<{ id: string; key: string; prefix: string }> {
  if (!options.name.trim()) throw new Error('a client needs a name');
  const unknown = (options.purposes ?? []).filter((p) => !isPurpose(p));
  if (unknown.length) throw new Error(`unknown purpose ${unknown.join(', ')} (known: ${PURPOSES.join(', ')})`);
  const id = randomUUID();
  // the identity its requests will carry must be one every subgraph accepts
  const identity = identityFromClaims({ sub: `client:${id}`, role: Role.PARTNER, jur: options.jurisdiction, pur: options.purposes ?? [], cid: id, cnm: options.name.trim() });
  if (typeof identity === 'string') throw new Error(identity === 'a partner needs at least one purpose' ? `${identity} (known: ${PURPOSES.join(', ')})` : identity);
  const prefix = randomBytes(6).toString('hex');
  const key = `zrg_${prefix}_${randomBytes(32).toString('base64url')}`;
  await dataSource.getRepository(ApiClient).insert({
    id,
    name: options.name.trim(),
    role: Role.PARTNER,
    purposes: options.purposes ?? [],
    jurisdiction: options.jurisdiction,
    keyPrefix: prefix,
    keyHash: sha256(key),
    ratePerMinute: options.ratePerMinute ?? 600,
    expiresAt: options.expiresAt ?? null,
    revokedAt: null,
  });
  return { id, key, prefix };
}

export async function revokeClient(dataSource: DataSource, id: string): Promise<boolean> {
  const result = await dataSource.getRepository(ApiClient).update({ id }, { revokedAt: new Date() });
  return (result.affected ?? 0) > 0;
}

export function listClients(dataSource: DataSource): Promise<ApiClient[]> {
  return dataSource.getRepository(ApiClient).find({ order: { createdAt: 'ASC' } });
}

/**
 * Registers the operations a partner may run (trusted documents). Each document must be valid
 * against the supergraph and must not introspect; it is stored under the SHA-256 of its text.
 */
export async function allowOperations(dataSource: DataSource, clientId: string, documents: { name: string; text: string }[], schema: GraphQLSchema) {
  const rows = documents.map(({ name, text }) => {
    const errors = validate(schema, parse(text));
    if (errors.length) throw new Error(`${name}: ${errors.map((e) => e.message).join('; ')}`);
    if (/\b__(schema|type)\b/.test(text)) throw new Error(`${name}: partners may not introspect`);
    return { clientId, hash: sha256(text), name, document: text };
  });
  await dataSource.getRepository(ClientOperation).upsert(rows, ['clientId', 'hash']);
  return rows.map((r) => ({ name: r.name, hash: r.hash }));
}

/** The API schema of a supergraph (for validating partner documents). */
export function apiSchemaOf(supergraphSdl: string): GraphQLSchema {
  return buildASTSchema(parse(supergraphSdl), { assumeValidSDL: true });
}

export interface AuthenticatedClient {
  id: string;
  identity: Identity;
  ratePerMinute: number;
}

/** The client behind an API key, if the key is genuine, unexpired and unrevoked. */
export async function authenticateKey(dataSource: DataSource, key: string): Promise<AuthenticatedClient | null> {
  const match = KEY.exec(key);
  if (!match) return null;
  const client = await dataSource.getRepository(ApiClient).findOneBy({ keyPrefix: match[1] });
  if (!client) return null;
  const genuine = timingSafeEqual(Buffer.from(client.keyHash, 'hex'), Buffer.from(sha256(key), 'hex'));
  if (!genuine || client.revokedAt || (client.expiresAt && client.expiresAt.getTime() <= Date.now())) return null;
  // a key left with no known purpose makes no identity a subgraph accepts
  if (!client.purposes.some(isPurpose)) return null;
  return {
    id: client.id,
    identity: {
      subject: `client:${client.id}`,
      role: Role.PARTNER,
      jurisdiction: client.jurisdiction,
      purposes: client.purposes.filter(isPurpose),
      client: { id: client.id, name: client.name },
    },
    ratePerMinute: client.ratePerMinute,
  };
}

/** The registered document a partner's request refers to (by its text, or by its hash as `documentId`). */
export async function registeredDocument(dataSource: DataSource, clientId: string, request: { query?: string; documentId?: string }): Promise<string | null> {
  const hash = request.query ? sha256(request.query) : request.documentId?.replace(/^sha256:/, '');
  if (!hash || !/^[0-9a-f]{64}$/.test(hash)) return null;
  const row = await dataSource.getRepository(ClientOperation).findOneBy({ clientId, hash });
  return row?.document ?? null;
}
