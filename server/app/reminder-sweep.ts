import { SYSTEM_ACTOR } from '../domain/audit-records';
import { toInstant } from '../domain/beijing-calendar';
import {
  FUNCTION_TIMEOUT_MAX_MS,
  type DeliveryContext,
  type Recipients,
  type ReminderDelivery,
} from './reminder-delivery';
import type { StoredCase } from './ports/cases.port';
import type { EmployeeRecord, EmployeesRepository } from './ports/employees.port';
import type { DuePosition, ReminderCaseQueries } from './ports/reminder-case-queries.port';
import type { SettingsRepository } from './ports/settings.port';

/** Sends in flight at once: WeChat's rate limits and the function's memory stay comfortable. */
export const SWEEP_CONCURRENCY = 10;
/** Due cases read per query. */
export const SWEEP_PAGE_SIZE = 100;

export interface SweepDeps {
  readonly queries: ReminderCaseQueries;
  readonly employees: EmployeesRepository;
  readonly settings: SettingsRepository;
  readonly delivery: ReminderDelivery;
}

export interface SweepOptions {
  readonly now: Date;
  readonly budgetMs: number;
  /** Milliseconds from a monotonic source (performance.now), never the wall clock. */
  readonly monotonic: () => number;
  readonly concurrency?: number;
  readonly pageSize?: number;
}

export interface SweepReport {
  readonly visited: number;
  /** Reminder records written or settled (sent, skipped, undeliverable, …). */
  readonly decided: number;
  readonly conflicts: number;
  /** The budget ran out with due cases left: the next run goes on from them. */
  readonly stoppedEarly: boolean;
  readonly elapsedMs: number;
}

/** What a due case's people resolve to: the employee's current binding wins over the case's copy. */
export function recipientsOf(
  caseDoc: StoredCase,
  byNo: ReadonlyMap<string, EmployeeRecord>,
  allHr: readonly string[],
): Recipients {
  const employee = byNo.get(caseDoc.employee.employeeNo)?.openid ?? caseDoc.employeeOpenid ?? null;
  const manager = caseDoc.managerNo ? (byNo.get(caseDoc.managerNo)?.openid ?? null) : null;
  // A successor's binding now, else the one they had when named.
  const successors = Object.fromEntries(
    (caseDoc.handover?.successors ?? []).map((s) => [
      s.employeeNo,
      byNo.get(s.employeeNo)?.openid ?? s.openid ?? null,
    ]),
  );
  return { employee, manager, hr: caseDoc.hrOwner ? [caseDoc.hrOwner] : allHr, successors };
}

/**
 * The timer's reminder run (DESIGN §3 "Reminders"). Due cases come from the indexed
 * `nextReminderAt` range, a page at a time; each page's people are read in one query; at most
 * `concurrency` cases are in flight. New cases start only while the budget lasts (measured
 * on a monotonic timer, keeping a reserve for the visits in flight); the rest stay due and
 * the next run takes them.
 */
export async function runReminderSweep(
  deps: SweepDeps,
  options: SweepOptions,
): Promise<SweepReport> {
  const started = options.monotonic();
  const reserve = Math.min(1000, options.budgetMs / 4);
  const timeLeft = () => options.monotonic() - started < options.budgetMs - reserve;
  const concurrency = Math.min(options.concurrency ?? SWEEP_CONCURRENCY, SWEEP_CONCURRENCY);
  const pageSize = options.pageSize ?? SWEEP_PAGE_SIZE;
  const now = toInstant(options.now);
  const settings = await deps.settings.get();
  const ctx: DeliveryContext = {
    settings,
    now: options.now,
    staleSendingMs: Math.max(options.budgetMs, FUNCTION_TIMEOUT_MAX_MS),
    actor: SYSTEM_ACTOR,
    raised: new Set(),
  };
  let allHr: string[] | null = null;
  let cursor: DuePosition | null = null;
  let visited = 0;
  let decided = 0;
  let conflicts = 0;
  let stoppedEarly = false;

  while (timeLeft()) {
    const page = await deps.queries.dueCases(now, cursor, pageSize);
    if (page.length === 0) break;
    const numbers = new Set<string>();
    for (const c of page) {
      numbers.add(c.employee.employeeNo);
      if (c.managerNo) numbers.add(c.managerNo);
      for (const no of c.successorNos ?? []) numbers.add(no);
    }
    const byNo = new Map(
      (await deps.employees.findByNos([...numbers])).map((e) => [e.employeeNo, e]),
    );
    if (allHr === null && page.some((c) => !c.hrOwner)) {
      allHr = (await deps.employees.findByRole('hr'))
        .map((e) => e.openid)
        .filter((o): o is string => typeof o === 'string');
    }
    const hr = allHr ?? [];

    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < page.length) {
        if (!timeLeft()) {
          stoppedEarly = true;
          return;
        }
        const caseDoc = page[next++] as StoredCase;
        const result = await deps.delivery.visit(ctx, caseDoc, recipientsOf(caseDoc, byNo, hr));
        visited += 1;
        decided += result.decided;
        if (result.saved === 'conflict') conflicts += 1;
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, page.length) }, worker));
    if (stoppedEarly) break;
    const last = page[page.length - 1] as StoredCase;
    cursor = { at: last.nextReminderAt ?? now, caseId: last.caseId };
    if (page.length < pageSize) break;
  }
  if (!timeLeft()) stoppedEarly = true;
  return {
    visited,
    decided,
    conflicts,
    stoppedEarly,
    elapsedMs: Math.round(options.monotonic() - started),
  };
}
