import {
  addDays,
  beijingDate,
  beijingTime,
  type CalendarDate,
  compareDates,
  type Instant,
  toInstant,
} from './beijing-calendar';
import { changeCase } from './case-change';
import { type DeliveryChannel } from './case-kinds';
import { type Actor } from './actor';
import { type DomainResult } from './case-effects';
import { type GuardName } from './case-guards';
import { type CaseRecord } from './case-record';
import { buildChecklist } from './checklist-rules';
import { EMPLOYER_NOTICE_DAYS } from './notice-period';
import { type Policy } from './policy';
import { actsAsHr } from './roles';
import { VOCABULARY } from './vocabulary';

/** How the text shows a notice30 last working day before delivery. */
export const UNTIL_DELIVERY_LAST_DAY = VOCABULARY.delivery.untilDelivered;
export const AWAITING_DELIVERY_LABEL = VOCABULARY.delivery.awaiting;

/**
 * An issued termination whose notice has not reached the employee yet (民法典 第137条: it
 * takes effect on delivery). A termination issued before delivery was recorded took effect
 * at its issue and carries its notice time.
 */
export function awaitingDelivery(caseDoc: CaseRecord): boolean {
  return (
    caseDoc.kind === 'termination' &&
    caseDoc.state === 'formalities' &&
    caseDoc.noticeReceivedAt === undefined
  );
}

/**
 * The days a delivery fixes: 第40条 thirty days after delivery (the day of delivery not
 * counted, 民法典 第201条), or with pay in lieu HR's day, never before the delivery.
 */
export function deliveredTerms(
  caseDoc: CaseRecord,
  deliveredOn: CalendarDate,
): { legalLastWorkingDay: CalendarDate; lastWorkingDay: CalendarDate } {
  const legal = addDays(deliveredOn, EMPLOYER_NOTICE_DAYS);
  const chosen = caseDoc.lastWorkingDay;
  if (caseDoc.noticeMode !== 'payInLieu' || chosen === undefined) {
    return { legalLastWorkingDay: legal, lastWorkingDay: legal };
  }
  return {
    legalLastWorkingDay: legal,
    lastWorkingDay: compareDates(chosen, deliveredOn) < 0 ? deliveredOn : chosen,
  };
}

/**
 * The notice time a delivery stands for: the moment the employee opened it, or for a delivery
 * HR records afterwards the start of that Beijing day (the moment itself when it is today).
 */
export function deliveredInstant(deliveredOn: CalendarDate, loggedAt: Date): Instant {
  return deliveredOn === beijingDate(loggedAt)
    ? toInstant(loggedAt)
    : toInstant(beijingTime(deliveredOn, 0));
}

export interface Delivery {
  readonly channel: DeliveryChannel;
  /** HR's record: the day the notice was delivered; the mini program's is today. */
  readonly deliveredOn?: CalendarDate;
}

const failed = (guard: GuardName): DomainResult => ({
  ok: false,
  code: 'PRECONDITION_FAILED',
  guard,
});

/**
 * The termination notice reaches the employee (民法典 第137条): the first time they open it in
 * the mini program (`mini_program`, the server's time), or HR records a delivery made another
 * way with its proof (`notice_delivery`) and date. From here the last working day, the
 * checklist and the reminders to sign the receipt run.
 */
export function deliverNotice(
  caseDoc: CaseRecord,
  delivery: Delivery,
  actor: Actor,
  now: Date,
  policy: Policy,
): DomainResult {
  if (caseDoc.kind !== 'termination' || caseDoc.state !== 'formalities') {
    return {
      ok: false,
      code: 'INVALID_TRANSITION',
      state: caseDoc.state,
      event: 'notice.delivered',
    };
  }
  const byEmployee = delivery.channel === 'mini_program';
  const allowed = byEmployee
    ? actor.role === 'employee'
    : actor.role !== 'system' && actsAsHr(actor.role);
  if (!allowed) {
    return { ok: false, code: 'FORBIDDEN', reason: `${actor.role} may not record delivery` };
  }
  if (!awaitingDelivery(caseDoc)) return failed('delivery_not_recorded');
  const today = beijingDate(now);
  const deliveredOn = byEmployee ? today : (delivery.deliveredOn ?? today);
  if (!byEmployee) {
    if (!caseDoc.attachments.some((a) => a.kind === 'notice_delivery')) {
      return failed('notice_delivery_attached');
    }
    const issuedOn = caseDoc.issuedAt ? beijingDate(caseDoc.issuedAt) : today;
    if (compareDates(deliveredOn, issuedOn) < 0 || compareDates(deliveredOn, today) > 0) {
      return failed('delivery_date_valid');
    }
  }
  const at = toInstant(now);
  const terms = deliveredTerms(caseDoc, deliveredOn);
  const noticeReceivedAt = deliveredInstant(deliveredOn, now);
  const checklist = buildChecklist({
    kind: caseDoc.kind,
    formalitiesStart: now,
    lastWorkingDay: terms.lastWorkingDay,
    hasManager: caseDoc.managerNo !== undefined,
    assets: policy.assets,
    ...(caseDoc.noticeMode ? { noticeMode: caseDoc.noticeMode } : {}),
    nonCompete: caseDoc.employee.nonCompete === true,
  });
  return changeCase(
    caseDoc,
    {
      noticeReceivedAt,
      deliveredAt: at,
      deliveredOn,
      deliveryMethod: delivery.channel,
      ...terms,
      checklist,
    },
    {
      type: 'notice.delivered',
      actor,
      at,
      payload: {
        method: delivery.channel,
        deliveredOn,
        noticeReceivedAt,
        ...terms,
        checklist: checklist.map((e) => e.item),
      },
    },
  );
}
