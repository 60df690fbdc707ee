/**
 * The e2e tests: the web preview in Debian's Chromium (tests/e2e). One file at a time, after
 * the other tests: a browser beside timing-sensitive tests would make them flaky on a small
 * machine. Says loudly when Chromium is missing.
 */
// A CommonJS config, as jest.config.cjs is.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const base = require('./jest.config.cjs');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { existsSync } = require('node:fs');

// Without Debian's Chromium no e2e file runs, and this run (the last step of npm test) says so.
const hasChromium = existsSync('/usr/bin/chromium');
if (!hasChromium) {
  globalThis.console.warn(
    [
      '',
      '!'.repeat(76),
      '!! E2E TESTS NOT RUN: /usr/bin/chromium is missing.',
      '!! Install it with: apt-get install -y chromium fonts-noto-cjk  (.ci/run does)',
      '!'.repeat(76),
      '',
    ].join('\n'),
  );
}

module.exports = {
  ...base,
  roots: ['<rootDir>/tests/e2e'],
  testPathIgnorePatterns: hasChromium ? ['/node_modules/'] : ['/node_modules/', '\\.test\\.ts$'],
  passWithNoTests: !hasChromium,
  maxWorkers: 1,
  globalSetup: '<rootDir>/tests/e2e/global-setup.ts',
  globalTeardown: '<rootDir>/tests/e2e/global-teardown.ts',
};
