import { type ActionResult, presentChecklistRow } from '../contract';
import type { CaseCommand } from '../domain/case-guards';
import { transition } from '../domain/case-machine';
import type { CaseRecord } from '../domain/case-record';
import type { DomainResult } from '../domain/case-effects';
import { isTerminal } from '../domain/case-states';
import { changeChecklistItem, isRepeatTick } from '../domain/checklist-actions';
import { consentToLastWorkingDay, consentToLaterDay } from '../domain/later-day-consent';
import { markDisputed } from '../domain/case-dispute';
import { recordContact } from '../domain/case-contact';
import { beijingDate } from '../domain/beijing-calendar';
import { nextCompensationDue, recordNonCompete } from '../domain/non-compete';
import { type ChecklistActor, CHECKLIST_ITEM_LABELS } from '../domain/checklist';
import { draftTermination, submitResignation } from '../domain/case-submission';
import { awaitingDelivery, deliverNotice } from '../domain/notice-delivery';
import type { Caller } from './caller';
import { employeeSnapshot } from './employee-snapshot';
import {
  actorAs,
  domainFailure,
  hrActor,
  loadCase,
  NOT_YOUR_ROLE,
  type Relation,
} from './case-access';
import { saveChange, storedCase } from './case-writer';
import type { Handler } from './rpc-handler';
import { type Failure, fail, guardFailed, ok, type Outcome } from './outcome';
import type { CasesRepository, StoredCase } from './ports/cases.port';
import type { Crypto } from './ports/crypto.port';
import type { EmployeesRepository } from './ports/employees.port';
import type { SettingsRepository } from './ports/settings.port';

export interface WorkflowDeps {
  readonly cases: CasesRepository;
  readonly employees: EmployeesRepository;
  readonly settings: SettingsRepository;
  readonly crypto: Crypto;
}

type CaseRef = ActionResult<'case.resubmit'>;

/** What a change answers when it would change nothing (a repeated tick). */
const UNCHANGED = Symbol('unchanged');

const CONFLICT_MESSAGE = '案件刚被他人修改，请刷新后重试';

/**
 * A retried request must not make a second case: the case id is derived from the caller, the
 * action and the client's idempotency key, so a repeat collides with the first case.
 */
function caseIdFor(crypto: Crypto, openid: string, action: string, key: string): string {
  return `c${crypto.sha256(`${openid}\n${action}\n${key}`).slice(0, 24)}`;
}

function ref(caseDoc: CaseRecord): CaseRef {
  return { caseId: caseDoc.caseId, state: caseDoc.state, version: caseDoc.version };
}

/** What `case.submit` answered the first time, rebuilt from the stored case. */
function submitResult(caseDoc: StoredCase): ActionResult<'case.submit'> {
  const first = caseDoc.events[0]?.payload ?? {};
  return {
    caseId: caseDoc.caseId,
    state: 'submitted',
    version: 1,
    noticeReceivedAt: String(first.noticeReceivedAt ?? caseDoc.noticeReceivedAt),
    noticeTextHash: String(first.noticeTextHash ?? caseDoc.noticeTextHash),
    lastWorkingDay: String(first.legalLastWorkingDay ?? caseDoc.legalLastWorkingDay),
  };
}

/** The role a caller ticks an item in: the first the item allows that they hold; HR waives. */
function checklistRole(
  by: readonly ChecklistActor[],
  relation: Relation,
  waive: boolean,
): 'employee' | 'manager' | 'hr' | null {
  if (waive) return relation.hr ? 'hr' : null;
  if (by.includes('employee') && relation.owner) return 'employee';
  if (by.includes('manager') && relation.manager) return 'manager';
  return relation.hr ? 'hr' : null;
}

export function workflowHandlers(deps: WorkflowDeps) {
  const { cases, settings, crypto } = deps;

  /**
   * Stores a new case under the employee's open-case lock. A lock left by a case that has
   * since ended (a crash between its last write and the release) is cleared and tried again.
   */
  async function createCase(
    result: DomainResult,
    existing: (caseDoc: StoredCase) => Outcome<StoredCase> | null,
  ): Promise<Outcome<StoredCase>> {
    if (!result.ok) return domainFailure(result);
    const { policy } = await settings.get();
    const { stored } = storedCase(result.case, result.effects.event, null, policy, crypto);
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const created = await cases.create(stored);
      if (created === 'created') return ok(stored);
      const holder = created.lockedBy ? await cases.get(created.lockedBy) : null;
      if (holder?.caseId === stored.caseId) {
        // The same request again: answer what the first one answered.
        return existing(holder) ?? fail('CONFLICT', '重复的请求标识，请刷新后重试');
      }
      if (holder && !isTerminal(holder.state)) {
        return guardFailed('one_open_case', '已有进行中的离职事项，请先办结或联系 HR');
      }
      if (created.lockedBy) await cases.releaseLock(stored.employee.employeeNo, created.lockedBy);
    }
    return fail('CONFLICT', CONFLICT_MESSAGE);
  }

  /** Loads, applies a domain change, and saves it with its event. */
  async function change(
    caller: Caller,
    caseId: string,
    apply: (caseDoc: StoredCase, relation: Relation) => DomainResult | Failure | typeof UNCHANGED,
    refresh?: (caseDoc: StoredCase) => Promise<StoredCase>,
  ): Promise<Outcome<StoredCase>> {
    const loaded = await loadCase(cases, caller, caseId, refresh);
    if (!loaded.ok) return loaded;
    const result = apply(loaded.case, loaded.relation);
    // Nothing to change: the case as it is, nothing written.
    if (result === UNCHANGED) return ok(loaded.case);
    if ('error' in result) return result;
    if (!result.ok) return domainFailure(result);
    const { policy } = await settings.get();
    const saved = await saveChange(
      cases,
      loaded.case,
      result.case,
      result.effects.event,
      policy,
      crypto,
    );
    return saved.ok ? ok(saved.case) : fail('CONFLICT', CONFLICT_MESSAGE);
  }

  /**
   * The reviewer is the employee's manager at review time (DESIGN §2), not the one copied at
   * submission: after a roster move the new manager reviews and the old one no longer may.
   * The submitting manager stays on the case for the record.
   */
  async function withCurrentManager(caseDoc: StoredCase): Promise<StoredCase> {
    const record = await deps.employees.get(caseDoc.employee.employeeNo);
    if (!record || record.managerNo === caseDoc.managerNo) return caseDoc;
    return {
      ...caseDoc,
      // Undefined when the move left the employee without a manager: HR reviews, and the
      // stored field is removed with the save.
      managerNo: record.managerNo,
      submittedManagerNo: caseDoc.submittedManagerNo ?? caseDoc.managerNo ?? '',
    };
  }

  /** A machine event fired by the caller in the role the action stands for. */
  function fire<P extends { caseId: string; comment?: string | undefined }>(
    role: 'employee' | 'manager' | 'hr',
    command: (payload: P) => CaseCommand,
  ) {
    return async (
      { caller, now }: { caller: Caller; now: Date },
      payload: P,
    ): Promise<Outcome<CaseRef>> => {
      const { policy } = await settings.get();
      const outcome = await change(caller, payload.caseId, (caseDoc, relation) => {
        const actor = actorAs(caller, relation, role);
        if (!actor) return fail('FORBIDDEN', NOT_YOUR_ROLE);
        return transition(caseDoc, command(payload), now, { actor, policy });
      });
      return outcome.ok ? ok(ref(outcome.data)) : outcome;
    };
  }

  const withComment =
    (type: CaseCommand['type']) =>
    ({ comment }: { comment?: string | undefined }): CaseCommand =>
      comment ? { type, comment } : { type };

  const handlers: {
    'case.submit': Handler<'case.submit'>;
    'case.terminate': Handler<'case.terminate'>;
    'case.issue': Handler<'case.issue'>;
    'case.resubmit': Handler<'case.resubmit'>;
    'case.withdraw': Handler<'case.withdraw'>;
    'case.consentLaterDay': Handler<'case.consentLaterDay'>;
    'case.consentLastWorkingDay': Handler<'case.consentLastWorkingDay'>;
    'case.markDisputed': Handler<'case.markDisputed'>;
    'case.recordContact': Handler<'case.recordContact'>;
    'case.review': Handler<'case.review'>;
    'case.hrEscalate': Handler<'case.hrEscalate'>;
    'case.hrConfirm': Handler<'case.hrConfirm'>;
    'case.hrReturn': Handler<'case.hrReturn'>;
    'case.hrCancel': Handler<'case.hrCancel'>;
    'case.recordDelivery': Handler<'case.recordDelivery'>;
    'case.checklist': Handler<'case.checklist'>;
    'case.close': Handler<'case.close'>;
    'case.nonCompete': Handler<'case.nonCompete'>;
  } = {
    async 'case.submit'({ caller, now }, payload) {
      const { reason, explanation, idempotencyKey } = payload;
      const employee = caller.employee;
      if (!employee) return fail('FORBIDDEN', '请先绑定员工身份');
      const { policy, companyName } = await settings.get();
      const caseId = caseIdFor(crypto, caller.openid, 'case.submit', idempotencyKey);
      const result = submitResignation(
        {
          caseId,
          employee: employeeSnapshot(employee),
          employeeOpenid: caller.openid,
          reason,
          ...(explanation ? { explanation } : {}),
          ...(payload.faultGrounds ? { faultGrounds: payload.faultGrounds } : {}),
          ...(payload.lastWorkingDay ? { lastWorkingDay: payload.lastWorkingDay } : {}),
        },
        now,
        policy,
        (text) => crypto.sha256(text),
        companyName ? { companyName } : {},
      );
      const created = await createCase(result, (first) =>
        first.kind === 'resignation' && first.employee.employeeNo === employee.employeeNo
          ? ok(first)
          : null,
      );
      return created.ok ? ok(submitResult(created.data)) : created;
    },

    async 'case.terminate'({ caller, now }, payload) {
      // Never on the HR's own record (DESIGN §3): another HR handles their departure.
      if (caller.employee?.employeeNo === payload.employeeNo) {
        return fail('FORBIDDEN', '不能为自己发起解除劳动合同');
      }
      const employee = await deps.employees.get(payload.employeeNo);
      if (!employee) return fail('NOT_FOUND', `没有员工 ${payload.employeeNo}`);
      const { policy } = await settings.get();
      const caseId = caseIdFor(crypto, caller.openid, 'case.terminate', payload.idempotencyKey);
      const result = draftTermination(
        {
          caseId,
          employee: employeeSnapshot(employee),
          reason: payload.reason,
          noticeMode: payload.noticeMode,
          ...(payload.lastWorkingDay ? { lastWorkingDay: payload.lastWorkingDay } : {}),
          ...(payload.explanation ? { explanation: payload.explanation } : {}),
        },
        now,
        hrActor(caller),
        policy,
      );
      const created = await createCase(result, (first) =>
        first.kind === 'termination' && first.employee.employeeNo === employee.employeeNo
          ? ok(first)
          : null,
      );
      return created.ok
        ? ok({ caseId: created.data.caseId, state: 'draft' as const, version: 1 })
        : created;
    },

    async 'case.issue'({ caller, now }, { caseId, noProtectedStatus, unionNotice }) {
      const { policy } = await settings.get();
      const outcome = await change(caller, caseId, (caseDoc, relation) => {
        const actor = actorAs(caller, relation, 'hr');
        if (!actor) return fail('FORBIDDEN', NOT_YOUR_ROLE);
        const command: CaseCommand = {
          type: 'hr.issue',
          noProtectedStatus,
          ...(unionNotice ? { unionNotice } : {}),
        };
        return transition(caseDoc, command, now, { actor, policy });
      });
      if (!outcome.ok) return outcome;
      const { issuedAt, noticeReceivedAt, lastWorkingDay } = outcome.data;
      return ok({
        ...ref(outcome.data),
        issuedAt: issuedAt ?? now.toISOString(),
        awaitingDelivery: awaitingDelivery(outcome.data),
        ...(noticeReceivedAt ? { noticeReceivedAt } : {}),
        ...(lastWorkingDay ? { lastWorkingDay } : {}),
      });
    },

    // 民法典 第137条: HR records a delivery made outside the mini program, with its proof.
    async 'case.recordDelivery'({ caller, now }, { caseId, deliveredOn, method }) {
      const { policy } = await settings.get();
      const outcome = await change(caller, caseId, (caseDoc, relation) => {
        const actor = actorAs(caller, relation, 'hr');
        if (!actor) return fail('FORBIDDEN', NOT_YOUR_ROLE);
        return deliverNotice(caseDoc, { channel: method, deliveredOn }, actor, now, policy);
      });
      if (!outcome.ok) return outcome;
      return ok({
        ...ref(outcome.data),
        deliveredOn: outcome.data.deliveredOn ?? deliveredOn,
        noticeReceivedAt: outcome.data.noticeReceivedAt ?? now.toISOString(),
        lastWorkingDay: outcome.data.lastWorkingDay ?? '',
      });
    },

    'case.resubmit': fire('employee', withComment('resubmit')),
    'case.withdraw': fire('employee', withComment('withdraw')),

    async 'case.consentLaterDay'({ caller, now }, { caseId, lastWorkingDay }) {
      const outcome = await change(caller, caseId, (caseDoc, relation) => {
        const actor = actorAs(caller, relation, 'employee');
        if (!actor) return fail('FORBIDDEN', '只有本人可以同意延后最后工作日');
        return consentToLaterDay(caseDoc, lastWorkingDay, actor, now);
      });
      return outcome.ok ? ok({ ...ref(outcome.data), consentToLaterDay: lastWorkingDay }) : outcome;
    },

    async 'case.markDisputed'({ caller, now }, { caseId, disputed, comment }) {
      const outcome = await change(caller, caseId, (caseDoc, relation) => {
        const actor = actorAs(caller, relation, 'hr');
        if (!actor) return fail('FORBIDDEN', NOT_YOUR_ROLE);
        return markDisputed(caseDoc, disputed, actor, now, comment);
      });
      return outcome.ok ? ok({ ...ref(outcome.data), disputed }) : outcome;
    },

    // HR or the employee's manager phoned the employee (需电话联系); the board shows them the
    // mobile, and the call goes on the case.
    async 'case.recordContact'({ caller, now }, { caseId, method, note }) {
      const outcome = await change(caller, caseId, (caseDoc, relation) => {
        const actor =
          actorAs(caller, relation, 'hr') ??
          (relation.owner ? null : actorAs(caller, relation, 'manager'));
        if (!actor) return fail('FORBIDDEN', '只有 HR 和直属经理可以记录联系员工');
        return recordContact(caseDoc, { method, ...(note ? { note } : {}) }, actor, now);
      });
      return outcome.ok ? ok(ref(outcome.data)) : outcome;
    },

    async 'case.consentLastWorkingDay'({ caller, now }, { caseId, lastWorkingDay }) {
      const outcome = await change(caller, caseId, (caseDoc, relation) => {
        const actor = actorAs(caller, relation, 'employee');
        if (!actor) return fail('FORBIDDEN', '只有本人可以同意调整最后工作日');
        return consentToLastWorkingDay(caseDoc, lastWorkingDay, actor, now);
      });
      return outcome.ok
        ? ok({ ...ref(outcome.data), consentedLastWorkingDay: lastWorkingDay })
        : outcome;
    },

    async 'case.review'({ caller, now }, { caseId, decision, comment }) {
      const { policy } = await settings.get();
      const outcome = await change(
        caller,
        caseId,
        (caseDoc, relation) => {
          // The manager reviews; HR only when the employee has no manager (DESIGN §2).
          const actor = actorAs(caller, relation, relation.manager ? 'manager' : 'hr');
          if (!actor) return fail('FORBIDDEN', '只有直属经理可以审批，没有直属经理时由 HR 审批');
          const type = decision === 'approve' ? 'review.approve' : 'review.return';
          return transition(caseDoc, comment ? { type, comment } : { type }, now, {
            actor,
            policy,
          });
        },
        withCurrentManager,
      );
      return outcome.ok ? ok(ref(outcome.data)) : outcome;
    },

    'case.hrEscalate': fire('hr', withComment('hr.escalate')),
    'case.hrReturn': fire('hr', withComment('hr.return')),
    'case.hrCancel': fire('hr', ({ comment, basis }: { comment?: string; basis?: string }) => ({
      type: 'hr.cancel',
      ...(comment ? { comment } : {}),
      ...(basis ? { basis } : {}),
    })),

    async 'case.hrConfirm'({ caller, now }, payload) {
      const { policy } = await settings.get();
      const outcome = await change(caller, payload.caseId, (caseDoc, relation) => {
        const actor = actorAs(caller, relation, 'hr');
        if (!actor) return fail('FORBIDDEN', NOT_YOUR_ROLE);
        return transition(
          caseDoc,
          {
            type: 'hr.confirm',
            ...(payload.comment ? { comment: payload.comment } : {}),
            ...(payload.lastWorkingDay ? { lastWorkingDay: payload.lastWorkingDay } : {}),
            ...(payload.earlyReleaseProposedBy
              ? { earlyReleaseProposedBy: payload.earlyReleaseProposedBy }
              : {}),
            ...(payload.assets ? { assets: payload.assets } : {}),
          },
          now,
          { actor, policy },
        );
      });
      if (!outcome.ok) return outcome;
      return ok({ ...ref(outcome.data), lastWorkingDay: outcome.data.lastWorkingDay ?? '' });
    },

    async 'case.checklist'({ caller, now }, payload) {
      const outcome = await change(caller, payload.caseId, (caseDoc, relation) => {
        const entry = caseDoc.checklist.find((e) => e.item === payload.item);
        const role = checklistRole(entry?.by ?? [], relation, 'waive' in payload);
        const actor = role && actorAs(caller, relation, role);
        if (!actor) return fail('FORBIDDEN', '没有权限处理此项');
        if (isRepeatTick(caseDoc, payload, actor)) return UNCHANGED;
        return changeChecklistItem(caseDoc, payload, actor, now);
      });
      if (!outcome.ok) return outcome;
      const row = outcome.data.checklist.find((e) => e.item === payload.item);
      if (row) return ok({ ...ref(outcome.data), row: presentChecklistRow(row) });
      // The handover list is waived before formalities, outside the checklist.
      const waiver = outcome.data.waivers.find((w) => w.item === payload.item);
      return ok({
        ...ref(outcome.data),
        row: {
          item: payload.item,
          label: CHECKLIST_ITEM_LABELS.handover_list,
          by: ['employee'],
          due: outcome.data.lastWorkingDay ?? '',
          done: false,
          waived: true,
          waivable: true,
          ...(waiver ? { waivedAt: waiver.at, waivedBy: waiver.by, note: waiver.note } : {}),
        },
      });
    },

    async 'case.nonCompete'({ caller, now }, { caseId, ...input }) {
      const { companyName } = await settings.get();
      const outcome = await change(caller, caseId, (caseDoc, relation) => {
        const actor = actorAs(caller, relation, 'hr');
        if (!actor) return fail('FORBIDDEN', NOT_YOUR_ROLE);
        return recordNonCompete(caseDoc, input, actor, now, companyName);
      });
      if (!outcome.ok) return outcome;
      const { nonCompete, lastWorkingDay } = outcome.data;
      const next = nextCompensationDue(nonCompete, lastWorkingDay, beijingDate(now));
      return ok({
        ...ref(outcome.data),
        decision: input.decision,
        ...(next ? { nextCompensationDate: next } : {}),
      });
    },

    async 'case.close'({ caller, now }, { caseId, rehire }) {
      const { policy } = await settings.get();
      const outcome = await change(caller, caseId, (caseDoc, relation) => {
        const actor = actorAs(caller, relation, 'hr');
        if (!actor) return fail('FORBIDDEN', NOT_YOUR_ROLE);
        const closed = transition(caseDoc, { type: 'hr.close' }, now, { actor, policy });
        // 可再次录用 is HR's note on the case, kept out of the audit log the employee reads.
        return closed.ok && rehire ? { ...closed, case: { ...closed.case, rehire } } : closed;
      });
      if (!outcome.ok) return outcome;
      return ok({ ...ref(outcome.data), completedAt: outcome.data.completedAt ?? '' });
    },
  };
  return handlers;
}
