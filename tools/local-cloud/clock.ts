import type { Clock } from '../../server/app/clock';

/**
 * The local cloud's clock (DESIGN §5): real time until set; once set it stays frozen at that
 * instant until the next clock call, so tests and the preview see exactly the time they asked for.
 */
export class LocalClock implements Clock {
  private frozenAt: number | null = null;

  now(): Date {
    return new Date(this.frozenAt ?? Date.now());
  }

  /** True once the clock has been set (until `release`). */
  get isFrozen(): boolean {
    return this.frozenAt !== null;
  }

  set(instant: Date): void {
    const ms = instant.getTime();
    if (!Number.isFinite(ms)) throw new RangeError('LocalClock.set: invalid date');
    this.frozenAt = ms;
  }

  /** Back to real time (what `/__admin/reset` does). */
  release(): void {
    this.frozenAt = null;
  }
}
