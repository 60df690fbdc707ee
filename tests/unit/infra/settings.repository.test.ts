import { createMain as createOffboarding } from '../../../cloudfunctions/offboarding/src/main';
import { createMain as createReminders } from '../../../cloudfunctions/reminders/src/main';
import { defaultSettings, settingsRepository } from '../../../server/infra/settings.repository';

const TEMPLATE = 'Vq3KcPzE8mL2tR7yWnB4xJ6hD9sF1gA5uQ0oZkTiNeM';

afterEach(() => jest.restoreAllMocks());

describe('template settings from the environment', () => {
  it('reads TEMPLATE_IDS, TEMPLATE_FIELDS and TEMPLATE_PHRASES', () => {
    const log = jest.fn();
    const settings = defaultSettings(
      {
        TEMPLATE_IDS: JSON.stringify({ notice: TEMPLATE, serious: TEMPLATE }),
        TEMPLATE_FIELDS: JSON.stringify({ [TEMPLATE]: ['thing1', 'time2', 'phrase3', 'thing4'] }),
        TEMPLATE_PHRASES: JSON.stringify({ [TEMPLATE]: { serious: '逾期提醒' } }),
      },
      log,
    );
    expect(settings.templateIds).toEqual({ notice: TEMPLATE, serious: TEMPLATE });
    expect(settings.templateFields).toEqual({
      [TEMPLATE]: ['thing1', 'time2', 'phrase3', 'thing4'],
    });
    expect(settings.templatePhrases).toEqual({ [TEMPLATE]: { serious: '逾期提醒' } });
    expect(log).not.toHaveBeenCalled();
  });

  it.each([
    ['TEMPLATE_IDS', '{"notice": '],
    ['TEMPLATE_IDS', '"Vq3K"'],
    ['TEMPLATE_IDS', '["Vq3K"]'],
    ['TEMPLATE_IDS', 'null'],
    ['TEMPLATE_FIELDS', 'thing1,time2'],
    ['TEMPLATE_FIELDS', '[["thing1"]]'],
    ['TEMPLATE_PHRASES', '{'],
    ['TEMPLATE_PHRASES', '42'],
  ])(
    'a malformed %s (%s) is logged once and ignored: the default (none) is used',
    (name, value) => {
      const log = jest.fn();
      const settings = defaultSettings({ [name]: value }, log);
      expect(settings).toMatchObject({ templateIds: {}, templateFields: {}, templatePhrases: {} });
      expect(log).toHaveBeenCalledTimes(1);
      expect(log.mock.calls[0]?.[0]).toContain(name);
    },
  );

  it('keeps the usable entries of a right-shaped value and logs each refused one', () => {
    const log = jest.fn();
    const settings = defaultSettings(
      {
        TEMPLATE_IDS: JSON.stringify({ notice: TEMPLATE, notic: TEMPLATE, daily: 5 }),
        TEMPLATE_FIELDS: JSON.stringify({ [TEMPLATE]: ['thing1'], other: 'thing1' }),
        TEMPLATE_PHRASES: JSON.stringify({
          [TEMPLATE]: {
            notice: '离职办理',
            // A sixth character, a cut, Latin letters, a space: none is a WeChat phrase.
            daily: '每日待办提醒',
            gentle: '温馨提…',
            serious: 'Urgent',
            hr_alert: '预警 通知',
            boss: '老板提醒',
          },
        }),
      },
      log,
    );
    expect(settings.templateIds).toEqual({ notice: TEMPLATE });
    expect(settings.templateFields).toEqual({ [TEMPLATE]: ['thing1'] });
    expect(settings.templatePhrases).toEqual({ [TEMPLATE]: { notice: '离职办理' } });
    expect(log.mock.calls.map(([message]) => message)).toEqual([
      expect.stringContaining('"notic" is not a message kind'),
      expect.stringContaining('templateIds.daily is not an id'),
      expect.stringContaining('templateFields["other"]'),
      expect.stringContaining('"每日待办提醒" is not 1–5 Chinese characters'),
      expect.stringContaining('"温馨提…" is not 1–5 Chinese characters'),
      expect.stringContaining('"Urgent" is not 1–5 Chinese characters'),
      expect.stringContaining('"预警 通知" is not 1–5 Chinese characters'),
      expect.stringContaining('"boss" is not a message kind'),
    ]);
  });

  it('takes a phrase in a CJK extension (outside the BMP) as one character each', () => {
    const log = jest.fn();
    // 𠀀 is U+20000: two UTF-16 units, one character.
    const settings = defaultSettings(
      { TEMPLATE_PHRASES: JSON.stringify({ [TEMPLATE]: { notice: '𠀀𠀀𠀀𠀀𠀀' } }) },
      log,
    );
    expect(settings.templatePhrases).toEqual({ [TEMPLATE]: { notice: '𠀀𠀀𠀀𠀀𠀀' } });
    expect(log).not.toHaveBeenCalled();
  });
});

describe('a malformed variable costs its setting, not the function', () => {
  /** Just enough of the SDK to wire a function: every call here ends at the caller check. */
  const cloud = {
    database: () => ({ command: {}, collection: () => ({}) }),
    getWXContext: () => ({ SOURCE: 'wx_client' }),
    openapi: { subscribeMessage: { send: jest.fn() } },
  } as unknown as WxServerSdk.Cloud;
  const clock = { now: () => new Date('2027-03-01T02:00:00Z') };

  it.each([
    ['offboarding', createOffboarding],
    ['reminders', createReminders],
  ] as const)(
    '%s starts, answers every call, and logs it once per instance',
    async (_name, create) => {
      const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
      const main = create({
        cloud,
        clock,
        env: { TEMPLATE_IDS: '{"notice": "Vq3K', TEMPLATE_FIELDS: '"thing1"' },
      });

      const answers = [await main({ action: 'me.get' }), await main({ action: 'me.get' })];

      for (const answer of answers) {
        expect(answer).toMatchObject({ ok: false, error: { code: expect.any(String) } });
      }
      const messages = errors.mock.calls.map(([message]) => String(message));
      expect(messages.filter((m) => m.includes('TEMPLATE_IDS'))).toHaveLength(1);
      expect(messages.filter((m) => m.includes('TEMPLATE_FIELDS'))).toHaveLength(1);
    },
  );
});

describe('template settings saved by admins', () => {
  /** A database holding only the `settings` document `company`. */
  function databaseWith(doc: Record<string, unknown>) {
    const get = jest.fn(async () => ({ data: [{ _id: 'company', ...doc }] }));
    const db = {
      collection: () => ({ where: () => ({ limit: () => ({ get }) }) }),
    } as unknown as WxServerSdk.Database;
    return { db, get };
  }

  it('merges the company’s phrases per template over the environment’s, refusing bad ones once per instance', async () => {
    const log = jest.fn();
    const defaults = defaultSettings({
      TEMPLATE_PHRASES: JSON.stringify({ [TEMPLATE]: { notice: '离职办理', daily: '每日待办' } }),
    });
    const { db, get } = databaseWith({
      templatePhrases: { [TEMPLATE]: { daily: '今日待办', serious: '逾期未办理提醒' } },
      templateIds: 'Vq3K',
    });
    let now = Date.parse('2027-03-01T02:00:00Z');
    const repository = settingsRepository(db, defaults, { now: () => new Date(now) }, log);

    const first = await repository.get();
    now += 61_000; // the cached minute is over: read again
    await repository.get();
    await repository.get({ fresh: true });

    expect(get).toHaveBeenCalledTimes(3);
    expect(first.templatePhrases).toEqual({
      [TEMPLATE]: { notice: '离职办理', daily: '今日待办' },
    });
    expect(first.templateIds).toEqual({});
    expect(log.mock.calls.map(([message]) => message)).toEqual([
      expect.stringContaining('"逾期未办理提醒" is not 1–5 Chinese characters'),
      expect.stringContaining('templateIds should be'),
    ]);
  });
});
