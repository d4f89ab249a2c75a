import { engines, type TestEnvironment } from './environment';
import { FIGURE_CHECKS } from './figures';
import { startPlatform } from './platform';

/** The demo's scale here; the published figures themselves, at full scale, are `figures.full.test.ts`'s (`npm run test:full`). */
const SCALE = 0.02;

describe.each(engines())('DOMAIN.md figures through the gateway, scaled down (%s)', (engine) => {
  let env: TestEnvironment;

  beforeAll(async () => {
    ({ env } = await startPlatform(engine, SCALE));
  });
  afterAll(() => env?.close());

  it.each(FIGURE_CHECKS.map((check) => [check.title, check] as const))('reproduces %s', async (_title, check) => {
    await check.run(env, SCALE);
  });
});
