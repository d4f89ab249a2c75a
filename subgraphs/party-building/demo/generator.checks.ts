import type { DemoData } from '../../households/demo/rows';
import { DEMO_AREAS } from '../../households/demo/geography';
import { DEMO_REFERENCE_DATE, expectedPartyBuildingFigures, FIVE_YEARS_FROM, HALF_YEAR_FROM } from './figures';
import { generatePartyBuildingDemo } from './generator';
import type { PartyBuildingDemo } from './rows';

/** The figures counted straight from the generated rows, the way the SQL aggregates count them. */
function measure(demo: PartyBuildingDemo) {
  const resolvedBetween = (category: string, from: string, to: string, area = '') =>
    demo.cases.filter((c) => c.category === category && c.status === 'RESOLVED' && c.closed_on! >= from && c.closed_on! <= to && c.area_code.startsWith(area)).length;
  const yongshanInGrids = demo.cadres.filter((c) => c.county_code === DEMO_AREAS.yongshan && c.grid_id !== null);
  return {
    wenbi: {
      grids: demo.grids.filter((g) => g.area_code.startsWith(DEMO_AREAS.wenbi)).length,
      gridUnits: demo.units.filter((u) => u.area_code.startsWith(DEMO_AREAS.wenbi)).length,
      households: demo.householdUnits.filter((h) => h.area_code.startsWith(DEMO_AREAS.wenbi)).length,
    },
    prefecture: {
      gridProblemsResolved: resolvedBetween('GRID_PROBLEM', FIVE_YEARS_FROM, DEMO_REFERENCE_DATE),
      livelihoodTasksResolved: resolvedBetween('LIVELIHOOD_TASK', FIVE_YEARS_FROM, DEMO_REFERENCE_DATE),
    },
    binjiang: { disputesMediated: resolvedBetween('DISPUTE_MEDIATION', HALF_YEAR_FROM, DEMO_REFERENCE_DATE, DEMO_AREAS.binjiang) },
    yongshan: { cadresInGrids: yongshanInGrids.length, countyUnits: new Set(yongshanInGrids.map((c) => c.work_unit)).size },
  };
}

/** The demo on the registry `generate` gives at `scale`, generated once for the tests that need it. */
export function partyBuildingDemoAt(scale: number, generate: () => DemoData | Promise<DemoData>): () => Promise<{ registry: DemoData; demo: PartyBuildingDemo }> {
  let built: Promise<{ registry: DemoData; demo: PartyBuildingDemo }> | undefined;
  return () => (built ??= Promise.resolve(generate()).then((registry) => ({ registry, demo: generatePartyBuildingDemo(registry, { scale }) })));
}

/**
 * What the generated party-building rows must hold at any scale: the generator's tests run this at
 * a small scale (`generator.test.ts`, `npm test`) and at full scale (`generator.full.test.ts`, `npm run test:full`).
 */
export function itReproducesTheFigures(scale: number, build: () => Promise<{ registry: DemoData; demo: PartyBuildingDemo }>): void {
  it(`reproduces the figures at scale ${scale}`, async () => {
    const { registry, demo } = await build();
    expect(measure(demo)).toEqual(expectedPartyBuildingFigures(scale));
    // every household of the registry is in exactly one unit, and every unit's grid exists
    expect(new Set(demo.householdUnits.map((h) => h.household_id)).size).toBe(registry.households.length);
    const grids = new Set(demo.grids.map((g) => g.id));
    expect(demo.units.every((u) => grids.has(u.grid_id))).toBe(true);
  });
}
