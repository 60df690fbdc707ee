import path from 'node:path';
import { CronSchedule } from '../../../tools/local-cloud/cron-schedule';
import { startHarness, type Harness } from './local-cloud-harness';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.dispose());

const ticks = async () =>
  (await h.db.collection('ticks').orderBy('sawClock', 'asc').limit(1000).get()).data as {
    event: { Type: string; TriggerName: string; Time: string };
    sawClock: Date;
    source: string;
    openid: string | null;
  }[];

describe('clock', () => {
  it('runs in real time until set, then stays frozen', async () => {
    const before = Date.now();
    expect(h.cloud.clock.isFrozen).toBe(false);
    expect(h.cloud.clock.now().getTime()).toBeGreaterThanOrEqual(before);
    await h.cloud.clock.jump(new Date('2027-03-01T00:00:00Z'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(h.cloud.clock.now().toISOString()).toBe('2027-03-01T00:00:00.000Z');
  });
});

describe('timers (7-field cron, Asia/Shanghai)', () => {
  it('a jump fires nothing, and a tick the jump lands on never fires later', async () => {
    await h.cloud.clock.jump(new Date('2027-03-01T02:00:00Z')); // exactly on a :00 tick
    expect(await ticks()).toHaveLength(0);
    const fired = await h.cloud.clock.advance(29 * 60_000);
    expect(fired).toEqual([]);
    expect(await ticks()).toHaveLength(0);
  });

  it('an advance fires every tick on the way, in order, with the clock at each tick', async () => {
    await h.cloud.clock.jump(new Date('2027-03-01T02:10:00Z'));
    const fired = await h.cloud.clock.advance(90 * 60_000); // to 03:40
    expect(fired.map((run) => run.time)).toEqual([
      '2027-03-01T02:30:00Z',
      '2027-03-01T03:00:00Z',
      '2027-03-01T03:30:00Z',
    ]);
    expect(fired.every((run) => run.ok)).toBe(true);
    const runs = await ticks();
    expect(runs.map((run) => run.sawClock.toISOString())).toEqual([
      '2027-03-01T02:30:00.000Z',
      '2027-03-01T03:00:00.000Z',
      '2027-03-01T03:30:00.000Z',
    ]);
    expect(runs[0]?.event).toEqual({
      Type: 'Timer',
      TriggerName: 'every30min',
      Time: '2027-03-01T02:30:00Z',
    });
    expect(runs.every((run) => run.source === 'wx_trigger' && run.openid === null)).toBe(true);
    expect(h.cloud.clock.now().toISOString()).toBe('2027-03-01T03:40:00.000Z');
  });

  it('a tick exactly at now + advanceMs fires; the next advance does not fire it again', async () => {
    await h.cloud.clock.jump(new Date('2027-03-01T02:00:00Z'));
    expect(await h.cloud.clock.advance(30 * 60_000)).toHaveLength(1);
    expect(await h.cloud.clock.advance(1000)).toHaveLength(0);
  });

  it('fires a function trigger on demand with the clock unchanged', async () => {
    await h.cloud.clock.jump(new Date('2027-03-01T02:10:00Z'));
    const runs = await h.cloud.fireTrigger('ticker');
    expect(runs).toMatchObject([{ functionName: 'ticker', triggerName: 'every30min', ok: true }]);
    expect((await ticks())[0]?.sawClock.toISOString()).toBe('2027-03-01T02:10:00.000Z');
  });

  it('fires on its schedule in real time while the clock is not set, and stops once it is set', async () => {
    const realTime = await startHarness({
      realTimeTimers: true,
      functionsDir: path.join(__dirname, 'fixtures', 'realtime'),
    });
    const count = async () => (await realTime.db.collection('ticks').count()).total;
    try {
      // The first run also starts the function's instance (a worker thread): allow for it.
      const deadline = Date.now() + 10_000;
      while ((await count()) === 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(await count()).toBeGreaterThanOrEqual(1);
      const run = (await realTime.db.collection('ticks').limit(1).get()).data[0] as {
        event: { Time: string };
        sawClock: Date;
        source: string;
      };
      expect(run.source).toBe('wx_trigger');
      // It ran in real time: its tick (a whole second) passed just before the function read the
      // clock (an instance's cold start lies in between).
      const late = run.sawClock.getTime() - new Date(run.event.Time).getTime();
      expect(late).toBeGreaterThanOrEqual(0);
      expect(late).toBeLessThan(10_000);
      await realTime.cloud.clock.jump(new Date('2027-03-01T00:00:00Z'));
      await new Promise((resolve) => setTimeout(resolve, 300)); // a run already started may land
      const frozenAt = await count();
      await new Promise((resolve) => setTimeout(resolve, 1300));
      expect(await count()).toBe(frozenAt);
    } finally {
      await realTime.dispose();
    }
  });
});

describe('reset', () => {
  it('waits for runs in flight, then empties everything and returns the clock to real time', async () => {
    const templateId = h.cloud.templates()[0]?.id as string;
    await h.cloud.clock.jump(new Date('2027-03-01T00:00:00Z'));
    await h.db.collection('things').add({ data: { _id: 'x' } });
    const file = await h.cloud.upload('a/b.txt', Buffer.from('x'), 'u');
    await h.cloud.grantCredits('u', templateId, 3);
    await h.cloud.cloud.openapi.subscribeMessage
      .send({ touser: 'u', templateId: 'nope', data: {} })
      .catch(() => undefined);
    const { instance } = (await h.cloud.invoke('probe', { op: 'instance' })) as {
      instance: string;
    };

    const order: string[] = [];
    const slow = h.cloud
      .invoke('probe', { op: 'context', delayMs: 200 })
      .then(() => order.push('run'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    await h.cloud.reset().then(() => order.push('reset'));
    await slow;
    expect(order).toEqual(['run', 'reset']);

    expect((await h.db.collection('things').count()).total).toBe(0);
    expect(h.cloud.readFile(file.fileID)).toBeNull();
    expect(h.cloud.credits('u', templateId)).toBe(0);
    expect(h.cloud.outbox()).toEqual([]);
    expect(h.cloud.clock.isFrozen).toBe(false);
    expect(Math.abs(h.cloud.clock.now().getTime() - Date.now())).toBeLessThan(1000);
    const after = (await h.cloud.invoke('probe', { op: 'instance' })) as { instance: string };
    expect(after.instance).not.toBe(instance);
  });
});

describe('CronSchedule', () => {
  it('reads 7 fields in Asia/Shanghai, year included', () => {
    const daily = new CronSchedule('0 0 9 * * * *');
    expect(daily.nextAfter(new Date('2027-03-01T00:00:00Z'))?.toISOString()).toBe(
      '2027-03-01T01:00:00.000Z',
    );
    const only2029 = new CronSchedule('0 0 0 1 1 * 2029');
    expect(only2029.nextAfter(new Date('2027-06-01T00:00:00Z'))?.toISOString()).toBe(
      '2028-12-31T16:00:00.000Z',
    );
    const past = new CronSchedule('0 0 0 1 1 * 2020');
    expect(past.nextAfter(new Date('2027-06-01T00:00:00Z'))).toBeNull();
    expect(() => new CronSchedule('0 */30 * * * *')).toThrow(/7 fields/);
  });
});
