/**
 * `npm run bench [-- <name> [args…]]`: runs every benchmark script in this folder, or the one
 * named (its arguments passed on), each in its own process so that one's heap does not weigh on
 * the next. They print numbers; none is a test.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const [name, ...args] = process.argv.slice(2);
const scripts = readdirSync(__dirname)
  .filter((file) => file.endsWith('.ts') && file !== 'index.ts')
  .filter((file) => name === undefined || file === `${name}.ts`)
  .sort();
if (scripts.length === 0) {
  console.error(`没有名为 ${String(name)} 的基准测试`);
  process.exitCode = 1;
}

let failed = 0;
for (const script of scripts) {
  console.log(`\n== ${script.replace(/\.ts$/, '')}`);
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(__dirname, script), ...(name ? args : [])],
    { stdio: 'inherit' },
  );
  if (run.status !== 0) failed += 1;
}
if (failed > 0) process.exitCode = 1;
