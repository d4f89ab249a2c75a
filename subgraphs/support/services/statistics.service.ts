import { schemaName } from '../../../platform/db/data-source';
import { areaCondition, areaDimensions, equals, runStatistics, yearRange, type Condition, type StatisticsSpec, type StatisticsTable } from '../../../platform/statistics/statistics';
import { AdminAreaStub } from '../entities/admin-area.stub';
import type { SupportDimension, SupportStatisticsFilter } from '../entities/statistics.type';
import type { SupportContext } from '../support.context';

type Dimensions = StatisticsSpec<SupportDimension>['dimensions'];
const areaRef = (code: string) => Object.assign(new AdminAreaStub(), { code });

/** A line's standing with the bank, as `PaymentLine.status` gives it (the loader's rule, in SQL). */
const STATUS = `CASE WHEN r.id IS NOT NULL THEN 'REVERSED' WHEN b.paid IS NULL THEN 'PENDING' WHEN b.paid THEN 'PAID' ELSE 'FAILED' END`;

/** The person's category as the `entitlement` view derives it: from the household's relocation date alone (现状 by 2006-06-30, else 原迁). */
const CATEGORY = `CASE WHEN h.relocated_on <= DATE '2006-06-30' THEN 'EXISTING' WHEN h.relocated_on IS NOT NULL THEN 'ORIGINAL' END`;

/**
 * Payment lines of cycles past DRAFT (the payments ordered), by area, scheme, year, the line's
 * standing and the person's category; one statement. The threshold applies to the persons paid:
 * analysts, auditors and partners get cells of fewer persons suppressed, as in every table.
 */
export function supportStatistics(ctx: SupportContext, groupBy: SupportDimension[], filter?: SupportStatisticsFilter): Promise<StatisticsTable<SupportDimension>> {
  const s = `"${schemaName(ctx.dataSource)}"`;
  const spec: StatisticsSpec<SupportDimension> = {
    from: `FROM ${s}.payment_line l
      JOIN ${s}.payment_cycle c ON c.id = l.cycle_id AND c.state <> 'DRAFT'
      LEFT JOIN ${s}.bank_return b ON b.line_id = l.id
      LEFT JOIN ${s}.ledger_entry r ON r.line_id = l.id AND r.kind = 'REVERSAL'
      LEFT JOIN ${s}.registry_household h ON h.household_id = l.household_id`,
    areaColumn: 'l.area_code',
    dimensions: {
      ...areaDimensions('l.area_code'),
      SCHEME: { sql: 'l.scheme', field: 'scheme' },
      YEAR: { sql: 'l.year', field: 'year' },
      STATUS: { sql: STATUS, field: 'status' },
      CATEGORY: { sql: CATEGORY, field: 'category' },
    } as Dimensions,
    measures: {
      persons: 'count(DISTINCT l.person_id)',
      lines: 'count(*)',
      amountFen: 'coalesce(sum(l.amount_fen), 0)',
      paidFen: `coalesce(sum(l.amount_fen) FILTER (WHERE ${STATUS} = 'PAID'), 0)`,
    },
    contributors: 'persons',
  };
  const where: Condition[] = [
    ...(filter?.areaCode ? [areaCondition(ctx, 'l.area_code', filter.areaCode, 'filter.areaCode')] : []),
    ...equals('l.scheme', filter?.scheme, 'scheme'),
    ...yearRange('l.year', filter?.yearFrom, filter?.yearTo, 'filter.yearFrom'),
  ];
  return runStatistics(ctx, spec, groupBy, where, areaRef);
}
