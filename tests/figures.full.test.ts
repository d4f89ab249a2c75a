import { engines, type TestEnvironment } from './environment';
import { FIGURE_CHECKS } from './figures';
import { startPlatform } from './platform';

/** `npm run test:full`: the published figures, from the full-scale demo (160,000 persons) on both engines. */
describe.each(engines('the full-scale demo through both engines: the figures DOMAIN.md publishes'))('DOMAIN.md figures through the gateway, full-scale demo (%s)', (engine) => {
  let env: TestEnvironment;

  beforeAll(async () => {
    ({ env } = await startPlatform(engine, 1));
  });
  afterAll(() => env?.close());

  it.each(FIGURE_CHECKS.map((check) => [check.title, check] as const))('reproduces %s', async (_title, check) => {
    await check.run(env, 1);
  });
});
