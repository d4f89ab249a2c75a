import { randomUUID } from 'node:crypto';
import { eighteenCharacterForm, idNumberForms } from '../../../platform/domain/id-number';
import { EXPORTED_HOUSEHOLD_ID, EXPORTED_PERSON_ID } from '../../../platform/imports/reference-columns';
import { bulkUpdateColumns } from '../../../platform/db/bulk-insert-columns';
import { RegistryEventType } from '../../../platform/events/registry-event';
import { personEventsOfInserted, recordPersonEvents } from '../services/registry-events';
import { Problems } from '../../../platform/graphql/errors';
import { byKey } from '../../../platform/db/bulk-insert-columns';
import { existingKeys } from '../../../platform/graphql/loaders';
import { upsertPlan, type ChunkPlan, type RowProblem, type SheetImport } from '../../../platform/imports/import-engine';
import { SensitiveCategory } from '../../../platform/security/purposes';
import type { Scope } from '../../../platform/security/scope';
import { parseCells, rowProblems } from '../../../platform/imports/sheet-cells';
import { sheetFormat, type SheetFormat } from '../../../platform/imports/sheet-format';
import { today } from '../../../platform/graphql/validation';
import { Household } from '../entities/household.entity';
import { HouseholdStatus, PersonStatus, Relation, type ProductionMode, type Sex } from '../households.enums';
import type { MemberInput } from '../inputs/registration.input';
import { checkMember } from '../services/member.validation';
import { LABELS, REGISTRY_NO } from './sheet-columns';
import { schemaName } from '../../../platform/db/data-source';

const FLAG_NOTE = '是/否 · yes/no';

/** The persons sheet (移民人口表): one row per person, naming the household by its registry number. */
export const PERSONS_SHEET = sheetFormat({
  name: 'persons',
  title: '移民人口表',
  columns: [
    { ...REGISTRY_NO, note: '所属移民户的登记编号（须已登记）· Registry number of the person’s household (already registered)' },
    { key: 'name', header: '姓名', kind: 'text', required: true, note: '姓名 · Name' },
    { key: 'idNumber', header: '身份证号', aliases: ['身份证号码', '公民身份号码'], kind: 'text', required: true, sensitive: SensitiveCategory.ID_NUMBER, note: '18 位（末位可为 X），该列须设为文本 · 18 characters, the column formatted as text' },
    { key: 'sex', header: '性别', kind: 'choice', choices: LABELS.sex, note: '可留空，由身份证号推出；填写则须一致 · Optional; must agree with the ID number' },
    { key: 'birthDate', header: '出生日期', kind: 'date', sensitive: 'BIRTH_DATE', note: '可留空，由身份证号推出；填写则须一致 · Optional; must agree with the ID number' },
    { key: 'ethnicity', header: '民族', kind: 'text', required: true, note: '如“汉族”“彝族” · Ethnic group' },
    { key: 'relation', header: '与户主关系', aliases: ['关系'], kind: 'choice', required: true, choices: LABELS.relation, note: '每户一名“户主” · Relation to the head; one 户主 per household' },
    { key: 'phone', header: '联系电话', aliases: ['手机号码', '电话'], kind: 'text', sensitive: SensitiveCategory.PHONE, note: '11 位手机号码 · Mobile phone' },
    { key: 'productionMode', header: '生产安置方式', kind: 'choice', required: true, choices: LABELS.production, note: '如“逐年补偿” · Production resettlement mode' },
    { key: 'leftBehindElderly', header: '留守老人', kind: 'flag', note: FLAG_NOTE },
    { key: 'leftBehindChild', header: '留守儿童', kind: 'flag', note: FLAG_NOTE },
    { key: 'disabled', header: '残疾人', kind: 'flag', note: FLAG_NOTE },
    { key: 'minimumLivingAllowance', header: '低保', aliases: ['低保对象'], kind: 'flag', note: FLAG_NOTE },
    EXPORTED_HOUSEHOLD_ID,
    EXPORTED_PERSON_ID,
  ],
});

export interface ValidPerson {
  /** Flags that do not fit the age: a problem only when the row sets them anew. */
  ageProblems: RowProblem[];
  registryNo: string;
  name: string;
  idNumber: string;
  sex: Sex;
  birthDate: string;
  ethnicity: string;
  relation: Relation;
  phone: string | null;
  productionMode: ProductionMode;
  leftBehindElderly: boolean;
  leftBehindChild: boolean;
  disabled: boolean;
  minimumLivingAllowance: boolean;
}

const COLUMNS = {
  name: 'name', sex: 'sex', birth_date: 'birthDate', ethnicity: 'ethnicity', relation: 'relation', phone: 'phone',
  production_mode: 'productionMode', left_behind_elderly: 'leftBehindElderly', left_behind_child: 'leftBehindChild',
  disabled: 'disabled', minimum_living_allowance: 'minimumLivingAllowance',
} as const satisfies Record<string, keyof ValidPerson>;

/** Columns the registry's events carry (`registry-events.ts`): an update changing one writes a PERSON_UPDATED event. */
const EVENT_FACTS = ['name', 'birth_date', 'production_mode'] as const;

const header = (key: string) => PERSONS_SHEET.columns.find((c) => c.key === key)!.header;
const AGE_FLAGS = [header('leftBehindChild'), header('leftBehindElderly')];

/** Imports the persons sheet: new ID numbers are added to their household, known ones updated where they differ. */
export function personsImport(scope: Scope): SheetImport<ValidPerson> {
  const headRowOf = new Map<string, number>(); // registry number → row naming its head, in this file
  const heads: Record<string, unknown>[] = []; // households' new heads, written once at the end
  const now = today();
  return {
    format: PERSONS_SHEET,
    tables: ['household', 'person'],
    keyColumn: header('idNumber'),
    key: (p) => eighteenCharacterForm(p.idNumber), // a 15-digit number and its 18-character form are one person

    checkRow(row) {
      const { values, problems } = parseCells(PERSONS_SHEET, row);
      if (problems.length) return { problems };
      const member: MemberInput = {
        name: values.name, idNumber: values.idNumber, sex: values.sex, birthDate: values.birthDate, ethnicity: values.ethnicity,
        relation: values.relation, phone: values.phone, productionMode: values.productionMode,
        leftBehindElderly: values.leftBehindElderly, leftBehindChild: values.leftBehindChild,
        disabled: values.disabled, minimumLivingAllowance: values.minimumLivingAllowance,
      };
      const fields = new Problems();
      const valid = checkMember(fields, 'row', member, now);
      const registryNo = values.registryNo.toUpperCase();
      if (member.relation === Relation.HEAD) {
        const first = headRowOf.get(registryNo);
        if (first !== undefined) fields.add('row.relation', `该户在第 ${first} 行已有户主，每户只能有一名户主`, `Row ${first} already names this household's head: one head per household`);
        else headRowOf.set(registryNo, row.row);
      }
      // a flag that no longer fits the person's age (a left-behind child turned 16) is refused only when the file sets it anew
      const found = rowProblems(PERSONS_SHEET, row, fields.all);
      const ageProblems = found.filter((p) => AGE_FLAGS.includes(p.column ?? ''));
      if (!valid || found.length > ageProblems.length) return { problems: found };
      return {
        problems: [],
        valid: {
          ageProblems,
          registryNo, name: valid.name, idNumber: valid.idNumber, sex: valid.sex, birthDate: valid.birthDate,
          ethnicity: member.ethnicity.trim(), relation: member.relation, phone: member.phone?.trim() || null,
          productionMode: member.productionMode, leftBehindElderly: member.leftBehindElderly, leftBehindChild: member.leftBehindChild,
          disabled: member.disabled, minimumLivingAllowance: member.minimumLivingAllowance,
        },
      };
    },

    async plan(manager, rows): Promise<ChunkPlan> {
      const schema = schemaName(manager.connection);
      const households: { id: string; registry_no: string; area_code: string; county_code: string; status: string; head_id: string | null }[] = await manager.query(
        `SELECT h.* FROM unnest($1::text[]) AS k(no) CROSS JOIN LATERAL (${byKey('h.id, h.registry_no, h.area_code, h.county_code, h.status, h.head_id', `"${schema}".household h`, 'h.registry_no = (k.no COLLATE "C")')}) h`,
        [[...new Set(rows.map((r) => r.valid.registryNo))]]);
      const householdOf = new Map(households.map((h) => [h.registry_no, h]));
      // households of other counties are hidden (row-level security): which of the rest exist there
      const hiddenNos = new Set(await existingKeys(manager, Household, 'registry_no')([...new Set(rows.map((r) => r.valid.registryNo))].filter((no) => !householdOf.has(no))));
      const existing: (Record<keyof typeof COLUMNS, unknown> & { id: string; id_number: string; household_id: string; registry_no: string; county_code: string })[] = await manager.query(
        `SELECT p.* FROM unnest($1::text[]) AS k(id_number) CROSS JOIN LATERAL (${byKey(
          `p.id, p.id_number, p.household_id, h.registry_no, h.county_code, ${Object.keys(COLUMNS).map((c) => `p.${c}`).join(', ')}`,
          `"${schema}".person p JOIN "${schema}".household h ON h.id = p.household_id`,
          'p.id_number = (k.id_number COLLATE "C") AND p.status = $2')}) p`, [rows.flatMap((r) => idNumberForms(r.valid.idNumber)), PersonStatus.ACTIVE]);
      // by the 18-character form: a person registered under the old 15-digit number is the same person
      const personOf = new Map(existing.map((p) => [eighteenCharacterForm(p.id_number), p]));
      // persons outside the caller's jurisdiction are not visible (row-level security): ask which of the rest are registered, and where
      const unseen = rows.map((r) => eighteenCharacterForm(r.valid.idNumber)).filter((n) => !personOf.has(n)).flatMap(idNumberForms);
      const elsewhere: { id_number: string; county_name: string }[] = unseen.length
        ? await manager.query(`SELECT id_number, county_name FROM "${schema}".registered_id_numbers($1::text[], NULL)`, [unseen])
        : [];
      // a duplicate outside the jurisdiction is named by its county only (docs/privacy.md)
      const countyElsewhere = new Map(elsewhere.map((p) => [eighteenCharacterForm(p.id_number), p.county_name]));

      const problems: RowProblem[] = [];
      const inserts: Record<string, unknown>[] = [];
      const updates: Record<string, unknown>[] = [];
      const newHeads: Record<string, unknown>[] = [];
      const updatedFacts: string[] = []; // persons whose facts in the registry's events changed
      let unchanged = 0;
      for (const { row, valid: p } of rows) {
        const found = problems.length;
        const problem = (key: keyof ValidPerson, zh: string, en: string) => problems.push({ row, column: header(key), value: String(p[key] ?? ''), zh, en });
        const household = householdOf.get(p.registryNo);
        const id18 = eighteenCharacterForm(p.idNumber);
        const before = personOf.get(id18);
        if (hiddenNos.has(p.registryNo)) problem('registryNo', `移民户 ${p.registryNo} 属于其他县（区、市），不在您的管辖范围内，不能导入`, `Household ${p.registryNo} belongs to another county, outside your jurisdiction: you cannot import it`);
        else if (!household) problem('registryNo', `登记编号 ${p.registryNo} 的移民户不存在：请先导入移民户表`, `No household has registry number ${p.registryNo}: import the households sheet first`);
        else if (!scope.covers(household.area_code)) problem('registryNo', `移民户 ${p.registryNo} 属于 ${household.county_code}，不在您的管辖范围内，不能导入`, `Household ${p.registryNo} belongs to county ${household.county_code}, outside your jurisdiction: you cannot import it`);
        else if (household.status === HouseholdStatus.CANCELLED) problem('registryNo', `移民户 ${p.registryNo} 已注销`, `Household ${p.registryNo} is cancelled`);
        if (countyElsewhere.has(id18)) {
          problem('idNumber', `该身份证号已在${countyElsewhere.get(id18)}登记（不在您的管辖范围内）：同一人不能登记两次`,
            `This ID number is already registered in ${countyElsewhere.get(id18)} (outside your jurisdiction): a person is registered once`);
        } else if (before && before.registry_no !== p.registryNo) {
          problem('idNumber', `该身份证号已登记在移民户 ${before.registry_no}，本表第 ${row} 行又登记在 ${p.registryNo}：同一人不能登记两次`,
            `This ID number is already registered in household ${before.registry_no}; row ${row} registers it in ${p.registryNo}: a person is registered once`);
        } else if (household && before && before.relation === Relation.HEAD && p.relation !== Relation.HEAD) {
          problem('relation', '户主的关系不能直接修改：变更户主请使用减员（指定新户主）', 'The head’s relation cannot be changed directly: remove the head naming the new head');
        } else if (household && p.relation === Relation.HEAD && household.head_id && household.head_id !== before?.id) {
          problem('relation', `移民户 ${p.registryNo} 已有户主：变更户主请使用减员（指定新户主）`, `Household ${p.registryNo} already has a head: remove the head naming the new head`);
        }
        for (const ageProblem of p.ageProblems) {
          const flag = ageProblem.column === header('leftBehindChild') ? 'left_behind_child' : 'left_behind_elderly';
          if (!before || before[flag] !== true) problems.push(ageProblem);
        }
        if (problems.length > found) continue;
        const wanted: Record<string, unknown> = {};
        for (const [column, key] of Object.entries(COLUMNS)) wanted[column] = p[key];
        if (!before) {
          const id = randomUUID();
          inserts.push({ id, household_id: household!.id, area_code: household!.area_code, county_code: household!.county_code, id_number: p.idNumber, ...wanted, status: PersonStatus.ACTIVE });
          if (p.relation === Relation.HEAD) newHeads.push({ id: household!.id, head_id: id });
        } else if (Object.entries(before).some(([c, value]) => c in COLUMNS && (value ?? null) !== (wanted[c] ?? null))) {
          updates.push({ id: before.id, ...wanted });
          if (EVENT_FACTS.some((c) => (before[c] ?? null) !== (wanted[c] ?? null))) updatedFacts.push(String(before.id));
        } else unchanged++;
      }
      // the new persons' events are written by the statement that inserts them
      const fromInserted = personEventsOfInserted(manager, RegistryEventType.MEMBER_ADDED);
      return upsertPlan('person', { problems, inserts, updates, unchanged, fromInserted }, async (m) => {
        heads.push(...newHeads);
        await recordPersonEvents(m, RegistryEventType.PERSON_UPDATED, updatedFacts);
      });
    },

    // one update of the households for the whole file: no later chunk reads a head the file sets
    // (a second head for a household is refused by `checkRow`)
    async finish(manager) {
      await bulkUpdateColumns(manager, 'household', 'id', heads);
    },
  };
}
