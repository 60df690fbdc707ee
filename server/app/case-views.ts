import {
  presentCase,
  presentChecklist,
  presentEvent,
  presentLetter,
  presentReminder,
} from '../contract';
import { recordEvidenceView } from '../domain/audit-records';
import { verifyChain } from '../domain/event-chain';
import { SEVERANCE_CAVEATS, severanceFor } from '../domain/severance';
import { isHr } from './caller';
import { hrActor, loadCase } from './case-access';
import { saveChange } from './case-writer';
import type { Handler } from './rpc-handler';
import { fail, ok } from './outcome';
import type {
  CasesRepository,
  Crypto,
  FileStore,
  RemindersRepository,
  SettingsRepository,
} from './ports';

export interface ViewsDeps {
  readonly cases: CasesRepository;
  readonly reminders: RemindersRepository;
  readonly files: FileStore;
  readonly settings: SettingsRepository;
  readonly crypto: Crypto;
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
      const [reminders, urls] = await Promise.all([
        deps.reminders.listForCase(caseId),
        // Clients read case files only through these, after the access check above.
        deps.files.temporaryUrls(caseDoc.attachments.map((a) => a.evidenceFileId)),
      ]);
      const view = presentCase(caseDoc, caseDoc.needsCall);
      return ok({
        case: {
          ...view,
          attachments: view.attachments.map((a) =>
            urls[a.evidenceFileId] ? { ...a, url: urls[a.evidenceFileId] } : a,
          ),
        },
        letter: presentLetter(caseDoc, sha256),
        checklist: presentChecklist(caseDoc),
        reminders: reminders.map(presentReminder),
        events: caseDoc.events.map(presentEvent),
        // 第47条, for HR only: what a termination owes by years of service.
        ...(isHr(caller) && caseDoc.kind === 'termination' && caseDoc.lastWorkingDay
          ? {
              severance: {
                ...severanceFor(caseDoc.employee.hireDate, caseDoc.lastWorkingDay),
                caveats: [...SEVERANCE_CAVEATS],
              },
            }
          : {}),
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
      const { policy } = await deps.settings.get();
      const hrOrOwner = relation.hr
        ? hrActor(caller)
        : { openid: caller.openid, role: 'employee' as const };
      const viewed = recordEvidenceView(caseDoc, hrOrOwner, now);
      // A lost race only loses the log line of this view; the verdict stands.
      const saved = viewed.ok
        ? await saveChange(
            deps.cases,
            caseDoc,
            viewed.case,
            viewed.effects.event,
            policy,
            deps.crypto,
          )
        : { ok: false as const };
      const events = (saved.ok ? saved.case : caseDoc).events;
      return ok({
        valid: verdict.valid,
        ...(verdict.valid ? {} : { brokenAt: verdict.brokenAt }),
        chainHead: caseDoc.lastEventHash,
        letterHash: caseDoc.signature?.letterHash ?? null,
        signatureHash: caseDoc.signature?.hash ?? null,
        events: events.map(presentEvent),
      });
    },
  };
}
