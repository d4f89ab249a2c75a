import { DEMO_IDENTITIES } from '../../gateway/demo-identities';
import { DEMO_AREAS, PREFECTURE_CODE } from '../../subgraphs/households/demo/geography';
import { DEMO_REFERENCE_DATE, expectedPartyBuildingFigures, FIVE_YEARS_FROM, HALF_YEAR_FROM } from '../../subgraphs/party-building/demo/figures';
import type { FigureCheck } from './index';

/** DOMAIN.md's party-building figures, asked of the demo through the gateway as the prefecture. */
const FIGURES_QUERY = `query ($prefecture: String!, $wenbi: String!, $binjiang: String!, $yongshan: String!, $fiveYears: String!, $halfYear: String!, $to: String!) {
  wenbi: area(code: $wenbi) { name grids { units { householdCount } } governanceStats { grids gridUnits householdsInUnits } }
  wenbiHouseholds: households(filter: { areaCode: $wenbi }) { totalCount }
  prefecture: area(code: $prefecture) { governanceStats(from: $fiveYears, to: $to) { problemsSolved { category count } } }
  binjiang: area(code: $binjiang) { name governanceStats(from: $halfYear, to: $to) { problemsSolved { category count } } }
  yongshan: area(code: $yongshan) { name governanceStats { cadresInGrids cadreWorkUnits } }
  yongshanInGrids: cadres(filter: { areaCode: $yongshan, servingInGrid: true }) { totalCount }
}`;

const solved = (stats: { problemsSolved: { category: string; count: number }[] }, category: string) =>
  stats.problemsSolved.find((p) => p.category === category)?.count ?? 0;

export const partyBuildingFigures: FigureCheck = {
  title: 'every party-building figure',
  async run(env, scale) {
    const f = expectedPartyBuildingFigures(scale);
    const res = await env.query(DEMO_IDENTITIES.prefecture, FIGURES_QUERY, {
      prefecture: PREFECTURE_CODE, wenbi: DEMO_AREAS.wenbi, binjiang: DEMO_AREAS.binjiang, yongshan: DEMO_AREAS.yongshan,
      fiveYears: FIVE_YEARS_FROM, halfYear: HALF_YEAR_FROM, to: DEMO_REFERENCE_DATE,
    });
    expect(res.errors).toBeUndefined();
    const d = res.data;
    expect(d.wenbi.name).toBe('文笔社区');
    const units = d.wenbi.grids.flatMap((g: { units: { householdCount: number }[] }) => g.units);
    expect({
      grids: d.wenbi.grids.length,
      gridUnits: units.length,
      households: units.reduce((n: number, u: { householdCount: number }) => n + u.householdCount, 0),
    }).toEqual(f.wenbi);
    expect(d.wenbi.governanceStats).toEqual({ grids: f.wenbi.grids, gridUnits: f.wenbi.gridUnits, householdsInUnits: f.wenbi.households });
    expect(d.wenbiHouseholds.totalCount).toBe(f.wenbi.households); // every household of Wenbi (households subgraph) is in a unit
    expect({
      gridProblemsResolved: solved(d.prefecture.governanceStats, 'GRID_PROBLEM'),
      livelihoodTasksResolved: solved(d.prefecture.governanceStats, 'LIVELIHOOD_TASK'),
    }).toEqual(f.prefecture);
    expect(d.binjiang.name).toBe('滨江社区');
    expect({ disputesMediated: solved(d.binjiang.governanceStats, 'DISPUTE_MEDIATION') }).toEqual(f.binjiang);
    expect(d.yongshan.name).toBe('永善县');
    expect({ cadresInGrids: d.yongshan.governanceStats.cadresInGrids, countyUnits: d.yongshan.governanceStats.cadreWorkUnits }).toEqual(f.yongshan);
    expect(d.yongshanInGrids.totalCount).toBe(f.yongshan.cadresInGrids);
    // the published values themselves, so that a change to the spec cannot pass silently
    expect(expectedPartyBuildingFigures(1)).toEqual({
      wenbi: { grids: 11, gridUnits: 98, households: 1_590 },
      prefecture: { gridProblemsResolved: 387, livelihoodTasksResolved: 165 },
      binjiang: { disputesMediated: 51 },
      yongshan: { cadresInGrids: 1_067, countyUnits: 96 },
    });
  },
};
