import { beijingDate, type Instant, toInstant } from '../domain/beijing-calendar';
import type { Actor } from '../domain/actor';
import type { PendingEvent } from '../domain/case-effects';
import {
  CALLABLE_TRACKS,
  type ReminderRecipient,
  type ReminderStatus,
} from '../domain/reminder-kinds';
import {
  audienceOf,
  inSendWindow,
  messagedOn,
  planReminders,
  type ReminderDecision,
  type ReminderSlot,
} from '../domain/reminder-policy';
import { openTracks } from '../domain/reminder-tracks';
import { saveReminderOutcome } from './case-writer';
import { composeMessage, messageContent } from './reminder-messages';
import type { CasesRepository, StoredCase } from './ports/cases.port';
import type { ConfigAlertsRepository } from './ports/config-alerts.port';
import type { Crypto } from './ports/crypto.port';
import type { MessageNotifier, SendOutcome } from './ports/notifier.port';
import type { ReminderRecord, RemindersRepository } from './ports/reminders.port';
import type { Settings } from './ports/settings.port';

/** A message and its transient-error retries: the first try and at most 3 more (DESIGN §3). */
export const MAX_ATTEMPTS = 4;

/** No run outlives WeChat's longest function timeout: a `sending` older than this is orphaned. */
export const FUNCTION_TIMEOUT_MAX_MS = 60_000;

/** Tries of the case update when other writes keep moving its version. */
const SAVE_ATTEMPTS = 4;

/** WeChat's answers that mean the configuration is wrong, not the person unreachable. */
const CONFIG_ERRORS = new Set([40003, 40037, 47003, 41030]);
/** No credit, or the user refused: final; HR should phone. */
const NO_CREDIT = 43101;
/** Frequency limits: worth another try at a later run. */
const RATE_LIMITED = new Set([45009, 45011]);

export type SendVerdict = 'sent' | 'undeliverable' | 'config' | 'transient' | 'failed';

/** How the sweep treats WeChat's answer. */
export function verdictOf(errCode: number): SendVerdict {
  if (errCode === 0) return 'sent';
  if (errCode === NO_CREDIT) return 'undeliverable';
  if (CONFIG_ERRORS.has(errCode)) return 'config';
  // -1 is "system busy" and what the notifier reports for a network failure; negative codes
  // are the cloud's own internal errors.
  if (errCode < 0 || RATE_LIMITED.has(errCode)) return 'transient';
  return 'failed';
}

/** The OPENIDs each recipient role of a case resolves to. */
export interface Recipients {
  readonly employee: string | null;
  readonly manager: string | null;
  /** The HR owner, or every HR when the case has none yet. */
  readonly hr: readonly string[];
  /** Each successor's OPENID by employee number (null when not bound). */
  readonly successors?: Readonly<Record<string, string | null>>;
}

export interface DeliveryDeps {
  readonly cases: CasesRepository;
  readonly reminders: RemindersRepository;
  readonly notifier: MessageNotifier;
  readonly configAlerts: ConfigAlertsRepository;
  readonly crypto: Crypto;
}

export interface DeliveryContext {
  readonly settings: Settings;
  readonly now: Date;
  /** A `sending` record older than this is from a crashed run. */
  readonly staleSendingMs: number;
  /** `system` for the timer, the HR for `case.remind`. */
  readonly actor: Actor;
  /** Configuration alerts already raised in this run: one document per (template, errCode). */
  readonly raised: Set<string>;
}

export interface VisitResult {
  readonly reminders: readonly ReminderRecord[];
  /** Reminder records this visit wrote (sent, skipped, …) */
  readonly decided: number;
  readonly saved: 'saved' | 'conflict' | 'unchanged';
}

function openidsFor(
  slot: {
    readonly recipient: ReminderRecipient;
    readonly detail: Readonly<Record<string, unknown>>;
  },
  to: Recipients,
): string[] {
  if (slot.recipient === 'employee') return to.employee ? [to.employee] : [];
  if (slot.recipient === 'manager') return to.manager ? [to.manager] : [];
  if (slot.recipient === 'successor') {
    const openid = to.successors?.[String(slot.detail.successorNo)];
    return openid ? [openid] : [];
  }
  return [...to.hr];
}

/**
 * The one send path of the timer and of `case.remind` (DESIGN §3 "Reminders"): each reminder
 * is a `reminders` document created (status `sending`) before the message goes out, so a second
 * or concurrent run meets the existing id and never sends it again; the answer then settles it.
 * Writes per reminder: the add, the settle, and a share of one case update carrying the
 * decisions as `reminder.decision` events, `nextReminderAt` and `needsCall`.
 */
export function reminderDelivery(deps: DeliveryDeps) {
  async function raiseConfigAlert(
    ctx: DeliveryContext,
    record: ReminderRecord,
    outcome: SendOutcome,
  ): Promise<void> {
    const key = `${record.templateId ?? record.kind}:${outcome.errCode}`;
    if (ctx.raised.has(key)) return;
    ctx.raised.add(key);
    await deps.configAlerts.raise({
      templateId: record.templateId ?? '',
      kind: record.kind,
      errCode: outcome.errCode,
      errMsg: outcome.errMsg,
      reminderId: record.id,
      caseId: record.caseId,
      at: toInstant(ctx.now),
    });
  }

  /** Sends one claimed record to its people and settles it; returns the settled record. */
  async function sendClaimed(
    ctx: DeliveryContext,
    caseDoc: StoredCase,
    claimed: ReminderRecord,
    openids: readonly string[],
  ): Promise<ReminderRecord> {
    const at = toInstant(ctx.now);
    const templateId = claimed.templateId ?? '';
    let settled: Partial<ReminderRecord>;
    if (openids.length === 0) {
      // Nobody bound to send to: only a phone call reaches them.
      settled = { status: 'undeliverable', errMsg: '未绑定微信，无法发送', updatedAt: at };
    } else {
      const content = messageContent(caseDoc, claimed);
      let accepted: string | null = null;
      let firstError: SendOutcome | null = null;
      // Every HR when the case has no owner: one record, a message to each.
      for (const touser of openids) {
        const outcome = await deps.notifier.send(
          composeMessage(ctx.settings, templateId, claimed.kind, touser, content),
        );
        if (outcome.errCode === 0) accepted ??= touser;
        else firstError ??= outcome;
      }
      if (accepted !== null) {
        settled = { status: 'sent', touser: accepted, sentAt: at, updatedAt: at };
      } else {
        const outcome = firstError ?? { errCode: -1, errMsg: 'no answer' };
        const verdict = verdictOf(outcome.errCode);
        const status: ReminderStatus =
          verdict === 'undeliverable'
            ? 'undeliverable'
            : verdict === 'transient' && claimed.attempts < MAX_ATTEMPTS
              ? 'pending'
              : 'failed';
        if (verdict === 'config') await raiseConfigAlert(ctx, claimed, outcome);
        settled = { status, errCode: outcome.errCode, errMsg: outcome.errMsg, updatedAt: at };
      }
    }
    await deps.reminders.transition(
      claimed.id,
      { status: 'sending', attempts: claimed.attempts },
      settled,
    );
    return { ...claimed, ...settled };
  }

  function recordOf(
    ctx: DeliveryContext,
    slot: ReminderSlot,
    status: ReminderStatus,
    openids: readonly string[],
  ): ReminderRecord {
    const at = toInstant(ctx.now);
    const templateId = ctx.settings.templateIds[slot.kind] ?? '';
    return {
      ...slot,
      status,
      ...(openids[0] !== undefined ? { touser: openids[0] } : {}),
      ...(openids.length > 1 ? { tousers: [...openids] } : {}),
      templateId,
      sendDate: beijingDate(ctx.now),
      attempts: status === 'sending' ? 1 : 0,
      createdAt: at,
      updatedAt: at,
    };
  }

  function decisionEvent(ctx: DeliveryContext, record: ReminderRecord): PendingEvent {
    return {
      type: 'reminder.decision',
      actor: ctx.actor,
      at: toInstant(ctx.now),
      payload: {
        reminderId: record.id,
        track: record.track,
        slot: record.slot,
        kind: record.kind,
        recipient: record.recipient,
        status: record.status,
        attempts: record.attempts,
        ...(record.errCode !== undefined ? { errCode: record.errCode } : {}),
        // HR's note on a manual reminder: what the employee was told, on the case.
        ...(typeof record.detail.note === 'string' ? { note: record.detail.note } : {}),
      },
    };
  }

  /** What a step of a visit wrote, and whether the case needs another look soon. */
  interface StepOutcome {
    readonly changed: readonly ReminderRecord[];
    /** A transient failure waits for a retry at the next run. */
    readonly retryLater: boolean;
  }

  /**
   * Settles what earlier runs left: an orphaned `sending` becomes `failed_unknown`, never
   * resent; a transient failure is tried again the same day. Updates `records` in place.
   */
  async function settle(
    ctx: DeliveryContext,
    caseDoc: StoredCase,
    to: Recipients,
    records: Map<string, ReminderRecord>,
  ): Promise<StepOutcome & { readonly inFlightElsewhere: boolean }> {
    const policy = ctx.settings.policy.reminders;
    const at = toInstant(ctx.now);
    const today = beijingDate(ctx.now);
    const changed: ReminderRecord[] = [];
    let inFlightElsewhere = false;
    let retryLater = false;
    for (const record of [...records.values()]) {
      if (record.status === 'sending') {
        if (ctx.now.getTime() - Date.parse(record.updatedAt) < ctx.staleSendingMs) {
          inFlightElsewhere = true;
          continue;
        }
        // A crashed run: WeChat may or may not have delivered it. At most once: not resent.
        const patch = { status: 'failed_unknown' as const, updatedAt: at };
        if (await deps.reminders.transition(record.id, record, patch)) {
          const next = { ...record, ...patch };
          records.set(record.id, next);
          changed.push(next);
        }
      } else if (record.status === 'pending' && record.attempts > 0) {
        // A transient failure: tried again the same Beijing day inside the window; a later
        // day would make it a second message that day, so it ends as failed instead.
        const sameDay = record.sendDate === today;
        // The task was done meanwhile: its track has stopped, so has the retry.
        const stillOpen = openTracks(caseDoc).includes(record.track);
        if (stillOpen && sameDay && !inSendWindow(ctx.now, policy)) {
          retryLater = true;
          continue;
        }
        const retry = stillOpen && sameDay;
        const patch: Partial<ReminderRecord> = retry
          ? { status: 'sending', attempts: record.attempts + 1, updatedAt: at }
          : { status: stillOpen ? 'failed' : 'skipped', updatedAt: at };
        if (!(await deps.reminders.transition(record.id, record, patch))) continue;
        const claimed = { ...record, ...patch };
        const settled = retry
          ? await sendClaimed(ctx, caseDoc, claimed, openidsFor(record, to))
          : claimed;
        if (settled.status === 'pending') retryLater = true;
        records.set(record.id, settled);
        changed.push(settled);
      }
    }
    return { changed, retryLater, inFlightElsewhere };
  }

  /**
   * The slots to record now and when the case is next due: the schedule's, or HR's one manual
   * slot (skipped when the person already had their message today), the schedule left as it is.
   */
  function decide(
    ctx: DeliveryContext,
    caseDoc: StoredCase,
    recorded: readonly ReminderRecord[],
    manual: ReminderSlot | undefined,
  ): { decisions: ReminderDecision[]; nextReminderAt: Instant | null } {
    if (manual === undefined) {
      const plan = planReminders(caseDoc, ctx.now, ctx.settings.policy.reminders, recorded);
      return { decisions: [...plan.decisions], nextReminderAt: plan.nextReminderAt };
    }
    const decisions: ReminderDecision[] = [];
    if (!recorded.some((r) => r.id === manual.id)) {
      const capped = messagedOn(recorded, audienceOf(manual), beijingDate(ctx.now));
      decisions.push({ ...manual, status: capped ? 'skipped' : 'pending' });
    }
    return { decisions, nextReminderAt: caseDoc.nextReminderAt };
  }

  /** Records each decision (the add is the claim) and sends the pending ones. */
  async function send(
    ctx: DeliveryContext,
    caseDoc: StoredCase,
    to: Recipients,
    decisions: readonly ReminderDecision[],
    records: Map<string, ReminderRecord>,
  ): Promise<StepOutcome> {
    const changed: ReminderRecord[] = [];
    let retryLater = false;
    for (const decision of decisions) {
      const openids = openidsFor(decision, to);
      const { status: _status, ...slot } = decision;
      const record = recordOf(
        ctx,
        slot,
        decision.status === 'skipped' ? 'skipped' : 'sending',
        openids,
      );
      // The add is the claim: if another run holds this id, it sends, not us.
      if (!(await deps.reminders.claim(record))) continue;
      const settled =
        record.status === 'sending' ? await sendClaimed(ctx, caseDoc, record, openids) : record;
      if (settled.status === 'pending') retryLater = true;
      records.set(settled.id, settled);
      changed.push(settled);
    }
    return { changed, retryLater };
  }

  /**
   * One visit to a case: settles what earlier runs left, decides the slots due now, sends, and
   * writes the case once.
   */
  async function visit(
    ctx: DeliveryContext,
    caseDoc: StoredCase,
    to: Recipients,
    /** HR's manual reminder: only this slot is decided; the schedule is left to the timer. */
    options: { readonly manual?: ReminderSlot } = {},
  ): Promise<VisitResult> {
    const records = new Map(
      (await deps.reminders.listForCase(caseDoc.caseId)).map((r) => [r.id, r]),
    );
    const settled = options.manual
      ? { changed: [], retryLater: false, inFlightElsewhere: false }
      : await settle(ctx, caseDoc, to, records);
    const plan = decide(ctx, caseDoc, [...records.values()], options.manual);
    const sent = await send(ctx, caseDoc, to, plan.decisions, records);
    const changed = [...settled.changed, ...sent.changed];

    // The employee or the manager cannot be reached: HR should phone.
    const undeliverable = changed.some(
      (r) => r.status === 'undeliverable' && CALLABLE_TRACKS.includes(r.track),
    );
    let nextReminderAt = plan.nextReminderAt;
    // A retry waits for the next run (the timer runs every 30 minutes).
    if (settled.retryLater || sent.retryLater || settled.inFlightElsewhere) {
      const soon = toInstant(new Date(ctx.now.getTime() + 1000));
      if (nextReminderAt === null || soon < nextReminderAt) nextReminderAt = soon;
    }
    const all = [...records.values()].sort((a, b) => (a.dueAt < b.dueAt ? -1 : 1));
    // Another run is sending for this case right now: it writes the case, not us.
    if (changed.length === 0 && settled.inFlightElsewhere) {
      return { reminders: all, decided: 0, saved: 'unchanged' };
    }
    const saved = await saveCase(ctx, caseDoc, changed, nextReminderAt, undeliverable);
    return { reminders: all, decided: changed.length, saved };
  }

  /**
   * One version-checked update; a change in between (a user, or another run on the same case)
   * is re-read and the write redone, a few times at most.
   */
  async function saveCase(
    ctx: DeliveryContext,
    caseDoc: StoredCase,
    changed: readonly ReminderRecord[],
    nextReminderAt: Instant | null,
    undeliverable: boolean,
  ): Promise<'saved' | 'conflict'> {
    const events = changed.map((r) => decisionEvent(ctx, r));
    let current: StoredCase | null = caseDoc;
    for (let attempt = 0; attempt < SAVE_ATTEMPTS && current; attempt += 1) {
      const schedule = {
        // A user's change may have opened a track meanwhile: the earlier time wins.
        nextReminderAt:
          attempt === 0 || current.nextReminderAt === null
            ? nextReminderAt
            : nextReminderAt === null || current.nextReminderAt < nextReminderAt
              ? current.nextReminderAt
              : nextReminderAt,
        needsCall: current.needsCall || undeliverable,
      };
      const result = await saveReminderOutcome(
        deps.cases,
        current,
        events,
        schedule,
        toInstant(ctx.now),
        ctx.settings.policy,
        deps.crypto,
      );
      if (result === 'saved') return 'saved';
      current = await deps.cases.get(caseDoc.caseId);
    }
    return 'conflict';
  }

  return { visit };
}

export type ReminderDelivery = ReturnType<typeof reminderDelivery>;
