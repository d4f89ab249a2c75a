import fs from 'node:fs';
import path from 'node:path';
import { changelogSection, CHANGELOG, checkContract, CONTRACTS, currentContracts, newerThan, platformVersion, RELEASED_DIR, releasedVersion } from './schema-check';

/**
 * `npm run release-schema`: publishes the current API schema and partner contract as the
 * released ones, under package.json's version. Refused while a breaking change is not recorded
 * in schema/CHANGELOG.md's section for that version, or the version is not newer than the last.
 */
async function main() {
  const version = platformVersion();
  const changelog = fs.readFileSync(CHANGELOG, 'utf8');
  const section = changelogSection(changelog, version);
  if (!section) throw new Error(`schema/CHANGELOG.md has no section "## ${version}": write it first`);
  const current = currentContracts();
  for (const file of CONTRACTS) {
    const releasedPath = path.join(RELEASED_DIR, file);
    if (!fs.existsSync(releasedPath)) continue;
    const released = fs.readFileSync(releasedPath, 'utf8');
    if (!newerThan(version, releasedVersion(released))) throw new Error(`${file}: ${version} is not newer than the released ${releasedVersion(released)}: raise package.json's version`);
    const check = await checkContract(file, released, current[file], section);
    for (const change of check.dangerous) console.log(`dangerous  ${file}  ${change.path ?? ''}  ${change.message}`);
    for (const change of check.breaking) console.log(`breaking   ${file}  ${change.path ?? ''}  ${change.message}`);
    if (check.unrecorded.length) throw new Error(`${file}: breaking changes not recorded under "## ${version}": ${check.unrecorded.map((c) => c.path ?? c.message).join(', ')}`);
  }
  fs.mkdirSync(RELEASED_DIR, { recursive: true });
  for (const file of CONTRACTS) {
    fs.writeFileSync(path.join(RELEASED_DIR, file), `# Released in ${version}: do not edit (npm run release-schema writes it).\n${current[file]}`);
    console.log(`released schema/released/${file} as ${version}`);
  }
  const today = new Date().toISOString().slice(0, 10);
  fs.writeFileSync(CHANGELOG, changelog.replace(new RegExp(`^## ${version.replace(/\./g, '\\.')} .*unreleased.*$`, 'm'), `## ${version} — ${today}`));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
