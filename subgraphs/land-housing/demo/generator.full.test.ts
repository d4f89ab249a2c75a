import { demoRegistry } from '../../../tests/seeds';
import { describeLandHousingDemo } from './generator.checks';

/** `npm run test:full`: the land and housing rows on the full-scale registry, the published figures themselves. */
describeLandHousingDemo(1, () => demoRegistry(1));
