import { AreaLevel } from '../households.enums';
import { ETHNICITIES, isEthnicity } from '../services/ethnicity.rules';
import { expectedFigures } from './figures';
import { DEFAULT_SEED, generateDemoData } from './generator';
import { COUNTY_CODES, DEMO_AREAS, PREFECTURE_CODE } from './geography';
import { describeDemoData, measure } from './generator.checks';

describe('expectedFigures', () => {
  it('scales counts with Math.round and keeps group counts', () => {
    expect(expectedFigures(1).prefecture.persons).toBe(160_000);
    expect(expectedFigures(0.05)).toEqual({
      prefecture: { persons: 8_000, annualCompensation: 5_790, urbanisation: 6_640 },
      wenbi: { households: 80, persons: 255, groups: 11 },
      qiujiayu: { groups: 15, persons: 303, leftBehindElderly: 0, leftBehindChildren: 1, disabled: 0 },
      binjiang: { groups: 10, households: 83, persons: 224 },
    });
    expect(() => expectedFigures(0)).toThrow(RangeError);
    expect(expectedFigures(1.5).prefecture.persons).toBe(240_000);
    expect(() => expectedFigures(10.5)).toThrow(RangeError);
  });
});

describe('area tree', () => {
  const { areas } = generateDemoData({ scale: 0.01 });
  const byCode = new Map(areas.map((a) => [a.code, a]));

  it('has unique codes whose length matches their level, nested in their parents', () => {
    expect(byCode.size).toBe(areas.length);
    const lengths: Record<AreaLevel, number> = { PREFECTURE: 6, COUNTY: 6, TOWNSHIP: 9, COMMUNITY: 12, GROUP: 15 };
    for (const a of areas) {
      expect(a.code).toHaveLength(lengths[a.level]);
      if (a.level === AreaLevel.PREFECTURE) {
        expect([a.code, a.parent_code, a.county_code]).toEqual([PREFECTURE_CODE, null, null]);
        continue;
      }
      const parent = byCode.get(a.parent_code!)!;
      expect(parent).toBeDefined();
      if (a.level === AreaLevel.COUNTY) {
        expect(parent.level).toBe(AreaLevel.PREFECTURE);
        expect(a.county_code).toBe(a.code);
      } else {
        expect(a.code.startsWith(parent.code)).toBe(true);
        expect(a.county_code).toBe(parent.county_code);
      }
    }
  });

  it('holds the six counties and the Qiaojia communities of the seeds', () => {
    expect(areas.filter((a) => a.level === AreaLevel.COUNTY).map((a) => a.code).sort()).toEqual(Object.values(COUNTY_CODES).sort());
    expect(byCode.get(DEMO_AREAS.wenbi)).toMatchObject({ name: '文笔社区', parent_code: DEMO_AREAS.menggu });
    expect(byCode.get(DEMO_AREAS.qiujiayu)).toMatchObject({ name: '邱家屿社区', parent_code: DEMO_AREAS.yuping });
    expect(byCode.get(DEMO_AREAS.binjiang)).toMatchObject({ name: '滨江社区', parent_code: DEMO_AREAS.yuping });
    expect(byCode.get(DEMO_AREAS.menggu)).toMatchObject({ name: '蒙姑镇', parent_code: DEMO_AREAS.qiaojia });
    expect(byCode.get(`${DEMO_AREAS.binjiang}010`)?.name).toBe('第十居民小组');
  });
});

describe('ethnicities', () => {
  it('lists the 56 groups once each, Han first', () => {
    expect(ETHNICITIES).toHaveLength(56);
    expect(new Set(ETHNICITIES).size).toBe(56);
    expect(ETHNICITIES[0]).toBe('汉族');
    expect(ETHNICITIES.every((e) => e.endsWith('族'))).toBe(true);
    expect(isEthnicity('彝族')).toBe(true);
    expect(isEthnicity('彝')).toBe(false);
  });
});


describeDemoData(0.05, () => generateDemoData({ scale: 0.05 }));

describe('stations', () => {
  it('are the three Jinsha River stations, 36,260 MW in all', () => {
    const { stations } = generateDemoData({ scale: 0.01 });
    expect(stations.map((s) => s.id)).toEqual(['BAIHETAN', 'XILUODU', 'XIANGJIABA']);
    expect(stations.reduce((total, s) => total + s.capacity_mw, 0)).toBe(36_260);
    expect(stations.every((s) => s.river === '金沙江')).toBe(true);
  });
});

describe('determinism', () => {
  it('gives equal rows and ids for equal options', () => {
    const a = generateDemoData({ scale: 0.01 });
    const b = generateDemoData({ scale: 0.01, seed: DEFAULT_SEED });
    expect(b).toEqual(a);
    expect(b.persons.map((p) => p.id)).toEqual(a.persons.map((p) => p.id));
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('gives different names for different seeds', () => {
    const a = generateDemoData({ scale: 0.01, seed: 1 });
    const b = generateDemoData({ scale: 0.01, seed: 2 });
    expect(b.persons.map((p) => p.name)).not.toEqual(a.persons.map((p) => p.name));
    expect(measure(b)).toEqual(measure(a));
  });
});

describe('other scales', () => {
  it.each([0.0013, 0.0137, 0.1234, 0.333])('reproduces the figures at scale %p', (scale) => {
    expect(measure(generateDemoData({ scale }))).toEqual(expectedFigures(scale));
  });

  it('refuses scales where the published figures cannot all hold', () => {
    // At 0.0002, Wenbi would have 1 person and 0 households.
    expect(() => generateDemoData({ scale: 0.0002 })).toThrow(RangeError);
    expect(() => generateDemoData({ scale: 0 })).toThrow(RangeError);
  });
});
