import { schemaName } from '../../../platform/db/data-source';
import { areaCondition, areaDimensions, equals, runStatistics, yearRange, type Condition, type StatisticsSpec, type StatisticsTable } from '../../../platform/statistics/statistics';
import { AdminAreaStub } from '../entities/admin-area.stub';
import type { SupportDimension, SupportStatisticsFilter } from '../entities/statistics.type';
import type { SupportContext } from '../support.context';

type Dimensions = StatisticsSpec<SupportDimension>['dimensions'];
const areaRef = (code: string) => Object.assign(new AdminAreaStub(), { code });

/** A line's standing with the bank, as `PaymentLine.status` gives it (the loader's rule, in SQL). */
const STATUS = `CASE WHEN r.id IS NOT NULL THEN 'REVERSED' WHEN b.paid IS NULL THEN 'PENDING' WHEN b.paid THEN 'PAID' ELSE 'FAILED' END`;

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
      LEFT JOIN ${s}.entitlement e ON e.person_id = l.person_id AND e.scheme = l.scheme`,
    areaColumn: 'l.area_code',
    dimensions: {
      ...areaDimensions('l.area_code'),
      SCHEME: { sql: 'l.scheme', field: 'scheme' },
      YEAR: { sql: 'l.year', field: 'year' },
      STATUS: { sql: STATUS, field: 'status' },
      CATEGORY: { sql: 'e.category', field: 'category' },
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
