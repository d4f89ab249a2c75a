import { assertScale } from '../../../platform/demo/scale';

/**
 * DOMAIN.md's party-building figures ("Party-building and community governance") that the demo
 * reproduces exactly at full scale; every count scales with the data set and rounds, with a floor
 * of one where a structure needs one. Periods are relative to DEMO_REFERENCE_DATE, a fixed day, so
 * that the data are the same on every run ("overdue" in queries is relative to the real today).
 */

/** The demo's "today": the end of 2024, the year the households generator counts ages at. */
export const DEMO_REFERENCE_DATE = '2024-12-31';
/** "The last five years": 2020-01-01 … 2024-12-31. */
export const FIVE_YEARS_FROM = '2020-01-01';
/** "The last half year": 2024-07-01 … 2024-12-31. */
export const HALF_YEAR_FROM = '2024-07-01';

export interface PartyBuildingFigures {
  /** 文笔社区: 11 grids, 98 units covering all its households. */
  wenbi: { grids: number; gridUnits: number; households: number };
  /** The prefecture, five years: 387 problems solved through grids, 165 livelihood tasks completed. */
  prefecture: { gridProblemsResolved: number; livelihoodTasksResolved: number };
  /** 滨江社区: "50+" disputes mediated in half a year (just above: 51). */
  binjiang: { disputesMediated: number };
  /** 永善县: 1,067 cadres of 96 county units serving in grids. */
  yongshan: { cadresInGrids: number; countyUnits: number };
}

export const PARTY_BUILDING_FIGURES: Readonly<PartyBuildingFigures> = Object.freeze({
  wenbi: { grids: 11, gridUnits: 98, households: 1_590 },
  prefecture: { gridProblemsResolved: 387, livelihoodTasksResolved: 165 },
  binjiang: { disputesMediated: 51 },
  yongshan: { cadresInGrids: 1_067, countyUnits: 96 },
});

export function expectedPartyBuildingFigures(scale = 1): PartyBuildingFigures {
  assertScale(scale);
  const f = PARTY_BUILDING_FIGURES;
  const n = (x: number) => Math.round(x * scale);
  const households = n(f.wenbi.households);
  const grids = Math.max(1, n(f.wenbi.grids));
  const cadres = n(f.yongshan.cadresInGrids);
  return {
    wenbi: { grids, gridUnits: Math.min(households, Math.max(grids, n(f.wenbi.gridUnits))), households },
    prefecture: { gridProblemsResolved: n(f.prefecture.gridProblemsResolved), livelihoodTasksResolved: n(f.prefecture.livelihoodTasksResolved) },
    binjiang: { disputesMediated: n(f.binjiang.disputesMediated) },
    // the county's units are its bureaus: fewer in a smaller demo, never more than the county has
    yongshan: { cadresInGrids: cadres, countyUnits: Math.min(cadres, f.yongshan.countyUnits, Math.max(1, n(f.yongshan.countyUnits))) },
  };
}
