/**
 * Unit, integration and component tests; components run the compiled mirror in `.build/`.
 * The e2e tests (real Chromium) run after these, alone: jest.e2e.config.cjs.
 */
const swc = [
  '@swc/jest',
  { jsc: { parser: { syntax: 'typescript' }, target: 'es2020' }, module: { type: 'commonjs' } },
];

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/tests/e2e/'],
  transform: {
    '^.+\\.ts$': swc,
    // TDesign's JS is ESM importing tslib.
    'miniprogram_npm/.+\\.js$': swc,
  },
  transformIgnorePatterns: ['/node_modules/'],
  modulePathIgnorePatterns: ['<rootDir>/.local-cloud/'],
  testTimeout: 30000,
};
