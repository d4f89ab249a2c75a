import { getNamedType, isLeafType, isNonNullType, isObjectType, type GraphQLObjectType } from 'graphql';
import { parse as parseCsv } from 'csv-parse/sync';
import { DEMO_IDENTITIES } from '../gateway/demo-identities';
import { allowOperations, apiSchemaOf, issueClient } from '../gateway/clients/client-store';
import { loadSupergraph } from '../gateway/supergraph';
import { DEMO_AREAS, PREFECTURE_CODE } from '../subgraphs/households/demo/geography';
import type { DemoData } from '../subgraphs/households/demo/rows';
import { PERSONS_SHEET } from '../subgraphs/households/imports/persons.sheet';
import { checkCharacter, makeIdNumber } from '../platform/domain/id-number';
import { stableUuid } from '../platform/demo/random';
import { loadConfig } from '../platform/config';
import { Role, type Identity } from '../platform/security/identity';
import { PURPOSE_CATEGORIES } from '../platform/security/purposes';
import { seesInFull } from '../platform/security/sensitive';
import { SHEET_OWNERS } from '../platform/imports/registry-sheets';
import { engines, type GraphQLResponse, type TestEnvironment } from './environment';
import { csvText } from './import-files';
import { startPlatform } from './platform';

/**
 * Privacy that survives combination (docs/privacy.md): what a masked reader can read about a
 * person, everywhere at once, must not narrow the person's ID number below 10,000 candidates.
 */
const MIN_CANDIDATES = 10_000;
const SAMPLE = 12;
const { qiaojia, analyst } = DEMO_IDENTITIES;
const schema = apiSchemaOf(loadSupergraph(loadConfig()).sdl);

/** Every masked reader: demo roles and partner purposes that do not see ID numbers in full, by the policy itself. */
/** What the support files are asked with (a year, a quarter, the demo's approved 2024 cycle of Qiaojia). */
const SUPPORT_FILE_PARAMETERS: Record<string, string> = {
  'support-verification': '?year=2024',
  'bank-payments': `?cycle=HQFC-${DEMO_AREAS.qiaojia}-2024-1`,
  'support-publication': `?cycle=HQFC-${DEMO_AREAS.qiaojia}-2024-1`,
  'support-removals': '?year=2024&quarter=1',
};
const MASKED_USERS = Object.entries(DEMO_IDENTITIES).filter(([, id]) => !seesInFull(id, 'ID_NUMBER'));
const MASKED_PURPOSES = Object.keys(PURPOSE_CATEGORIES).filter((p) => !PURPOSE_CATEGORIES[p].includes('ID_NUMBER'));

/** Selection of every field of `type` a caller can ask without arguments (or with defaults), `depth` levels down. */
function selection(type: GraphQLObjectType, depth: number): string {
  const parts: string[] = [];
  for (const field of Object.values(type.getFields())) {
    if (field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
    const named = getNamedType(field.type);
    if (isLeafType(named)) parts.push(field.name);
    else if (depth > 0 && isObjectType(named)) {
      const inner = selection(named, depth - 1);
      if (inner) parts.push(`${field.name} { ${inner} }`);
    }
  }
  return parts.join(' ');
}

/** Documents reading everything about the sample persons: their own fields, then each object field two levels down, one document per field (token limits). */
function personDocuments(count: number): string[] {
  const person = schema.getType('Person') as GraphQLObjectType;
  const vars = Array.from({ length: count }, (_, i) => `$p${i}: ID!`).join(', ');
  const aliased = (inner: string) => `query (${vars}) { ${Array.from({ length: count }, (_, i) => `p${i}: person(id: $p${i}) { id ${inner} }`).join(' ')} }`;
  const docs = [aliased(selection(person, 0))];
  for (const field of Object.values(person.getFields())) {
    const named = getNamedType(field.type);
    if (!isObjectType(named) || field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
    docs.push(aliased(`${field.name} { ${selection(named, 1)} }`));
  }
  return docs;
}

const SEARCH = 'query ($search: String!) { persons(first: 2, filter: { search: $search }) { nodes { id } } }';
const CELLS = '{ personStatistics(groupBy: [COMMUNITY, SEX, AGE_BAND]) { rows { community { code } sex ageBand persons } } }';
const IMPORT = `mutation ($input: ImportFileInput!) { importRegistryFile(input: $input) { id problemCount } }`;
const PROBLEMS = 'query ($id: ID!) { importProblems(importId: $id, first: 200) { nodes { row column value messageZh messageEn } } }';
const UPDATE = 'mutation ($input: UpdatePersonInput!) { updatePerson(input: $input) { id } }';

const DAY_MS = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const TODAY = iso(Date.now());
function ageOn(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) >= birthDate.slice(5) ? years : years - 1;
}
const band = (birthDate: string) => { const a = ageOn(birthDate, TODAY); return a < 16 ? 'AGE_0_15' : a < 60 ? 'AGE_16_59' : 'AGE_60_PLUS'; };

interface Person { id: string; idNumber: string; birthDate: string; sex: string; areaCode: string }

/** What a reader has learnt about one person's ID number. */
interface Knowledge {
  /** Positions of the 18 characters it has seen (in a full, masked or mistyped form of the number). */
  positions: Set<number>;
  birthDate: boolean;
  age: boolean;
  ageBand: boolean;
  /** A way to test candidate numbers one by one (a search by number, a key derived from it): the number is found. */
  oracle: string | null;
}

/**
 * Learns from `texts` (everything read that concerns the person): any 17- or 18-character run of
 * digits, X and * that agrees with the number in all but at most one of its visible characters
 * is a form of it (masked, or with a typo in one place: a check-character typo shows the other
 * 17), and its agreeing characters are known; the birth date is known when it appears as text.
 */
function learn(k: Knowledge, p: Person, texts: string[]): void {
  for (const text of texts) {
    for (const token of text.match(/[0-9X*]{17,18}/g) ?? []) {
      const visible = [...token].map((c, i) => [c, i] as const).filter(([c]) => c !== '*');
      const agreeing = visible.filter(([c, i]) => p.idNumber[i] === c);
      if (visible.length - agreeing.length <= 1) for (const [, i] of agreeing) k.positions.add(i);
    }
    if (text.includes(p.birthDate) || text.includes(p.birthDate.replace(/-/g, ''))) k.birthDate = true;
  }
}

/**
 * The ID numbers still possible for the person, counted one by one. Assumed known, whatever was
 * read (the reader's best case): the area code (six characters) and the birth year (published
 * for everyone), and the sex (the sequence's parity). Then every day of that year and every
 * sequence 000–999 of that parity is a candidate unless it contradicts what was seen: a seen
 * character of the date or the sequence, the birth date itself, the age today or the age band
 * today (which cut the year at today's date), or a seen check character (ISO 7064, computed per
 * candidate). Year, area and sex alone leave 365 × 500 = 182,500.
 */
function candidates(p: Person, k: Knowledge): number {
  if (k.oracle) return 1;
  const year = Number(p.birthDate.slice(0, 4));
  const seen = (i: number, c: string) => !k.positions.has(i) || p.idNumber[i] === c;
  let n = 0;
  for (let day = Date.UTC(year, 0, 1); day < Date.UTC(year + 1, 0, 1); day += DAY_MS) {
    const d = iso(day);
    if (k.birthDate && d !== p.birthDate) continue;
    if (k.age && ageOn(d, TODAY) !== ageOn(p.birthDate, TODAY)) continue;
    if (k.ageBand && band(d) !== band(p.birthDate)) continue;
    const digits = d.replace(/-/g, '');
    if (![...digits].every((c, i) => seen(6 + i, c))) continue;
    for (let sequence = p.sex === 'MALE' ? 1 : 0; sequence < 1000; sequence += 2) {
      const s = String(sequence).padStart(3, '0');
      if (!seen(14, s[0]) || !seen(15, s[1]) || !seen(16, s[2])) continue;
      if (k.positions.has(17) && checkCharacter(p.idNumber.slice(0, 6) + digits + s) !== p.idNumber[17]) continue;
      n++;
    }
  }
  return n;
}

/** Every string and number of a GraphQL answer. */
function leaves(value: unknown, out: string[] = []): string[] {
  if (value === null || value === undefined) return out;
  if (typeof value === 'object') for (const v of Object.values(value)) leaves(v, out);
  else out.push(String(value));
  return out;
}

describe.each(engines('masking reads through row-level security and the change-history triggers'))('privacy that survives combination (%s)', (engine) => {
  let env: TestEnvironment;
  let data: DemoData;
  let base: string;
  let sample: Person[];
  let importId: string;
  let duplicate: DemoData['persons'][number];
  let typo: DemoData['persons'][number];
  let contradicted: DemoData['persons'][number];
  const documents = personDocuments(SAMPLE);

  /** A masked reader: a demo user, or a partner client with one purpose (registered operations only). */
  interface Reader { name: string; query(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse>; identity: Identity | null }
  let readers: Reader[];

  async function download(as: Identity, route: string): Promise<string> {
    const res = await fetch(base + route, { headers: { authorization: `Bearer ${await env.token(as)}` } });
    expect(res.status).toBe(200);
    return Buffer.from(await res.arrayBuffer()).toString('utf8').replace(/^\ufeff/, '');
  }

  beforeAll(async () => {
    ({ env, data } = await startPlatform(engine, 0.005));
    base = env.gateway.url.replace(/\/graphql$/, '');
    const households = new Map(data.households.map((h) => [h.id, h]));
    const inQiaojia = data.persons.filter((p) => p.county_code === DEMO_AREAS.qiaojia);
    duplicate = data.persons.find((p) => p.county_code === DEMO_AREAS.suijiang)!;
    [typo] = inQiaojia;
    const adult = (p: typeof typo) => { const age = ageOn(p.birth_date, TODAY); return age > 25 && age < 50 && p.id_number.length === 18; };
    const corrected = inQiaojia.find((p) => p !== typo && adult(p))!;
    contradicted = inQiaojia.find((p) => p !== typo && p !== corrected && adult(p))!;

    // an import with problems about other people: a number registered in another county, a
    // check-character typo of a registered number, a birth date contradicting a registered number
    const qiaojiaNo = households.get(typo.household_id)!.registry_no;
    const wrongCheck = typo.id_number.slice(0, 17) + (typo.id_number[17] === '0' ? '1' : '0');
    const row = (p: typeof typo, overrides: Record<string, string>) => ({
      登记编号: qiaojiaNo, 姓名: '王某', 身份证号: p.id_number, 民族: '汉族', 与户主关系: '其他', 生产安置方式: '其他', ...overrides,
    });
    const file = csvText(PERSONS_SHEET, [
      row(duplicate, {}),
      row(typo, { 身份证号: wrongCheck }),
      row(contradicted, { 出生日期: `${Number(contradicted.birth_date.slice(0, 4)) - 3}-01-01` }),
    ]);
    const imported = await env.query(qiaojia, IMPORT, { input: { sheet: 'PERSONS', fileName: 'p.csv', contentBase64: Buffer.from(file).toString('base64'), commit: false, wait: true } });
    expect(imported.errors).toBeUndefined();
    importId = imported.data.importRegistryFile.id;
    expect(imported.data.importRegistryFile.problemCount).toBeGreaterThanOrEqual(3);

    // a corrected ID number (another birth date): the change history holds the old and new number and birth date
    const newNumber = makeIdNumber(corrected.id_number.slice(0, 6), `${corrected.birth_date.slice(0, 4)}-02-03`, 777 + (corrected.sex === 'MALE' ? 0 : 1));
    const updated = await env.query(qiaojia, UPDATE, { input: { id: corrected.id, idNumber: newNumber, phone: '13900001111' } });
    expect(updated.errors).toBeUndefined();

    const step = Math.floor(data.persons.length / SAMPLE);
    const picked = [duplicate, typo, { ...corrected, id_number: newNumber, birth_date: `${corrected.birth_date.slice(0, 4)}-02-03` }, contradicted,
      ...data.persons.filter((p, i) => i % step === 0 && p.id_number.length === 18 && ![duplicate, typo, corrected, contradicted].includes(p))].slice(0, SAMPLE);
    sample = picked.map((p) => ({ id: p.id, idNumber: p.id_number, birthDate: p.birth_date, sex: p.sex, areaCode: p.area_code }));

    const partners = await Promise.all(MASKED_PURPOSES.map(async (purpose) => {
      const client = await issueClient(env.clients, { name: `伙伴（${purpose}）`, jurisdiction: [PREFECTURE_CODE], purposes: [purpose] });
      await allowOperations(env.clients, client.id, [...documents, SEARCH, CELLS, PROBLEMS].map((text, i) => ({ name: `op-${i}.graphql`, text })), schema);
      return {
        name: `partner:${purpose}`, identity: null,
        async query(query: string, variables?: Record<string, unknown>) {
          const res = await fetch(env.gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': client.key }, body: JSON.stringify({ query, variables }) });
          return (await res.json()) as GraphQLResponse;
        },
      } satisfies Reader;
    }));
    readers = [
      ...MASKED_USERS.map(([name, identity]) => ({ name, identity, query: (q: string, v?: Record<string, unknown>) => env.query(identity, q, v) })),
      ...partners,
    ];
  }, 240_000);
  afterAll(() => env?.close());

  it('lets no masked reader narrow any sampled ID number below 10,000 candidates, from everything it can read', async () => {
    expect(readers.map((r) => r.name)).toEqual(expect.arrayContaining(['analyst', 'auditor', 'partner:audit']));
    const variables = Object.fromEntries(sample.map((p, i) => [`p${i}`, p.id]));
    const figures: Record<string, { min: number; rebuilt: number }> = {};
    const narrowed: string[] = [];
    for (const reader of readers) {
      const about = sample.map(() => [] as string[]);
      const knowledge = sample.map((): Knowledge => ({ positions: new Set(), birthDate: false, age: false, ageBand: false, oracle: null }));
      // every field of every subgraph about the person, two levels down (household, placements, history …)
      for (const doc of documents) {
        const res = await reader.query(doc, variables);
        expect(res.data).toBeDefined();
        sample.forEach((p, i) => {
          const answer = res.data?.[`p${i}`];
          about[i].push(...leaves(answer));
          if (typeof answer?.age === 'number') knowledge[i].age = true;
          if (answer?.id && answer.id === stableUuid('person', p.idNumber)) knowledge[i].oracle = 'the key is derived from the number';
        });
      }
      // exports (sign-in readers): the rows naming the person, and every number-like text in them
      if (reader.identity) {
        for (const { name, owner } of Object.values(SHEET_OWNERS)) {
          if (name === 'bank-returns') continue; // imported only
          const route = `/exports/${name}.csv${SUPPORT_FILE_PARAMETERS[name] ?? ''}`;
          // the support files hold lists of persons: analysts get aggregates only (refused), auditors them masked
          const refused = owner === 'support' && reader.identity.role === Role.ANALYST;
          if (refused) {
            expect((await fetch(base + route, { headers: { authorization: `Bearer ${await env.token(reader.identity)}` } })).status).toBe(403);
            continue;
          }
          const rows = parseCsv(await download(reader.identity, route)) as string[][];
          sample.forEach((p, i) => about[i].push(...rows.filter((r) => r.includes(p.id)).flat()));
          const all = rows.flat().filter((c) => /[0-9X*]{17,18}/.test(c));
          about.forEach((texts) => texts.push(...all));
        }
      }
      // import reports, in the graph and as a file: about anyone, so they count for every person
      const problems = await reader.query(PROBLEMS, { id: importId });
      const reports = leaves(problems.data);
      if (reader.identity) reports.push(await download(reader.identity, `/imports/persons/runs/${importId}/problems.csv`));
      about.forEach((texts) => texts.push(...reports));
      // statistics: a published cell of one person gives away their age band
      const cells = (await reader.query(CELLS)).data?.personStatistics.rows ?? [];
      // oracles: a search by full number answering is a way to test every candidate
      for (const [i, p] of sample.entries()) {
        learn(knowledge[i], p, about[i]);
        const alone = cells.find((c: any) => c.community?.code === p.areaCode.slice(0, 12) && c.sex === p.sex && c.ageBand === band(p.birthDate));
        if (alone?.persons === 1) knowledge[i].ageBand = true;
        const found = await reader.query(SEARCH, { search: p.idNumber });
        if (found.data?.persons.nodes.some((n: { id: string }) => n.id === p.id)) knowledge[i].oracle = 'a search by number finds the person';
      }
      const counts = sample.map((p, i) => candidates(p, knowledge[i]));
      figures[reader.name] = { min: Math.min(...counts), rebuilt: counts.filter((n) => n === 1).length };
      narrowed.push(...sample.flatMap((p, i) => (counts[i] < MIN_CANDIDATES ? [`${reader.name} ${p.id}: ${counts[i]}${knowledge[i].oracle ? ` (${knowledge[i].oracle})` : ''}`] : [])));
    }
    console.log(`[privacy ${engine}] candidates per sampled ID number (min, fully rebuilt of ${SAMPLE}): ${JSON.stringify(figures)}`);
    expect(narrowed).toEqual([]);
  });

  it('shows other people’s values in import reports and history only as the reader may see them', async () => {
    const duplicateHousehold = data.households.find((h) => h.id === duplicate.household_id)!;
    const secrets = [duplicate.id_number, duplicateHousehold.registry_no, duplicate.name, typo.id_number.slice(0, 17), typo.birth_date, contradicted.birth_date];
    const leaking: string[] = [];
    const duplicates: Record<string, unknown>[] = [];
    const numbers: (string | null)[] = [];
    let paths = 0;
    for (const reader of readers) {
      const { data: answer } = await reader.query(PROBLEMS, { id: importId });
      const nodes: { column: string | null; value: string | null; messageZh: string; messageEn: string }[] = answer.importProblems.nodes;
      const texts = nodes.map((n) => `${n.column}: ${n.value ?? ''} ${n.messageZh} ${n.messageEn}`);
      // the report as a file: one row per problem
      if (reader.identity) texts.push(...(parseCsv(await download(reader.identity, `/imports/persons/runs/${importId}/problems.csv`)) as string[][]).slice(1).map((r) => r.join(' ')));
      paths += texts.length;
      for (const text of texts) if (secrets.some((secret) => text.includes(secret)) || /\d{8}/.test(text.replace(/^\S+: /, ''))) leaking.push(`${reader.name} ${text}`);
      duplicates.push({ reader: reader.name, ...nodes.filter((n) => n.messageZh.includes('已在')).map((n) => ({ zh: n.messageZh, en: n.messageEn }))[0] });
      numbers.push(...nodes.filter((n) => n.column === '身份证号').map((n) => n.value));
    }
    console.log(`[privacy ${engine}] import report rows showing other people's values to masked readers: ${leaking.length} of ${paths}`);
    expect(leaking).toEqual([]);
    expect(duplicates).toEqual(readers.map((r) => ({ reader: r.name, zh: expect.stringContaining('已在绥江县登记'), en: expect.stringContaining('already registered in 绥江县') })));
    expect(numbers.length).toBeGreaterThanOrEqual(readers.length * 2);
    for (const n of numbers) expect(n).toMatch(/^\d{6}\*{12}$/);
    // the uploader sees its own file's values as it typed them
    const own = await env.query(qiaojia, PROBLEMS, { id: importId });
    expect(own.data.importProblems.nodes.map((n: { value: string }) => n.value)).toContain(typo.id_number.slice(0, 17) + (typo.id_number[17] === '0' ? '1' : '0'));
    // change history: birth dates as the year, ID numbers masked
    const corrected = sample[2];
    const history = await env.query(analyst, 'query ($id: ID!) { person(id: $id) { birthDate birthYear age idNumber changes { changes { field old new } } } }', { id: corrected.id });
    expect(history.data.person).toMatchObject({ birthDate: null, age: null, birthYear: Number(corrected.birthDate.slice(0, 4)), idNumber: `${corrected.idNumber.slice(0, 6)}************` });
    const changed = history.data.person.changes.flatMap((c: { changes: { field: string; old: string | null; new: string | null }[] }) => c.changes);
    expect(changed.find((c: { field: string }) => c.field === 'birthDate')).toMatchObject({ new: corrected.birthDate.slice(0, 4) });
    expect(changed.find((c: { field: string }) => c.field === 'idNumber')).toMatchObject({ new: `${corrected.idNumber.slice(0, 6)}************` });
    const officer = await env.query(qiaojia, 'query ($id: ID!) { person(id: $id) { birthDate changes { changes { field new } } } }', { id: corrected.id });
    expect(officer.data.person.birthDate).toBe(corrected.birthDate);
    // a search by full number is for those who see numbers in full
    const search = await env.query(analyst, SEARCH, { search: corrected.idNumber });
    expect(search.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('withholds income means, medians and employment rates over fewer than SUPPRESSION_MIN_CELL units, at every area level', async () => {
    const minCell = loadConfig().suppressionMinCell;
    const GROUPS = `query ($county: String!) { areas(withinCode: $county, level: GROUP) { code employmentIndicators(year: 2023) {
      labourForce employmentRate householdsSurveyed meanPerCapitaNetIncome medianPerCapitaNetIncome suppressed } } }`;
    const MEANS = `query ($county: String!) { areas(withinCode: $county, level: GROUP) { code employmentIndicators(year: 2023) { householdsSurveyed meanPerCapitaNetIncome } } }`;
    const asAnalyst = (await env.query(analyst, MEANS, { county: DEMO_AREAS.qiaojia })).data.areas;
    const published = asAnalyst.filter((a: any) => a.employmentIndicators.householdsSurveyed > 0 && a.employmentIndicators.householdsSurveyed < minCell && a.employmentIndicators.meanPerCapitaNetIncome !== null);
    console.log(`[privacy ${engine}] resident groups whose mean income over fewer than ${minCell} households an analyst reads: ${published.length} of ${asAnalyst.length}`);
    expect(published).toEqual([]);
    const asOfficer = await env.query(qiaojia, GROUPS, { county: DEMO_AREAS.qiaojia });
    const small = asOfficer.data.areas.filter((a: any) => a.employmentIndicators.householdsSurveyed > 0 && a.employmentIndicators.householdsSurveyed < minCell);
    expect(small.length).toBeGreaterThan(0);
    // an officer sees exact figures, a single household's income among them
    expect(small.every((a: any) => a.employmentIndicators.meanPerCapitaNetIncome !== null && !a.employmentIndicators.suppressed)).toBe(true);
    for (const reader of readers.filter((r) => r.identity)) {
      const { data: answer } = await reader.query(GROUPS, { county: DEMO_AREAS.qiaojia });
      const byCode = new Map(answer.areas.map((a: any) => [a.code, a.employmentIndicators]));
      let exact = 0;
      for (const area of asOfficer.data.areas) {
        const shown: any = byCode.get(area.code);
        const fewHouseholds = area.employmentIndicators.householdsSurveyed > 0 && area.employmentIndicators.householdsSurveyed < minCell;
        const fewWorkers = area.employmentIndicators.labourForce > 0 && area.employmentIndicators.labourForce < minCell;
        if (fewHouseholds) expect({ reader: reader.name, area: area.code, mean: shown.meanPerCapitaNetIncome, median: shown.medianPerCapitaNetIncome, suppressed: shown.suppressed })
          .toEqual({ reader: reader.name, area: area.code, mean: null, median: null, suppressed: true });
        if (fewWorkers) expect({ area: area.code, rate: shown.employmentRate, suppressed: shown.suppressed }).toEqual({ area: area.code, rate: null, suppressed: true });
        if (!fewHouseholds && !fewWorkers) {
          expect(shown).toEqual(area.employmentIndicators);
          exact++;
        }
      }
      expect(exact).toBeGreaterThan(0);
    }
  });
});
