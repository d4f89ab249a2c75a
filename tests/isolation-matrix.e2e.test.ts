import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, getNamedType, isObjectType } from 'graphql';
import { allowOperations, apiSchemaOf, issueClient } from '../gateway/clients/client-store';
import { loadSupergraph } from '../gateway/supergraph';
import { DEMO_AREAS, PREFECTURE_CODE } from '../subgraphs/households/demo/geography';
import { loadConfig } from '../platform/config';
import { Role, type Identity } from '../platform/security/identity';
import { Scope } from '../platform/security/scope';
import { engines, type GraphQLResponse, type TestEnvironment } from './environment';
import { startPlatform } from './platform';

/**
 * The isolation matrix: every role and a partner client, each confined to Qiaojia (or to Wenbi,
 * a community inside it), × every entity type of the four subgraphs × (list, by id, `_entities`,
 * area indicators). The cases are read off the committed supergraph, so a new list or lookup is
 * covered the day it is added. Out-of-jurisdiction data returned must be 0 in every cell.
 */

const SUPERGRAPH = loadSupergraph(loadConfig()).sdl;
const schema = buildSchema(SUPERGRAPH, { assumeValid: true, assumeValidSDL: true });
const queryFields = schema.getQueryType()!.getFields();

/**
 * Left out of the lookups: reference data without an area (power stations are the same for
 * everyone), and import runs, which belong to their county and are refused to others in
 * tests/import.e2e.test.ts (the demo has none to try here).
 */
const UNSCOPED_TYPES = new Set(['PowerStation', 'ImportRun']);
/** Records a county may share with the areas above it (an employer or a course of the prefecture). */
const SHARED_TYPES = new Set(['Employer', 'JobTrainingCourse', 'JobTrainingSession']);

/**
 * Person-level lists of the support subgraph that roles reading aggregates only (analysts,
 * partners) may not read at all: they get FORBIDDEN and no data, whatever the area. Auditors
 * read the payments they audit, inside their jurisdiction.
 */
const AGGREGATES_ONLY_LISTS = new Set(['paymentCycles', 'paymentLines', 'verificationEntries']);
const AGGREGATES_ONLY_ROLES = new Set<string>([Role.ANALYST, Role.PARTNER]);

interface ListCase { field: string; type: string }
/** Root lists: connections with an area filter. */
const LISTS: ListCase[] = Object.values(queryFields).flatMap((f) => {
  const t = getNamedType(f.type);
  if (!isObjectType(t) || !t.getFields().nodes || !f.args.some((a) => a.name === 'filter')) return [];
  return [{ field: f.name, type: getNamedType(t.getFields().nodes.type).name }];
});
/** Root lookups by id. */
const LOOKUPS: ListCase[] = Object.values(queryFields).flatMap((f) => {
  const t = getNamedType(f.type);
  if (f.args.length !== 1 || f.args[0].name !== 'id' || !isObjectType(t) || UNSCOPED_TYPES.has(t.name)) return [];
  return [{ field: f.name, type: t.name }];
});
/** Statistics tables (grouped counts in SQL): every one can be grouped by community. */
const STATISTICS: { field: string; args: string }[] = Object.values(queryFields).flatMap((f) => {
  if (!f.args.some((a) => a.name === 'groupBy')) return [];
  return [{ field: f.name, args: f.args.some((a) => a.name === 'year') ? ', year: 2023' : '' }];
});
/** Where to find an id of a type that has no root list of its own. */
const NESTED_IDS: Record<string, { field: string; path: string[]; selection: string }> = {
  JobTrainingSession: { field: 'trainingEnrolments', path: ['session'], selection: 'session { id }' },
  GridUnit: { field: 'grids', path: ['units'], selection: 'units { id }' },
};

/**
 * Entity types (with their key) each subgraph resolves through `_entities`, from its own SDL;
 * a stub that adds no field besides its key holds nothing to leak and is left out.
 */
const ENTITIES: { subgraph: string; type: string; key: string }[] = fs
  .readdirSync(path.join(__dirname, '..', 'schema'))
  .filter((f) => f.endsWith('.graphql') && f !== 'supergraph.graphql')
  .flatMap((file) => {
    const sdl = fs.readFileSync(path.join(__dirname, '..', 'schema', file), 'utf8').replace(/"""[\s\S]*?"""/g, '');
    return [...sdl.matchAll(/^type (\w+) @key\(fields: "(\w+)"\) \{([^}]*)\}/gm)]
      .filter(([, , , body]) => body.split('\n').filter((line) => /^  \w+[:(]/.test(line)).length > 1)
      .map(([, type, key]) => ({ subgraph: file.replace(/\.graphql$/, ''), type, key }));
  });

const OUTSIDE = DEMO_AREAS.suijiang;
const indicatorsSelection = `
  inventory { floodedLandMu originalFloorArea sites buildings units flats flatsByStatus { status flats } }
  employmentIndicators(year: 2023) { workingAgePopulation labourForce employed publicWelfarePostsFilled trainees householdsSurveyed }
  governanceStats { activitiesByType { type count } casesByStatus { status count } organisations grids gridUnits householdsInUnits cadresInGrids pairedHouseholds }
  resettlementSites { id areaCode }
  grids { id areaCode }
  partyOrganisations { id areaCode }`;

interface Caller { label: string; identity: Identity; viaKey?: boolean }
const qiaojia = [DEMO_AREAS.qiaojia];
const CALLERS: Caller[] = [
  { label: 'county officer', identity: { subject: 'm-county', role: Role.COUNTY_OFFICER, jurisdiction: qiaojia } },
  { label: 'community worker', identity: { subject: 'm-worker', role: Role.COMMUNITY_WORKER, jurisdiction: [DEMO_AREAS.wenbi] } },
  { label: 'analyst', identity: { subject: 'm-analyst', role: Role.ANALYST, jurisdiction: qiaojia } },
  { label: 'auditor', identity: { subject: 'm-auditor', role: Role.AUDITOR, jurisdiction: qiaojia } },
  { label: 'prefecture officer given a county', identity: { subject: 'm-prefecture', role: Role.PREFECTURE_OFFICER, jurisdiction: qiaojia } },
  { label: 'partner client', identity: { subject: 'm-partner', role: Role.PARTNER, jurisdiction: qiaojia }, viaKey: true },
];
const PREFECTURE: Identity = { subject: 'm-prefecture-all', role: Role.PREFECTURE_OFFICER, jurisdiction: [PREFECTURE_CODE] };

const listDocument = (field: string) => `query Matrix_${field}($area: String) { ${field}(first: 200, filter: { areaCode: $area }) { totalCount nodes { id areaCode } } }`;
const lookupDocument = (field: string) => `query Matrix_${field}($id: ID!) { ${field}(id: $id) { id areaCode } }`;
const statisticsDocument = ({ field, args }: { field: string; args: string }) =>
  `query Matrix_${field}($area: String) { ${field}(groupBy: [COMMUNITY]${args}, filter: { areaCode: $area }) { rows { community { code } } } }`;
const AREA_DOCUMENT = `query Matrix_area($code: String!) { area(code: $code) { code ${indicatorsSelection} } }`;
const AREAS_DOCUMENT = `query Matrix_areas { areas { code } stations { id } }`;
const TRAINING_DOCUMENT = `query Matrix_training($area: String) { trainingStatistics(areaCode: $area) { kind personTimes trainees completions certificates } }`;

describe.each(engines('the isolation matrix: jurisdiction in SQL and row-level security'))('isolation matrix (%s)', (engine) => {
  let env: TestEnvironment;
  let partnerKey: string;
  /** Per type: the id of one record outside the callers' jurisdiction. */
  const outsideIds = new Map<string, string>();

  async function ask(caller: Caller, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse> {
    if (!caller.viaKey) return env.query(caller.identity, query, variables);
    const res = await fetch(env.gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': partnerKey }, body: JSON.stringify({ query, variables }) });
    return { ...((await res.json()) as GraphQLResponse), status: res.status };
  }

  function outsideId(type: string): string {
    const id = outsideIds.get(type);
    if (!id) throw new Error(`the demo has no ${type} outside the jurisdiction to try`);
    return id;
  }

  beforeAll(async () => {
    ({ env } = await startPlatform(engine, 0.02));
    const documents = [...LISTS.map((l) => listDocument(l.field)), ...LOOKUPS.map((l) => lookupDocument(l.field)), ...STATISTICS.map(statisticsDocument), AREA_DOCUMENT, AREAS_DOCUMENT, TRAINING_DOCUMENT];
    const client = await issueClient(env.clients, { name: '巧家县公安局', jurisdiction: qiaojia, purposes: ['public-security'], ratePerMinute: 100000 });
    await allowOperations(env.clients, client.id, documents.map((text, i) => ({ name: `matrix-${i}.graphql`, text })), apiSchemaOf(SUPERGRAPH));
    partnerKey = client.key;
    // what the gateway forwards for this client, for the calls straight to a subgraph
    Object.assign(CALLERS.find((c) => c.viaKey)!.identity, { purposes: ['public-security'], client: { id: client.id, name: '巧家县公安局' } });

    for (const { field, type } of LISTS) {
      const res = await env.query(PREFECTURE, `{ ${field}(first: 1, filter: { areaCode: "${OUTSIDE}" }) { nodes { id } } }`);
      const id = res.data?.[field]?.nodes?.[0]?.id;
      if (id) outsideIds.set(type, id);
    }
    // a person every subgraph holds records of (employment knows a person by its labour-status record)
    const persons = await env.query(PREFECTURE, `{ persons(first: 50, filter: { areaCode: "${OUTSIDE}" }) { nodes { id labourStatus { status } } } }`);
    const known = persons.data?.persons.nodes.find((n: { labourStatus: unknown }) => n.labourStatus);
    if (known) outsideIds.set('Person', known.id);
    for (const [type, { field, path: [key], selection }] of Object.entries(NESTED_IDS)) {
      const res = await env.query(PREFECTURE, `{ ${field}(first: 50, filter: { areaCode: "${OUTSIDE}" }) { nodes { ${selection} } } }`);
      const found = (res.data?.[field]?.nodes ?? []).flatMap((n: Record<string, unknown>) => [n[key]].flat()).find((n: { id?: string } | null) => n?.id);
      if (found) outsideIds.set(type, found.id);
    }
    // a county's yearly verification (listed by year, not by area)
    const verifications = await env.query(PREFECTURE, '{ supportVerifications(first: 50) { nodes { id countyCode } } }');
    const verification = verifications.data?.supportVerifications.nodes.find((v: { countyCode: string }) => v.countyCode === OUTSIDE);
    if (verification) outsideIds.set('SupportVerification', verification.id);
    outsideIds.set('AdminArea', OUTSIDE);
  });
  afterAll(() => env?.close());

  describe.each(CALLERS)('$label', (caller) => {
    const scope = Scope.of(caller.identity);
    const visible = (code: string, shared: boolean) => scope.covers(code) || (shared && scope.seesArea(code));

    it.each(LISTS)('list $field: only rows inside the jurisdiction, as many as there are', async ({ field, type }) => {
      const res = await ask(caller, listDocument(field));
      if (AGGREGATES_ONLY_LISTS.has(field) && AGGREGATES_ONLY_ROLES.has(caller.identity.role)) {
        expect(res.data?.[field] ?? null).toBeNull();
        expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
        return;
      }
      expect(res.errors).toBeUndefined();
      const nodes: { areaCode: string }[] = res.data[field].nodes;
      expect(nodes.filter((n) => !visible(n.areaCode, SHARED_TYPES.has(type)))).toEqual([]);
      if (!SHARED_TYPES.has(type)) {
        const own = await env.query(PREFECTURE, `query ($area: String) { ${field}(filter: { areaCode: $area }) { totalCount } }`, { area: caller.identity.jurisdiction[0] });
        expect(res.data[field].totalCount).toBe(own.data[field].totalCount);
      }
    });

    it.each(LISTS)('list $field filtered on another county: refused', async ({ field }) => {
      const res = await ask(caller, listDocument(field), { area: OUTSIDE });
      expect(res.data?.[field] ?? null).toBeNull();
      expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    });

    it.each(LOOKUPS)('lookup $field of another county: FORBIDDEN, no data', async ({ field, type }) => {
      const res = await ask(caller, lookupDocument(field), { id: outsideId(type) });
      expect(res.data?.[field] ?? null).toBeNull();
      expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    });

    it.each(ENTITIES)('_entities of $subgraph: $type of another county resolves to nothing', async ({ subgraph, type, key }) => {
      const res = await env.querySubgraphAs(subgraph, caller.identity, `query ($r: [_Any!]!) { _entities(representations: $r) { __typename } }`, { r: [{ __typename: type, [key]: outsideId(type) }] });
      expect(res.data?._entities ?? [null]).toEqual([null]);
      expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    });

    it.each(STATISTICS)('statistics $field: cells of the jurisdiction’s communities only; another county’s refused', async (table) => {
      const res = await ask(caller, statisticsDocument(table));
      expect(res.errors).toBeUndefined();
      const codes: string[] = res.data[table.field].rows.map((r: { community: { code: string } | null }) => r.community?.code).filter(Boolean);
      expect(codes.filter((code) => !scope.covers(code))).toEqual([]);
      const outside = await ask(caller, statisticsDocument(table), { area: OUTSIDE });
      expect(outside.data?.[table.field] ?? null).toBeNull();
      expect(outside.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    });

    it('area indicators of another county: FORBIDDEN, no figures', async () => {
      const res = await ask(caller, AREA_DOCUMENT, { code: OUTSIDE });
      expect(res.data?.area ?? null).toBeNull();
      expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
      const training = await ask(caller, TRAINING_DOCUMENT, { area: OUTSIDE });
      expect(training.data?.trainingStatistics ?? null).toBeNull();
      expect(training.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });

    it('area indicators of the prefecture above: only the jurisdiction’s own figures', async () => {
      const above = await ask(caller, AREA_DOCUMENT, { code: PREFECTURE_CODE });
      expect(above.errors).toBeUndefined();
      const own = await env.query(PREFECTURE, AREA_DOCUMENT, { code: caller.identity.jurisdiction[0] });
      const { code: _above, ...aboveFigures } = above.data.area;
      const { code: _own, ...ownFigures } = own.data.area;
      for (const list of ['resettlementSites', 'grids', 'partyOrganisations'] as const) {
        expect(aboveFigures[list].filter((r: { areaCode: string }) => !scope.covers(r.areaCode))).toEqual([]);
      }
      expect(aboveFigures).toEqual(ownFigures);
      const training = await ask(caller, TRAINING_DOCUMENT);
      const ownTraining = await env.query(PREFECTURE, TRAINING_DOCUMENT, { area: caller.identity.jurisdiction[0] });
      expect(training.data.trainingStatistics).toEqual(ownTraining.data.trainingStatistics);
    });

    it('the area tree: only the jurisdiction and the areas above it', async () => {
      const res = await ask(caller, AREAS_DOCUMENT);
      expect(res.errors).toBeUndefined();
      expect(res.data.areas.filter((a: { code: string }) => !scope.seesArea(a.code))).toEqual([]);
      expect(res.data.areas.some((a: { code: string }) => a.code.startsWith(OUTSIDE))).toBe(false);
    });
  });

  it('has something outside the jurisdiction to try for every lookup and entity type', () => {
    for (const { type } of [...LOOKUPS, ...ENTITIES]) expect({ type, id: outsideIds.has(type) }).toEqual({ type, id: true });
  });
});
