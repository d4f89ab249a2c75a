/** Jest runs TypeScript through SWC (no type-check: `npm run typecheck` does that). */
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
};

module.exports = {
  testEnvironment: 'node',
  // jose is ESM-only: Node 20 requires it natively, jest's module runtime needs it compiled to CommonJS
  transform: {
    '^.+\\.ts$': ['@swc/jest', swc],
    '/node_modules/jose/.+\\.js$': ['@swc/jest', { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  testMatch: ['<rootDir>/platform/**/*.test.ts', '<rootDir>/subgraphs/**/*.test.ts', '<rootDir>/gateway/**/*.test.ts', '<rootDir>/tests/**/*.test.ts'],
  setupFiles: ['reflect-metadata'],
  testTimeout: 120000,
  maxWorkers: 2,
};
