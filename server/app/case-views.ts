import type { ActionResult } from '../contract';
import { REASON_LABELS } from '../domain/reasons';
import { STATE_LABELS } from '../domain/case-states';
import { renderLetter } from '../domain/letters';
import { allowedEvents } from '../domain/case-machine';
import { verifyChain, type AuditEvent } from '../domain/event-chain';
import { actorAs, loadCase } from './case-access';
import { saveChange } from './case-writer';
import type { Handler } from './rpc-handler';
import { fail, ok } from './outcome';
import type {
  CasesRepository,
  Crypto,
  ReminderRecord,
  RemindersRepository,
  SettingsRepository,
  StoredCase,
} from './ports';

export interface ViewsDeps {
  readonly cases: CasesRepository;
  readonly reminders: RemindersRepository;
  readonly settings: SettingsRepository;
  readonly crypto: Crypto;
}

type CaseDetail = ActionResult<'case.get'>;

/** What a page shows of a case; never the stored document itself. */
export function caseView(caseDoc: StoredCase): CaseDetail['case'] {
  const {
    caseId,
    kind,
    reason,
    state,
    version,
    employee,
    noProtectedStatus,
    needsCall,
    createdAt,
    updatedAt,
  } = caseDoc;
  const optional = {
    explanation: caseDoc.explanation,
    managerNo: caseDoc.managerNo,
    hrOwner: caseDoc.hrOwner,
    noticeReceivedAt: caseDoc.noticeReceivedAt,
    noticeTextHash: caseDoc.noticeTextHash,
    legalLastWorkingDay: caseDoc.legalLastWorkingDay,
    lastWorkingDay: caseDoc.lastWorkingDay,
    noticeMode: caseDoc.noticeMode,
    earlyReleaseProposedBy: caseDoc.earlyReleaseProposedBy,
    consentToLaterDay: caseDoc.consentToLaterDay,
    completedAt: caseDoc.completedAt,
    signature: caseDoc.signature && {
      hash: caseDoc.signature.hash,
      letterHash: caseDoc.signature.letterHash,
      at: caseDoc.signature.at,
    },
  };
  return {
    caseId,
    kind,
    reason,
    reasonLabel: REASON_LABELS[reason],
    state,
    stateLabel: STATE_LABELS[state],
    version,
    employee: { ...employee },
    noProtectedStatus,
    needsCall,
    createdAt,
    updatedAt,
    attachments: caseDoc.attachments.map((a) => ({ ...a })),
    waivers: caseDoc.waivers.map((w) => ({ ...w })),
    allowedEvents: allowedEvents(kind, state),
    stages: caseDoc.stages.map((s) => ({ ...s })),
    ...(Object.fromEntries(
      Object.entries(optional).filter(([, value]) => value !== undefined),
    ) as Partial<typeof optional>),
  };
}

function eventView(event: AuditEvent): CaseDetail['events'][number] {
  const { seq, type, actor, at, payload, prevHash, hash } = event;
  return { seq, type, actor: { ...actor }, at, payload: { ...payload }, prevHash, hash };
}

export function reminderView(record: ReminderRecord): CaseDetail['reminders'][number] {
  const { id, track, slot, kind, phrase, recipient, status, dueAt, attempts } = record;
  return {
    id,
    track,
    slot,
    kind,
    phrase,
    recipient,
    status,
    dueAt,
    attempts,
    ...(record.sentAt ? { sentAt: record.sentAt } : {}),
    ...(record.errCode !== undefined ? { errCode: record.errCode } : {}),
  };
}

export function viewHandlers(deps: ViewsDeps): {
  'case.get': Handler<'case.get'>;
  'case.evidence': Handler<'case.evidence'>;
} {
  const sha256 = (text: string) => deps.crypto.sha256(text);
  return {
    async 'case.get'({ caller }, { caseId }) {
      const loaded = await loadCase(deps.cases, caller, caseId);
      if (!loaded.ok) return loaded;
      const caseDoc = loaded.case;
      const letter = renderLetter(caseDoc);
      const reminders = await deps.reminders.listForCase(caseId);
      return ok({
        case: caseView(caseDoc),
        letter: { title: letter.title, text: letter.text, hash: sha256(letter.text) },
        checklist: caseDoc.checklist.map((entry) => ({ ...entry, by: [...entry.by] })),
        reminders: reminders.map(reminderView),
        events: caseDoc.events.map(eventView),
      });
    },

    /**
     * Recomputes the audit chain and reports where it breaks; the view itself is logged
     * (only such events are still added to a completed case).
     */
    async 'case.evidence'({ caller, now }, { caseId }) {
      const loaded = await loadCase(deps.cases, caller, caseId);
      if (!loaded.ok) return loaded;
      const { relation, case: caseDoc } = loaded;
      if (!relation.owner && !relation.hr) {
        return fail('FORBIDDEN', '只有本人和 HR 可以查看证据');
      }
      const verdict = verifyChain(caseDoc.events, sha256, {
        seq: caseDoc.seq,
        head: caseDoc.lastEventHash,
      });
      const at = now.toISOString();
      const { policy } = await deps.settings.get();
      const saved = await saveChange(
        deps.cases,
        caseDoc,
        { ...caseDoc, version: caseDoc.version + 1, updatedAt: at },
        {
          type: 'evidence.view',
          actor: actorAs(caller, relation.hr ? 'hr' : 'employee'),
          at,
          payload: { valid: verdict.valid },
        },
        policy,
        deps.crypto,
      );
      const events = (saved.ok ? saved.case : caseDoc).events;
      return ok({
        valid: verdict.valid,
        ...(verdict.valid ? {} : { brokenAt: verdict.brokenAt }),
        chainHead: caseDoc.lastEventHash,
        letterHash: caseDoc.signature?.letterHash ?? null,
        signatureHash: caseDoc.signature?.hash ?? null,
        events: events.map(eventView),
      });
    },
  };
}
