/**
 * Template settings from the functions' environment, as the reminders use them: the company's
 * own phrase per template goes out in real reminders, and a malformed `TEMPLATE_IDS` or
 * `TEMPLATE_FIELDS` costs that setting (logged, defaults used), never every call.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  caseInFormalities,
  grantAll,
  HR,
  ok,
  type ReminderHarness,
  seedPeople,
  sentMessages,
  startReminderCloud,
} from './reminders-harness';

let h: ReminderHarness;
afterEach(async () => {
  jest.restoreAllMocks();
  await h.dispose();
});

/** The registry's employee template (the one the notice goes out with). */
function employeeTemplate(): string {
  const file = path.join(__dirname, '..', '..', '..', 'tools', 'local-cloud', 'templates.json');
  const { templates } = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    templates: Record<string, { reminderKinds?: string[] }>;
  };
  const found = Object.entries(templates).find(([, t]) => t.reminderKinds?.includes('notice'));
  if (!found) throw new Error('no template for notice');
  return found[0];
}

async function start(env: Record<string, string>): Promise<void> {
  h = await startReminderCloud(env);
  await h.jumpTo('2027-03-01T09:50:00');
  await seedPeople(h);
  await grantAll(h, 30);
}

it('a reminder carries the phrase TEMPLATE_PHRASES gives its template and kind', async () => {
  await start({
    TEMPLATE_PHRASES: JSON.stringify({ [employeeTemplate()]: { notice: '离职办理' } }),
  });
  await caseInFormalities(h);

  await h.cloud.clock.advance(15 * 60_000); // the 10:00 run

  expect(sentMessages(h)).toEqual([
    { to: 'employee', phrase: '离职办理', at: '2027-03-01 10:00', errCode: 0 },
  ]);
});

it.each([
  ['TEMPLATE_IDS', '{"notice": "Vq3K…'],
  ['TEMPLATE_IDS', '["Vq3KcPzE8mL2tR7yWnB4xJ6hD9sF1gA5uQ0oZkTiNeM"]'],
  ['TEMPLATE_FIELDS', 'thing1,time2,phrase3,thing4'],
  ['TEMPLATE_FIELDS', '{"Vq3KcPzE8mL2tR7yWnB4xJ6hD9sF1gA5uQ0oZkTiNeM": "thing1 time2"}'],
  ['TEMPLATE_PHRASES', '{"notice": "离职办理"}'],
])('a malformed %s (%s) is ignored: every call still answers', async (name, value) => {
  // What is logged, and how often, is the settings repository's unit test.
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
  await start({ [name]: value });

  const meta = await h.call(HR, 'meta.get');
  const board = await h.call(HR, 'admin.board', {});

  expect(meta.ok).toBe(true);
  expect(board.ok).toBe(true);
  // Its default: no template ids (then WeChat refuses each message with 40037, which admins see).
  if (name === 'TEMPLATE_IDS') expect(ok(meta).templateIds).toEqual({});
});
