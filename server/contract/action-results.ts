import * as z from 'zod/mini';
import { type ActionName, handoverItemId, HISTORY_LIMIT } from './actions';
import { HANDOVER_ITEM_STATUSES } from '../domain/handover-record';
import { NON_COMPETE_DECISIONS } from '../domain/non-compete';
import { documentKindSchema, documentView } from './documents-function';
import {
  calendarDate,
  caseId,
  checklistItemId,
  employeeNo,
  instant,
  sha256Hex,
  caseKindSchema,
  faultGroundSchema,
  reasonSchema,
  rehireSchema,
  reminderKindSchema,
  roleSchema,
  stateSchema,
  uploadTag,
} from './field-schemas';
import { INTERVIEW_RESULTS } from './interview-results';
import { TRAINING_RESULTS } from './training-results';
import {
  departureRecordView,
  handoverItemView,
  handoverView,
  attachmentView,
  auditEventView,
  blockedCaseActionView,
  caseActionView,
  evidenceMismatchView,
  caseRef,
  caseView,
  checklistRowView,
  employeeView,
  letterView,
  nextStepView,
  openCaseView,
  progressStepView,
  policyView,
  reasonView,
  reminderRowView,
} from './views.schema';

const storedLetterView = z.strictObject({
  text: z.string(),
  sha256: sha256Hex,
  matches: z.boolean(),
});

const subscriptionEstimates = z.partialRecord(reminderKindSchema, z.int().check(z.nonnegative()));

const statsReasonCount = z.strictObject({
  reason: reasonSchema,
  label: z.string(),
  count: z.int(),
});

const shareOf = z.strictObject({
  departures: z.int().check(z.nonnegative()),
  share: z.nullable(z.number().check(z.gte(0), z.lte(1))),
});

/** What a successor's answer (or the manager's on their behalf) comes back with. */
const handoverAnswerResult = z.strictObject({
  caseId,
  itemId: handoverItemId,
  status: z.enum(HANDOVER_ITEM_STATUSES),
  /** This answer completed the list: `handover_confirmed` is ticked. */
  handoverConfirmed: z.boolean(),
});

/** What an import refused, row by row, in Chinese. */
const rowErrors = z.array(z.strictObject({ row: z.int(), field: z.string(), message: z.string() }));

/**
 * What each action of the `offboarding` function answers with (DESIGN §4 "RPC contract"). The
 * function never parses its own answers, so these schemas stay out of its bundle: the contract
 * tests and the fuzz test hold every answer to them, and clients read their types.
 */
export const ACTION_RESULTS = {
  'me.get': z.strictObject({
    employee: z.nullable(employeeView),
    roles: z.array(roleSchema),
    openCase: z.optional(openCaseView),
    /**
     * An employee with no open case: the last working day a resignation submitted now would
     * have (第37条: 30 days, 3 in probation), for the confirmation before submitting.
     */
    resignationPreview: z.optional(
      z.strictObject({ lastWorkingDay: calendarDate, noticeDays: z.int().check(z.positive()) }),
    ),
    subscriptions: subscriptionEstimates,
    /**
     * The caller's upload tag: files go to `cases/{caseId}/{kind}/{uploadTag}-…`, and the
     * server accepts only the caller's own (the SDK does not tell a function who uploaded a
     * file). Always sent; optional for clients that predate it.
     */
    uploadTag: z.optional(uploadTag),
    /**
     * 离职记录: the employee's own finished cases (completed or withdrawn), newest first, at
     * most `HISTORY_LIMIT`. Absent for a caller who is not an employee.
     */
    history: z.optional(z.array(departureRecordView).check(z.maxLength(HISTORY_LIMIT))),
  }),
  'me.bind': z.strictObject({ employee: employeeView, roles: z.array(roleSchema) }),
  'meta.get': z.strictObject({
    reasons: z.array(reasonView),
    states: z.record(stateSchema, z.string()),
    checklistItems: z.array(z.strictObject({ item: checklistItemId, label: z.string() })),
    policy: policyView,
    templateIds: z.partialRecord(reminderKindSchema, z.string()),
    /** 第38条: the employer's faults an employee may name, with a plain explanation each. */
    faultGrounds: z.array(
      z.strictObject({
        ground: faultGroundSchema,
        paragraph: z.union([z.literal(1), z.literal(2)]),
        label: z.string(),
        explanation: z.string(),
      }),
    ),
  }),
  'case.submit': z.strictObject({
    caseId,
    state: stateSchema,
    version: z.int().check(z.nonnegative()),
    noticeReceivedAt: instant,
    noticeTextHash: sha256Hex,
    lastWorkingDay: calendarDate,
  }),
  'case.terminate': z.strictObject({
    caseId,
    state: z.literal('draft'),
    version: z.int().check(z.nonnegative()),
  }),
  'case.issue': z.strictObject({
    caseId,
    state: stateSchema,
    version: z.int().check(z.nonnegative()),
    issuedAt: instant,
    /** 民法典 第137条: in effect on delivery, so these come with it (待送达 until then). */
    awaitingDelivery: z.boolean(),
    noticeReceivedAt: z.optional(instant),
    /** With pay in lieu HR's day; with thirty days' notice, set on delivery. */
    lastWorkingDay: z.optional(calendarDate),
  }),
  'case.attach': z.extend(caseRef, { attachments: z.array(attachmentView) }),
  'case.resubmit': caseRef,
  'case.withdraw': caseRef,
  'case.consentLaterDay': z.extend(caseRef, { consentToLaterDay: calendarDate }),
  'case.markDisputed': z.extend(caseRef, { disputed: z.boolean() }),
  'case.consentLastWorkingDay': z.extend(caseRef, { consentedLastWorkingDay: calendarDate }),
  'case.review': caseRef,
  'case.hrEscalate': caseRef,
  'case.hrConfirm': z.extend(caseRef, { lastWorkingDay: calendarDate }),
  'case.hrReturn': caseRef,
  'case.hrCancel': caseRef,
  'case.recordDelivery': z.extend(caseRef, {
    deliveredOn: calendarDate,
    noticeReceivedAt: instant,
    lastWorkingDay: calendarDate,
  }),
  'case.sign': z.strictObject({
    caseId,
    state: stateSchema,
    version: z.int().check(z.nonnegative()),
    letterHash: sha256Hex,
    signatureHash: sha256Hex,
    chainHead: sha256Hex,
  }),
  'case.checklist': z.extend(caseRef, { row: checklistRowView }),
  'case.nonCompete': z.extend(caseRef, {
    decision: z.enum(NON_COMPETE_DECISIONS),
    nextCompensationDate: z.optional(calendarDate),
  }),
  'case.assignSuccessors': z.extend(caseRef, { handover: handoverView }),
  'handover.mine': z.strictObject({
    cases: z.array(
      z.strictObject({
        caseId,
        employeeName: z.string(),
        /** The handover is under way (formalities): the items can be answered. */
        answerable: z.boolean(),
        items: z.array(handoverItemView),
      }),
    ),
  }),
  'handover.confirm': handoverAnswerResult,
  'handover.dispute': handoverAnswerResult,
  'case.close': z.extend(caseRef, { completedAt: instant }),
  'case.get': z.strictObject({
    case: caseView,
    /**
     * What the caller may do now, by the server's own rules for this caller; and what their
     * role allows but a rule holds back, with the reason. Always sent.
     */
    allowedActions: z.array(caseActionView),
    blockedActions: z.array(blockedCaseActionView),
    /** The steps of the case with the day each was reached. */
    progress: z.optional(z.array(progressStepView)),
    /** The owner only: their next step and its due day, or whom the case waits for. */
    nextStep: z.optional(nextStepView),
    letter: z.nullable(letterView),
    checklist: z.array(checklistRowView),
    reminders: z.array(reminderRowView),
    events: z.array(auditEventView),
    /** HR and the manager: the employee's mobile from the roster, when on file. */
    contact: z.optional(z.strictObject({ mobile: z.string() })),
    /** HR only, terminations: 第47条 months by years of service, and what they leave out. */
    severance: z.optional(
      z.strictObject({
        months: z.number(),
        serviceFrom: calendarDate,
        serviceTo: calendarDate,
        caveats: z.array(z.string()),
      }),
    ),
  }),
  'case.evidence': z.strictObject({
    valid: z.boolean(),
    brokenAt: z.optional(z.int().check(z.nonnegative())),
    chainHead: z.nullable(sha256Hex),
    letterHash: z.nullable(sha256Hex),
    signatureHash: z.nullable(sha256Hex),
    /** Every stored field, anchor or file the replay contradicts (empty when valid). */
    mismatches: z.array(evidenceMismatchView),
    /** Which checks passed: the chain and its events, the case's fields, anchors, files. */
    checks: z.strictObject({
      chain: z.boolean(),
      fields: z.boolean(),
      anchors: z.boolean(),
      files: z.boolean(),
    }),
    events: z.array(auditEventView),
    /**
     * The exact texts kept on the case (issue 11 item 10): as submitted and as signed, each
     * with the SHA-256 its event recorded and whether the stored text still matches it.
     */
    letters: z.strictObject({
      submitted: z.nullable(storedLetterView),
      signed: z.nullable(storedLetterView),
      /** The 《竞业限制决定告知书》 (第23/24条), when HR recorded the decision with it. */
      nonCompete: z.optional(z.nullable(storedLetterView)),
    }),
  }),
  'case.certificateReason': z.extend(caseRef, { statesReason: z.boolean() }),
  'case.issueCertificate': z.extend(caseRef, {
    text: z.string(),
    pending: z.array(documentKindSchema),
  }),
  'document.verify': z.strictObject({
    kind: documentKindSchema,
    label: z.string(),
    valid: z.boolean(),
    /** Present when a PDF's hash was given: it is the recorded one, and the record holds. */
    heldMatches: z.optional(z.boolean()),
    /** The employee's and HR's view: who signed what, when, and each check. */
    details: z.optional(
      z.strictObject({
        caseId,
        employeeName: z.string(),
        sha256: sha256Hex,
        createdAt: z.string(),
        checks: z.strictObject({ file: z.boolean(), chain: z.boolean(), anchors: z.boolean() }),
        signedBy: z.optional(z.string()),
        signedAt: z.optional(instant),
        letterHash: z.optional(sha256Hex),
        letterTitle: z.optional(z.string()),
      }),
    ),
  }),
  'case.documents': z.strictObject({
    documents: z.array(documentView),
    pending: z.array(documentKindSchema),
    /** The employee's choice for the 离职证明's reason; null until they choose (not stated). */
    certificateStatesReason: z.nullable(z.boolean()),
  }),
  'case.handoverTemplate': z.strictObject({ fileId: z.string(), url: z.string() }),
  'case.remind': z.strictObject({ caseId, reminders: z.array(reminderRowView) }),
  'case.recordContact': caseRef,
  'subscription.record': z.strictObject({ subscriptions: subscriptionEstimates }),
  'privacy.get': z.strictObject({
    /** The company, as configured; null when not set (the guide then says 本公司). */
    handler: z.nullable(z.string()),
    contact: z.nullable(z.string()),
    retentionYears: z.int().check(z.gte(2)),
  }),
  'privacy.report': z.strictObject({ recorded: z.literal(true) }),
  'admin.board': z.strictObject({
    /** Open states: every case in them; completed and withdrawn: since `finishedSince`. */
    counts: z.record(stateSchema, z.int().check(z.nonnegative())),
    /** The Beijing date from which finished cases are counted (90 days back). */
    finishedSince: calendarDate,
    /**
     * Open cases per state that are overdue (已逾期) and that need a phone call (需电话联系),
     * under the same visibility and filters as `counts` except `overdueOnly`/`needsCallOnly`:
     * the tabs' numbers stay right whichever tab is open.
     */
    overdueByState: z.optional(z.partialRecord(stateSchema, z.int().check(z.nonnegative()))),
    needsCallByState: z.optional(z.partialRecord(stateSchema, z.int().check(z.nonnegative()))),
    /** As `counts`, without `overdueOnly`/`needsCallOnly`: the state tabs' numbers. */
    countsIgnoringUrgency: z.optional(z.partialRecord(stateSchema, z.int().check(z.nonnegative()))),
    rows: z.array(
      z.strictObject({
        caseId,
        kind: caseKindSchema,
        employeeNo,
        name: z.string(),
        department: z.string(),
        reason: reasonSchema,
        state: stateSchema,
        enteredAt: instant,
        lastWorkingDay: z.optional(calendarDate),
        overdue: z.boolean(),
        /** Whole Beijing days the case has stood in its state: 已停留5天. */
        stayedDays: z.optional(z.int().check(z.nonnegative())),
        /** Whole Beijing days past its deadline, when overdue: 逾期2天. */
        overdueDays: z.optional(z.int().check(z.nonnegative())),
        needsCall: z.boolean(),
        /** The employee's mobile, on a row that needs a call (HR and the manager only). */
        mobile: z.optional(z.string()),
        /** 可再次录用, in HR's board only. */
        rehire: z.optional(rehireSchema),
        /** Present for a case the company's OA started (经 OA 提交). */
        source: z.optional(z.literal('oa')),
        /** The employee has not bound the mini program (未绑定小程序); OA cases only. */
        unbound: z.optional(z.literal(true)),
        /** A status callback to the OA is failing (同步失败); `case.oaRetry` sends again. */
        oaSyncFailed: z.optional(z.literal(true)),
      }),
    ),
    nextCursor: z.optional(z.string()),
  }),
  'admin.purgeCase': z.strictObject({
    caseId,
    closedAt: instant,
    purgedAt: instant,
    /** The case's final chain head, kept in the tombstone. */
    chainHead: z.nullable(sha256Hex),
    /** The purge's own record, chained onto that head. */
    purgeHash: sha256Hex,
    filesDeleted: z.int().check(z.nonnegative()),
  }),
  'case.oaRetry': z.strictObject({ caseId, requeued: z.int().check(z.nonnegative()) }),
  'admin.stats': z.strictObject({
    reasons: z.array(statsReasonCount),
    avgHandlingDays: z.nullable(z.number()),
    signedWithin72hShare: z.nullable(z.number().check(z.gte(0), z.lte(1))),
    avgDaysByState: z.partialRecord(stateSchema, z.number()),
    /** The slowest state by the stored (finished) stays of the period's cases. */
    bottleneck: z.nullable(stateSchema),
    /**
     * The period's cases still open, per state: how many and how long they have stood there
     * so far (days, one decimal) — the stays `avgDaysByState` cannot see until they end.
     */
    currentStalls: z.optional(
      z.array(
        z.strictObject({
          state: stateSchema,
          cases: z.int().check(z.nonnegative()),
          avgDays: z.nullable(z.number()),
          totalDays: z.number(),
        }),
      ),
    ),
    /**
     * Where the open cases pile up now: the state holding the most waiting (cases × days
     * stood), null with nothing open. Beside `bottleneck`, which only finished stays feed.
     */
    currentBottleneck: z.optional(z.nullable(stateSchema)),
    /** The period's cases per department, most first, with their reasons (zeros included). */
    byDepartment: z.array(
      z.strictObject({
        department: z.string(),
        count: z.int(),
        reasons: z.array(statsReasonCount),
      }),
    ),
    /** The 12 months ending with the month of `to`, oldest first, by notice date. */
    monthly: z.array(
      z.strictObject({
        /** `YYYY-MM` (Beijing). */
        month: z.string().check(z.regex(/^\d{4}-\d{2}$/)),
        cases: z.int(),
        avgHandlingDays: z.nullable(z.number()),
        signedWithin72hShare: z.nullable(z.number().check(z.gte(0), z.lte(1))),
        /** Departures imported as history (历史导入) with their notice in this month. */
        imported: z.int(),
      }),
    ),
    /**
     * Departures of the period that ended without a signed letter: the imported history
     * (before the product) against the cases completed in the product.
     */
    withoutSignedLetter: z.strictObject({
      imported: shareOf,
      product: shareOf,
    }),
  }),
  /** The workbook in storage, and a temporary URL to download it (2 hours). */
  'admin.statsExport': z.strictObject({
    fileId: z.string(),
    url: z.string(),
    fileName: z.string(),
  }),
  'admin.importHistory': z.strictObject({
    /** Rows stored for the first time; a row imported before with the same fields is `unchanged`. */
    created: z.int().check(z.nonnegative()),
    updated: z.int().check(z.nonnegative()),
    unchanged: z.int().check(z.nonnegative()),
    errors: rowErrors,
  }),
  'admin.import': z.strictObject({
    created: z.int().check(z.nonnegative()),
    updated: z.int().check(z.nonnegative()),
    errors: rowErrors,
  }),
  'admin.bindingCode': z.strictObject({ code: z.string(), expiresAt: instant }),
  'admin.employeeLookup': z.strictObject({ name: z.string(), department: z.string() }),
  'admin.trialSend': z.strictObject({
    /** One per configured template, in the order of the message kinds. */
    results: z.array(
      z.strictObject({
        /** The kind the template was tried as. */
        kind: reminderKindSchema,
        templateId: z.string(),
        /** The phrase the message carried (in its phrase field, or before its note). */
        phrase: z.string(),
        /** WeChat's answer: 0 when sent. */
        errCode: z.int(),
        errMsg: z.string(),
        /** The field WeChat refused (47003), as the template lists it: `phrase3`. */
        field: z.optional(z.string()),
      }),
    ),
  }),
  'admin.configAlerts': z.strictObject({
    /** Newest first, open and fixed; each says what to change and where, in Chinese. */
    alerts: z.array(
      z.strictObject({
        id: z.string(),
        title: z.string(),
        fix: z.string(),
        detail: z.string(),
        at: instant,
        resolved: z.boolean(),
      }),
    ),
    /** How many are not marked fixed. */
    open: z.int(),
  }),
  'admin.configAlertResolve': z.strictObject({ id: z.string(), resolved: z.literal(true) }),
  'admin.export': z.strictObject({
    exportId: z.string(),
    part: z.int().check(z.positive()),
    /** The part's archive in storage, and a temporary URL to download it. */
    fileId: z.string(),
    url: z.string(),
    /** True when this part is the last: parts 1…part are the whole export. */
    done: z.boolean(),
    /** Sent back as `cursor` to write the next part. */
    nextCursor: z.optional(z.string()),
    documents: z.int().check(z.nonnegative()),
    files: z.int().check(z.nonnegative()),
    missingFiles: z.int().check(z.nonnegative()),
    bytes: z.int().check(z.nonnegative()),
  }),
  ...TRAINING_RESULTS,
  ...INTERVIEW_RESULTS,
} as const satisfies Record<ActionName, z.ZodMiniType>;

export type ActionResult<A extends ActionName> = z.output<(typeof ACTION_RESULTS)[A]>;
