import type { TestEnvironment } from '../environment';
import { employmentFigures } from './employment.figures';
import { householdFigures } from './households.figures';
import { landHousingFigures } from './land-housing.figures';
import { partyBuildingFigures } from './party-building.figures';

/**
 * A set of DOMAIN.md figures asked of the demo through the gateway (as the prefecture): the
 * published figures at full scale (`npm run test:full`), the same figures scaled down in `npm test`.
 */
export interface FigureCheck {
  title: string;
  run(env: TestEnvironment, scale: number): Promise<void>;
}

/** One entry per subgraph: the platform is started once per engine and scale for all of them. */
export const FIGURE_CHECKS: FigureCheck[] = [householdFigures, landHousingFigures, employmentFigures, partyBuildingFigures];
