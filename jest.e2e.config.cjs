/**
 * The e2e tests: the web preview in Debian's Chromium (tests/e2e). One file at a time, after
 * the other tests: a browser beside timing-sensitive tests would make them flaky on a small
 * machine. Says loudly when Chromium is missing.
 */
// A CommonJS config, as jest.config.cjs is.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const base = require('./jest.config.cjs');

module.exports = {
  ...base,
  roots: ['<rootDir>/tests/e2e'],
  testPathIgnorePatterns: ['/node_modules/'],
  maxWorkers: 1,
  globalSetup: '<rootDir>/tests/e2e/global-setup.ts',
  globalTeardown: '<rootDir>/tests/e2e/global-teardown.ts',
};
