/**
 * jest globalSetup: says loudly when the e2e suite cannot run (no Debian Chromium), and clears
 * the timings of an earlier run (global-teardown.ts prints this run's).
 */
import { existsSync, rmSync } from 'node:fs';
import { CHROMIUM_PATH, TIMINGS_FILE, chromiumMissingNotice } from './notice';

export default function globalSetup(): void {
  rmSync(TIMINGS_FILE, { force: true });
  if (!existsSync(CHROMIUM_PATH)) console.warn(chromiumMissingNotice());
}
