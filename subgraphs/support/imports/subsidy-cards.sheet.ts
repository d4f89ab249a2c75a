import { Problems } from '../../../platform/graphql/errors';
import type { ChunkPlan, RowProblem, SheetImport } from '../../../platform/imports/import-engine';
import { PERSON_ID } from '../../../platform/imports/reference-columns';
import { parseCells, rowProblems } from '../../../platform/imports/sheet-cells';
import { headerOf, sheetFormat } from '../../../platform/imports/sheet-format';
import type { SheetRow } from '../../../platform/imports/sheet-reader';
import type { Scope } from '../../../platform/security/scope';
import { cardRow, checkCard, checkCardAgainstRecords, holdersOf, recordsOf, writeCards, type ValidCard } from '../services/subsidy-card.service';

/**
 * The county's card list (一卡通名单): the persons of the caller's jurisdiction whom support holds
 * no card or no ID number for (a person registered after the demo), exported for the office to
 * fill in and imported back, each row recorded as `recordSubsidyCard` records it, all rows or
 * none. Rows the office cannot fill are deleted before the import (ID and card are required).
 */
export const SUBSIDY_CARDS_SHEET = sheetFormat({
  name: 'subsidy-cards',
  title: '一卡通名单',
  columns: [
    { ...PERSON_ID, note: '人员在平台中的标识（名单导出的“人员标识”列），每人一行 · The person’s id, one row per person' },
    { key: 'name', header: '姓名', kind: 'text', exportOnly: true, note: '仅导出，供核对，导入时不读取 · Export only, for the clerk’s eyes' },
    { key: 'areaCode', header: '居民小组代码', kind: 'code', exportOnly: true, note: '仅导出：现居住居民小组 · Export only: the resident group' },
    { key: 'idNumber', header: '身份证号', kind: 'code', required: true, sensitive: 'ID_NUMBER', note: '持卡人 18 位居民身份证号，须与登记的出生日期一致 · The holder’s 18-character ID number, agreeing with the registered birth date' },
    { key: 'cardNo', header: '卡号', aliases: ['一卡通账号'], kind: 'code', required: true, sensitive: 'BANK_CARD', note: '惠民惠农“一卡通”账号，16 至 19 位数字 · The subsidy card, 16 to 19 digits' },
    { key: 'bank', header: '开户行', kind: 'text', note: '开户银行，首次登记必填，至多 32 字 · The card’s bank: required for a first card' },
    { key: 'openedOn', header: '开卡日期', kind: 'date', note: 'YYYY-MM-DD，不晚于今天；留空为今天 · Date opened; today when empty' },
  ],
});

export interface ValidCardRow extends ValidCard {
  cells: SheetRow['cells'];
}

const header = (key: string) => headerOf(SUBSIDY_CARDS_SHEET, key);

/** Imports cards for persons of the caller's jurisdiction (as support's registry tables hold them); an unchanged row writes nothing. */
export function subsidyCardsImport(scope: Scope): SheetImport<ValidCardRow> {
  // the rows that gave each ID and card number so far in this file (a person is one row: the engine refuses a repeat)
  const ids = new Map<string, number>();
  const numbers = new Map<string, number>();
  return {
    format: SUBSIDY_CARDS_SHEET,
    tables: ['subsidy_card', 'registry_person'],
    keyColumn: PERSON_ID.header,
    key: (r) => r.personId,

    checkRow(row) {
      const { values, problems } = parseCells(SUBSIDY_CARDS_SHEET, row);
      if (problems.length) return { problems };
      const fields = new Problems();
      const card = checkCard(fields, 'row', { personId: values.personId, idNumber: values.idNumber, cardNo: values.cardNo, bank: values.bank, openedOn: values.openedOn });
      if (!card) return { problems: rowProblems(SUBSIDY_CARDS_SHEET, row, fields.all) };
      return { problems: [], valid: { ...card, cells: row.cells } };
    },

    async plan(manager, rows): Promise<ChunkPlan> {
      const { persons, cards } = await recordsOf(manager, rows.map((r) => r.valid.personId));
      const holders = await holdersOf(manager, rows.map((r) => r.valid));
      const problems: RowProblem[] = [];
      const writes: Record<string, unknown>[] = [];
      let inserted = 0;
      let unchanged = 0;
      for (const { row, valid: r } of rows) {
        const problem = (key: string, zh: string, en: string) => problems.push({ row, column: header(key), value: r.cells[key] ?? '', zh, en });
        const person = persons.get(r.personId);
        // someone outside the caller's jurisdiction reads as absent: the row says nothing about them
        if (!person || !scope.covers(person.areaCode)) {
          problem('personId', `人员 ${r.personId} 不在您的管辖范围内或不存在`, `Person ${r.personId} is not a person of your jurisdiction`);
          continue;
        }
        const current = cards.get(person.personId) ?? null;
        const before = problems.length;
        for (const p of checkCardAgainstRecords(person, current, r, holders)) problem(p.field, p.zh, p.en);
        // a number another row of the file gives to someone else (once the row is otherwise right)
        if (problems.length === before) {
          for (const [key, seen, value, what] of [['idNumber', ids, r.idNumber, ['身份证号', 'ID number']], ['cardNo', numbers, r.cardNo, ['卡号', 'card number']]] as const) {
            const earlier = seen.get(value);
            if (earlier !== undefined) problem(key, `该${what[0]}与第 ${earlier} 行重复：一人一卡`, `This ${what[1]} repeats row ${earlier}: one card per person`);
            else seen.set(value, row);
          }
        }
        if (problems.length > before) continue;
        const write = cardRow(person, current, r);
        if (!write) unchanged++;
        else {
          if (!current) inserted++;
          writes.push(write);
        }
      }
      return { problems, inserted, updated: writes.length - inserted, unchanged, write: (m) => writeCards(m, writes) };
    },
  };
}
