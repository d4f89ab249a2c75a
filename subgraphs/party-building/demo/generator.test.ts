import { generateDemoData } from '../../households/demo/generator';
import { generatePartyBuildingDemo } from './generator';
import { itReproducesTheFigures, partyBuildingDemoAt } from './generator.checks';

describe('party-building demo generator', () => {
  itReproducesTheFigures(0.02, partyBuildingDemoAt(0.02, () => generateDemoData({ scale: 0.02 })));

  it('is deterministic, and records a transition for every step of every case in order', () => {
    const registry = generateDemoData({ scale: 0.01 });
    const a = generatePartyBuildingDemo(registry, { scale: 0.01 });
    const b = generatePartyBuildingDemo(registry, { scale: 0.01 });
    expect(b).toEqual(a);
    for (const c of a.cases) {
      const steps = a.transitions.filter((t) => t.case_id === c.id);
      expect(steps[0].from_status).toBeNull();
      expect(steps[steps.length - 1].to_status).toBe(c.status);
      for (let i = 1; i < steps.length; i++) {
        expect(steps[i].from_status).toBe(steps[i - 1].to_status);
        expect(steps[i].at > steps[i - 1].at).toBe(true);
      }
    }
  });
});
