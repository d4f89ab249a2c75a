import { tableOf } from '../../../platform/db/raw-sql';
import { areaCondition, areaDimensions, runStatistics, yearRange, type StatisticsSpec, type StatisticsTable } from '../../../platform/statistics/statistics';
import { GovernanceCase } from '../entities/governance-case.entity';
import { PartyActivity } from '../entities/party-activity.entity';
import type { GovernanceDimension, GovernanceStatisticsFilter } from '../entities/statistics.type';
import { areaRef } from '../entities/admin-area.stub';
import type { PartyBuildingContext } from '../party-building.context';
import { GovernanceCaseStatus } from '../party-building.enums';

type Dimensions = StatisticsSpec<GovernanceDimension>['dimensions'];

function where(ctx: PartyBuildingContext, yearSql: string, filter?: GovernanceStatisticsFilter) {
  return [
    ...(filter?.areaCode ? [areaCondition(ctx, 'x.area_code', filter.areaCode, 'filter.areaCode')] : []),
    ...yearRange(yearSql, filter?.yearFrom, filter?.yearTo, 'filter.yearFrom'),
  ];
}

/** Activities are organisational records, not personal data: never suppressed. */
export function activityStatistics(ctx: PartyBuildingContext, groupBy: GovernanceDimension[], filter?: GovernanceStatisticsFilter): Promise<StatisticsTable<GovernanceDimension>> {
  const year = 'EXTRACT(YEAR FROM x.held_on)::int';
  const spec: StatisticsSpec<GovernanceDimension> = {
    from: `FROM ${tableOf(ctx.dataSource, PartyActivity)} x`,
    areaColumn: 'x.area_code',
    dimensions: { ...areaDimensions('x.area_code'), YEAR: { sql: year, field: 'year' }, ACTIVITY_TYPE: { sql: 'x.type', field: 'activityType' } } as Dimensions,
    measures: { activities: 'count(*)', attendances: 'sum(x.attendees)' },
    contributors: null,
  };
  return runStatistics(ctx, spec, groupBy, where(ctx, year, filter), areaRef);
}

/** Cases concern residents: the threshold applies to the cases counted. */
export function caseStatistics(ctx: PartyBuildingContext, groupBy: GovernanceDimension[], filter?: GovernanceStatisticsFilter): Promise<StatisticsTable<GovernanceDimension>> {
  const year = 'EXTRACT(YEAR FROM x.opened_on)::int';
  const spec: StatisticsSpec<GovernanceDimension> = {
    from: `FROM ${tableOf(ctx.dataSource, GovernanceCase)} x`,
    areaColumn: 'x.area_code',
    dimensions: {
      ...areaDimensions('x.area_code'),
      YEAR: { sql: year, field: 'year' },
      CASE_CATEGORY: { sql: 'x.category', field: 'category' },
      CASE_STATUS: { sql: 'x.status', field: 'status' },
    } as Dimensions,
    measures: { cases: 'count(*)', resolved: `count(*) FILTER (WHERE x.status = '${GovernanceCaseStatus.RESOLVED}')`, households: 'count(DISTINCT x.household_id)' },
    contributors: 'cases',
  };
  return runStatistics(ctx, spec, groupBy, where(ctx, year, filter), areaRef);
}
