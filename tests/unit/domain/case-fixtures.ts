import { createHash } from 'crypto';
import {
  type Actor,
  buildChecklist,
  type CaseKind,
  type CaseRecord,
  DEFAULT_POLICY,
  type EmployeeSnapshot,
  type EventType,
  type State,
  type StoredAttachment,
} from '../../../server/domain';

export const sha256 = (text: string): string =>
  createHash('sha256').update(text, 'utf8').digest('hex');

export const policy = DEFAULT_POLICY;

export const employee: EmployeeSnapshot = {
  employeeNo: 'E001',
  name: '张三',
  department: '研发部',
  position: '后端工程师',
  managerNo: 'M001',
  hireDate: '2024-03-01',
  probationEndDate: '2024-08-31',
  contractStart: '2024-03-01',
};

export const EMPLOYEE: Actor = { openid: 'o-employee', role: 'employee' };
export const MANAGER: Actor = { openid: 'o-manager', role: 'manager' };
export const HR: Actor = { openid: 'o-hr', role: 'hr' };

/** The actor each event is meant for (used where the test is about states, not roles). */
export const ACTOR_OF: Record<EventType, Actor> = {
  'review.approve': MANAGER,
  'review.return': MANAGER,
  'hr.escalate': HR,
  withdraw: EMPLOYEE,
  'hr.cancel': HR,
  resubmit: EMPLOYEE,
  'hr.confirm': HR,
  'hr.return': HR,
  'hr.close': HR,
  'hr.issue': HR,
};

export function attachment(
  kind: StoredAttachment['kind'],
  at: string,
  extra: Partial<StoredAttachment> = {},
): StoredAttachment {
  return {
    kind,
    fileId: `cloud://env/cases/c1/${kind}/f.pdf`,
    evidenceFileId: `cloud://env/evidence/c1/${kind}/f.pdf`,
    sha256: sha256(`${kind}${at}`),
    size: 1024,
    contentType: 'application/pdf',
    uploadedBy: 'o-employee',
    at,
    ...extra,
  };
}

/** 第43条: the company union told before the issue. */
export const UNION_NOTICE = { notifiedOn: '2027-03-01', body: 'company_union' } as const;

/** Submitted 2027-03-01 10:00 Beijing; legal last working day 2027-03-31. */
export const SUBMITTED_AT = '2027-03-01T02:00:00.000Z';
export const LAST_DAY = '2027-03-31';

/**
 * A case sitting in `state` with everything its outgoing events need, so that any refusal a
 * test sees comes from the table and not from a missing precondition.
 */
export function caseIn(
  kind: CaseKind,
  state: State,
  overrides: Partial<CaseRecord> = {},
): CaseRecord {
  const stateEnteredAt = '2027-03-05T02:00:00.000Z';
  const base: CaseRecord = {
    caseId: 'c1',
    kind,
    reason: kind === 'resignation' ? 'resignation' : 'incompetence',
    state,
    version: 3,
    employee,
    employeeOpenid: 'o-employee',
    managerNo: employee.managerNo,
    noticeReceivedAt: SUBMITTED_AT,
    noticeTextHash: sha256('notice'),
    legalLastWorkingDay: LAST_DAY,
    lastWorkingDay: LAST_DAY,
    attachments:
      kind === 'resignation'
        ? [attachment('handover_checklist', '2027-03-01T03:00:00.000Z')]
        : [
            // 第40条(二): appraised, trained, appraised again; 第43条: the union told.
            attachment('appraisal_record', '2027-03-01T03:00:00.000Z'),
            attachment('training_certificate', '2027-03-01T04:00:00.000Z'),
            attachment('appraisal_record', '2027-03-01T05:00:00.000Z'),
            attachment('union_notice', '2027-03-01T05:00:00.000Z'),
          ],
    waivers: [],
    checklist: [],
    noticeMode: kind === 'termination' ? 'notice30' : undefined,
    noProtectedStatus: false,
    stages:
      state === 'submitted'
        ? [{ state: 'submitted', enteredAt: SUBMITTED_AT }]
        : [
            {
              state: kind === 'resignation' ? 'submitted' : 'draft',
              enteredAt: SUBMITTED_AT,
              exitedAt: stateEnteredAt,
            },
            { state, enteredAt: stateEnteredAt },
          ],
    seq: 4,
    lastEventHash: sha256('head'),
    createdAt: SUBMITTED_AT,
    updatedAt: stateEnteredAt,
  };
  if (state === 'formalities' || state === 'completed') {
    const checklist = buildChecklist({
      kind,
      formalitiesStart: stateEnteredAt,
      lastWorkingDay: LAST_DAY,
      hasManager: true,
      assets: policy.assets,
      noticeMode: 'notice30',
    }).map((e) => ({ ...e, done: true, doneAt: stateEnteredAt, doneBy: 'o-hr' }));
    return { ...base, checklist, hrOwner: 'o-hr', ...overrides };
  }
  return { ...base, ...overrides };
}

/** Well after every waiting period and the last working day. */
export const LATE = new Date('2027-06-01T04:00:00.000Z');
