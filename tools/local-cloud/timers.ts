import type { LocalClock } from './clock';
import type { CronSchedule } from './cron-schedule';

export interface TimerTrigger {
  functionName: string;
  triggerName: string;
  schedule: CronSchedule;
}

export interface TimerRun {
  functionName: string;
  triggerName: string;
  /** The tick, ISO. */
  time: string;
  ok: boolean;
  /** The error message when the run threw (the platform only logs it). */
  error?: string;
}

export type FireTrigger = (trigger: TimerTrigger, time: Date) => Promise<TimerRun>;

/** Upper bound of runs one `advance` may fire: a typo in `advanceMs` should fail, not hang. */
const MAX_RUNS_PER_ADVANCE = 100_000;
/** setTimeout's largest delay; longer waits re-arm. */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/**
 * Timer triggers on the local clock (DESIGN §5).
 * - Clock not set: triggers fire on their schedule through real timers.
 * - `jump(now)`: sets the clock, fires nothing; a tick the jump lands on is in the past for good.
 * - `advance(ms)`: fires every tick t with now < t ≤ now + ms, in order, the clock set to t for
 *   each run, and resolves after every run returned.
 * Clock calls are serialised, so a jump cannot interleave with an advance still firing.
 */
export class Timers {
  private queue: Promise<unknown> = Promise.resolve();
  private realTimer: NodeJS.Timeout | null = null;
  private realCursor: Date | null = null;
  private stopped = true;

  constructor(
    private readonly triggers: readonly TimerTrigger[],
    private readonly clock: LocalClock,
    private readonly fire: FireTrigger,
  ) {}

  list(): readonly TimerTrigger[] {
    return this.triggers;
  }

  /** The earliest tick strictly after `after` and every trigger due at that instant. */
  private nextDue(after: Date): { time: Date; due: TimerTrigger[] } | null {
    let best: { time: Date; due: TimerTrigger[] } | null = null;
    for (const trigger of this.triggers) {
      const time = trigger.schedule.nextAfter(after);
      if (!time) continue;
      if (!best || time < best.time) best = { time, due: [trigger] };
      else if (time.getTime() === best.time.getTime()) best.due.push(trigger);
    }
    return best;
  }

  private serialise<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  jump(now: Date): Promise<void> {
    return this.serialise(async () => {
      this.clock.set(now);
      this.disarm();
    });
  }

  advance(ms: number): Promise<TimerRun[]> {
    return this.serialise(async () => {
      if (!Number.isFinite(ms) || ms < 0)
        throw new RangeError('advanceMs must be a non-negative number');
      const start = this.clock.now();
      const end = new Date(start.getTime() + ms);
      this.clock.set(start);
      this.disarm();
      const runs: TimerRun[] = [];
      let cursor = start;
      for (let next = this.nextDue(cursor); next && next.time <= end; next = this.nextDue(cursor)) {
        this.clock.set(next.time);
        for (const trigger of next.due) {
          if (runs.length >= MAX_RUNS_PER_ADVANCE) {
            throw new RangeError(`advance would fire more than ${MAX_RUNS_PER_ADVANCE} timer runs`);
          }
          runs.push(await this.fire(trigger, next.time));
        }
        cursor = next.time;
      }
      this.clock.set(end);
      return runs;
    });
  }

  /** Fires one function's trigger now (the admin route); waits for the run. */
  fireNow(functionName: string): Promise<TimerRun[]> {
    return this.serialise(async () => {
      const due = this.triggers.filter((t) => t.functionName === functionName);
      const now = this.clock.now();
      const runs: TimerRun[] = [];
      for (const trigger of due) runs.push(await this.fire(trigger, now));
      return runs;
    });
  }

  /** Starts real-time firing (when the clock is not set). */
  start(): void {
    this.stopped = false;
    this.realCursor = this.clock.now();
    this.arm();
  }

  stop(): void {
    this.stopped = true;
    this.disarm();
  }

  /** After a reset: the clock runs in real time again and so do the timers. */
  restart(): void {
    if (this.stopped) return;
    this.start();
  }

  /** Waits until no clock call is running. */
  idle(): Promise<void> {
    return this.queue.then(() => undefined);
  }

  private disarm(): void {
    if (this.realTimer) clearTimeout(this.realTimer);
    this.realTimer = null;
  }

  private arm(): void {
    this.disarm();
    if (this.stopped || this.clock.isFrozen || !this.realCursor) return;
    const next = this.nextDue(this.realCursor);
    if (!next) return;
    const delay = Math.max(0, next.time.getTime() - Date.now());
    this.realTimer = setTimeout(
      () => {
        this.realTimer = null;
        if (this.stopped || this.clock.isFrozen) return;
        if (Date.now() < next.time.getTime()) return this.arm(); // a long wait re-armed in parts
        void this.serialise(async () => {
          if (this.clock.isFrozen) return;
          for (const trigger of next.due) await this.fire(trigger, next.time);
        }).finally(() => {
          this.realCursor = next.time;
          this.arm();
        });
      },
      Math.min(delay, MAX_TIMEOUT_MS),
    );
    // Real-time timers never keep the process alive on their own (the HTTP server does).
    this.realTimer.unref();
  }
}
