/**
 * What a cold instance pays for our code: each function bundle's size and the time to require
 * it, against `node -e 0`, with a stub in place of wx-server-sdk (whose own ~300 ms is the same
 * for every bundle). Median of 15 rounds of fresh processes: wall time, and the process's own
 * CPU time (user + system), which other work on a shared machine disturbs far less.
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

/** The process prints its CPU time (user + system, ms) as it exits. */
const PRINT_CPU =
  "process.on('exit',()=>{const u=process.cpuUsage();process.stdout.write(String((u.user+u.system)/1000))})";

/** Wall and CPU time of one `node -e <code>` process, in milliseconds. */
function timeNode(code: string, cwd: string): { wall: number; cpu: number } {
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ['-e', `${PRINT_CPU};${code}`], { cwd, stdio: 'pipe' });
  if (run.status !== 0) throw new Error(`node -e ${code}: ${run.stderr.toString()}`);
  return {
    wall: Number(process.hrtime.bigint() - started) / 1e6,
    cpu: Number(run.stdout.toString()),
  };
}

/**
 * The medians over RUNS of (require the bundle − `node -e 0`), the two timed back to back each
 * round, so that a busy machine weighs on both alike.
 */
function requireCost(
  file: string,
  cwd: string,
): { baseline: number; extra: number; cpuExtra: number } {
  const baselines: number[] = [];
  const extras: number[] = [];
  const cpuExtras: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const baseline = timeNode('0', cwd);
    const loaded = timeNode(`require('./${file}')`, cwd);
    baselines.push(baseline.wall);
    extras.push(loaded.wall - baseline.wall);
    cpuExtras.push(loaded.cpu - baseline.cpu);
  }
  return { baseline: median(baselines), extra: median(extras), cpuExtra: median(cpuExtras) };
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
      const { baseline, extra, cpuExtra } = requireCost(`${name}.js`, dir);
      console.log(
        `${name.padEnd(12)} bundle ${(bytes.length / 1024).toFixed(0).padStart(5)} KB` +
          `  gzip ${(gzipSync(bytes).length / 1024).toFixed(0).padStart(4)} KB` +
          `  require ${extra.toFixed(1).padStart(6)} ms over node -e 0 (${baseline.toFixed(0)} ms)` +
          `, CPU ${cpuExtra.toFixed(1).padStart(5)} ms`,
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
