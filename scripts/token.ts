import 'reflect-metadata';
import { loadConfig } from '../platform/config';
import { identityFromClaims, signUserToken } from '../platform/security/identity';
import { generateKeyMaterial, importKeys, resolveKeyMaterial } from '../platform/security/keys';

const USAGE = `usage:
  npm run token -- --role COUNTY_OFFICER --jurisdiction 530622 [--subject name] [--hours 12]
  npm run token -- --new-keys        print a fresh set of keys as environment variables`;

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

/** Issues a sign-in token with the token key (from the environment, or the embedded default's data folder). */
async function main() {
  if (process.argv.includes('--new-keys')) {
    const material = await generateKeyMaterial();
    for (const [name, jwk] of Object.entries(material)) {
      console.log(`${name.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}='${JSON.stringify(jwk)}'`);
    }
    return;
  }
  const claims = {
    sub: argument('subject') ?? `${(argument('role') ?? '').toLowerCase()}-${argument('jurisdiction')}`,
    role: argument('role'),
    jur: (argument('jurisdiction') ?? '').split(',').filter(Boolean),
  };
  const identity = identityFromClaims(claims);
  if (typeof identity === 'string') {
    console.error(`${identity}\n${USAGE}`);
    process.exit(2);
  }
  const keys = await importKeys(await resolveKeyMaterial(loadConfig(), ['tokenPublicKey', 'tokenPrivateKey']));
  console.log(await signUserToken(identity, keys.tokenPrivate!, Number(argument('hours') ?? 12) * 3600));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
