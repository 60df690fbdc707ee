import { presentHandover, presentHandoverItem } from '../contract';
import type { Actor } from '../domain/actor';
import type { DomainResult } from '../domain/case-effects';
import {
  answerHandoverItem,
  assignSuccessors,
  type HandoverAnswer,
  isSuccessorOf,
  itemsOf,
} from '../domain/handover-successors';
import type { Caller } from './caller';
import { actorAs, domainFailure, loadCase, relationTo, type Relation } from './case-access';
import { saveChange } from './case-writer';
import type { Handler } from './rpc-handler';
import { type Failure, fail, ok, type Outcome } from './outcome';
import type { CasesRepository, StoredCase } from './ports/cases.port';
import type { Crypto } from './ports/crypto.port';
import type { EmployeesRepository } from './ports/employees.port';
import type { SettingsRepository } from './ports/settings.port';

export interface HandoverDeps {
  readonly cases: CasesRepository;
  readonly employees: EmployeesRepository;
  readonly settings: SettingsRepository;
  readonly crypto: Crypto;
}

/** A successor's list shows at most this many cases at once (each has its own items). */
export const SUCCESSOR_CASES_LIMIT = 20;

const CONFLICT_MESSAGE = '案件刚被他人修改，请刷新后重试';
const NOT_FOUND_MESSAGE = '没有找到该离职案件';
const NOT_YOURS = '只有被指定的交接人、直属经理和 HR 可以处理此交接事项';

/** The manager names successors; HR when the employee has none, or steps in for them. */
function namingActor(caller: Caller, relation: Relation): Actor | null {
  return actorAs(caller, relation, relation.manager ? 'manager' : 'hr');
}

/**
 * Who answers for an item: its successor (as an employee), or the manager or HR on their
 * behalf — the only ones who may, and only with a note. A dispute is the successor's own.
 */
function answeringActor(
  caller: Caller,
  caseDoc: StoredCase,
  itemId: string,
  answer: HandoverAnswer,
): Actor | Failure {
  const employeeNo = caller.employee?.employeeNo;
  const item = caseDoc.handover?.items.find((i) => i.itemId === itemId);
  if (item !== undefined && employeeNo !== undefined && item.successorNo === employeeNo) {
    return { openid: caller.openid, role: 'employee' };
  }
  const relation = relationTo(caller, caseDoc);
  const onBehalf = actorAs(caller, relation, relation.manager ? 'manager' : 'hr');
  if (item === undefined && (onBehalf !== null || isSuccessorOf(caseDoc, employeeNo))) {
    return fail('NOT_FOUND', '没有找到该交接事项，请刷新后重试');
  }
  if (onBehalf === null) return fail('FORBIDDEN', NOT_YOURS);
  if (answer.kind === 'dispute') return fail('FORBIDDEN', '只有交接人本人可以对交接事项提出异议');
  if (!answer.note) return fail('VALIDATION_FAILED', '代交接人确认时请填写备注，说明确认依据');
  return onBehalf;
}

/** The answer as recorded: a confirmation by someone other than the successor says so. */
function recorded(answer: HandoverAnswer, actor: Actor): HandoverAnswer {
  return answer.kind === 'confirm' && actor.role !== 'employee'
    ? { ...answer, onBehalf: true }
    : answer;
}

/**
 * The successor's handover (issue 17): the manager or HR names colleagues and what each takes
 * over; each sees only their own items, confirms them or disputes them; the last confirmation
 * ticks `handover_confirmed`. A successor is no party to the case: `case.get` still refuses them.
 */
export function handoverHandlers(deps: HandoverDeps): {
  'case.assignSuccessors': Handler<'case.assignSuccessors'>;
  'handover.mine': Handler<'handover.mine'>;
  'handover.confirm': Handler<'handover.confirm'>;
  'handover.dispute': Handler<'handover.dispute'>;
} {
  const { cases, settings, crypto } = deps;

  async function save(before: StoredCase, result: DomainResult): Promise<Outcome<StoredCase>> {
    if (!result.ok) return domainFailure(result);
    const { policy } = await settings.get();
    const saved = await saveChange(
      cases,
      before,
      result.case,
      result.effects.event,
      policy,
      crypto,
    );
    return saved.ok ? ok(saved.case) : fail('CONFLICT', CONFLICT_MESSAGE);
  }

  async function answer(
    caller: Caller,
    now: Date,
    caseId: string,
    itemId: string,
    given: HandoverAnswer,
  ) {
    const caseDoc = await cases.get(caseId);
    // A draft does not exist for anyone but HR (as everywhere); a stranger is refused below.
    if (!caseDoc || (caseDoc.state === 'draft' && !relationTo(caller, caseDoc).hr)) {
      return fail('NOT_FOUND', NOT_FOUND_MESSAGE);
    }
    const actor = answeringActor(caller, caseDoc, itemId, given);
    if ('error' in actor) return actor;
    const item = caseDoc.handover?.items.find((i) => i.itemId === itemId);
    // Confirming again what is confirmed changes nothing and writes nothing.
    const repeat = given.kind === 'confirm' && item?.status === 'confirmed';
    const outcome = repeat
      ? ok(caseDoc)
      : await save(
          caseDoc,
          answerHandoverItem(caseDoc, itemId, recorded(given, actor), actor, now),
        );
    if (!outcome.ok) return outcome;
    const after = outcome.data.handover?.items.find((i) => i.itemId === itemId);
    const confirmed = (c: StoredCase) =>
      c.checklist.some((e) => e.item === 'handover_confirmed' && e.done);
    return ok({
      caseId,
      itemId,
      status: after?.status ?? 'pending',
      handoverConfirmed: confirmed(outcome.data) && !confirmed(caseDoc),
    });
  }

  return {
    async 'case.assignSuccessors'({ caller, now }, { caseId, successors }) {
      const loaded = await loadCase(cases, caller, caseId);
      if (!loaded.ok) return loaded;
      const actor = namingActor(caller, loaded.relation);
      if (!actor) return fail('FORBIDDEN', '只有直属经理或 HR 可以指定交接人');
      const numbers = successors.map((s) => s.employeeNo);
      const found = await deps.employees.findByNos(numbers);
      const missing = numbers.filter((no) => !found.some((e) => e.employeeNo === no));
      if (missing.length > 0) {
        return fail('NOT_FOUND', `花名册中没有工号 ${missing.join('、')}，请核对后重新填写`);
      }
      const named = successors.map((s) => {
        const record = found.find((e) => e.employeeNo === s.employeeNo);
        return {
          employeeNo: s.employeeNo,
          name: record?.name ?? s.employeeNo,
          ...(record?.openid ? { openid: record.openid } : {}),
          items: s.items,
        };
      });
      const outcome = await save(loaded.case, assignSuccessors(loaded.case, named, actor, now));
      if (!outcome.ok) return outcome;
      const { state, version } = outcome.data;
      const handover = presentHandover(outcome.data);
      return handover
        ? ok({ caseId, state, version, handover })
        : fail('INTERNAL', '交接人未能保存，请重试');
    },

    async 'handover.mine'({ caller }) {
      const employeeNo = caller.employee?.employeeNo;
      if (employeeNo === undefined) return ok({ cases: [] });
      const found = await cases.withSuccessor(employeeNo, SUCCESSOR_CASES_LIMIT);
      return ok({
        cases: found
          .map((c) => ({
            caseId: c.caseId,
            employeeName: c.employee.name,
            answerable: c.state === 'formalities',
            items: itemsOf(c.handover, employeeNo).map(presentHandoverItem),
          }))
          .filter((c) => c.items.length > 0),
      });
    },

    async 'handover.confirm'({ caller, now }, { caseId, itemId, note }) {
      return answer(
        caller,
        now,
        caseId,
        itemId,
        note ? { kind: 'confirm', note } : { kind: 'confirm' },
      );
    },

    async 'handover.dispute'({ caller, now }, { caseId, itemId, comment }) {
      return answer(caller, now, caseId, itemId, { kind: 'dispute', comment });
    },
  };
}
