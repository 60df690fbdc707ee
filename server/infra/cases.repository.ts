import { oaCallbackFor } from '../app/oa-callbacks';
import type {
  CasesRepository,
  ClosedCase,
  StoredCase,
  SuccessorCase,
} from '../app/ports/cases.port';
import { isEventType } from '../domain/case-events';
import { EMPLOYEE_OPEN_STATES } from '../domain/case-states';
import { findById, isDuplicateKey, replacingPatch, withoutId } from './cloud-documents';
import { OA_CALLBACKS, outboxDocument } from './oa-callbacks.repository';

/** The fields of a finished case the 离职记录 shows. */
const CLOSED_FIELDS = {
  caseId: true,
  kind: true,
  reason: true,
  state: true,
  noticeReceivedAt: true,
  lastWorkingDay: true,
  enteredAt: true,
  issuedAt: true,
  signature: true,
  attachments: true,
  checklist: true,
} as const;

/**
 * `cases` (`_id` is the case id, events inside the document) and `case_locks`
 * (`_id = "open:" + employeeNo`, one per employee with an unfinished case). A case the OA
 * started gets an `oa_callbacks` entry with every change of state, written here so that no
 * write path can forget it: with the case in the creating transaction, right after the update
 * otherwise.
 */
export function casesRepository(db: WxServerSdk.Database): CasesRepository {
  const cases = () => db.collection('cases');
  const locks = () => db.collection('case_locks');
  const lockId = (employeeNo: string) => `open:${employeeNo}`;

  return {
    get(caseId) {
      return findById<StoredCase>(cases(), caseId);
    },
    async findOpen(employeeNo) {
      const { data } = await cases()
        .where({
          'employee.employeeNo': employeeNo,
          state: db.command.in([...EMPLOYEE_OPEN_STATES]),
        })
        .limit(1)
        .get();
      return data[0] ? withoutId<StoredCase>(data[0]) : null;
    },
    async findClosed(employeeNo, limit) {
      const { data } = await cases()
        .where({
          'employee.employeeNo': employeeNo,
          state: db.command.in(['completed', 'withdrawn']),
        })
        .orderBy('enteredAt', 'desc')
        .limit(limit)
        .field(CLOSED_FIELDS)
        .get();
      return data.map((doc) => withoutId<ClosedCase>(doc));
    },
    async withSuccessor(employeeNo, limit) {
      const { data } = await cases()
        .where({
          successorNos: employeeNo,
          state: db.command.in([...EMPLOYEE_OPEN_STATES]),
        })
        .field({ caseId: true, state: true, handover: true, 'employee.name': true })
        .orderBy('createdAt', 'asc')
        .limit(limit)
        .get();
      return data.map((doc) => withoutId<SuccessorCase>(doc));
    },
    async create(caseDoc) {
      let addingCase = false;
      try {
        await db.runTransaction(async (transaction) => {
          addingCase = false;
          await transaction.collection('case_locks').add({
            data: {
              _id: lockId(caseDoc.employee.employeeNo),
              caseId: caseDoc.caseId,
              at: caseDoc.createdAt,
            },
          });
          addingCase = true;
          await transaction.collection('cases').add({ data: { _id: caseDoc.caseId, ...caseDoc } });
          const first = caseDoc.events[0];
          const callback = first ? oaCallbackFor(caseDoc, first) : null;
          if (callback) {
            await transaction.collection(OA_CALLBACKS).add({ data: outboxDocument(callback) });
          }
        });
        return 'created';
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        // The lock was free but the id is taken: the same request again, after its case ended.
        if (addingCase) return { lockedBy: caseDoc.caseId };
        const lock = await findById<{ caseId: string }>(
          locks(),
          lockId(caseDoc.employee.employeeNo),
        );
        // No lock left means the holder released it meanwhile: the caller may simply retry.
        return { lockedBy: lock?.caseId ?? null };
      }
    },
    async releaseLock(employeeNo, caseId) {
      // Only the case that holds the lock releases it.
      await locks()
        .where({ _id: lockId(employeeNo), caseId })
        .remove();
    },
    save(expectedVersion, next, event) {
      return this.saveWithEvents(expectedVersion, next, [event]);
    },
    async saveWithEvents(expectedVersion, next, events) {
      // The 同步失败 mark is the OA timer's alone: a case write never carries it back.
      const { events: _events, oaSyncFailed: _mark, ...fields } = next;
      const data = {
        ...replacingPatch(db.command, fields),
        ...(events.length > 0 ? { events: db.command.push([...events]) } : {}),
      };
      const { stats } = await cases()
        .where({ _id: next.caseId, version: expectedVersion })
        .update({ data });
      if (stats.updated !== 1) return 'conflict';
      // Only machine events move a case between states.
      const moved = [...events].reverse().find((event) => isEventType(event.type));
      const callback = moved ? oaCallbackFor(next, moved) : null;
      if (callback) {
        await db
          .collection(OA_CALLBACKS)
          .add({ data: outboxDocument(callback) })
          .catch((error: unknown) => {
            if (!isDuplicateKey(error)) throw error;
          });
      }
      return 'saved';
    },
  };
}
