/** jest globalTeardown: repeats the missing-Chromium notice in the summary, or prints the timings. */
import { existsSync, readFileSync } from 'node:fs';
import { CHROMIUM_PATH, TIMINGS_FILE, chromiumMissingNotice } from './notice';

export default function globalTeardown(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    console.warn(chromiumMissingNotice());
    return;
  }
  if (!existsSync(TIMINGS_FILE)) return;
  const t = JSON.parse(readFileSync(TIMINGS_FILE, 'utf8')) as { homeMs: number; switchMs: number };
  console.log(
    `\nweb preview (e2e): home page ${t.homeMs} ms after start (bar < 2000 ms), page switch ${t.switchMs} ms (bar < 300 ms)\n`,
  );
}
