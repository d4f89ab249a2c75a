import { DEMO_IDENTITIES } from '../../gateway/demo-identities';
import { expectedFigures } from '../../subgraphs/households/demo/figures';
import { DEMO_AREAS } from '../../subgraphs/households/demo/geography';
import type { FigureCheck } from './index';

/** Every household and person figure of DOMAIN.md, asked of the demo through the gateway. */
const FIGURES_QUERY = `query ($wenbi: String!, $qiujiayu: String!, $binjiang: String!) {
  persons { totalCount }
  annualCompensation: persons(filter: { productionMode: ANNUAL_COMPENSATION }) { totalCount }
  urbanisation: persons(filter: { relocationMode: URBANISATION }) { totalCount }
  wenbiHouseholds: households(filter: { areaCode: $wenbi }) { totalCount }
  wenbiPersons: persons(filter: { areaCode: $wenbi }) { totalCount }
  wenbi: area(code: $wenbi) { name children { level } }
  qiujiayuPersons: persons(filter: { areaCode: $qiujiayu }) { totalCount }
  qiujiayuElderly: persons(filter: { areaCode: $qiujiayu, vulnerability: LEFT_BEHIND_ELDERLY }) { totalCount }
  qiujiayuChildren: persons(filter: { areaCode: $qiujiayu, vulnerability: LEFT_BEHIND_CHILD }) { totalCount }
  qiujiayuDisabled: persons(filter: { areaCode: $qiujiayu, vulnerability: DISABLED }) { totalCount }
  qiujiayu: area(code: $qiujiayu) { name children { level } }
  binjiangHouseholds: households(filter: { areaCode: $binjiang }) { totalCount }
  binjiangPersons: persons(filter: { areaCode: $binjiang }) { totalCount }
  binjiang: area(code: $binjiang) { name children { level } }
}`;

export const householdFigures: FigureCheck = {
  title: 'every household and person figure',
  async run(env, scale) {
      const f = expectedFigures(scale);
      const res = await env.query(DEMO_IDENTITIES.prefecture, FIGURES_QUERY, { wenbi: DEMO_AREAS.wenbi, qiujiayu: DEMO_AREAS.qiujiayu, binjiang: DEMO_AREAS.binjiang });
      expect(res.errors).toBeUndefined();
      const d = res.data;
      const groups = (area: { children: { level: string }[] }) => area.children.filter((c) => c.level === 'GROUP').length;
      expect({
        persons: d.persons.totalCount,
        annualCompensation: d.annualCompensation.totalCount,
        urbanisation: d.urbanisation.totalCount,
      }).toEqual(f.prefecture);
      expect(d.wenbi.name).toBe('文笔社区');
      expect({ households: d.wenbiHouseholds.totalCount, persons: d.wenbiPersons.totalCount, groups: groups(d.wenbi) }).toEqual(f.wenbi);
      expect(d.qiujiayu.name).toBe('邱家屿社区');
      expect({
        groups: groups(d.qiujiayu),
        persons: d.qiujiayuPersons.totalCount,
        leftBehindElderly: d.qiujiayuElderly.totalCount,
        leftBehindChildren: d.qiujiayuChildren.totalCount,
        disabled: d.qiujiayuDisabled.totalCount,
      }).toEqual(f.qiujiayu);
      expect(d.binjiang.name).toBe('滨江社区');
      expect({ groups: groups(d.binjiang), households: d.binjiangHouseholds.totalCount, persons: d.binjiangPersons.totalCount }).toEqual(f.binjiang);
      // the published values themselves, so that a change to the spec cannot pass silently
      expect(expectedFigures(1).prefecture).toEqual({ persons: 160_000, annualCompensation: 115_800, urbanisation: 132_800 });
  },
};
