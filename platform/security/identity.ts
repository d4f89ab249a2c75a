import { jwtVerify, SignJWT, type CryptoKey, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { registerEnumType } from 'type-graphql';
import { isPurpose } from './purposes';

/** Who may call the graph. */
export enum Role {
  PREFECTURE_OFFICER = 'PREFECTURE_OFFICER',
  COUNTY_OFFICER = 'COUNTY_OFFICER',
  COMMUNITY_WORKER = 'COMMUNITY_WORKER',
  ANALYST = 'ANALYST',
  AUDITOR = 'AUDITOR',
  PARTNER = 'PARTNER',
}

registerEnumType(Role, {
  name: 'Role',
  description: 'Caller role · 调用者角色',
  valuesConfig: {
    PREFECTURE_OFFICER: { description: 'Prefecture resettlement office · 市移民办' },
    COUNTY_OFFICER: { description: 'County resettlement office · 县（区、市）移民办' },
    COMMUNITY_WORKER: { description: 'Township or community worker · 乡镇（街道）、社区工作人员' },
    ANALYST: { description: 'Analyst: prefecture-wide, sensitive fields masked · 数据分析人员' },
    AUDITOR: { description: 'Auditor: reads the audit trail, sensitive fields masked · 审计人员' },
    PARTNER: { description: 'Partner bureau system with an API key, registered operations only · 合作部门系统' },
  },
});

/** The one identity a request carries, built by the gateway from the caller's token. */
export interface Identity {
  subject: string;
  role: Role;
  /** Area codes the caller may see (and everything below them). */
  jurisdiction: string[];
  /** Partner clients only: the purposes their key was issued for (`purposes.ts`), which decide what they see in full. */
  purposes?: string[];
  /** Partner clients only: which client (for the read audit). */
  client?: { id: string; name: string };
}

export const TOKEN_ISSUER = 'zhaotong-resettlement';
export const TOKEN_AUDIENCE = 'resettlement-graph';
const FORWARD_ISSUER = 'resettlement-gateway';
const FORWARD_AUDIENCE = 'resettlement-subgraphs';

/** Header in which the gateway forwards the signed identity to subgraphs. */
export const IDENTITY_HEADER = 'x-resettlement-identity';

const ROLES = new Set<string>(Object.values(Role));
const CODE = /^(\d{6}|\d{9}|\d{12}|\d{15})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Checks the claims of a verified token; returns a reason when they do not make an identity. */
export function identityFromClaims(claims: Record<string, unknown>): Identity | string {
  const { sub, role, jur, pur, cid, cnm } = claims;
  if (typeof sub !== 'string' || !sub) return 'missing subject';
  if (typeof role !== 'string' || !ROLES.has(role)) return 'unknown role';
  if (!Array.isArray(jur) || jur.length === 0 || !jur.every((c) => typeof c === 'string' && CODE.test(c))) {
    return 'jurisdiction must be a non-empty list of area codes';
  }
  const codes = jur as string[];
  if (role === Role.COUNTY_OFFICER && !codes.every((c) => c.length === 6 && !c.endsWith('00'))) {
    return 'a county officer’s jurisdiction is county codes';
  }
  if (role === Role.COMMUNITY_WORKER && !codes.every((c) => c.length === 9 || c.length === 12)) {
    return 'a community worker’s jurisdiction is township or community codes';
  }
  const identity: Identity = { subject: sub, role: role as Role, jurisdiction: codes };
  if (role !== Role.PARTNER) {
    return pur === undefined && cid === undefined && cnm === undefined ? identity : 'only partner clients carry purposes and a client';
  }
  if (!Array.isArray(pur) || pur.length === 0) return 'a partner needs at least one purpose';
  if (!pur.every(isPurpose)) return 'unknown purpose';
  if (typeof cid !== 'string' || !UUID.test(cid) || typeof cnm !== 'string' || !cnm || cnm.length > 64) return 'a partner needs a client id and name';
  return { ...identity, purposes: [...new Set(pur as string[])], client: { id: cid, name: cnm } };
}

async function sign(identity: Identity, key: CryptoKey, issuer: string, audience: string, ttlSeconds: number, kid?: string) {
  const partner = identity.client ? { pur: identity.purposes ?? [], cid: identity.client.id, cnm: identity.client.name } : {};
  return new SignJWT({ role: identity.role, jur: identity.jurisdiction, ...partner })
    .setProtectedHeader({ alg: 'EdDSA', ...(kid ? { kid } : {}) })
    .setSubject(identity.subject)
    .setIssuer(issuer)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
    .sign(key);
}

/** Clock difference between the gateway and a subgraph tolerated on a forwarded identity's `iat`. */
export const IDENTITY_CLOCK_SKEW_SECONDS = 30;

/**
 * A forwarded identity's lifetime, checked beside its signature: `exp` and `iat` present, issued
 * no longer ago than the lifetime (plus the skew) and not in the future, valid no longer than the
 * lifetime. Returns a reason when it fails.
 */
export function lifetimeProblem(payload: JWTPayload, lifetimeSeconds: number, now = Math.floor(Date.now() / 1000)): string | undefined {
  const { exp, iat } = payload;
  if (typeof exp !== 'number' || typeof iat !== 'number') return 'exp and iat are required';
  if (iat > now + IDENTITY_CLOCK_SKEW_SECONDS) return 'issued in the future';
  if (now - iat > lifetimeSeconds + IDENTITY_CLOCK_SKEW_SECONDS) return `issued more than ${lifetimeSeconds} s ago`;
  if (exp - iat > lifetimeSeconds) return `valid for more than ${lifetimeSeconds} s`;
  return undefined;
}

async function verify(token: string, key: CryptoKey | JWTVerifyGetKey, issuer: string, audience: string, lifetimeSeconds?: number): Promise<Identity> {
  const options = { issuer, audience, algorithms: ['EdDSA'], requiredClaims: lifetimeSeconds === undefined ? ['exp'] : ['exp', 'iat'] };
  const { payload } = typeof key === 'function' ? await jwtVerify(token, key, options) : await jwtVerify(token, key, options);
  const tooLong = lifetimeSeconds === undefined ? undefined : lifetimeProblem(payload, lifetimeSeconds);
  if (tooLong) throw new Error(tooLong);
  const identity = identityFromClaims(payload);
  if (typeof identity === 'string') throw new Error(identity);
  return identity;
}

/** A sign-in token for a person (the demo issuer and tests use this). */
export function signUserToken(identity: Identity, key: CryptoKey, ttlSeconds = 12 * 3600): Promise<string> {
  return sign(identity, key, TOKEN_ISSUER, TOKEN_AUDIENCE, ttlSeconds);
}

export function verifyUserToken(token: string, key: CryptoKey): Promise<Identity> {
  return verify(token, key, TOKEN_ISSUER, TOKEN_AUDIENCE);
}

/** The identity the gateway forwards: short-lived, bound to the subgraphs' audience, signed with key `kid`. */
export function signForwardedIdentity(identity: Identity, key: CryptoKey, ttlSeconds: number, kid?: string): Promise<string> {
  return sign(identity, key, FORWARD_ISSUER, FORWARD_AUDIENCE, ttlSeconds, kid);
}

/**
 * Verifies a forwarded identity with one gateway key or a key set (rotation: old and new), and its
 * lifetime against the configured one (IDENTITY_TTL_SECONDS).
 */
export function verifyForwardedIdentity(token: string, key: CryptoKey | JWTVerifyGetKey, lifetimeSeconds: number): Promise<Identity> {
  return verify(token, key, FORWARD_ISSUER, FORWARD_AUDIENCE, lifetimeSeconds);
}

/**
 * Roles that see sensitive fields in full inside their jurisdiction, regardless of purpose.
 * Field resolvers go through `reveal` (`sensitive.ts`), which also serves partner purposes and
 * records every full read; this role test is kept for callers that only need the role rule.
 */
const FULL_VIEW_ROLES = new Set([Role.PREFECTURE_OFFICER, Role.COUNTY_OFFICER, Role.COMMUNITY_WORKER]);

export function seesSensitiveFields(identity: Identity): boolean {
  return FULL_VIEW_ROLES.has(identity.role);
}

/** Roles that may change registry records (for `@Authorized(...WRITER_ROLES)`). */
export const WRITER_ROLES = [Role.PREFECTURE_OFFICER, Role.COUNTY_OFFICER, Role.COMMUNITY_WORKER];
