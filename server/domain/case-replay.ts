import { beijingDate, type CalendarDate, type Instant } from './beijing-calendar';
import { type AuditEventType, isEventType } from './case-events';
import { type Actor } from './actor';
import { type CaseCommand, GUARDS, type MachineGuard } from './case-guards';
import {
  type CaseKind,
  type DeliveryChannel,
  type EarlyReleaseProposer,
  type NoticeMode,
  type UnionNotice,
} from './case-kinds';
import { type CaseDocument, type DocumentKind, signedDocumentKind } from './case-paper';
import { actorMatches, findRule, moveStage } from './case-machine';
import {
  type CaseRecord,
  type ChecklistEntry,
  type StagePeriod,
  type StoredAttachment,
  type Waiver,
} from './case-record';
import { type State } from './case-states';
import { type ChecklistItemId } from './checklist';
import { type AuditEvent, firstBrokenLink, type HashText, verifyChain } from './event-chain';
import { type LetterOptions, renderLetter } from './letters';
import { deliveredInstant, deliveredTerms } from './notice-delivery';
import { terminationLastWorkingDay } from './notice-period';
import { noticeLastWorkingDay } from './case-submission';
import { type FaultGround, isFaultGround } from './employer-fault';
import { DEFAULT_POLICY } from './policy';
import { type Reason } from './reasons';

/** A scalar as the evidence answer carries it (absent fields are `null`). */
export type EvidenceValue = string | number | boolean | null;

/** One stored field (or one event, or one outside record) that the replay contradicts. */
export interface EvidenceMismatch {
  /** `state`, `signature.letterHash`, `attachments[0].sha256`, `events[3].type`, `anchors.2027-03-01` … */
  readonly field: string;
  readonly stored: EvidenceValue;
  readonly replayed: EvidenceValue;
}

/** The signature as the `case.sign` event recorded it. */
export interface ReplayedSignature {
  readonly hash: string;
  readonly letterHash: string;
  /** The exact text signed, as the event recorded it (events before it was recorded have none). */
  readonly letterText?: string;
  readonly openid: string;
  readonly at: Instant;
  readonly clientIp: string;
  /** The evidence copy of the image (events before it was recorded have none). */
  readonly evidenceFileId?: string;
}

/** A handover item as the `handover.*` events made it. */
export interface ReplayedHandoverItem {
  itemId: string;
  text: string;
  successorNo: string;
  status: string;
  by?: string;
  at?: Instant;
}

/** Every evidence-bearing field of a case, as the events alone make it. */
export interface ReplayedCase {
  kind?: CaseKind;
  reason?: Reason;
  explanation?: string;
  faultGrounds?: FaultGround[];
  state?: State;
  employeeOpenid?: string;
  hrOwner?: string;
  noticeReceivedAt?: Instant;
  noticeTextHash?: string;
  noticeText?: string;
  legalLastWorkingDay?: CalendarDate;
  lastWorkingDay?: CalendarDate;
  consentToLaterDay?: CalendarDate;
  consentedLastWorkingDay?: CalendarDate;
  earlyReleaseProposedBy?: EarlyReleaseProposer;
  noticeMode?: NoticeMode;
  noProtectedStatus: boolean;
  unionNotice?: UnionNotice;
  issuedAt?: Instant;
  deliveredAt?: Instant;
  deliveredOn?: CalendarDate;
  deliveryMethod?: DeliveryChannel;
  signature?: ReplayedSignature;
  attachments: StoredAttachment[];
  waivers: Waiver[];
  /** The checklist's items and outcomes (labels, who and due dates come from the settings). */
  checklist: ChecklistEntry[];
  /** The handover items of the latest naming, with who answered each and how. */
  handoverItems?: ReplayedHandoverItem[];
  successorNos?: string[];
  /** The non-compete decision's terms (第23/24条); HR's wage figures are not evidence. */
  nonCompete?: { decision: string; months?: number; monthlyCompensation?: number };
  stages: StagePeriod[];
  /** The case's PDFs as their requests and `document.generated` events made them. */
  documents: CaseDocument[];
  certificateStatesReason?: boolean;
  certificateText?: string;
  nonCompeteNoticeText?: string;
  completedAt?: Instant;
  disputed?: boolean;
  createdAt?: Instant;
  /** The chain head: the number of events and the last one's hash. */
  seq: number;
  lastEventHash: string | null;
}

export interface ReplayVerdict {
  readonly valid: boolean;
  /** The first event that fails: its hash, its link, or what the machine allows. */
  readonly brokenAt?: number;
  readonly mismatches: readonly EvidenceMismatch[];
  readonly replayed: ReplayedCase;
}

/**
 * Guards the replay re-checks: those that follow from the case and the event alone. The ones
 * that read the settings (reasons' materials, the withdrawal setting, the escalation delay)
 * are left out, since the settings may have changed since.
 */
const REPLAYED_GUARDS: readonly MachineGuard[] = [
  'handover_list_present',
  'comment_given',
  'last_working_day_after_notice',
  'later_day_consented',
  'earlier_day_consented',
  'earlier_day_proposed',
  'last_working_day_reached',
  'checklist_complete',
  'no_protected_status_attested',
  'last_working_day_chosen',
];

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

function value(v: unknown): EvidenceValue {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return JSON.stringify(v) ?? null;
}

/** The stored case with the replayed fields laid over it, for the domain's own functions. */
function recordOf(stored: CaseRecord, r: ReplayedCase): CaseRecord {
  return {
    ...stored,
    kind: r.kind ?? stored.kind,
    reason: r.reason ?? stored.reason,
    explanation: r.explanation,
    faultGrounds: r.faultGrounds,
    state: r.state ?? stored.state,
    noticeReceivedAt: r.noticeReceivedAt,
    legalLastWorkingDay: r.legalLastWorkingDay,
    lastWorkingDay: r.lastWorkingDay,
    consentToLaterDay: r.consentToLaterDay,
    consentedLastWorkingDay: r.consentedLastWorkingDay,
    earlyReleaseProposedBy: r.earlyReleaseProposedBy,
    noticeMode: r.noticeMode,
    noProtectedStatus: r.noProtectedStatus,
    unionNotice: r.unionNotice,
    issuedAt: r.issuedAt,
    deliveredAt: r.deliveredAt,
    deliveredOn: r.deliveredOn,
    deliveryMethod: r.deliveryMethod,
    attachments: r.attachments,
    waivers: r.waivers,
    checklist: r.checklist,
    stages: r.stages,
  };
}

function checklistEntry(item: ChecklistItemId, stored: CaseRecord): ChecklistEntry {
  const known = stored.checklist.find((e) => e.item === item);
  return {
    item,
    label: known?.label ?? item,
    by: known?.by ?? [],
    due: known?.due ?? '',
    done: false,
  };
}

/**
 * Rebuilds a case from its log (DESIGN §3 "Verification is a replay, not a read"): each event
 * is applied as the domain applies it, the case machine's table decides whether it could have
 * happened where it stands, and every evidence-bearing field of the stored case is compared
 * with the replay. Any disagreement is reported by field; the chain itself is checked too.
 */
export function replayCase(
  stored: CaseRecord,
  events: readonly AuditEvent[],
  sha256: HashText,
  letter: LetterOptions = {},
): ReplayVerdict {
  const mismatches: EvidenceMismatch[] = [];
  let brokenAt: number | undefined;
  const chain = verifyChain(events, sha256, { seq: stored.seq, head: stored.lastEventHash });
  if (!chain.valid) {
    brokenAt = chain.brokenAt;
    const link = brokenLink(events, sha256);
    if (link) mismatches.push(link);
  }

  const r: ReplayedCase = {
    noProtectedStatus: false,
    attachments: [],
    waivers: [],
    checklist: [],
    stages: [],
    documents: [],
    seq: 0,
    lastEventHash: null,
  };
  const problem = (e: AuditEvent, field: string, storedValue: unknown, replayed: unknown) => {
    mismatches.push({
      field: `events[${e.seq}]${field}`,
      stored: value(storedValue),
      replayed: value(replayed),
    });
    if (brokenAt === undefined || e.seq < brokenAt) brokenAt = e.seq;
  };
  const ordered = [...events].sort((a, b) => a.seq - b.seq);
  let previousAt: Instant | undefined;
  for (const e of ordered) {
    if (previousAt !== undefined && e.at < previousAt) problem(e, '.at', e.at, previousAt);
    previousAt = e.at;
    applyRecorded(e);
    r.seq = e.seq;
    r.lastEventHash = e.hash;
  }

  function applyRecorded(e: AuditEvent): void {
    const p = e.payload;
    const type: AuditEventType = e.type;
    if (type === 'case.submit' || type === 'case.terminate') {
      if (e.seq !== 1 || r.kind !== undefined) problem(e, '.type', type, null);
      // A resignation from the OA reached the company when it was given there (submittedAt),
      // arrives through the OA's system actor, and names no OPENID of its own.
      const fromOa = type === 'case.submit' && p.source === 'oa';
      const receipt = fromOa ? (str(p.submittedAt) ?? e.at) : e.at;
      r.createdAt = e.at;
      r.reason = str(p.reason) as Reason | undefined;
      r.stages = [{ state: type === 'case.submit' ? 'submitted' : 'draft', enteredAt: receipt }];
      if (type === 'case.submit') {
        r.kind = 'resignation';
        r.state = 'submitted';
        r.explanation = str(p.explanation);
        r.employeeOpenid = fromOa ? stored.employeeOpenid : e.actor.openid;
        r.noticeReceivedAt = receipt;
        if (p.noticeReceivedAt !== receipt) {
          problem(e, '.payload.noticeReceivedAt', p.noticeReceivedAt, receipt);
        }
        r.noticeTextHash = str(p.noticeTextHash);
        // The text received is kept with its hash: the two must agree.
        r.noticeText = str(p.noticeText);
        if (r.noticeText !== undefined && sha256(r.noticeText) !== r.noticeTextHash) {
          problem(e, '.payload.noticeTextHash', r.noticeTextHash, sha256(r.noticeText));
        }
        if (Array.isArray(p.faultGrounds) && r.reason === 'employer_fault') {
          r.faultGrounds = [...new Set(p.faultGrounds.filter(isFaultGround))];
        }
        // 第37条 (第38条: the receipt or the day named): the legal day follows from the
        // receipt; the payload may not say otherwise.
        const legal = noticeLastWorkingDay(
          r.reason ?? 'resignation',
          receipt,
          stored.employee.probationEndDate,
          str(p.requestedLastWorkingDay),
        );
        if (p.legalLastWorkingDay !== legal) {
          problem(e, '.payload.legalLastWorkingDay', p.legalLastWorkingDay, legal);
        }
        r.legalLastWorkingDay = legal;
        r.lastWorkingDay = legal;
        const submitter = fromOa ? 'system' : 'employee';
        if (e.actor.role !== submitter) problem(e, '.actor.role', e.actor.role, submitter);
      } else {
        r.kind = 'termination';
        r.state = 'draft';
        r.noticeMode = str(p.noticeMode) as NoticeMode | undefined;
        r.lastWorkingDay = r.noticeMode === 'payInLieu' ? str(p.lastWorkingDay) : undefined;
        r.hrOwner = e.actor.openid;
      }
      return;
    }
    if (r.kind === undefined || r.state === undefined) {
      problem(e, '.type', type, null);
      return;
    }
    if (isEventType(type)) {
      applyTransition(e, type);
      return;
    }
    switch (type) {
      case 'case.attach': {
        const files = Array.isArray(p.files) ? (p.files as Record<string, unknown>[]) : [];
        for (const f of files) {
          r.attachments.push({
            kind: p.kind as StoredAttachment['kind'],
            fileId: str(f.fileId) ?? '',
            evidenceFileId: str(f.evidenceFileId) ?? '',
            sha256: str(f.sha256) ?? '',
            size: typeof f.size === 'number' ? f.size : 0,
            contentType: str(f.contentType) ?? '',
            uploadedBy: e.actor.openid,
            at: e.at,
            ...(str(f.documentDate) ? { documentDate: str(f.documentDate) } : {}),
          });
        }
        return;
      }
      case 'case.sign': {
        if (r.state !== 'formalities') problem(e, '.type', type, `not allowed in ${r.state}`);
        if (e.actor.role !== 'employee') problem(e, '.actor.role', e.actor.role, 'employee');
        const letterHash = str(p.letterHash) ?? '';
        const letterText = str(p.letterText);
        // The text signed is kept with the event; only a signature recorded before that is
        // checked against the letter rendered from the facts as they stood then.
        const signedHash = sha256(letterText ?? renderLetter(recordOf(stored, r), letter).text);
        if (signedHash !== letterHash) problem(e, '.payload.letterHash', letterHash, signedHash);
        const evidenceFileId = str(p.evidenceFileId);
        if (letterText !== undefined && r.kind !== undefined) {
          const kind = signedDocumentKind(r.kind);
          r.documents = [
            ...r.documents.filter((d) => d.kind !== kind),
            { kind, forSeq: e.seq, requestedAt: e.at, status: 'pending' },
          ];
        }
        r.signature = {
          hash: str(p.signatureHash) ?? '',
          letterHash,
          ...(letterText !== undefined ? { letterText } : {}),
          openid: e.actor.openid,
          at: e.at,
          clientIp: str(p.clientIp) ?? '',
          ...(evidenceFileId ? { evidenceFileId } : {}),
        };
        const item = str(p.item) as ChecklistItemId | undefined;
        r.checklist = r.checklist.map((c) =>
          c.item === item ? { ...c, done: true, doneAt: e.at, doneBy: e.actor.openid } : c,
        );
        return;
      }
      case 'case.consentLaterDay':
        r.consentToLaterDay = str(p.consentToLaterDay);
        return;
      case 'notice.delivered':
        applyDelivery(e);
        return;
      case 'case.markDisputed':
        if (!['hr', 'admin'].includes(e.actor.role)) problem(e, '.actor.role', e.actor.role, 'hr');
        r.disputed = p.disputed === true;
        return;
      case 'case.consentLastWorkingDay':
        if (e.actor.role !== 'employee') problem(e, '.actor.role', e.actor.role, 'employee');
        r.consentedLastWorkingDay = str(p.consentedLastWorkingDay);
        return;
      case 'case.nonCompete':
        r.nonCompete = {
          decision: str(p.decision) ?? '',
          ...(typeof p.months === 'number' ? { months: p.months } : {}),
          ...(typeof p.monthlyCompensation === 'number'
            ? { monthlyCompensation: p.monthlyCompensation }
            : {}),
        };
        r.checklist = r.checklist.map((c) =>
          c.item === 'non_compete_decided'
            ? { ...c, done: true, doneAt: e.at, doneBy: e.actor.openid }
            : c,
        );
        // The written notice, where the event carries it: its PDF is asked for with it.
        if (typeof p.text === 'string') {
          r.nonCompeteNoticeText = p.text;
          r.documents = [
            ...r.documents.filter((d) => d.kind !== 'non_compete_notice'),
            { kind: 'non_compete_notice', forSeq: e.seq, requestedAt: e.at, status: 'pending' },
          ];
        }
        return;
      case 'checklist.done':
      case 'checklist.undone':
      case 'checklist.waive':
        applyChecklist(e, type);
        return;
      case 'handover.assign':
        applyAssignment(e);
        return;
      case 'handover.confirm':
      case 'handover.dispute':
        applyHandoverAnswer(e, type);
        return;
      case 'evidence.view':
        // A view records the head it saw: the previous event's hash.
        if ('chainHead' in p && p.chainHead !== e.prevHash) {
          problem(e, '.payload.chainHead', p.chainHead, e.prevHash);
        }
        return;
      case 'reminder.decision':
      case 'case.contact':
        return;
      case 'document.generated': {
        const kind = str(p.kind) as DocumentKind | undefined;
        const pending = r.documents.find((d) => d.kind === kind && d.status === 'pending');
        if (pending === undefined) {
          problem(e, '.payload.kind', kind, null);
          return;
        }
        r.documents = r.documents.map((d) =>
          d === pending
            ? {
                ...d,
                status: 'ready',
                fileId: str(p.fileId) ?? '',
                sha256: str(p.sha256) ?? '',
                size: typeof p.size === 'number' ? p.size : 0,
                createdAt: e.at,
              }
            : d,
        );
        return;
      }
      case 'certificate.reasonChoice':
        r.certificateStatesReason = p.statesReason === true;
        return;
      case 'certificate.issue': {
        const text = str(p.text);
        r.certificateText = text;
        r.documents = [
          ...r.documents.filter((d) => d.kind !== 'certificate'),
          { kind: 'certificate', forSeq: e.seq, requestedAt: e.at, status: 'pending' },
        ];
        const note = str(p.note);
        r.checklist = r.checklist.map((c) =>
          c.item === 'certificate_issued'
            ? { ...c, done: true, doneAt: e.at, doneBy: e.actor.openid, ...(note ? { note } : {}) }
            : c,
        );
        return;
      }
    }
  }

  /**
   * 民法典 第137条: the notice reached the employee once, in formalities, by the employee's own
   * opening or HR's record; the days and the checklist follow from the delivery date.
   */
  function applyDelivery(e: AuditEvent): void {
    const p = e.payload;
    if (r.kind !== 'termination' || r.state !== 'formalities' || r.noticeReceivedAt) {
      problem(e, '.type', e.type, `not allowed in ${r.state ?? 'nothing'}`);
      return;
    }
    const method = str(p.method) as DeliveryChannel | undefined;
    const expectedRole = method === 'mini_program' ? 'employee' : 'hr|admin';
    if (!expectedRole.split('|').includes(e.actor.role)) {
      problem(e, '.actor.role', e.actor.role, expectedRole);
    }
    const deliveredOn = str(p.deliveredOn) ?? '';
    // The employee's opening is delivered the day the server logged it.
    if (method === 'mini_program' && p.deliveredOn !== beijingDateOf(e.at)) {
      problem(e, '.payload.deliveredOn', p.deliveredOn, beijingDateOf(e.at));
    }
    const terms = deliveredTerms(recordOf(stored, r), deliveredOn);
    const received = deliveredInstant(deliveredOn, new Date(e.at));
    if (p.legalLastWorkingDay !== terms.legalLastWorkingDay) {
      problem(e, '.payload.legalLastWorkingDay', p.legalLastWorkingDay, terms.legalLastWorkingDay);
    }
    if (p.lastWorkingDay !== terms.lastWorkingDay) {
      problem(e, '.payload.lastWorkingDay', p.lastWorkingDay, terms.lastWorkingDay);
    }
    if (p.noticeReceivedAt !== received) {
      problem(e, '.payload.noticeReceivedAt', p.noticeReceivedAt, received);
    }
    r.noticeReceivedAt = received;
    r.deliveredAt = e.at;
    r.deliveredOn = deliveredOn;
    r.deliveryMethod = method;
    r.legalLastWorkingDay = terms.legalLastWorkingDay;
    r.lastWorkingDay = terms.lastWorkingDay;
    r.checklist = Array.isArray(p.checklist)
      ? (p.checklist as unknown[]).map((i) => checklistEntry(i as ChecklistItemId, stored))
      : [];
  }

  /** The successors named (the manager or HR) and the items each takes over. */
  function applyAssignment(e: AuditEvent): void {
    if (!['manager', 'hr', 'admin'].includes(e.actor.role)) {
      problem(e, '.actor.role', e.actor.role, 'manager|hr');
    }
    if (!['submitted', 'hr_review', 'formalities'].includes(r.state ?? '')) {
      problem(e, '.type', e.type, `not allowed in ${r.state ?? 'nothing'}`);
    }
    const named = Array.isArray(e.payload.successors)
      ? (e.payload.successors as Record<string, unknown>[])
      : [];
    r.successorNos = named.map((s) => str(s.employeeNo) ?? '');
    r.handoverItems = named.flatMap((s) =>
      (Array.isArray(s.items) ? (s.items as Record<string, unknown>[]) : []).map((i) => ({
        itemId: str(i.itemId) ?? '',
        text: str(i.text) ?? '',
        successorNo: str(s.employeeNo) ?? '',
        status: 'pending',
      })),
    );
  }

  /**
   * An item confirmed or disputed, in formalities; the confirmation that completes the list
   * ticks `handover_confirmed`, and only that one may.
   */
  function applyHandoverAnswer(e: AuditEvent, type: 'handover.confirm' | 'handover.dispute') {
    if (r.state !== 'formalities') problem(e, '.type', type, `not allowed in ${r.state}`);
    const items = r.handoverItems ?? [];
    const item = items.find((i) => i.itemId === str(e.payload.itemId));
    if (item === undefined || item.status === 'confirmed') {
      problem(e, '.payload.itemId', e.payload.itemId, null);
      return;
    }
    // Only the successor disputes; a confirmation by anyone else carries its note.
    const bySuccessor = e.actor.role === 'employee';
    if (type === 'handover.dispute' && !bySuccessor) {
      problem(e, '.actor.role', e.actor.role, 'employee');
    }
    if (type === 'handover.confirm' && !bySuccessor && !str(e.payload.note)) {
      problem(e, '.payload.note', null, 'a note');
    }
    item.status = type === 'handover.confirm' ? 'confirmed' : 'disputed';
    item.by = e.actor.openid;
    item.at = e.at;
    if (e.payload.handoverConfirmed !== true) return;
    const entry = r.checklist.find((c) => c.item === 'handover_confirmed');
    if (entry === undefined || items.some((i) => i.status !== 'confirmed')) {
      problem(e, '.payload.handoverConfirmed', true, false);
      return;
    }
    r.checklist = r.checklist.map((c) =>
      c === entry
        ? { ...c, done: true, doneAt: e.at, doneBy: e.actor.openid, note: '交接人已全部确认接收' }
        : c,
    );
  }

  function applyChecklist(
    e: AuditEvent,
    type: 'checklist.done' | 'checklist.undone' | 'checklist.waive',
  ): void {
    const item = str(e.payload.item) as ChecklistItemId | undefined;
    const note = str(e.payload.note) ?? '';
    if (item === 'handover_list' && type === 'checklist.waive') {
      r.waivers.push({ item, by: e.actor.openid, at: e.at, note });
      return;
    }
    const index = r.checklist.findIndex((c) => c.item === item);
    const entry = r.checklist[index];
    if (entry === undefined) {
      problem(e, '.payload.item', item, null);
      return;
    }
    let next: ChecklistEntry;
    if (type === 'checklist.waive') {
      next = { ...entry, waived: true, waivedAt: e.at, waivedBy: e.actor.openid, note };
    } else if (type === 'checklist.done') {
      const closeAs = str(e.payload.closeAs);
      const done: ChecklistEntry = {
        ...entry,
        done: true,
        doneAt: e.at,
        doneBy: e.actor.openid,
        // 解释(一) 第35条: severance closed as not owed or settled, never waived.
        ...(closeAs === 'not_owed' || closeAs === 'settled' ? { closedAs: closeAs } : {}),
      };
      next = note || entry.note ? { ...done, note: note || entry.note } : done;
    } else {
      const { item: id, label, by, due } = entry;
      next = { item: id, label, by, due, done: false, ...(note ? { note } : {}) };
    }
    r.checklist = r.checklist.map((c, i) => (i === index ? next : c));
  }

  function applyTransition(e: AuditEvent, type: Parameters<typeof findRule>[2]): void {
    const kind = r.kind as CaseKind;
    const from = r.state as State;
    const rule = findRule(kind, from, type);
    const p = e.payload;
    if (rule === undefined) {
      problem(e, '.type', type, `not allowed in ${from}`);
      return;
    }
    if (p.from !== from) problem(e, '.payload.from', p.from, from);
    if (p.to !== rule.to) problem(e, '.payload.to', p.to, rule.to);
    const before = recordOf(stored, r);
    if (!actorMatches(rule.actors, e.actor as Actor, before)) {
      problem(e, '.actor.role', e.actor.role, rule.actors.join('|'));
    }
    const command: CaseCommand = {
      type,
      comment: str(p.comment),
      lastWorkingDay: str(p.lastWorkingDay),
      earlyReleaseProposedBy: str(p.earlyReleaseProposedBy) as EarlyReleaseProposer | undefined,
      noProtectedStatus: p.noProtectedStatus === true ? true : undefined,
      basis: str(p.basis),
    };
    const ctx = {
      case: before,
      command,
      now: new Date(e.at),
      actor: e.actor,
      policy: DEFAULT_POLICY,
    };
    for (const guard of rule.guards) {
      if (REPLAYED_GUARDS.includes(guard) && !GUARDS[guard](ctx)) {
        problem(e, '.guard', guard, false);
      }
    }
    const items = Array.isArray(p.checklist)
      ? (p.checklist as unknown[]).map((i) => checklistEntry(i as ChecklistItemId, stored))
      : [];
    if (type === 'hr.confirm') {
      r.lastWorkingDay = command.lastWorkingDay ?? r.lastWorkingDay;
      r.earlyReleaseProposedBy = command.earlyReleaseProposedBy;
      r.hrOwner = e.actor.openid;
      r.checklist = items;
    } else if (type === 'hr.issue' && p.legalLastWorkingDay === undefined) {
      // 民法典 第137条: issued now, in effect when delivered (`notice.delivered`).
      r.issuedAt = e.at;
      r.unionNotice = unionNoticeOf(p.unionNotice);
      r.noProtectedStatus = true;
      r.hrOwner = r.hrOwner ?? e.actor.openid;
      r.lastWorkingDay = r.noticeMode === 'payInLieu' ? r.lastWorkingDay : undefined;
      if (p.lastWorkingDay !== undefined && p.lastWorkingDay !== r.lastWorkingDay) {
        problem(e, '.payload.lastWorkingDay', p.lastWorkingDay, r.lastWorkingDay);
      }
    } else if (type === 'hr.issue') {
      // Issued before delivery was recorded: in effect at its issue (第40条, 30 days on).
      const legal = terminationLastWorkingDay(e.at);
      const last =
        r.noticeMode === 'payInLieu' && r.lastWorkingDay !== undefined ? r.lastWorkingDay : legal;
      if (p.legalLastWorkingDay !== legal) {
        problem(e, '.payload.legalLastWorkingDay', p.legalLastWorkingDay, legal);
      }
      if (p.lastWorkingDay !== last) problem(e, '.payload.lastWorkingDay', p.lastWorkingDay, last);
      r.noticeReceivedAt = e.at;
      r.legalLastWorkingDay = legal;
      r.lastWorkingDay = last;
      r.noProtectedStatus = true;
      r.hrOwner = r.hrOwner ?? e.actor.openid;
      r.checklist = items;
    } else if (type === 'hr.close') {
      r.completedAt = e.at;
    }
    r.state = rule.to;
    r.stages = moveStage(r.stages, rule.to, e.at);
  }

  if (r.kind !== undefined) compareFields(stored, r, mismatches);
  return {
    valid: chain.valid && mismatches.length === 0,
    ...(brokenAt !== undefined ? { brokenAt } : {}),
    mismatches,
    replayed: r,
  };
}

function beijingDateOf(at: Instant): CalendarDate {
  return at ? beijingDate(at) : '';
}

/** The union notice as the issue recorded it, in the stored field order. */
function unionNoticeOf(v: unknown): UnionNotice | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const o = v as Record<string, unknown>;
  return {
    notifiedOn: str(o.notifiedOn) ?? '',
    body: str(o.body) as UnionNotice['body'],
    ...(typeof o.objection === 'boolean' ? { objection: o.objection } : {}),
  };
}

/** The first link of the chain that does not hold, as a mismatch naming the event. */
function brokenLink(events: readonly AuditEvent[], sha256: HashText): EvidenceMismatch | null {
  const { broken } = firstBrokenLink(events, sha256);
  return broken
    ? {
        field: `events[${broken.seq}].${broken.part}`,
        stored: broken.stored,
        replayed: broken.expected,
      }
    : null;
}

function compareFields(stored: CaseRecord, r: ReplayedCase, out: EvidenceMismatch[]): void {
  const same = (field: string, s: unknown, p: unknown) => {
    const sv = value(s);
    const pv = value(p);
    if (sv !== pv) out.push({ field, stored: sv, replayed: pv });
  };
  same('kind', stored.kind, r.kind);
  same('reason', stored.reason, r.reason);
  if (r.kind === 'resignation') {
    same('explanation', stored.explanation, r.explanation);
    same('faultGrounds', stored.faultGrounds?.join(','), r.faultGrounds?.join(','));
    same('employeeOpenid', stored.employeeOpenid, r.employeeOpenid);
  }
  same('state', stored.state, r.state);
  same('hrOwner', stored.hrOwner, r.hrOwner);
  same('noticeReceivedAt', stored.noticeReceivedAt, r.noticeReceivedAt);
  same('noticeTextHash', stored.noticeTextHash, r.noticeTextHash);
  if (r.noticeText !== undefined) same('noticeText', stored.noticeText, r.noticeText);
  same('certificateStatesReason', stored.certificateStatesReason, r.certificateStatesReason);
  same('certificateText', stored.certificateText, r.certificateText);
  same('nonCompeteNoticeText', stored.nonCompeteNoticeText, r.nonCompeteNoticeText);
  same('legalLastWorkingDay', stored.legalLastWorkingDay, r.legalLastWorkingDay);
  same('lastWorkingDay', stored.lastWorkingDay, r.lastWorkingDay);
  same('consentToLaterDay', stored.consentToLaterDay, r.consentToLaterDay);
  same('consentedLastWorkingDay', stored.consentedLastWorkingDay, r.consentedLastWorkingDay);
  same('earlyReleaseProposedBy', stored.earlyReleaseProposedBy, r.earlyReleaseProposedBy);
  same('noticeMode', stored.noticeMode, r.noticeMode);
  same('noProtectedStatus', stored.noProtectedStatus, r.noProtectedStatus);
  same('unionNotice', stored.unionNotice, r.unionNotice);
  same('issuedAt', stored.issuedAt, r.issuedAt);
  same('deliveredAt', stored.deliveredAt, r.deliveredAt);
  same('deliveredOn', stored.deliveredOn, r.deliveredOn);
  same('deliveryMethod', stored.deliveryMethod, r.deliveryMethod);
  same('completedAt', stored.completedAt, r.completedAt);
  same('disputed', stored.disputed === true, r.disputed === true);
  same('nonCompete.decision', stored.nonCompete?.decision, r.nonCompete?.decision);
  same('nonCompete.months', stored.nonCompete?.months, r.nonCompete?.months);
  same(
    'nonCompete.monthlyCompensation',
    stored.nonCompete?.monthlyCompensation,
    r.nonCompete?.monthlyCompensation,
  );
  same('successorNos', stored.successorNos?.join(','), r.successorNos?.join(','));
  const storedItems = stored.handover?.items ?? [];
  same('handover.items.length', storedItems.length, r.handoverItems?.length ?? 0);
  (r.handoverItems ?? []).forEach((item, i) => {
    const s = storedItems[i];
    for (const key of ['itemId', 'text', 'successorNo', 'status', 'by', 'at'] as const) {
      same(`handover.items[${i}].${key}`, s?.[key], item[key]);
    }
  });
  same('seq', stored.seq, r.seq);
  same('lastEventHash', stored.lastEventHash, r.lastEventHash);
  same('createdAt', stored.createdAt, r.createdAt);
  const sig = stored.signature;
  const rsig = r.signature;
  if (sig === undefined || rsig === undefined) {
    same('signature', sig ? 'present' : null, rsig ? 'present' : null);
  }
  for (const key of ['hash', 'letterHash', 'openid', 'at', 'clientIp'] as const) {
    if (sig !== undefined || rsig !== undefined) same(`signature.${key}`, sig?.[key], rsig?.[key]);
  }
  if (rsig?.letterText !== undefined)
    same('signature.letterText', sig?.letterText, rsig.letterText);
  const storedDocuments = stored.documents ?? [];
  same('documents.length', storedDocuments.length, r.documents.length);
  r.documents.forEach((d) => {
    const s = storedDocuments.find((x) => x.kind === d.kind);
    for (const key of ['status', 'forSeq', 'fileId', 'sha256', 'size', 'createdAt'] as const) {
      same(`documents.${d.kind}.${key}`, s?.[key], d[key]);
    }
  });
  same('attachments.length', stored.attachments.length, r.attachments.length);
  const attachmentKeys = [
    'kind',
    'fileId',
    'evidenceFileId',
    'sha256',
    'size',
    'contentType',
    'uploadedBy',
    'at',
  ] as const;
  r.attachments.forEach((a, i) => {
    const s = stored.attachments[i];
    for (const key of attachmentKeys) same(`attachments[${i}].${key}`, s?.[key], a[key]);
    same(`attachments[${i}].documentDate`, s?.documentDate, a.documentDate);
  });
  same('waivers.length', stored.waivers.length, r.waivers.length);
  r.waivers.forEach((w, i) => {
    const s = stored.waivers[i];
    for (const key of ['item', 'by', 'at', 'note'] as const) {
      same(`waivers[${i}].${key}`, s?.[key], w[key]);
    }
  });
  same(
    'checklist.items',
    stored.checklist.map((e) => e.item).join(','),
    r.checklist.map((e) => e.item).join(','),
  );
  for (const entry of r.checklist) {
    const s = stored.checklist.find((e) => e.item === entry.item);
    if (s === undefined) continue;
    const f = `checklist.${entry.item}`;
    same(`${f}.done`, s.done, entry.done);
    same(`${f}.doneAt`, s.doneAt, entry.doneAt);
    same(`${f}.doneBy`, s.doneBy, entry.doneBy);
    same(`${f}.waived`, s.waived === true, entry.waived === true);
    same(`${f}.waivedAt`, s.waivedAt, entry.waivedAt);
    same(`${f}.waivedBy`, s.waivedBy, entry.waivedBy);
    same(`${f}.note`, s.note, entry.note);
    same(`${f}.closedAs`, s.closedAs, entry.closedAs);
  }
  same('stages.length', stored.stages.length, r.stages.length);
  r.stages.forEach((st, i) => {
    const s = stored.stages[i];
    same(`stages[${i}].state`, s?.state, st.state);
    same(`stages[${i}].enteredAt`, s?.enteredAt, st.enteredAt);
    same(`stages[${i}].exitedAt`, s?.exitedAt, st.exitedAt);
  });
}

/** A chain head written outside the database (the daily anchor, `anchors/YYYY-MM-DD.json`). */
export interface AnchoredHead {
  readonly date: CalendarDate;
  readonly seq: number;
  readonly lastEventHash: string;
}

/**
 * Each anchored head must lie on the chain: the event with that number has that hash. A log
 * edited and re-chained after the anchor was written fails here, however consistent it is.
 */
export function anchorMismatches(
  events: readonly AuditEvent[],
  heads: readonly AnchoredHead[],
): EvidenceMismatch[] {
  const out: EvidenceMismatch[] = [];
  for (const head of heads) {
    const event = events.find((e) => e.seq === head.seq);
    if (event?.hash !== head.lastEventHash) {
      out.push({
        field: `anchors.${head.date}`,
        stored: head.lastEventHash,
        replayed: event?.hash ?? null,
      });
    }
  }
  return out;
}

/** An evidence copy and the SHA-256 recorded when it was taken into custody. */
export interface CustodyRecord {
  readonly field: string;
  readonly fileId: string;
  readonly sha256: string;
}

/** The evidence files the replayed case holds, with the hashes their events recorded. */
export function custodyRecords(r: ReplayedCase): CustodyRecord[] {
  const files: CustodyRecord[] = r.attachments.map((a, i) => ({
    field: `attachments[${i}].file`,
    fileId: a.evidenceFileId,
    sha256: a.sha256,
  }));
  for (const d of r.documents) {
    if (d.status === 'ready' && d.fileId && d.sha256) {
      files.push({ field: `documents.${d.kind}.file`, fileId: d.fileId, sha256: d.sha256 });
    }
  }
  if (r.signature?.evidenceFileId) {
    files.push({
      field: 'signature.file',
      fileId: r.signature.evidenceFileId,
      sha256: r.signature.hash,
    });
  }
  return files;
}

/** Re-hashed files against custody: `null` for a file that is gone. */
export function custodyMismatches(
  records: readonly CustodyRecord[],
  hashes: Readonly<Record<string, string | null>>,
): EvidenceMismatch[] {
  return records
    .filter((f) => hashes[f.fileId] !== f.sha256)
    .map((f) => ({ field: f.field, stored: f.sha256, replayed: hashes[f.fileId] ?? null }));
}
