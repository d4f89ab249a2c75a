import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { DataSource } from 'typeorm';
import { forbidden } from '../../../platform/graphql/errors';
import { cachedQuery } from '../../../platform/db/data-version';
import { areaPrefix, type Scope } from '../../../platform/security/scope';
import type { EmploymentConfig } from '../employment.config';
import { overUnits } from '../../../platform/statistics/statistics';
import { LabourStatus, PlacementType } from '../employment.enums';
import { schemaName } from '../../../platform/db/data-source';

@ObjectType({ description: 'Employment indicators of an area and everything below it, for one year, inside your jurisdiction · 就业与收入指标' })
export class EmploymentIndicators {
  @Field({ description: 'Area code the indicators are for · 区划代码' })
  areaCode: string;

  @Field(() => Int, { description: 'Year · 年度' })
  year: number;

  @Field(() => Int, { description: 'Lowest working age counted (years, at the end of the year) · 劳动年龄下限' })
  workingAgeMin: number;

  @Field(() => Int, { description: 'Highest working age counted · 劳动年龄上限' })
  workingAgeMax: number;

  @Field(() => Int, { description: 'Working-age persons with a labour-status record · 劳动年龄人口' })
  workingAgePopulation: number;

  @Field(() => Int, { description: 'Working-age persons in the labour force (employed or seeking work) · 劳动力人数' })
  labourForce: number;

  @Field(() => Int, { description: 'Working-age persons employed · 已就业人数' })
  employed: number;

  @Field(() => Int, { description: 'Working-age persons unemployed and seeking work · 未就业人数' })
  unemployed: number;

  @Field(() => Float, { nullable: true, description: 'Employed ÷ labour force, 0–1; empty without a labour force, or when fewer than SUPPRESSION_MIN_CELL persons form it and you do not see exact figures · 就业率（劳动力过少时不公布）' })
  employmentRate: number | null;

  @Field(() => Int, { description: 'Public-welfare posts filled on 31 December of the year · 公益性岗位在岗人数' })
  publicWelfarePostsFilled: number;

  @Field(() => Int, { description: 'Training enrolments during the year (person-times) · 培训人次' })
  trainingPersonTimes: number;

  @Field(() => Int, { description: 'Distinct persons trained during the year · 培训人数' })
  trainees: number;

  @Field(() => Int, { description: 'Enrolments of the year completed · 结业人次' })
  trainingCompletions: number;

  @Field(() => Int, { description: 'Households with an income survey for the year · 收入调查户数' })
  householdsSurveyed: number;

  @Field(() => Float, { nullable: true, description: 'Median per-capita net income, yuan, weighted by household members; empty when fewer than SUPPRESSION_MIN_CELL households were surveyed and you do not see exact figures · 人均纯收入中位数（元，调查户过少时不公布）' })
  medianPerCapitaNetIncome: number | null;

  @Field(() => Float, { nullable: true, description: 'Mean per-capita net income, yuan: total net income ÷ members surveyed; withheld like the median · 人均纯收入（元，调查户过少时不公布）' })
  meanPerCapitaNetIncome: number | null;

  @Field({ description: 'Some figure is withheld: a rate, mean or median over fewer than SUPPRESSION_MIN_CELL units, for a caller who does not see exact figures · 部分指标因基数过小不公布' })
  suppressed: boolean;
}

export const indicatorKey = (code: string, year: number) => `${code}|${year}`;

const RANGE_END = '~';
const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * Indicators for a batch of (area, year) keys, in ONE SQL statement: each key is an area-code
 * range joined to the registry tables, narrowed by the caller's jurisdiction (a county officer
 * asking the prefecture gets their county's figures). An area wholly outside is FORBIDDEN.
 *
 * Working age is counted at 31 December of the year. Incomes are weighted by household members:
 * each surveyed household counts once per member, so the mean is Σ net income ÷ Σ members and the
 * median is the income of the median person.
 *
 * `minCell` (`suppressionThreshold`): the employment rate over a labour force, and the income
 * mean and median over households surveyed, of fewer units are withheld (`suppressed`), at every
 * area level, as statistics cells are; null: the caller sees exact figures.
 */
export async function computeIndicators(
  dataSource: DataSource, scope: Scope, config: EmploymentConfig, keys: readonly string[], minCell: number | null,
): Promise<(EmploymentIndicators | Error)[]> {
  const parsed = keys.map((key) => {
    const [code, yearText] = key.split('|');
    const prefix = areaPrefix(code);
    const visible = scope.prefixes.some((p) => prefix.startsWith(p) || p.startsWith(prefix));
    return { key, code, year: Number(yearText), prefix, visible };
  });
  const asked = parsed.filter((k) => k.visible);
  const rows = new Map<string, Record<string, unknown>>();
  if (asked.length) {
    const schema = `"${schemaName(dataSource)}"`;
    const { min, max } = config.workingAge;
    const { clause, params } = scope.condition('x.area_code', 'jur');
    // the outer bounds of all keys' ranges, as constants: lets the planner range-scan the area_code index
    const joinArea = 'x.area_code >= k.lo AND x.area_code < k.hi AND x.area_code >= :lowest AND x.area_code < :highest';
    const sql = `
      WITH k AS (
        SELECT * FROM unnest(:keys::text[], :los::text[], :his::text[], :years::int[]) AS k(key, lo, hi, year)
      ),
      labour AS (
        SELECT k.key, count(*)::int AS working_age,
          count(*) FILTER (WHERE x.status = '${LabourStatus.EMPLOYED}')::int AS employed,
          count(*) FILTER (WHERE x.status = '${LabourStatus.UNEMPLOYED_SEEKING}')::int AS unemployed
        FROM k JOIN ${schema}.labour_status x ON ${joinArea}
          AND x.birth_date BETWEEN make_date(k.year - :maxAge, 1, 1) AND make_date(k.year - :minAge, 12, 31)
        WHERE ${clause}
        GROUP BY k.key
      ),
      posts AS (
        SELECT k.key, count(DISTINCT x.person_id)::int AS posts
        FROM k JOIN ${schema}.placement x ON ${joinArea} AND x.type = '${PlacementType.PUBLIC_WELFARE_POST}'
          AND x.start_date <= make_date(k.year, 12, 31) AND (x.end_date IS NULL OR x.end_date >= make_date(k.year, 12, 31))
        WHERE ${clause}
        GROUP BY k.key
      ),
      training AS (
        SELECT k.key, count(*)::int AS person_times, count(DISTINCT x.person_id)::int AS trainees,
          count(*) FILTER (WHERE x.status = 'COMPLETED')::int AS completions
        FROM k JOIN ${schema}.training_enrolment x ON ${joinArea}
          AND x.enrolled_on BETWEEN make_date(k.year, 1, 1) AND make_date(k.year, 12, 31)
        WHERE ${clause}
        GROUP BY k.key
      ),
      income AS (
        SELECT k.key, count(DISTINCT x.id)::int AS households,
          percentile_cont(0.5) WITHIN GROUP (ORDER BY x.net_income::float8 / x.household_size) AS median,
          avg(x.net_income::float8 / x.household_size) AS mean
        FROM k JOIN ${schema}.income_survey x ON ${joinArea} AND x.year = k.year
          CROSS JOIN LATERAL generate_series(1, x.household_size) AS member
        WHERE ${clause}
        GROUP BY k.key
      )
      SELECT k.key, l.working_age, l.employed, l.unemployed, p.posts, t.person_times, t.trainees, t.completions,
        i.households, i.median, i.mean
      FROM k LEFT JOIN labour l USING (key) LEFT JOIN posts p USING (key) LEFT JOIN training t USING (key) LEFT JOIN income i USING (key)`;
    const [query, parameters] = dataSource.driver.escapeQueryWithParameters(
      sql,
      {
        ...params,
        keys: asked.map((k) => k.key),
        los: asked.map((k) => k.prefix),
        his: asked.map((k) => k.prefix + RANGE_END),
        years: asked.map((k) => k.year),
        lowest: asked.map((k) => k.prefix).sort()[0],
        highest: asked.map((k) => k.prefix + RANGE_END).sort().reverse()[0],
        minAge: min,
        maxAge: max,
      },
    );
    for (const row of await cachedQuery<Record<string, unknown>>(dataSource, query, parameters)) rows.set(String(row.key), row);
  }
  return parsed.map((k) => {
    if (!k.visible) return forbidden();
    const r = rows.get(k.key) ?? {};
    const int = (name: string) => Number(r[name] ?? 0);
    const num = (name: string) => (r[name] === null || r[name] === undefined ? null : round2(Number(r[name])));
    const employed = int('employed');
    const unemployed = int('unemployed');
    const labourForce = employed + unemployed;
    const households = int('households');
    let suppressed = false;
    const withheld = () => { suppressed = true; };
    return Object.assign(new EmploymentIndicators(), {
      areaCode: k.code,
      year: k.year,
      workingAgeMin: config.workingAge.min,
      workingAgeMax: config.workingAge.max,
      workingAgePopulation: int('working_age'),
      labourForce,
      employed,
      unemployed,
      employmentRate: overUnits(minCell, labourForce, labourForce ? Math.round((employed / labourForce) * 10_000) / 10_000 : null, withheld),
      publicWelfarePostsFilled: int('posts'),
      trainingPersonTimes: int('person_times'),
      trainees: int('trainees'),
      trainingCompletions: int('completions'),
      householdsSurveyed: households,
      medianPerCapitaNetIncome: overUnits(minCell, households, num('median'), withheld),
      meanPerCapitaNetIncome: overUnits(minCell, households, num('mean'), withheld),
      suppressed,
    });
  });
}
