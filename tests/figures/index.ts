import type { TestEnvironment } from '../environment';
import { employmentFigures } from './employment.figures';
import { householdFigures } from './households.figures';
import { landHousingFigures } from './land-housing.figures';
import { partyBuildingFigures } from './party-building.figures';

/** A set of DOMAIN.md figures asked of the full-scale demo through the gateway (as the prefecture). */
export interface FigureCheck {
  title: string;
  run(env: TestEnvironment): Promise<void>;
}

/** One entry per subgraph: the full-scale platform is started once per engine for all of them. */
export const FIGURE_CHECKS: FigureCheck[] = [householdFigures, landHousingFigures, employmentFigures, partyBuildingFigures];
