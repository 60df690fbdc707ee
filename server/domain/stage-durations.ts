import { instantMs } from './beijing-calendar';
import { type StagePeriod } from './case-record';
import { type State } from './case-states';

/**
 * Time spent in each state, summed over every stay (a returned case visits `submitted`
 * again). An open stay counts up to `now`. Feeds per-stage averages and the bottleneck.
 */
export function stageDurations(
  stages: readonly StagePeriod[],
  now: Date,
): Partial<Record<State, number>> {
  const totals: Partial<Record<State, number>> = {};
  for (const stage of stages) {
    const end = stage.exitedAt !== undefined ? instantMs(stage.exitedAt) : now.getTime();
    const spent = Math.max(0, end - instantMs(stage.enteredAt));
    totals[stage.state] = (totals[stage.state] ?? 0) + spent;
  }
  return totals;
}
