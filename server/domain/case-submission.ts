import { beijingDate, type CalendarDate, toInstant } from './beijing-calendar';
import { type NoticeMode } from './case-kinds';
import { type Actor } from './actor';
import { type DomainResult } from './case-effects';
import { explanationMeetsRule } from './case-guards';
import { type CaseRecord, type EmployeeSnapshot } from './case-record';
import { lastWorkingDayTooLate } from './date-window';
import { type HashText } from './event-chain';
import { type FaultGround, faultLastWorkingDay } from './employer-fault';
import { type LetterOptions, renderLetter } from './letters';
import { isInProbation, legalLastWorkingDay, noticeDays } from './notice-period';
import { type Policy } from './policy';
import { type Reason } from './reasons';

export interface ResignationInput {
  readonly caseId: string;
  readonly employee: EmployeeSnapshot;
  readonly employeeOpenid: string;
  readonly reason: Reason;
  readonly explanation?: string;
  /** 第38条 (reason `employer_fault`): the employer's faults, at least one. */
  readonly faultGrounds?: readonly FaultGround[];
  /** 第38条: a last working day later than the receipt, named by the employee. */
  readonly lastWorkingDay?: CalendarDate;
}

/**
 * The legal last working day a notice fixes: 第37条's 30 days (3 in probation) after receipt;
 * for the employer's fault (第38条) no notice period: the day of receipt or the later day the
 * employee named. Undefined when the named day lies before the receipt.
 */
export function noticeLastWorkingDay(
  reason: Reason,
  receivedAt: Date | string,
  probationEndDate: CalendarDate,
  named: CalendarDate | undefined,
): CalendarDate | undefined {
  if (reason === 'employer_fault') return faultLastWorkingDay(receivedAt, named);
  return legalLastWorkingDay(receivedAt, probationEndDate);
}

function emptyCase(
  base: Omit<
    CaseRecord,
    'attachments' | 'waivers' | 'checklist' | 'seq' | 'lastEventHash' | 'noProtectedStatus'
  >,
): CaseRecord {
  return {
    ...base,
    attachments: [],
    waivers: [],
    checklist: [],
    noProtectedStatus: false,
    seq: 0,
    lastEventHash: null,
  };
}

/**
 * The employee gives notice (第37条). The receipt is the company's proof: server time and the
 * SHA-256 of the notice text. The legal last working day is fixed here and never moves on a
 * return or resubmission.
 */
export function submitResignation(
  input: ResignationInput,
  now: Date,
  policy: Policy,
  sha256: HashText,
  letter: LetterOptions = {},
): DomainResult {
  const rule = policy.reasons[input.reason];
  if (rule.kind !== 'resignation' || !rule.enabled) {
    return { ok: false, code: 'PRECONDITION_FAILED', guard: 'reason_matches_kind' };
  }
  const explanation = input.explanation?.trim() || undefined;
  if (!explanationMeetsRule(rule, explanation)) {
    return { ok: false, code: 'PRECONDITION_FAILED', guard: 'reason_requirements_met' };
  }
  const fault = input.reason === 'employer_fault';
  const grounds = fault ? [...new Set(input.faultGrounds ?? [])] : [];
  // 第38条: the notice names the employer's faults; the other reasons name none.
  if (fault ? grounds.length === 0 : (input.faultGrounds?.length ?? 0) > 0) {
    return { ok: false, code: 'PRECONDITION_FAILED', guard: 'fault_grounds_named' };
  }
  if (!fault && input.lastWorkingDay !== undefined) {
    return { ok: false, code: 'PRECONDITION_FAILED', guard: 'fault_grounds_named' };
  }
  const at = toInstant(now);
  const last = noticeLastWorkingDay(
    input.reason,
    now,
    input.employee.probationEndDate,
    input.lastWorkingDay,
  );
  if (last === undefined) {
    return { ok: false, code: 'PRECONDITION_FAILED', guard: 'last_working_day_after_notice' };
  }
  const late = lastWorkingDayTooLate(last, now);
  if (late) return { ok: false, ...late };
  const inProbation = isInProbation(beijingDate(now), input.employee.probationEndDate);
  const draft = emptyCase({
    caseId: input.caseId,
    kind: 'resignation',
    reason: input.reason,
    explanation,
    ...(fault ? { faultGrounds: grounds } : {}),
    state: 'submitted',
    version: 1,
    employee: input.employee,
    employeeOpenid: input.employeeOpenid,
    managerNo: input.employee.managerNo,
    noticeReceivedAt: at,
    legalLastWorkingDay: last,
    lastWorkingDay: last,
    stages: [{ state: 'submitted', enteredAt: at }],
    createdAt: at,
    updatedAt: at,
  });
  // The submission is a data message (电子签名法 第4条): its text is hashed at receipt.
  // The exact text is kept beside its hash: evidence never re-renders it from code.
  const noticeText = renderLetter(draft, letter).text;
  const next: CaseRecord = { ...draft, noticeText, noticeTextHash: sha256(noticeText) };
  const actor: Actor = { openid: input.employeeOpenid, role: 'employee' };
  return {
    ok: true,
    case: next,
    effects: {
      event: {
        type: 'case.submit',
        actor,
        at,
        payload: {
          reason: next.reason,
          explanation: next.explanation ?? null,
          ...(fault
            ? {
                faultGrounds: grounds,
                ...(input.lastWorkingDay ? { requestedLastWorkingDay: input.lastWorkingDay } : {}),
              }
            : {}),
          noticeReceivedAt: at,
          noticeTextHash: next.noticeTextHash,
          noticeText,
          inProbation,
          // 第38条: no notice period; the notice takes effect on receipt.
          noticeDays: fault ? 0 : noticeDays(inProbation),
          legalLastWorkingDay: last,
        },
      },
    },
  };
}

export interface TerminationInput {
  readonly caseId: string;
  readonly employee: EmployeeSnapshot;
  readonly reason: Reason;
  readonly noticeMode: NoticeMode;
  /** Payment in lieu: the day HR chooses. */
  readonly lastWorkingDay?: CalendarDate;
  readonly explanation?: string;
}

/** HR prepares a termination (第40条(二)) as a draft the employee does not see yet. */
export function draftTermination(
  input: TerminationInput,
  now: Date,
  hr: Actor,
  policy: Policy,
): DomainResult {
  const rule = policy.reasons[input.reason];
  if (rule.kind !== 'termination' || !rule.enabled) {
    return { ok: false, code: 'PRECONDITION_FAILED', guard: 'reason_matches_kind' };
  }
  if (input.noticeMode === 'payInLieu' && input.lastWorkingDay === undefined) {
    return { ok: false, code: 'PRECONDITION_FAILED', guard: 'last_working_day_chosen' };
  }
  const late = input.lastWorkingDay && lastWorkingDayTooLate(input.lastWorkingDay, now);
  if (late) return { ok: false, ...late };
  const at = toInstant(now);
  const next = emptyCase({
    caseId: input.caseId,
    kind: 'termination',
    reason: input.reason,
    explanation: input.explanation?.trim() || undefined,
    state: 'draft',
    version: 1,
    employee: input.employee,
    managerNo: input.employee.managerNo,
    hrOwner: hr.openid,
    noticeMode: input.noticeMode,
    lastWorkingDay: input.noticeMode === 'payInLieu' ? input.lastWorkingDay : undefined,
    stages: [{ state: 'draft', enteredAt: at }],
    createdAt: at,
    updatedAt: at,
  });
  return {
    ok: true,
    case: next,
    effects: {
      event: {
        type: 'case.terminate',
        actor: hr,
        at,
        payload: {
          reason: next.reason,
          noticeMode: next.noticeMode,
          lastWorkingDay: next.lastWorkingDay ?? null,
        },
      },
    },
  };
}
