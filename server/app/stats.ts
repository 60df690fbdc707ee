import { MS_PER_DAY } from '../domain/beijing-calendar';
import { STATES, type State } from '../domain/case-states';
import { ok } from './outcome';
import type { CaseQueries } from './ports/case-queries.port';
import type { SettingsRepository } from './ports/settings.port';
import type { Handler } from './rpc-handler';

export interface StatsDeps {
  readonly cases: CaseQueries;
  readonly settings: SettingsRepository;
}

/** Days to one decimal, as HR reads them. */
function days(ms: number): number {
  return Math.round((ms / MS_PER_DAY) * 10) / 10;
}

/**
 * `admin.stats` over the cases whose notice was received in [from, to] (Beijing dates), in any
 * state: the reason distribution with every configured reason, the average handling time, the
 * share of letters signed within 72 h of formalities starting, and the average stay per state
 * with the slowest one as the bottleneck. The database sums per reason in one aggregation over
 * the indicators stored on each case; only those few sums are combined here.
 */
export function statsHandlers(deps: StatsDeps): { 'admin.stats': Handler<'admin.stats'> } {
  return {
    async 'admin.stats'({ now }, { from, to }) {
      const [settings, totals] = await Promise.all([
        deps.settings.get(),
        deps.cases.periodTotals(from, to, now),
      ]);

      const casesByReason = new Map(totals.map((row) => [row.reason, row.cases]));
      const reasons = Object.values(settings.policy.reasons).map((rule) => ({
        reason: rule.reason,
        label: rule.label,
        count: casesByReason.get(rule.reason) ?? 0,
      }));

      let handled = 0;
      let handlingMs = 0;
      let decided = 0;
      let within = 0;
      const stays = new Map<State, { cases: number; ms: number }>();
      for (const row of totals) {
        handled += row.handled;
        handlingMs += row.handlingMs;
        decided += row.signingDecided;
        within += row.signedWithin72h;
        for (const state of STATES) {
          const stay = row.stays[state];
          if (!stay) continue;
          const sum = stays.get(state) ?? { cases: 0, ms: 0 };
          stays.set(state, { cases: sum.cases + stay.cases, ms: sum.ms + stay.ms });
        }
      }

      const avgDaysByState: Partial<Record<State, number>> = {};
      let bottleneck: State | null = null;
      let slowestMs = -1;
      for (const state of STATES) {
        const stay = stays.get(state);
        if (!stay || stay.cases === 0) continue;
        const meanMs = stay.ms / stay.cases;
        avgDaysByState[state] = days(meanMs);
        // Compared before rounding; on a tie the earlier state in the workflow is named.
        if (meanMs > slowestMs) {
          slowestMs = meanMs;
          bottleneck = state;
        }
      }

      return ok({
        reasons,
        avgHandlingDays: handled > 0 ? days(handlingMs / handled) : null,
        signedWithin72hShare: decided > 0 ? within / decided : null,
        avgDaysByState,
        bottleneck,
      });
    },
  };
}
