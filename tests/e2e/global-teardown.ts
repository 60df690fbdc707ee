/** jest globalTeardown: prints the preview's measured timings. */
import { existsSync, readFileSync } from 'node:fs';
import { TIMINGS_FILE } from './notice';

export default function globalTeardown(): void {
  if (!existsSync(TIMINGS_FILE)) return;
  const t = JSON.parse(readFileSync(TIMINGS_FILE, 'utf8')) as { homeMs: number; switchMs: number };
  console.log(
    `\nweb preview (e2e): home page ${t.homeMs} ms after start (bar < 2000 ms), page switch ${t.switchMs} ms (bar < 300 ms)\n`,
  );
}
