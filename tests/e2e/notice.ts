/** What the e2e harness, global set-up and teardown share. */
import { join } from 'node:path';

export const CHROMIUM_PATH = '/usr/bin/chromium';
/** Written by the resignation test: the preview's measured load and page-switch times. */
export const TIMINGS_FILE = join(__dirname, 'output', 'resignation', 'timings.json');
