/** What the e2e global set-up and teardown share. */
import { join } from 'node:path';

export const CHROMIUM_PATH = '/usr/bin/chromium';
/** Written by the resignation test: the preview's measured load and page-switch times. */
export const TIMINGS_FILE = join(__dirname, 'output', 'resignation', 'timings.json');

export function chromiumMissingNotice(): string {
  return [
    '',
    '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
    `!! E2E TESTS SKIPPED: ${CHROMIUM_PATH} is missing.`,
    '!! Install it with: apt-get install -y chromium fonts-noto-cjk  (.ci/run does)',
    '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
    '',
  ].join('\n');
}
