import { demoRegistry } from '../../../tests/seeds';
import { describeDemoData } from './generator.checks';

/** `npm run test:full`: the registry at full scale (160,000 persons), the published figures themselves. */
describeDemoData(1, () => demoRegistry(1));
