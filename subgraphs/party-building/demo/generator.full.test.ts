import { demoRegistry } from '../../../tests/seeds';
import { DEMO_AREAS } from '../../households/demo/geography';
import { PARTY_BUILDING_FIGURES, expectedPartyBuildingFigures } from './figures';
import { itReproducesTheFigures, partyBuildingDemoAt } from './generator.checks';

/** `npm run test:full`: the party-building rows on the full-scale registry, the published figures themselves. */
describe('party-building demo generator', () => {
  const build = partyBuildingDemoAt(1, () => demoRegistry(1));

  itReproducesTheFigures(1, build);

  it('uses the published values at full scale, and splits Wenbi into units of 16 or 17 households', async () => {
    expect(expectedPartyBuildingFigures(1)).toEqual(PARTY_BUILDING_FIGURES);
    const { demo } = await build();
    const sizes = new Map<string, number>();
    for (const h of demo.householdUnits) if (h.area_code.startsWith(DEMO_AREAS.wenbi)) sizes.set(h.unit_id, (sizes.get(h.unit_id) ?? 0) + 1);
    expect(new Set(sizes.values())).toEqual(new Set([16, 17]));
  });
});
