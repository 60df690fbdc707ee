import { type Actor } from './actor';
import {
  addDays,
  beijingDate,
  type CalendarDate,
  compareDates,
  toInstant,
} from './beijing-calendar';
import { changeCase } from './case-change';
import { withPendingDocument } from './case-paper';
import { chineseDate } from './letters';
import { VOCABULARY } from './vocabulary';
import { type DomainResult } from './case-effects';
import { type CaseRecord } from './case-record';
import { type NonCompeteDecision, type NonCompeteInput } from './non-compete-decision';
import { actsAsHr } from './roles';

export {
  NON_COMPETE_DECISIONS,
  type NonCompeteDecision,
  type NonCompeteDecisionKind,
  type NonCompeteInput,
} from './non-compete-decision';

/** 第24条: the restriction lasts at most two years after the contract ends. */
export const NON_COMPETE_MAX_MONTHS = 24;

/** 最高法 劳动争议解释(一) 第36条: 30 % of the average monthly wage of the last 12 months. */
export const FALLBACK_WAGE_SHARE = 0.3;

/** 劳动争议解释(一) 第38条: three months unpaid lets the employee end the obligation. */
export const UNPAID_MONTHS_ENDING_OBLIGATION = 3;

/** 劳动争议解释(一) 第39条: a release during the term owes three extra months' compensation. */
export const RELEASE_EXTRA_MONTHS = 3;

export type NonCompeteProblem = 'months_required' | 'months_over_limit' | 'compensation_required';

/** What an enforced decision needs (第23条: compensation monthly; 第24条: ≤ 2 years). */
export function nonCompeteProblem(input: NonCompeteInput): NonCompeteProblem | undefined {
  if (input.decision === 'released') return undefined;
  if (input.months === undefined || input.months < 1) return 'months_required';
  if (input.months > NON_COMPETE_MAX_MONTHS) return 'months_over_limit';
  if (input.monthlyCompensation === undefined || input.monthlyCompensation <= 0) {
    return 'compensation_required';
  }
  return undefined;
}

/**
 * 劳动争议解释(一) 第36条: where no compensation was agreed, 30 % of the average monthly wage of
 * the 12 months before departure, and not below the minimum wage where the contract was
 * performed. Guidance only: some provinces set higher figures and the amount is HR's.
 */
export function fallbackMonthlyCompensation(
  averageMonthlyWage: number,
  minimumWage?: number,
): number {
  const share = Math.round(averageMonthlyWage * FALLBACK_WAGE_SHARE * 100) / 100;
  return minimumWage === undefined ? share : Math.max(share, minimumWage);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The same day `months` later, or that month's last day when it is shorter. */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The monthly compensation dates of an enforced restriction (第23条: paid monthly during the
 * term): one month after the last working day, then monthly, `months` dates in all.
 */
export function compensationSchedule(lastWorkingDay: CalendarDate, months: number): CalendarDate[] {
  return Array.from({ length: months }, (_, i) => addMonths(lastWorkingDay, i + 1));
}

/** The first compensation date on or after `today`; undefined once the term is over. */
export function nextCompensationDate(
  lastWorkingDay: CalendarDate,
  months: number,
  today: CalendarDate,
): CalendarDate | undefined {
  return compensationSchedule(lastWorkingDay, months).find((d) => compareDates(d, today) >= 0);
}

/** The decision's next compensation date while enforced; nothing for a release. */
export function nextCompensationDue(
  decision: NonCompeteDecision | undefined,
  lastWorkingDay: CalendarDate | undefined,
  today: CalendarDate,
): CalendarDate | undefined {
  if (decision?.decision !== 'enforced' || decision.months === undefined) return undefined;
  if (lastWorkingDay === undefined) return undefined;
  return nextCompensationDate(lastWorkingDay, decision.months, today);
}

/**
 * The 《竞业限制决定告知书》: the decision as the employee receives it in writing, with what it
 * means for them (第23/24条; 劳动争议解释(一) 第38/39条). Kept on the case exactly as written.
 */
export function nonCompeteNoticeText(
  caseDoc: CaseRecord,
  decision: NonCompeteInput,
  companyName: string,
  today: CalendarDate,
): string {
  const { name, employeeNo } = caseDoc.employee;
  const last = caseDoc.lastWorkingDay;
  const lines = [
    `《${VOCABULARY.documents.non_compete_notice}》`,
    '',
    `${name}（员工编号 ${employeeNo}）：`,
    `你与${companyName}的劳动合同约定了竞业限制条款（《劳动合同法》第二十三条）。公司决定如下：`,
  ];
  if (decision.decision === 'enforced' && decision.months !== undefined && last !== undefined) {
    const schedule = compensationSchedule(last, decision.months);
    lines.push(
      `执行竞业限制。期限 ${decision.months} 个月，自 ${chineseDate(addDays(last, 1))} 起算（不超过二年，第二十四条）。`,
      `竞业限制期限内，公司按月向你支付经济补偿 ${String(decision.monthlyCompensation ?? '')} 元，共 ${schedule.length} 期，首期 ${chineseDate(schedule[0] ?? last)}，最后一期 ${chineseDate(schedule[schedule.length - 1] ?? last)}。`,
      `因公司原因连续三个月未支付经济补偿的，你可以请求解除竞业限制约定（最高人民法院劳动争议解释（一）第三十八条）。`,
    );
  } else {
    lines.push(
      '不执行竞业限制：你离职后不受该约定约束，公司不支付竞业限制经济补偿。',
      VOCABULARY.nonCompeteGuidance.released,
    );
  }
  lines.push('', companyName, chineseDate(today));
  return lines.join('\n');
}

/**
 * Records HR's decision and ticks `non_compete_decided` (DESIGN §4 `case.nonCompete`): only in
 * formalities, only for a contract with the clause, once.
 */
export function recordNonCompete(
  caseDoc: CaseRecord,
  input: NonCompeteInput,
  actor: Actor,
  now: Date,
  /** The employer's name in the written notice (`公司` when none is configured). */
  companyName = '公司',
): DomainResult {
  if (actor.role === 'system' || !actsAsHr(actor.role)) {
    return { ok: false, code: 'FORBIDDEN', reason: 'only HR records the non-compete decision' };
  }
  if (caseDoc.state !== 'formalities') {
    return {
      ok: false,
      code: 'INVALID_TRANSITION',
      state: caseDoc.state,
      event: 'case.nonCompete',
    };
  }
  const index = caseDoc.checklist.findIndex((e) => e.item === 'non_compete_decided');
  const entry = caseDoc.checklist[index];
  if (entry === undefined) return { ok: false, code: 'NOT_FOUND', what: 'non_compete_decided' };
  if (entry.done || caseDoc.nonCompete !== undefined) {
    return { ok: false, code: 'PRECONDITION_FAILED', guard: 'item_open' };
  }
  if (nonCompeteProblem(input) !== undefined) {
    return { ok: false, code: 'PRECONDITION_FAILED', guard: 'non_compete_terms_given' };
  }
  const at = toInstant(now);
  const decision: NonCompeteDecision = {
    decision: input.decision,
    ...(input.decision === 'enforced'
      ? { months: input.months, monthlyCompensation: input.monthlyCompensation }
      : {}),
    ...(input.averageMonthlyWage === undefined
      ? {}
      : { averageMonthlyWage: input.averageMonthlyWage }),
    ...(input.minimumWage === undefined ? {} : { minimumWage: input.minimumWage }),
    decidedAt: at,
    decidedBy: actor.openid,
  };
  const checklist = [...caseDoc.checklist];
  checklist[index] = { ...entry, done: true, doneAt: at, doneBy: actor.openid };
  // The employee receives the decision in writing: its text kept, its PDF rendered after.
  const text = nonCompeteNoticeText(caseDoc, input, companyName, beijingDate(now));
  const { documents } = withPendingDocument(caseDoc, 'non_compete_notice', caseDoc.seq + 1, at);
  return changeCase(
    caseDoc,
    {
      checklist,
      nonCompete: decision,
      nonCompeteNoticeText: text,
      documents,
      documentsPending: true,
    },
    {
      type: 'case.nonCompete',
      actor,
      at,
      payload: {
        decision: input.decision,
        ...(decision.months === undefined ? {} : { months: decision.months }),
        ...(decision.monthlyCompensation === undefined
          ? {}
          : { monthlyCompensation: decision.monthlyCompensation }),
        text,
      },
    },
  );
}
