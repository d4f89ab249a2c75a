import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, isEnumType, isObjectType, parse, validate } from 'graphql';
import { partnerContract, partnerOperations, apiSchema } from '../scripts/partner-contract';
import {
  changelogSection,
  CHANGELOG,
  checkContract,
  CONTRACTS,
  currentContracts,
  newerThan,
  platformVersion,
  RELEASED_DIR,
  releasedVersion,
} from '../scripts/schema-check';
import { SCHEMA_DIR } from '../scripts/supergraph';

const released = (file: string) => fs.readFileSync(path.join(RELEASED_DIR, file), 'utf8');
const current = currentContracts();
const partner = buildSchema(current['partner.graphql']);

describe('the published schemas against the last release', () => {
  it.each(CONTRACTS.map((file) => [file]))('%s: every breaking change since the release is recorded in schema/CHANGELOG.md', async (file) => {
    const version = platformVersion();
    const section = changelogSection(fs.readFileSync(CHANGELOG, 'utf8'), version);
    const check = await checkContract(file, released(file), current[file], section);
    if (check.breaking.length) expect({ version, newerThanReleased: newerThan(version, releasedVersion(released(file))) }).toEqual({ version, newerThanReleased: true });
    expect(check.unrecorded.map((c) => `${c.path}: ${c.message}`)).toEqual([]);
  });

  it('the changelog has a section for the running version', () => {
    expect(changelogSection(fs.readFileSync(CHANGELOG, 'utf8'), platformVersion())).toMatch(/^## \d+\.\d+\.\d+/);
  });
});

describe('the schema check', () => {
  const base = released('partner.graphql');
  const check = (sdl: string, section = '') => checkContract('partner.graphql', base, sdl, section);

  it.each([
    ['a field removed', (sdl: string) => sdl.replace(/^\s*"""[^"]*"""\n\s*phone: String\n/m, '\n'), 'Person.phone'],
    ['a field made nullable', (sdl: string) => sdl.replace(/^(\s*)name: String!$/m, '$1name: String'), 'AdminArea.name'],
    ['an enum value dropped', (sdl: string) => sdl.replace(/^\s*"""[^"]*"""\n\s*RETIRED\n/m, '\n'), 'LabourStatus.RETIRED'],
    ['a required argument added', (sdl: string) => sdl.replace('after: String\n', 'after: String\n    region: String!\n'), 'Query.labourStatuses.region'],
  ])('fails on %s until it is recorded', async (_what, change, pathOf) => {
    const sdl = change(base.replace(/^#.*\n/gm, ''));
    expect(sdl).not.toBe(base.replace(/^#.*\n/gm, ''));
    const unrecorded = (await check(sdl)).unrecorded.map((c) => c.path);
    expect(unrecorded).toContain(pathOf);
    expect((await check(sdl, `## 9.0.0\n- \`${pathOf}\`: removed, see the deprecation notice`)).unrecorded).toEqual([]);
  });

  it('lets an added optional field pass without a record', async () => {
    const sdl = base.replace(/^#.*\n/gm, '').replace(/^(\s*)memberCount: Int!$/m, '$1memberCount: Int!\n$1nickname: String');
    const result = await check(sdl);
    expect(result.breaking).toEqual([]);
    expect(result.unrecorded).toEqual([]);
  });

  it('compares versions as semver', () => {
    expect(newerThan('1.10.0', '1.9.3')).toBe(true);
    expect(newerThan('1.0.0', '1.0.0')).toBe(false);
    expect(() => newerThan('1.0', '1.0.0')).toThrow(/MAJOR\.MINOR\.PATCH/);
  });
});

describe('the partner contract', () => {
  const operations = partnerOperations();
  const api = apiSchema(fs.readFileSync(path.join(SCHEMA_DIR, 'supergraph.graphql'), 'utf8'));

  it('is what `npm run compose` derives from the partner operations', () => {
    expect(current['partner.graphql']).toBe(partnerContract(api, operations));
  });

  it.each(operations.map((o) => [o.name, o.text]))('runs the registered operation %s', (_name, text) => {
    expect(validate(partner, parse(text)).map((e) => e.message)).toEqual([]);
  });

  it('holds no field that no partner operation selects (nothing more than they need)', () => {
    const selected = new Set<string>();
    for (const { text } of operations) for (const match of text.matchAll(/\b([a-zA-Z_]\w*)\b/g)) selected.add(match[1]);
    for (const type of Object.values(partner.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.keys(type.getFields())) expect({ field: `${type.name}.${field}`, selected: selected.has(field) }).toEqual({ field: `${type.name}.${field}`, selected: true });
    }
  });

  it('refuses operations beyond it, that the whole API would run', () => {
    for (const text of ['{ households(first: 1) { totalCount } }', '{ persons(first: 1) { nodes { birthDate } } }', '{ persons(first: 1, filter: { stationId: "BAIHETAN" }) { totalCount } }']) {
      expect(validate(api, parse(text))).toEqual([]);
      expect(validate(partner, parse(text)).length).toBeGreaterThan(0);
    }
  });
});

describe('deprecations', () => {
  it('every deprecated field, argument and enum value names its removal date', () => {
    const api = buildSchema(current['api.graphql']);
    const undated: string[] = [];
    const dated = (reason?: string | null) => /\b\d{4}-\d{2}-\d{2}\b/.test(reason ?? '');
    for (const type of Object.values(api.getTypeMap())) {
      if (type.name.startsWith('__')) continue;
      if (isObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (field.deprecationReason !== undefined && field.deprecationReason !== null && !dated(field.deprecationReason)) undated.push(`${type.name}.${field.name}`);
          for (const arg of field.args) if (arg.deprecationReason && !dated(arg.deprecationReason)) undated.push(`${type.name}.${field.name}.${arg.name}`);
        }
      }
      if (isEnumType(type)) for (const value of type.getValues()) if (value.deprecationReason && !dated(value.deprecationReason)) undated.push(`${type.name}.${value.name}`);
    }
    expect(undated).toEqual([]);
  });
});
