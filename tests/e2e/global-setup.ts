/** jest globalSetup: clears the timings of an earlier run (global-teardown.ts prints this run's). */
import { rmSync } from 'node:fs';
import { TIMINGS_FILE } from './notice';

export default function globalSetup(): void {
  rmSync(TIMINGS_FILE, { force: true });
}
