import {
  addDays,
  beijingDate,
  beijingTime,
  type CalendarDate,
  type Instant,
  instantMs,
  MS_PER_DAY,
  toInstant,
} from './beijing-calendar';
import { type CaseRecord } from './case-record';
import { type State } from './case-states';
import { openItems } from './checklist-rules';
import { stageDurations } from './stage-durations';
import { type Policy } from './policy';

/** Days HR has to confirm a case, or an employee to answer a return, before it shows overdue. */
export const HR_REVIEW_DAYS = 3;
export const RETURNED_DAYS = 7;

/**
 * Fields derived from a case at every write and stored beside it, so the board and the
 * statistics are indexed queries and database aggregations, never a scan of whole cases.
 */
export interface CaseIndicators {
  /** When the case entered its current state. */
  readonly enteredAt: Instant;
  /** The same instant in epoch ms: the statistics sum current stays in one aggregation. */
  readonly enteredAtMs: number;
  /** From this instant the case is overdue in its current state; null when it cannot be. */
  readonly overdueAt: Instant | null;
  /** Beijing date of the notice (the statistics' period filter); null for a draft. */
  readonly noticeDate: CalendarDate | null;
  /** Milliseconds spent in each state, closed stays only. */
  readonly stageMs: Partial<Record<State, number>>;
  /** completedAt − noticeReceivedAt, once completed. */
  readonly handlingMs: number | null;
  /** When formalities started and when the letter was signed (epoch ms), for the 72 h share. */
  readonly formalitiesAtMs: number | null;
  readonly signedAtMs: number | null;
}

function dayAfter(date: CalendarDate): Instant {
  return toInstant(beijingTime(addDays(date, 1), 0));
}

function plusDays(at: Instant, days: number): Instant {
  return toInstant(new Date(instantMs(at) + days * MS_PER_DAY));
}

function overdueAt(caseDoc: CaseRecord, enteredAt: Instant, policy: Policy): Instant | null {
  switch (caseDoc.state) {
    case 'submitted':
      return plusDays(enteredAt, policy.escalateAfterDays);
    case 'returned':
      return plusDays(enteredAt, RETURNED_DAYS);
    case 'hr_review':
      return plusDays(enteredAt, HR_REVIEW_DAYS);
    case 'formalities': {
      // Overdue from the day after the earliest open item's due date.
      const dues = openItems(caseDoc.checklist)
        .map((entry) => entry.due)
        .sort();
      return dues[0] ? dayAfter(dues[0]) : null;
    }
    case 'draft':
    case 'completed':
    case 'withdrawn':
      return null;
  }
}

export function caseIndicators(caseDoc: CaseRecord, policy: Policy): CaseIndicators {
  const current = caseDoc.stages[caseDoc.stages.length - 1];
  const enteredAt = current?.enteredAt ?? caseDoc.createdAt;
  const formalities = caseDoc.stages.find((stage) => stage.state === 'formalities');
  // Closed stays only: the stored figure must not depend on when the case was last written.
  const stageMs = stageDurations(
    caseDoc.stages.filter((stage) => stage.exitedAt !== undefined),
    new Date(0),
  );
  return {
    enteredAt,
    enteredAtMs: instantMs(enteredAt),
    overdueAt: overdueAt(caseDoc, enteredAt, policy),
    noticeDate: caseDoc.noticeReceivedAt ? beijingDate(caseDoc.noticeReceivedAt) : null,
    stageMs,
    handlingMs:
      caseDoc.completedAt && caseDoc.noticeReceivedAt
        ? instantMs(caseDoc.completedAt) - instantMs(caseDoc.noticeReceivedAt)
        : null,
    formalitiesAtMs: formalities ? instantMs(formalities.enteredAt) : null,
    signedAtMs: caseDoc.signature ? instantMs(caseDoc.signature.at) : null,
  };
}
