/**
 * Unit, integration and component tests; components run the compiled mirror in `.build/`.
 * The e2e tests (real Chromium) run after these, alone: jest.e2e.config.cjs.
 */
const swc = [
  '@swc/jest',
  { jsc: { parser: { syntax: 'typescript' }, target: 'es2020' }, module: { type: 'commonjs' } },
];

// The PDF tests read and rasterise with poppler (pdftotext, pdftoppm): without it they are left
// out, and the run says so loudly.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { execFileSync } = require('node:child_process');
const hasPoppler = ['pdftotext', 'pdftoppm'].every((tool) => {
  try {
    execFileSync(tool, ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
});
if (!hasPoppler) {
  globalThis.console.warn(
    [
      '',
      '!'.repeat(76),
      '!! PDF RENDERING TESTS NOT RUN: pdftotext / pdftoppm are missing.',
      '!! Install them with: apt-get install -y poppler-utils  (.ci/run does)',
      '!'.repeat(76),
      '',
    ].join('\n'),
  );
}

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: [
    '/node_modules/',
    '<rootDir>/tests/e2e/',
    ...(hasPoppler ? [] : ['<rootDir>/tests/integration/documents/paper-rendering\\.test\\.ts$']),
  ],
  transform: {
    '^.+\\.ts$': swc,
    // TDesign's JS is ESM importing tslib.
    'miniprogram_npm/.+\\.js$': swc,
  },
  transformIgnorePatterns: ['/node_modules/'],
  modulePathIgnorePatterns: ['<rootDir>/.local-cloud/'],
  testTimeout: 30000,
};
