import { badInput } from '../../../platform/graphql/errors';
import { schemaName } from '../../../platform/db/data-source';
import { tableOf } from '../../../platform/db/raw-sql';
import { ageBandSql, ageSql, areaCondition, bandOfAge, areaDimensions, runStatistics, yearRange, type Condition, type StatisticsSpec, type StatisticsTable } from '../../../platform/statistics/statistics';
import type { EmploymentContext } from '../employment.context';
import { LabourStatus } from '../employment.enums';
import { LabourStatusRecord } from '../entities/labour-status.entity';
import { AdminAreaStub } from '../entities/admin-area.stub';
import type { EmploymentDimension, EmploymentStatisticsFilter } from '../entities/statistics.type';

type Dimensions = StatisticsSpec<EmploymentDimension>['dimensions'];
const areaRef = (code: string) => Object.assign(new AdminAreaStub(), { code });

function areaWhere(ctx: EmploymentContext, filter?: EmploymentStatisticsFilter): Condition[] {
  return filter?.areaCode ? [areaCondition(ctx, 'x.area_code', filter.areaCode, 'filter.areaCode')] : [];
}

/**
 * Labour status for `year`: ages at 31 December (the year is checked, then written into the SQL
 * as a number), from `labour_rollup`: on 31 December a person born in the year or before is the
 * year less the birth year old, one born later younger than 0 (no band but the first, never of
 * working age while that starts at 1 or later; a working age from 0 counts over the records).
 */
export function labourStatistics(ctx: EmploymentContext, groupBy: EmploymentDimension[], year: number, filter?: EmploymentStatisticsFilter): Promise<StatisticsTable<EmploymentDimension>> {
  if (!Number.isInteger(year) || year < 1990 || year > 2100) throw badInput([{ field: 'year', zh: '年度须在 1990 至 2100 之间', en: 'year must be between 1990 and 2100' }]);
  const fromRollup = ctx.config.workingAge.min >= 1;
  const yearEnd = `make_date(${year}, 12, 31)`;
  const age = fromRollup ? `(CASE WHEN x.birth_year <= ${year} THEN ${year} - x.birth_year ELSE -1 END)` : ageSql('x.birth_date', yearEnd);
  const band = fromRollup ? bandOfAge(age) : ageBandSql('x.birth_date', yearEnd);
  const workingAge = `${age} BETWEEN ${ctx.config.workingAge.min} AND ${ctx.config.workingAge.max}`;
  const persons = fromRollup ? 'sum(x.persons)' : 'count(*)';
  const spec: StatisticsSpec<EmploymentDimension> = {
    from: fromRollup ? `FROM "${schemaName(ctx.dataSource)}".labour_rollup x` : `FROM ${tableOf(ctx.dataSource, LabourStatusRecord)} x`,
    areaColumn: 'x.area_code',
    dimensions: {
      ...areaDimensions('x.area_code'),
      AGE_BAND: { sql: band, field: 'ageBand' },
      LABOUR_STATUS: { sql: 'x.status', field: 'labourStatus' },
    } as Dimensions,
    measures: {
      persons,
      workingAge: `coalesce(${persons} FILTER (WHERE ${workingAge}), 0)`,
      employed: `coalesce(${persons} FILTER (WHERE ${workingAge} AND x.status = '${LabourStatus.EMPLOYED}'), 0)`,
      unemployed: `coalesce(${persons} FILTER (WHERE ${workingAge} AND x.status = '${LabourStatus.UNEMPLOYED_SEEKING}'), 0)`,
    },
    contributors: 'persons',
    derive: (m) => ({ employmentRate: m.employed + m.unemployed ? Math.round((m.employed / (m.employed + m.unemployed)) * 10_000) / 10_000 : null }),
  };
  return runStatistics(ctx, spec, groupBy, areaWhere(ctx, filter), areaRef);
}

/** Income surveys, from `income_rollup` (surveys, members and net income summed); the threshold applies to the households surveyed. */
export function incomeStatistics(ctx: EmploymentContext, groupBy: EmploymentDimension[], filter?: EmploymentStatisticsFilter): Promise<StatisticsTable<EmploymentDimension>> {
  const spec: StatisticsSpec<EmploymentDimension> = {
    from: `FROM "${schemaName(ctx.dataSource)}".income_rollup x`,
    areaColumn: 'x.area_code',
    dimensions: { ...areaDimensions('x.area_code'), YEAR: { sql: 'x.year', field: 'year' } } as Dimensions,
    measures: { households: 'sum(x.households)', members: 'sum(x.members)', netIncome: 'sum(x.net_income)' },
    contributors: 'households',
    derive: (m) => ({ meanPerCapitaNetIncome: m.members ? Math.round((m.netIncome / m.members) * 100) / 100 : null }),
  };
  return runStatistics(ctx, spec, groupBy, [...areaWhere(ctx, filter), ...yearRange('x.year', filter?.yearFrom, filter?.yearTo, 'filter.yearFrom')], areaRef);
}
