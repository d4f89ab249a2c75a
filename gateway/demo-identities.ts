import type { CryptoKey } from 'jose';
import { DEMO_AREAS, PREFECTURE_CODE } from '../subgraphs/households/demo/geography';
import { Role, signUserToken, type Identity } from '../platform/security/identity';

/** One demo caller per role, for the start-up banner, the README examples and the tests. */
export const DEMO_IDENTITIES: Record<string, Identity> = {
  prefecture: { subject: 'demo-prefecture-officer', role: Role.PREFECTURE_OFFICER, jurisdiction: [PREFECTURE_CODE] },
  qiaojia: { subject: 'demo-qiaojia-officer', role: Role.COUNTY_OFFICER, jurisdiction: [DEMO_AREAS.qiaojia] },
  suijiang: { subject: 'demo-suijiang-officer', role: Role.COUNTY_OFFICER, jurisdiction: [DEMO_AREAS.suijiang] },
  wenbi: { subject: 'demo-wenbi-worker', role: Role.COMMUNITY_WORKER, jurisdiction: [DEMO_AREAS.wenbi] },
  analyst: { subject: 'demo-analyst', role: Role.ANALYST, jurisdiction: [PREFECTURE_CODE] },
  auditor: { subject: 'demo-auditor', role: Role.AUDITOR, jurisdiction: [PREFECTURE_CODE] },
};

export async function demoTokens(tokenPrivateKey: CryptoKey, ttlSeconds?: number): Promise<Record<string, string>> {
  const entries = await Promise.all(
    Object.entries(DEMO_IDENTITIES).map(async ([name, identity]) => [name, await signUserToken(identity, tokenPrivateKey, ttlSeconds)] as const),
  );
  return Object.fromEntries(entries);
}
