import { demoRegistry } from '../../../tests/seeds';
import { describeEmploymentDemo } from './generator.checks';

/** `npm run test:full`: the employment rows on the full-scale registry, the published figures themselves. */
describeEmploymentDemo(1, () => demoRegistry(1));
