import {
  presentCase,
  presentChecklist,
  presentEvent,
  presentHandover,
  presentLetter,
  presentNonCompete,
  presentReminder,
} from '../contract';
import { recordEvidenceView, viewLoggedToday } from '../domain/audit-records';
import { beijingDate } from '../domain/beijing-calendar';
import {
  anchorMismatches,
  custodyMismatches,
  custodyRecords,
  replayCase,
} from '../domain/case-replay';
import type { AuditEvent } from '../domain/event-chain';
import { caseProgress, employeeNextStep } from '../domain/case-progress';
import { anchoredHeads } from './evidence-anchor';
import { retentionYears } from '../domain/retention';
import { SEVERANCE_CAVEATS, severanceFor } from '../domain/severance';
import { type Caller, isHr } from './caller';
import { caseActions } from './case-actions';
import { awaitingDelivery, deliverNotice } from '../domain/notice-delivery';
import { hrActor, loadCase } from './case-access';
import { unlessPurged } from './case-purge';
import { saveChange } from './case-writer';
import type { Handler } from './rpc-handler';
import { fail, ok } from './outcome';
import type { AnchorMarkersRepository } from './ports/anchor-markers.port';
import type { CasesRepository, StoredCase } from './ports/cases.port';
import type { EmployeesRepository } from './ports/employees.port';
import type { Crypto } from './ports/crypto.port';
import type { FileStore } from './ports/file-store.port';
import type { PurgedCasesRepository } from './ports/purged-cases.port';
import type { RemindersRepository } from './ports/reminders.port';
import type { SettingsRepository } from './ports/settings.port';

export interface ViewsDeps {
  readonly cases: CasesRepository;
  readonly anchors: AnchorMarkersRepository;
  readonly reminders: RemindersRepository;
  /** Tombstones: a purged case's views say so instead of not finding it. */
  readonly purged: PurgedCasesRepository;
  readonly files: FileStore;
  readonly settings: SettingsRepository;
  readonly crypto: Crypto;
  /** The roster's mobile for HR and the manager (tap to call). */
  readonly employees?: Pick<EmployeesRepository, 'get'>;
}

export function viewHandlers(deps: ViewsDeps): {
  'case.get': Handler<'case.get'>;
  'case.evidence': Handler<'case.evidence'>;
} {
  const sha256 = (text: string) => deps.crypto.sha256(text);
  /** Each evidence copy hashed again as it is stored now (null: gone). */
  async function rehash(fileIds: readonly string[]): Promise<Record<string, string | null>> {
    const hashes: Record<string, string | null> = {};
    for (const fileId of new Set(fileIds)) {
      const bytes = await deps.files.download(fileId);
      hashes[fileId] = bytes ? deps.crypto.sha256(bytes) : null;
    }
    return hashes;
  }
  /**
   * 民法典 第137条: the employee's first opening of an issued termination is its delivery,
   * logged with the server's time (`notice.delivered`); later openings change nothing. A
   * concurrent opening that got there first is read back instead.
   */
  async function deliveredOnOpening(
    caseDoc: StoredCase,
    owner: boolean,
    caller: Caller,
    now: Date,
  ): Promise<StoredCase> {
    if (!owner || !awaitingDelivery(caseDoc)) return caseDoc;
    const { policy } = await deps.settings.get();
    const actor = { openid: caller.openid, role: 'employee' as const };
    const delivered = deliverNotice(caseDoc, { channel: 'mini_program' }, actor, now, policy);
    if (!delivered.ok) return caseDoc;
    const saved = await saveChange(
      deps.cases,
      caseDoc,
      delivered.case,
      delivered.effects.event,
      policy,
      deps.crypto,
    );
    if (saved.ok) return saved.case;
    return (await deps.cases.get(caseDoc.caseId)) ?? caseDoc;
  }

  /** A text kept on the case beside the hash its event recorded; null when none was kept. */
  const storedLetter = (text: string | undefined, recorded: string | undefined) =>
    text === undefined || recorded === undefined
      ? null
      : { text, sha256: recorded, matches: sha256(text) === recorded };
  return {
    async 'case.get'({ caller, now }, { caseId }) {
      const loaded = await loadCase(deps.cases, caller, caseId);
      if (!loaded.ok) return unlessPurged(deps.purged, caseId, loaded);
      const { relation } = loaded;
      const caseDoc = await deliveredOnOpening(loaded.case, relation.owner, caller, now);
      // The mobile is for HR and the employee's manager only.
      const reachesEmployee = (relation.hr || relation.manager) && !relation.owner;
      const [reminders, urls, settings, employee] = await Promise.all([
        deps.reminders.listForCase(caseId),
        // Clients read case files only through these, after the access check above.
        deps.files.temporaryUrls(caseDoc.attachments.map((a) => a.evidenceFileId)),
        deps.settings.get(),
        reachesEmployee && deps.employees
          ? deps.employees.get(caseDoc.employee.employeeNo)
          : Promise.resolve(null),
      ]);
      const view = presentCase(caseDoc, caseDoc.needsCall);
      return ok({
        case: {
          ...view,
          attachments: view.attachments.map((a) =>
            urls[a.evidenceFileId] ? { ...a, url: urls[a.evidenceFileId] } : a,
          ),
          ...(relation.hr && caseDoc.rehire ? { rehire: caseDoc.rehire } : {}),
          ...(caseDoc.nonCompete
            ? { nonCompete: presentNonCompete(caseDoc, beijingDate(now), relation.hr) }
            : {}),
          ...(caseDoc.handover ? { handover: presentHandover(caseDoc) } : {}),
        },
        ...caseActions(
          caseDoc,
          caller,
          relation,
          settings.policy,
          now,
          retentionYears(settings.retentionYears),
        ),
        progress: caseProgress(caseDoc, caseDoc.events),
        ...(relation.owner ? { nextStep: employeeNextStep(caseDoc, now) } : {}),
        ...(employee?.mobile ? { contact: { mobile: employee.mobile } } : {}),
        letter: presentLetter(
          caseDoc,
          sha256,
          settings.companyName ? { companyName: settings.companyName } : {},
        ),
        checklist: presentChecklist(caseDoc),
        reminders: reminders.map(presentReminder),
        events: caseDoc.events.map(presentEvent),
        // 第47条, for HR only: what a termination or the employer's fault (第38条 → 第46条(一))
        // owes by years of service.
        ...(isHr(caller) &&
        (caseDoc.kind === 'termination' || caseDoc.reason === 'employer_fault') &&
        caseDoc.lastWorkingDay
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
     * Verification is a replay, not a read (DESIGN §3 "Audit trail"): the events are replayed
     * through the domain and every evidence-bearing field of the stored case compared; each
     * daily anchor's head must lie on the chain; each evidence file is hashed again. The view
     * is logged, at most once per person, case and Beijing day.
     */
    async 'case.evidence'({ caller, now }, { caseId }) {
      const loaded = await loadCase(deps.cases, caller, caseId);
      if (!loaded.ok) return unlessPurged(deps.purged, caseId, loaded);
      const { relation, case: caseDoc } = loaded;
      if (!relation.owner && !relation.hr) {
        return fail('FORBIDDEN', '只有本人和 HR 可以查看证据');
      }
      const replay = replayCase(caseDoc, caseDoc.events, sha256);
      const today = beijingDate(now);
      // The anchor of a day lists the cases with an event that day, and is written after it.
      const anchorDates = [...new Set(caseDoc.events.map((e) => beijingDate(e.at)))].filter(
        (date) => date < today,
      );
      const custody = custodyRecords(replay.replayed);
      const [anchors, fileHashes] = await Promise.all([
        anchorDates.length > 0
          ? anchoredHeads(
              { markers: deps.anchors, files: deps.files, crypto: deps.crypto },
              caseId,
              anchorDates,
            )
          : { heads: [], problems: [] },
        rehash(custody.map((f) => f.fileId)),
      ]);
      const anchorProblems = [
        ...anchors.problems,
        ...anchorMismatches(caseDoc.events, anchors.heads),
      ];
      const fileProblems = custodyMismatches(custody, fileHashes);
      const mismatches = [...replay.mismatches, ...anchorProblems, ...fileProblems];
      const firstAnchorBroken = anchors.heads
        .filter((h) => anchorProblems.some((p) => p.field === `anchors.${h.date}`))
        .map((h) => h.seq)
        .sort((a, b) => a - b)[0];
      const brokenAt = replay.brokenAt ?? firstAnchorBroken;
      const valid = replay.valid && mismatches.length === 0;

      const hrOrOwner = relation.hr
        ? hrActor(caller)
        : { openid: caller.openid, role: 'employee' as const };
      let events = caseDoc.events;
      if (!viewLoggedToday(caseDoc.events, caller.openid, now)) {
        const { policy } = await deps.settings.get();
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
        if (saved.ok) events = saved.case.events;
      }
      const head = caseDoc.events.reduce<AuditEvent | undefined>(
        (last, e) => (last === undefined || e.seq > last.seq ? e : last),
        undefined,
      );
      return ok({
        valid,
        ...(valid || brokenAt === undefined ? {} : { brokenAt }),
        chainHead: head?.hash ?? null,
        letterHash: replay.replayed.signature?.letterHash ?? null,
        signatureHash: replay.replayed.signature?.hash ?? null,
        mismatches,
        checks: {
          chain:
            !mismatches.some((m) => m.field.startsWith('events')) && replay.brokenAt === undefined,
          fields: !replay.mismatches.some((m) => !m.field.startsWith('events')),
          anchors: anchorProblems.length === 0,
          files: fileProblems.length === 0,
        },
        events: events.map(presentEvent),
        letters: {
          submitted: storedLetter(caseDoc.noticeText, replay.replayed.noticeTextHash),
          signed: storedLetter(
            caseDoc.signature?.letterText,
            replay.replayed.signature?.letterHash,
          ),
          // 劳动合同法 第23/24条: HR's decision as written to the employee, against its record.
          ...(caseDoc.nonCompeteNoticeText !== undefined
            ? {
                nonCompete: storedLetter(
                  caseDoc.nonCompeteNoticeText,
                  replay.replayed.nonCompeteNoticeText === undefined
                    ? undefined
                    : sha256(replay.replayed.nonCompeteNoticeText),
                ),
              }
            : {}),
        },
      });
    },
  };
}
