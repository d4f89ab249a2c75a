/** Jest runs TypeScript through SWC (no type-check: `npm run typecheck` does that). */
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
};

/**
 * `npm test` runs every `*.test.ts` but the full-scale ones; `npm run test:full` (TEST_FULL=1) runs
 * only the `*.full.test.ts` (the demo at full scale: 160,000 persons).
 */
const full = process.env.TEST_FULL === '1';
const roots = ['platform', 'subgraphs', 'gateway', 'tests'];

module.exports = {
  testEnvironment: 'node',
  // jose is ESM-only: Node 20 requires it natively, jest's module runtime needs it compiled to CommonJS
  transform: {
    '^.+\\.ts$': ['@swc/jest', swc],
    '/node_modules/jose/.+\\.js$': ['@swc/jest', { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  testMatch: roots.map((root) => `<rootDir>/${root}/**/*.${full ? 'full.' : ''}test.ts`),
  // TEST_BROWSER=0: no Chromium here (scripts/run-tests.js says so)
  testPathIgnorePatterns: ['/node_modules/', ...(full ? [] : ['\\.full\\.test\\.ts$']), ...(process.env.TEST_BROWSER === '0' ? ['/tests/browser/'] : [])],
  setupFiles: ['reflect-metadata'],
  // TEST_CPU_LOG=<file>: CPU and wall seconds per suite (tests/cpu-log.ts)
  setupFilesAfterEnv: ['<rootDir>/tests/cpu-log.ts'],
  // the demo seeds, built once per run (tests/seeds.ts)
  globalSetup: '<rootDir>/tests/global-setup.ts',
  globalTeardown: '<rootDir>/tests/global-teardown.ts',
  // no test or hook has a limit of its own: a busy machine makes setup slower, never a failure
  testTimeout: 30 * 60 * 1000,
  maxWorkers: 2,
};
