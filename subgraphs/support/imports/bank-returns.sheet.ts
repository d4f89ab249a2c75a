import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { bulkInsertColumns } from '../../../platform/db/bulk-insert-columns';
import { schemaName } from '../../../platform/db/data-source';
import type { ChunkPlan, RowProblem, SheetImport } from '../../../platform/imports/import-engine';
import { parseCells } from '../../../platform/imports/sheet-cells';
import { sheetFormat, headerOf } from '../../../platform/imports/sheet-format';
import type { SheetRow } from '../../../platform/imports/sheet-reader';
import type { Identity } from '../../../platform/security/identity';
import type { Scope } from '../../../platform/security/scope';
import { yuan } from '../entities/money';
import { reconcileReturnedCycles } from '../services/payment-cycle.service';
import { AMOUNT_YUAN, CYCLE_CODE, fenOf, LABELS, LINE_ID } from './sheet-columns';

/**
 * The bank's return file (银行回盘文件): the bank payment file given back with each line's
 * outcome. Name, ID and card number may be echoed and are not read; the line is named by its id.
 */
export const BANK_RETURNS_SHEET = sheetFormat({
  name: 'bank-returns',
  title: '银行回盘文件',
  columns: [
    CYCLE_CODE,
    LINE_ID,
    { key: 'name', header: '户名', kind: 'text', exportOnly: true, note: '银行回传，不读取 · Echoed by the bank, not read' },
    { key: 'idNumber', header: '身份证号', kind: 'code', exportOnly: true, sensitive: 'ID_NUMBER', note: '银行回传，不读取 · Echoed by the bank, not read' },
    { key: 'cardNo', header: '卡号', aliases: ['一卡通账号'], kind: 'code', exportOnly: true, sensitive: 'BANK_CARD', note: '银行回传，不读取 · Echoed by the bank, not read' },
    { key: 'bank', header: '开户行', kind: 'text', exportOnly: true, note: '银行回传，不读取 · Echoed by the bank, not read' },
    { ...AMOUNT_YUAN, note: '须与代发文件该明细金额一致 · Must equal the line’s amount in the payment file' },
    { key: 'result', header: '发放结果', aliases: ['处理结果'], kind: 'choice', required: true, choices: LABELS.bankResult, note: '成功或失败 · Paid or failed' },
    { key: 'reason', header: '失败原因', kind: 'text', note: '失败时必填，银行给出的原因 · Required when failed: the bank’s reason' },
    { key: 'returnedOn', header: '回盘日期', kind: 'date', required: true, note: 'YYYY-MM-DD · The date of the bank’s return' },
  ],
});

export interface ValidReturn {
  cells: SheetRow['cells'];
  cycleCode: string;
  lineId: string;
  amountFen: number;
  paid: boolean;
  reason: string | null;
  returnedOn: string;
}

interface Line {
  id: string;
  cycle_id: string;
  code: string;
  state: string;
  person_id: string;
  household_id: string;
  area_code: string;
  county_code: string;
  scheme: string;
  year: number;
  amount_fen: string;
  returned: boolean;
}

const header = (key: string) => headerOf(BANK_RETURNS_SHEET, key);

/** `md5(text)::uuid` as the database computes it (the demo's and the services' entry ids). */
function md5Uuid(text: string): string {
  const h = createHash('md5').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Records the bank's outcome of each line of an EXPORTED cycle inside the caller's counties: a
 * bank_return row, and a FAILURE ledger entry (the line's amount, negative, with the bank's
 * reason) for a failed line. A line not in the named cycle, a wrong amount, a line returned
 * before (or twice in the file) is refused naming its row and column. Once every line of a cycle
 * is returned, the cycle is reconciled in the same transaction and its failed lines go to a
 * re-payment cycle.
 */
export function bankReturnsImport(scope: Scope, identity: Identity): SheetImport<ValidReturn> {
  return {
    format: BANK_RETURNS_SHEET,
    tables: ['bank_return', 'ledger_entry'],
    keyColumn: LINE_ID.header,
    key: (r) => r.lineId,

    checkRow(row) {
      const { values, problems } = parseCells(BANK_RETURNS_SHEET, row);
      if (problems.length) return { problems };
      const own: RowProblem[] = [];
      const problem = (key: string, zh: string, en: string) => own.push({ row: row.row, column: header(key), value: row.cells[key] ?? '', zh, en });
      const lineId = values.lineId.toLowerCase();
      if (!UUID.test(lineId)) problem('lineId', '明细编号格式无效：须原样回传代发文件中的“明细编号”', 'The line id is not valid: give it back as the payment file printed it');
      const amountFen = fenOf(values.amountYuan);
      if (amountFen === null || amountFen <= 0) problem('amountYuan', '金额须为正数，单位元，至多两位小数', 'The amount must be a positive number of yuan with at most two decimals');
      const paid = values.result === 'PAID';
      const reason = values.reason?.trim() || null;
      if (!paid && !reason) problem('reason', '发放失败时须填写银行给出的失败原因', 'A failed line needs the bank’s reason');
      if (reason && reason.length > 100) problem('reason', '失败原因至多 100 字', 'The reason is at most 100 characters');
      if (own.length) return { problems: own };
      return { problems: [], valid: { cells: row.cells, cycleCode: values.cycleCode, lineId, amountFen: amountFen!, paid, reason: paid ? null : reason, returnedOn: values.returnedOn } };
    },

    async plan(manager, rows): Promise<ChunkPlan> {
      const s = `"${schemaName(manager.connection)}"`;
      const lines: Line[] = await manager.query(
        `SELECT l.id, l.cycle_id, c.code, c.state, l.person_id, l.household_id, l.area_code, l.county_code, l.scheme, l.year, l.amount_fen,
                EXISTS (SELECT 1 FROM ${s}.bank_return b WHERE b.line_id = l.id) AS returned
           FROM ${s}.payment_line l JOIN ${s}.payment_cycle c ON c.id = l.cycle_id WHERE l.id = ANY ($1::uuid[])`,
        [rows.map((r) => r.valid.lineId)]);
      const lineOf = new Map(lines.map((l) => [l.id, l]));
      const cycles: { code: string; state: string; county_code: string }[] = await manager.query(
        `SELECT code, state, county_code FROM ${s}.payment_cycle WHERE code = ANY ($1::text[])`, [[...new Set(rows.map((r) => r.valid.cycleCode))]]);
      const cycleOf = new Map(cycles.map((c) => [c.code, c]));
      const problems: RowProblem[] = [];
      const returns: Record<string, unknown>[] = [];
      const failures: Record<string, unknown>[] = [];
      const touched = new Set<string>();
      for (const { row, valid: r } of rows) {
        const problem = (key: string, zh: string, en: string) => problems.push({ row, column: header(key), value: r.cells[key] ?? '', zh, en });
        const cycle = cycleOf.get(r.cycleCode);
        if (!cycle || !scope.covers(cycle.county_code)) {
          problem('cycleCode', `您管辖范围内没有批次 ${r.cycleCode}`, `There is no cycle ${r.cycleCode} inside your jurisdiction`);
          continue;
        }
        if (cycle.state !== 'EXPORTED') {
          problem('cycleCode', `批次 ${r.cycleCode} 当前为 ${cycle.state}：只有已生成银行代发文件（EXPORTED）的批次可以回盘`, `Cycle ${r.cycleCode} is ${cycle.state}: only an EXPORTED cycle takes the bank’s return`);
          continue;
        }
        const line = lineOf.get(r.lineId);
        if (!line || line.code !== r.cycleCode) {
          problem('lineId', `明细 ${r.lineId} 不在批次 ${r.cycleCode} 中`, `Line ${r.lineId} is not in cycle ${r.cycleCode}`);
          continue;
        }
        if (line.returned) {
          problem('lineId', `明细 ${r.lineId} 已回盘，不能重复回盘`, `Line ${r.lineId} has been returned already`);
          continue;
        }
        if (Number(line.amount_fen) !== r.amountFen) {
          problem('amountYuan', `金额 ${yuan(r.amountFen)} 元与代发明细的 ${yuan(Number(line.amount_fen))} 元不符`, `The amount ${yuan(r.amountFen)} differs from the line’s ${yuan(Number(line.amount_fen))} yuan`);
          continue;
        }
        touched.add(line.cycle_id);
        returns.push({ line_id: line.id, cycle_id: line.cycle_id, area_code: line.area_code, county_code: line.county_code, paid: r.paid, reason: r.reason, returned_on: r.returnedOn });
        if (!r.paid) {
          failures.push({
            id: md5Uuid(`ledger:FAILURE:${line.id}`), line_id: line.id, cycle_id: line.cycle_id, person_id: line.person_id, household_id: line.household_id, area_code: line.area_code, county_code: line.county_code,
            scheme: line.scheme, year: line.year, kind: 'FAILURE', amount_fen: -Number(line.amount_fen), reason: r.reason, recorded_by: identity.subject,
          });
        }
      }
      return {
        problems,
        inserted: returns.length,
        updated: 0,
        unchanged: 0,
        async write(m: EntityManager) {
          await bulkInsertColumns(m, 'bank_return', returns);
          await bulkInsertColumns(m, 'ledger_entry', failures);
          await reconcileReturnedCycles(m, [...touched], identity.subject);
        },
      };
    },
  };
}
