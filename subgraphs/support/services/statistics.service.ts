import { schemaName } from '../../../platform/db/data-source';
import { distinctMembers } from '../../../platform/statistics/rollups';
import { areaCondition, areaDimensions, equals, runStatistics, yearRange, type Condition, type StatisticsSpec, type StatisticsTable } from '../../../platform/statistics/statistics';
import { AdminAreaStub } from '../entities/admin-area.stub';
import type { SupportDimension, SupportStatisticsFilter } from '../entities/statistics.type';
import type { SupportContext } from '../support.context';

type Dimensions = StatisticsSpec<SupportDimension>['dimensions'];
const areaRef = (code: string) => Object.assign(new AdminAreaStub(), { code });

/**
 * Payment lines of cycles past DRAFT (the payments ordered), by area, scheme, year, the line's
 * standing and the person's category; one statement over `support_line_rollup` (kept at commit,
 * `1765520000000-statistics-rollups.ts`): lines and amounts summed, persons the bits of each home
 * area's rows together (`rollups.ts`). The standing and category are the rollup's, as
 * `PaymentLine.status` and the `entitlement` view give them. The threshold applies to the persons
 * paid: analysts, auditors and partners get cells of fewer persons suppressed, as in every table.
 */
export function supportStatistics(ctx: SupportContext, groupBy: SupportDimension[], filter?: SupportStatisticsFilter): Promise<StatisticsTable<SupportDimension>> {
  const spec: StatisticsSpec<SupportDimension> = {
    from: `FROM "${schemaName(ctx.dataSource)}".support_line_rollup r`,
    areaColumn: 'r.line_area_code',
    partition: 'r.area_code',
    dimensions: {
      ...areaDimensions('r.line_area_code'),
      SCHEME: { sql: 'r.scheme', field: 'scheme' },
      YEAR: { sql: 'r.year', field: 'year' },
      STATUS: { sql: 'r.status', field: 'status' },
      CATEGORY: { sql: 'r.category', field: 'category' },
    } as Dimensions,
    measures: {
      persons: distinctMembers('r.persons'),
      lines: 'coalesce(sum(r.lines), 0)',
      amountFen: 'coalesce(sum(r.amount_fen), 0)',
      paidFen: `coalesce(sum(r.amount_fen) FILTER (WHERE r.status = 'PAID'), 0)`,
    },
    contributors: 'persons',
  };
  const where: Condition[] = [
    ...(filter?.areaCode ? [areaCondition(ctx, 'r.line_area_code', filter.areaCode, 'filter.areaCode')] : []),
    ...equals('r.scheme', filter?.scheme, 'scheme'),
    ...yearRange('r.year', filter?.yearFrom, filter?.yearTo, 'filter.yearFrom'),
  ];
  return runStatistics(ctx, spec, groupBy, where, areaRef);
}
