import { AreaLevel, ProductionMode, Relation, RelocationMode, SupportCohort } from '../households.enums';
import { violations } from '../../../platform/graphql/violations';
import { isEthnicity } from '../services/ethnicity.rules';
import { parseIdNumber } from '../../../platform/domain/id-number';
import { DemoFigures, expectedFigures } from './figures';
import { COUNTY_CODES, DEMO_AREAS, SHUIFU_LEGACY_CODE } from './geography';
import { stableUuid } from '../../../platform/demo/random';
import { DemoData, HouseholdRow } from './rows';

/** Counts the figures of DOMAIN.md in the generated rows. */
export function measure(data: DemoData): DemoFigures {
  const households = new Map(data.households.map((h) => [h.id, h]));
  const urban = (householdId: string) => households.get(householdId)!.relocation_mode === RelocationMode.URBANISATION;
  const personsIn = (code: string) => data.persons.filter((p) => p.area_code.startsWith(code));
  const householdsIn = (code: string) => data.households.filter((h) => h.area_code.startsWith(code)).length;
  const groupsIn = (code: string) => data.areas.filter((a) => a.level === AreaLevel.GROUP && a.parent_code === code).length;
  const qiujiayu = personsIn(DEMO_AREAS.qiujiayu);
  return {
    prefecture: {
      persons: data.persons.length,
      annualCompensation: data.persons.filter((p) => p.production_mode === ProductionMode.ANNUAL_COMPENSATION).length,
      urbanisation: data.persons.filter((p) => urban(p.household_id)).length,
    },
    wenbi: { households: householdsIn(DEMO_AREAS.wenbi), persons: personsIn(DEMO_AREAS.wenbi).length, groups: groupsIn(DEMO_AREAS.wenbi) },
    qiujiayu: {
      groups: groupsIn(DEMO_AREAS.qiujiayu),
      persons: qiujiayu.length,
      leftBehindElderly: qiujiayu.filter((p) => p.left_behind_elderly).length,
      leftBehindChildren: qiujiayu.filter((p) => p.left_behind_child).length,
      disabled: qiujiayu.filter((p) => p.disabled).length,
    },
    binjiang: { groups: groupsIn(DEMO_AREAS.binjiang), households: householdsIn(DEMO_AREAS.binjiang), persons: personsIn(DEMO_AREAS.binjiang).length },
  };
}

const yearsBetween = (earlier: string, later: string) => Number(later.slice(0, 4)) - Number(earlier.slice(0, 4));

/**
 * What the generated registry must hold at any scale: the generator's tests run these at a small
 * scale (`generator.test.ts`, `npm test`) and at full scale (`generator.full.test.ts`, `npm run test:full`).
 */
export function describeDemoData(scale: number, generate: () => DemoData | Promise<DemoData>): void {
  describe(`demo data at scale ${scale}`, () => {
    let data: DemoData;
    let households: Map<string, HouseholdRow>;
    beforeAll(async () => {
      data = await generate();
      households = new Map(data.households.map((h) => [h.id, h]));
    });

    it('reproduces every figure of DOMAIN.md', () => {
      expect(measure(data)).toEqual(expectedFigures(scale));
    });

    it('gives every person a unique, valid ID number consistent with sex, birth date and county', () => {
      const seen = new Set<string>();
      expect(violations(data.persons, (p) => {
        if (seen.has(p.id_number)) return `duplicate ${p.id_number}`;
        seen.add(p.id_number);
        const parsed = parseIdNumber(p.id_number);
        if (!parsed.ok) return `${p.id_number}: ${parsed.problem}`;
        if (parsed.value.sex !== p.sex || parsed.value.birthDate !== p.birth_date) return `${p.id_number} vs ${p.sex} ${p.birth_date}`;
        const county = parsed.value.areaCode === SHUIFU_LEGACY_CODE ? COUNTY_CODES.shuifu : parsed.value.areaCode;
        if (county !== p.county_code) return `${p.id_number} issued outside ${p.county_code}`;
        if (p.id === stableUuid('person', p.id_number)) return `id ${p.id} derived from the ID number`;
        if (!isEthnicity(p.ethnicity)) return `ethnicity ${p.ethnicity}`;
        if (!/^[\u4e00-\u9fff]{2,3}$/.test(p.name)) return `name ${p.name}`;
        return null;
      })).toEqual([]);
      expect(new Set(data.persons.map((p) => p.id)).size).toBe(data.persons.length);
      expect(data.persons.some((p) => p.id_number.startsWith(SHUIFU_LEGACY_CODE))).toBe(true);
    });

    it('gives each household exactly one head, the one its head_id names', () => {
      const heads = new Map<string, string[]>();
      for (const p of data.persons) {
        if (p.relation === Relation.HEAD) heads.set(p.household_id, [...(heads.get(p.household_id) ?? []), p.id]);
      }
      expect(violations(data.households, (h) => {
        const ids = heads.get(h.id) ?? [];
        return ids.length === 1 && ids[0] === h.head_id ? null : `${h.registry_no}: heads ${ids.join(',')}`;
      })).toEqual([]);
    });

    it('places households in resident groups of their county and people with their household', () => {
      const areas = new Map(data.areas.map((a) => [a.code, a]));
      expect(violations(data.households, (h) => {
        const area = areas.get(h.area_code);
        const origin = areas.get(h.original_area_code);
        if (area?.level !== AreaLevel.GROUP || area.county_code !== h.county_code) return `${h.registry_no} lives in ${h.area_code}`;
        if (origin?.level !== AreaLevel.COMMUNITY || origin.county_code !== h.county_code) return `${h.registry_no} came from ${h.original_area_code}`;
        return null;
      })).toEqual([]);
      expect(violations(data.persons, (p) => {
        const h = households.get(p.household_id);
        return h && h.area_code === p.area_code && h.county_code === p.county_code ? null : `${p.id} not with its household`;
      })).toEqual([]);
    });

    it('keeps ages consistent with relations, and phones for people aged 16 and over', () => {
      const heads = new Map(data.persons.filter((p) => p.relation === Relation.HEAD).map((p) => [p.household_id, p]));
      const minGap: Partial<Record<Relation, number>> = { [Relation.CHILD]: 14, [Relation.GRANDCHILD]: 34 };
      expect(violations(data.persons, (p) => {
        const head = heads.get(p.household_id)!;
        const age = 2024 - Number(p.birth_date.slice(0, 4));
        if (p.relation === Relation.HEAD && (age < 25 || age > 80)) return `head aged ${age}`;
        const gap = minGap[p.relation];
        if (gap !== undefined && yearsBetween(head.birth_date, p.birth_date) < gap) return `${p.relation} too old for head`;
        if (p.relation === Relation.PARENT && yearsBetween(p.birth_date, head.birth_date) < 20) return 'parent too young for head';
        if (age < 16 ? p.phone !== null : !/^1(3|5|8|9)\d{9}$/.test(p.phone ?? '')) return `phone ${p.phone} at ${age}`;
        return null;
      })).toEqual([]);
      const sizes = new Map<string, number>();
      for (const p of data.persons) sizes.set(p.household_id, (sizes.get(p.household_id) ?? 0) + 1);
      expect(Math.max(...sizes.values())).toBeLessThanOrEqual(7);
      expect(data.persons.length / data.households.length).toBeGreaterThan(2.8);
      expect(data.persons.length / data.households.length).toBeLessThan(3.6);
    });

    it('registers households with readable unique numbers, dates and 20 years of support', () => {
      expect(new Set(data.households.map((h) => h.registry_no)).size).toBe(data.households.length);
      const windows: Record<string, [string, string]> = { BAIHETAN: ['2019', '2021'], XILUODU: ['2008', '2013'], XIANGJIABA: ['2008', '2012'] };
      const stations = new Map(data.stations.map((s) => [s.id, s]));
      expect(violations(data.households, (h) => {
        if (!new RegExp(`^${h.county_code}-(BHT|XLD|XJB)-\\d{6}$`).test(h.registry_no)) return `registry_no ${h.registry_no}`;
        if (h.id !== stableUuid('household', h.registry_no)) return `unstable id ${h.id}`;
        if (!stations.get(h.station_id)!.affected_county_codes.includes(h.county_code)) return `${h.station_id} in ${h.county_code}`;
        const [first, last] = windows[h.station_id];
        const year = h.relocated_on!.slice(0, 4);
        if (year < first || year > last) return `${h.station_id} moved in ${year}`;
        if (!(h.registered_on < h.relocated_on!) || yearsBetween(h.registered_on, h.relocated_on!) > 3) return `registered ${h.registered_on}`;
        if (h.support_cohort !== SupportCohort.ORIGINAL || h.support_start !== h.relocated_on) return `support from ${h.support_start}`;
        // support ends the day before the 20th anniversary of the move
        const dayAfter = new Date(Date.parse(`${h.support_end}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
        if (dayAfter !== `${Number(h.support_start.slice(0, 4)) + 20}${h.support_start.slice(4)}`) return `support until ${h.support_end}`;
        return null;
      })).toEqual([]);
      for (const code of [DEMO_AREAS.wenbi, DEMO_AREAS.qiujiayu, DEMO_AREAS.binjiang]) {
        const modes = new Set(data.households.filter((h) => h.area_code.startsWith(code)).map((h) => h.relocation_mode));
        expect([...modes]).toEqual([RelocationMode.URBANISATION]);
      }
    });
  });
}
