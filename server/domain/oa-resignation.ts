import { type Instant, toInstant } from './beijing-calendar';
import { type Actor } from './actor';
import { type DomainResult } from './case-effects';
import { transition } from './case-machine';
import { type CaseRecord, type EmployeeSnapshot } from './case-record';
import { type HashText } from './event-chain';
import { renderLetter } from './letters';
import { type Policy } from './policy';
import { type Reason } from './reasons';
import { submitResignation } from './case-submission';
import { isFaultGround } from './employer-fault';

/** The company's OA, as the audit log names it when it hands over a notice. */
export const OA_ACTOR: Actor = { openid: 'oa', role: 'system' };

/** An OA notice older than this is refused: it should have reached HR long ago. */
export const OA_NOTICE_MAX_AGE_DAYS = 30;
const DAY_MS = 86_400_000;

export interface OaResignationInput {
  readonly caseId: string;
  readonly employee: EmployeeSnapshot;
  /** The employee's OPENID when bound to the mini program. */
  readonly employeeOpenid?: string;
  readonly reason: Reason;
  readonly explanation?: string;
  readonly faultGrounds?: readonly string[];
  readonly oaRef: string;
  readonly bodyHash: string;
  /** When the employee submitted it in the OA. */
  readonly submittedAt: Date;
  /** The day the employee asked for in the OA; HR still confirms the last working day. */
  readonly requestedLastWorkingDay?: string;
}

/** Why an OA notice date cannot be taken, or null when it can. */
export function oaNoticeDateProblem(submittedAt: Date, now: Date): 'future' | 'too_old' | null {
  if (submittedAt.getTime() > now.getTime()) return 'future';
  if (now.getTime() - submittedAt.getTime() > OA_NOTICE_MAX_AGE_DAYS * DAY_MS) return 'too_old';
  return null;
}

/**
 * A resignation given in the company's OA (第37条): the OA is the company's own system, so the
 * notice reached the company when the employee submitted it there. Everything else is as for
 * an in-app submission (the legal last working day, the letter text and its hash), the letter
 * marked 经 OA 提交; the event is recorded when the OA's request arrives.
 */
export function receiveOaResignation(
  input: OaResignationInput,
  now: Date,
  policy: Policy,
  sha256: HashText,
): DomainResult {
  const submitted = submitResignation(
    {
      caseId: input.caseId,
      employee: input.employee,
      employeeOpenid: input.employeeOpenid ?? OA_ACTOR.openid,
      reason: input.reason,
      ...(input.explanation ? { explanation: input.explanation } : {}),
      // 第38条 from the OA: the grounds by their codes, the day the employee named.
      ...(input.reason === 'employer_fault'
        ? {
            faultGrounds: (input.faultGrounds ?? []).filter(isFaultGround),
            ...(input.requestedLastWorkingDay
              ? { lastWorkingDay: input.requestedLastWorkingDay }
              : {}),
          }
        : {}),
    },
    input.submittedAt,
    policy,
    sha256,
  );
  if (!submitted.ok) return submitted;
  const at = toInstant(now);
  const { employeeOpenid: _placeholder, ...rest } = submitted.case;
  const marked: CaseRecord = {
    ...rest,
    ...(input.employeeOpenid ? { employeeOpenid: input.employeeOpenid } : {}),
    source: 'oa',
    oaRef: input.oaRef,
    oaBodyHash: input.bodyHash,
    createdAt: at,
    updatedAt: at,
  };
  const noticeText = renderLetter(marked).text;
  const next: CaseRecord = { ...marked, noticeText, noticeTextHash: sha256(noticeText) };
  const event = submitted.effects.event;
  return {
    ok: true,
    case: next,
    effects: {
      ...submitted.effects,
      event: {
        ...event,
        actor: OA_ACTOR,
        at,
        payload: {
          ...event.payload,
          noticeTextHash: next.noticeTextHash,
          noticeText,
          source: 'oa',
          oaRef: input.oaRef,
          submittedAt: toInstant(input.submittedAt),
          ...(input.requestedLastWorkingDay
            ? { requestedLastWorkingDay: input.requestedLastWorkingDay }
            : {}),
          ...(input.faultGrounds?.length ? { faultGrounds: [...input.faultGrounds] } : {}),
        },
      },
    },
  };
}

/**
 * The employee withdrew the resignation in the OA: the employee's own withdrawal (an
 * `employee_request`), allowed where the in-app withdrawal is, and logged as coming from the OA.
 */
export function withdrawOaResignation(
  caseDoc: CaseRecord,
  requestedAt: Instant,
  now: Date,
  policy: Policy,
): DomainResult {
  const actor: Actor = { openid: caseDoc.employeeOpenid ?? OA_ACTOR.openid, role: 'employee' };
  const result = transition(caseDoc, { type: 'withdraw' }, now, { actor, policy });
  if (!result.ok) return result;
  const event = result.effects.event;
  return {
    ...result,
    effects: {
      ...result.effects,
      event: {
        ...event,
        payload: {
          ...event.payload,
          withdrawal: 'employee_request',
          source: 'oa',
          oaRef: caseDoc.oaRef ?? null,
          requestedAt,
        },
      },
    },
  };
}
