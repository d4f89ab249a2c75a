import { randomUUID } from 'node:crypto';
import { SensitiveCategory } from '../../../platform/security/purposes';
import { Problems } from '../../../platform/graphql/errors';
import { existingKeys } from '../../../platform/graphql/loaders';
import { upsertPlan, type ChunkPlan, type RowProblem, type SheetImport } from '../../../platform/imports/import-engine';
import type { Scope } from '../../../platform/security/scope';
import { parseCells, rowProblems } from '../../../platform/imports/sheet-cells';
import { sheetFormat, type SheetFormat, headerOf } from '../../../platform/imports/sheet-format';
import { Cadre } from '../entities/cadre.entity';
import { checkCadre, type ValidCadreFields } from '../services/cadre.validation';
import { GRID_NUMBER } from './sheet-columns';
import { schemaName } from '../../../platform/db/data-source';
import { countyOf } from '../../../platform/domain/area-code';

/** The cadres sheet (干部表): one row per cadre, keyed by the cadre's mobile phone. */
export const CADRES_SHEET = sheetFormat({
  name: 'cadres',
  title: '干部表',
  columns: [
    { key: 'phone', header: '手机号码', aliases: ['联系电话', '电话'], kind: 'text', required: true, sensitive: SensitiveCategory.PHONE, note: '干部本人手机号码，11 位，全市唯一（本表的键） · The cadre’s mobile, 11 digits, unique (the key of the sheet)' },
    { key: 'name', header: '姓名', kind: 'text', required: true, note: '姓名 · Name' },
    { key: 'workUnit', header: '工作单位', aliases: ['派出单位', '单位'], kind: 'text', required: true, note: '如“巧家县水务局” · Work unit, e.g. a county bureau' },
    { key: 'partyMember', header: '是否党员', aliases: ['党员'], kind: 'flag', note: '是/否 · Party member: yes/no' },
    { key: 'areaCode', header: '服务区划代码', aliases: ['所在区划代码'], kind: 'code', required: true, note: '在网格中的填网格所在社区代码（12 位），否则填县代码（6 位） · The grid’s community (12 digits), or the county (6) for a cadre in no grid' },
    { ...GRID_NUMBER, required: false, note: '所在网格在社区内的序号；不在网格中的留空 · Number of the grid served in its community; empty for none' },
  ],
});

const header = (key: string) => headerOf(CADRES_SHEET, key);
const COMPARED = ['name', 'work_unit', 'party_member', 'grid_id', 'area_code', 'county_code'] as const;
type StoredCadre = Record<(typeof COMPARED)[number], unknown> & { id: string; phone: string; area_code: string };

/** Imports the cadres sheet: new phones are new cadres, known ones updated where they differ. */
export function cadresImport(scope: Scope): SheetImport<ValidCadreFields> {
  return {
    format: CADRES_SHEET,
    tables: ['grid', 'cadre'],
    keyColumn: header('phone'),
    key: (c) => c.phone,

    checkRow(row) {
      const { values, problems } = parseCells(CADRES_SHEET, row);
      if (problems.length) return { problems };
      const fields = new Problems();
      const valid = checkCadre(fields, 'row', {
        name: values.name, phone: values.phone, workUnit: values.workUnit,
        partyMember: values.partyMember, areaCode: values.areaCode, gridNumber: values.gridNumber,
      });
      return valid ? { problems: [], valid } : { problems: rowProblems(CADRES_SHEET, row, fields.all) };
    },

    async plan(manager, rows): Promise<ChunkPlan> {
      const schema = schemaName(manager.connection);
      const wanted = rows.filter((r) => r.valid.gridNumber !== null);
      const grids: { id: string; area_code: string; number: number }[] = wanted.length
        ? await manager.query(
          `SELECT g.id, g.area_code, g.number FROM unnest($1::text[], $2::int[]) AS k(area, number)
             JOIN "${schema}".grid g ON g.area_code = (k.area COLLATE "C") AND g.number = k.number`,
          [wanted.map((r) => r.valid.areaCode), wanted.map((r) => r.valid.gridNumber)])
        : [];
      const gridOf = new Map(grids.map((g) => [`${g.area_code}/${g.number}`, g.id]));
      const phones = rows.map((r) => r.valid.phone);
      const existing: StoredCadre[] = await manager.query(
        `SELECT c.id, c.phone, ${COMPARED.map((c) => `c.${c}`).join(', ')}
           FROM unnest($1::text[]) AS k(phone) JOIN "${schema}".cadre c ON c.phone = (k.phone COLLATE "C")`, [phones]);
      const byPhone = new Map(existing.map((c) => [c.phone, c]));
      // cadres of other counties are hidden (row-level security): which of the rest exist there
      const hidden = new Set(await existingKeys(manager, Cadre, 'phone')(phones.filter((p) => !byPhone.has(p))));

      const problems: RowProblem[] = [];
      const inserts: Record<string, unknown>[] = [];
      const updates: Record<string, unknown>[] = [];
      let unchanged = 0;
      for (const { row, valid: c } of rows) {
        const found = problems.length;
        const problem = (key: keyof ValidCadreFields, zh: string, en: string) => problems.push({ row, column: header(key), value: String(c[key] ?? ''), zh, en });
        const before = byPhone.get(c.phone);
        const gridId = c.gridNumber === null ? null : gridOf.get(`${c.areaCode}/${c.gridNumber}`);
        if (!scope.covers(c.areaCode)) problem('areaCode', `服务区划 ${c.areaCode} 不在您的管辖范围内，不能导入`, `areaCode ${c.areaCode} is outside your jurisdiction: you cannot import it`);
        else if (gridId === undefined) problem('gridNumber', `社区 ${c.areaCode} 没有序号为 ${c.gridNumber} 的网格`, `Community ${c.areaCode} has no grid numbered ${c.gridNumber}`);
        if (hidden.has(c.phone)) {
          problem('phone', '该手机号码已登记为其他县（区、市）的干部，不在您的管辖范围内', 'The phone is registered to a cadre of another county, outside your jurisdiction');
        } else if (before && !scope.covers(before.area_code)) {
          problem('phone', '该手机号码已登记为其他县（区、市）的干部，不在您的管辖范围内', 'The phone is registered to a cadre of another county, outside your jurisdiction');
        }
        if (problems.length > found) continue;
        const values = { name: c.name, work_unit: c.workUnit, party_member: c.partyMember, grid_id: gridId, area_code: c.areaCode, county_code: countyOf(c.areaCode) };
        if (!before) inserts.push({ id: randomUUID(), phone: c.phone, ...values });
        else if (COMPARED.some((k) => (before[k] ?? null) !== (values[k] ?? null))) updates.push({ id: before.id, ...values });
        else unchanged++;
      }
      return upsertPlan('cadre', { problems, inserts, updates, unchanged });
    },
  };
}
