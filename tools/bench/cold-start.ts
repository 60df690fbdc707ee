/**
 * What a cold instance pays for our code: each function bundle's size and the time to require
 * it, against `node -e 0`, with a stub in place of wx-server-sdk (whose own ~300 ms is the same
 * for every bundle). Median of 15 rounds of fresh processes.
 *
 * `npm run bench -- cold-start`
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { bundleFunctions } from '../build';

const RUNS = 15;
const root = join(__dirname, '..', '..');

/** Any property, any call, any construction: enough for `createMain` to wire itself. */
const STUB_SDK = `
const anything = new Proxy(function () {}, {
  get: (_target, key) =>
    key === '__esModule' ? false : key === Symbol.toPrimitive ? () => '' : anything,
  apply: () => anything,
  construct: () => anything,
});
module.exports = anything;
`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Wall time of one `node <args>` process, in milliseconds. */
function timeNode(args: string[], cwd: string): number {
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, args, { cwd, stdio: 'pipe' });
  if (run.status !== 0) throw new Error(`node ${args.join(' ')}: ${run.stderr.toString()}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/**
 * The median over RUNS of (require the bundle − `node -e 0`), the two timed back to back each
 * round, so that a busy machine weighs on both alike.
 */
function requireCost(file: string, cwd: string): { baseline: number; extra: number } {
  const baselines: number[] = [];
  const extras: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const baseline = timeNode(['-e', '0'], cwd);
    baselines.push(baseline);
    extras.push(timeNode(['-e', `require('./${file}')`], cwd) - baseline);
  }
  return { baseline: median(baselines), extra: median(extras) };
}

async function main(): Promise<void> {
  const names = await bundleFunctions();
  const dir = mkdtempSync(join(tmpdir(), 'cold-start-'));
  try {
    mkdirSync(join(dir, 'node_modules', 'wx-server-sdk'), { recursive: true });
    writeFileSync(join(dir, 'node_modules', 'wx-server-sdk', 'index.js'), STUB_SDK);
    for (const name of names.sort()) {
      const bundle = join(root, 'cloudfunctions', name, 'index.js');
      const copy = join(dir, `${name}.js`);
      copyFileSync(bundle, copy);
      const bytes = readFileSync(bundle);
      const { baseline, extra } = requireCost(`${name}.js`, dir);
      console.log(
        `${name.padEnd(12)} bundle ${(bytes.length / 1024).toFixed(0).padStart(5)} KB` +
          `  gzip ${(gzipSync(bytes).length / 1024).toFixed(0).padStart(4)} KB` +
          `  require ${extra.toFixed(1).padStart(6)} ms over node -e 0 (${baseline.toFixed(0)} ms)`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
