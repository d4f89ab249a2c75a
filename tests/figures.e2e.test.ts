import { testEngines, type TestEnvironment } from './environment';
import { FIGURE_CHECKS } from './figures';
import { startPlatform } from './platform';

describe.each(testEngines())('DOMAIN.md figures through the gateway, full-scale demo (%s)', (engine) => {
  let env: TestEnvironment;

  beforeAll(async () => {
    ({ env } = await startPlatform(engine, 1));
  }, 600_000);
  afterAll(() => env?.close());

  it.each(FIGURE_CHECKS.map((check) => [check.title, check] as const))('reproduces %s', async (_title, check) => {
    await check.run(env);
  });
});
