import * as z from 'zod/mini';
import {
  HANDOVER_ITEM_MAX_CHARS,
  MAX_HANDOVER_ITEMS,
  MAX_SUCCESSORS,
} from '../domain/handover-successors';
import { HANDOVER_ITEM_STATUSES } from '../domain/handover-record';
import { NON_COMPETE_DECISIONS, NON_COMPETE_MAX_MONTHS } from '../domain/non-compete';
import { PRIVATE_APIS, UNDECLARED_PRIVATE_API_ERRNO } from '../domain/private-apis';
import { FAULT_GROUNDS } from '../domain/employer-fault';
import { SEVERANCE_CLOSINGS } from '../domain/checklist';
import { documentKindSchema, documentView } from './documents-function';
import {
  asset,
  calendarDate,
  caseId,
  checklistItemId,
  comment,
  employeeNo,
  explanation,
  fileId,
  idempotencyKey,
  instant,
  readableText,
  sha256Hex,
} from './field-schemas';
import { TRAINING_ACTIONS } from './training-actions';
import {
  attachmentKindSchema,
  attachmentView,
  auditEventView,
  blockedCaseActionView,
  caseActionView,
  evidenceMismatchView,
  caseKindSchema,
  cancelBasisValues,
  caseRef,
  caseView,
  deliveryMethodSchema,
  unionNoticeSchema,
  checklistRowView,
  earlyReleaseProposerSchema,
  employeeView,
  faultGroundSchema,
  handoverItemView,
  handoverView,
  letterView,
  noticeModeSchema,
  nextStepView,
  openCaseView,
  progressStepView,
  policyView,
  reasonSchema,
  reasonView,
  rehireSchema,
  reminderKindSchema,
  reminderRowView,
  roleSchema,
  stateSchema,
} from './views.schema';

const noPayload = z.strictObject({});
const storedLetterView = z.strictObject({
  text: z.string(),
  sha256: sha256Hex,
  matches: z.boolean(),
});
const FAULT_GROUND_COUNT = FAULT_GROUNDS.length;
const uploadTag = z.string().check(z.regex(/^[0-9a-f]{16}$/));
const caseOnly = z.strictObject({ caseId });
const caseWithComment = z.strictObject({ caseId, comment: z.optional(comment) });

const subscriptionEstimates = z.partialRecord(reminderKindSchema, z.int().check(z.nonnegative()));

/** More than the seven message kinds' templates: a client never reports more at once. */
const MAX_SUBSCRIPTION_RESULTS = 20;

const bindingCode = z
  .string()
  .check(z.trim(), z.regex(/^[0-9A-Za-z-]{8,32}$/, { error: '应为 HR 发放的至少 8 位绑定码' }));

const checklistDone = z.strictObject({
  caseId,
  item: checklistItemId,
  done: z.boolean(),
  note: z.optional(comment),
});
const checklistWaive = z.strictObject({
  caseId,
  item: checklistItemId,
  waive: z.literal(true, { error: '只能为 true' }),
  note: comment.check(z.minLength(1, { error: '豁免时必填' })),
});

/** 解释(一) 第35条: severance closed as not owed or settled, with its document attached. */
const checklistClose = z.strictObject({
  caseId,
  item: z.literal('severance_paid', { error: '只有经济补偿可以这样办结' }),
  closeAs: z.enum(SEVERANCE_CLOSINGS, {
    error: '应为 not_owed（无须支付）或 settled（已协议解决）',
  }),
  note: z.optional(comment),
});

const importRow = z.strictObject({
  employeeNo,
  name: readableText().check(
    z.trim(),
    z.minLength(1, { error: '必填' }),
    z.maxLength(32, { error: '最多 32 个字' }),
  ),
  department: readableText().check(
    z.trim(),
    z.minLength(1, { error: '必填' }),
    z.maxLength(64, { error: '最多 64 个字' }),
  ),
  position: readableText().check(
    z.trim(),
    z.minLength(1, { error: '必填' }),
    z.maxLength(64, { error: '最多 64 个字' }),
  ),
  managerNo: z.optional(employeeNo),
  hireDate: calendarDate,
  probationEndDate: calendarDate,
  contractStart: z.optional(calendarDate),
  contractEnd: z.optional(calendarDate),
  roles: z.optional(z.array(roleSchema).check(z.maxLength(4))),
  /** The contract has a non-compete clause (劳动合同法 第23条). */
  nonCompete: z.optional(z.literal(true, { error: '有竞业限制条款时填 true，没有时不填' })),
});

const statsReasonCount = z.strictObject({
  reason: reasonSchema,
  label: z.string(),
  count: z.int(),
});
const shareOf = z.strictObject({
  departures: z.int().check(z.nonnegative()),
  share: z.nullable(z.number().check(z.gte(0), z.lte(1))),
});

/** The tables of the statistics page that export as a workbook. */
export const STATS_TABLES = ['reasons', 'departments', 'monthly', 'stages'] as const;
const statsTableSchema = z.enum(STATS_TABLES, {
  error: '应为 reasons、departments、monthly 或 stages',
});

/**
 * One past departure as HR pastes it from a spreadsheet: text cells, judged on the server
 * (the reason may be its code or its label; `signed` is 是/否).
 */
const historyCell = (max: number, required: string) =>
  readableText().check(
    z.trim(),
    z.minLength(1, { error: required }),
    z.maxLength(max, { error: `最多 ${max} 个字` }),
  );
const historyRow = z.strictObject({
  employeeNo,
  name: historyCell(32, '必填'),
  department: historyCell(64, '必填'),
  reason: historyCell(32, '必填'),
  noticeDate: calendarDate,
  lastWorkingDay: calendarDate,
  signed: historyCell(8, '必填：是 或 否'),
});

/** An amount in yuan, bounded well above any monthly wage. */
const yuan = z
  .number()
  .check(z.positive({ error: '应大于 0' }), z.maximum(10_000_000, { error: '金额过大' }));

const nonCompetePayload = z
  .strictObject({
    caseId,
    decision: z.enum(NON_COMPETE_DECISIONS, {
      error: '应为 enforced（执行）或 released（不执行）',
    }),
    // 第24条: at most two years.
    months: z.optional(
      z
        .int()
        .check(
          z.minimum(1, { error: '至少 1 个月' }),
          z.maximum(NON_COMPETE_MAX_MONTHS, { error: '不得超过 24 个月（劳动合同法 第24条）' }),
        ),
    ),
    monthlyCompensation: z.optional(yuan),
    averageMonthlyWage: z.optional(yuan),
    minimumWage: z.optional(yuan),
  })
  .check(
    z.superRefine((value, ctx) => {
      if (value.decision !== 'enforced') return;
      if (value.months === undefined) {
        ctx.addIssue({ code: 'custom', path: ['months'], message: '执行竞业限制时必填' });
      }
      if (value.monthlyCompensation === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['monthlyCompensation'],
          message: '执行竞业限制时必填',
        });
      }
    }),
  );

/** One line of the handover list, as the manager types it when naming a successor. */
const handoverLine = readableText().check(
  z.trim(),
  z.minLength(1, { error: '交接事项不能为空' }),
  z.maxLength(HANDOVER_ITEM_MAX_CHARS, { error: `每项最多 ${HANDOVER_ITEM_MAX_CHARS} 个字` }),
);

/** 1–5 colleagues by 工号, each with the handover items they take over (≤ 50 in all). */
const assignSuccessorsPayload = z
  .strictObject({
    caseId,
    successors: z
      .array(
        z.strictObject({
          employeeNo,
          items: z
            .array(handoverLine)
            .check(
              z.minLength(1, { error: '每位交接人至少一项交接事项' }),
              z.maxLength(MAX_HANDOVER_ITEMS, { error: `最多 ${MAX_HANDOVER_ITEMS} 项` }),
            ),
        }),
      )
      .check(
        z.minLength(1, { error: '请至少指定一位交接人' }),
        z.maxLength(MAX_SUCCESSORS, { error: `最多 ${MAX_SUCCESSORS} 位交接人` }),
      ),
  })
  .check(
    z.superRefine((value, ctx) => {
      const numbers = value.successors.map((s) => s.employeeNo);
      if (new Set(numbers).size !== numbers.length) {
        ctx.addIssue({ code: 'custom', path: ['successors'], message: '同一位交接人只能填写一次' });
      }
      const total = value.successors.reduce((n, s) => n + s.items.length, 0);
      if (total > MAX_HANDOVER_ITEMS) {
        ctx.addIssue({
          code: 'custom',
          path: ['successors'],
          message: `交接事项合计最多 ${MAX_HANDOVER_ITEMS} 项`,
        });
      }
    }),
  );

const handoverItemId = z
  .string()
  .check(z.minLength(1, { error: '必填' }), z.maxLength(16), z.regex(/^r\d+-\d+$/));

/** What a successor's answer (or the manager's on their behalf) comes back with. */
const handoverAnswerResult = z.strictObject({
  caseId,
  itemId: handoverItemId,
  status: z.enum(HANDOVER_ITEM_STATUSES),
  /** This answer completed the list: `handover_confirmed` is ticked. */
  handoverConfirmed: z.boolean(),
});

/** Rows HR pastes from a spreadsheet: 1 to 500 per call (DESIGN §4: ≤ rows + 2 round trips). */
const pastedRows = <Row extends z.ZodMiniType>(row: Row) =>
  z
    .array(row)
    .check(z.minLength(1, { error: '至少 1 行' }), z.maxLength(500, { error: '一次最多 500 行' }));
/** What an import refused, row by row, in Chinese. */
const rowErrors = z.array(z.strictObject({ row: z.int(), field: z.string(), message: z.string() }));

/**
 * Every action of the `offboarding` function (DESIGN §4 "RPC contract"): the payload it
 * accepts and the data it answers with. Payloads are strict: unknown fields are rejected.
 */
export const ACTIONS = {
  'me.get': {
    payload: noPayload,
    result: z.strictObject({
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
    }),
  },
  'me.bind': {
    payload: z.strictObject({ employeeNo, code: bindingCode }),
    result: z.strictObject({ employee: employeeView, roles: z.array(roleSchema) }),
  },
  'meta.get': {
    payload: noPayload,
    result: z.strictObject({
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
  },
  'case.submit': {
    payload: z
      .strictObject({
        reason: reasonSchema,
        explanation: z.optional(explanation),
        /** 第38条 (reason `employer_fault`): the employer's faults, one or more. */
        faultGrounds: z.optional(
          z.array(faultGroundSchema).check(
            z.minLength(1, { error: '至少选择 1 项' }),
            z.maxLength(FAULT_GROUND_COUNT, { error: `最多 ${FAULT_GROUND_COUNT} 项` }),
            z.refine((grounds) => new Set(grounds).size === grounds.length, {
              error: '不能重复选择同一项',
            }),
          ),
        ),
        /** 第38条: a last working day after the receipt; by default the day of receipt. */
        lastWorkingDay: z.optional(calendarDate),
        idempotencyKey,
      })
      .check(
        z.superRefine((value, ctx) => {
          if (value.reason === 'employer_fault') {
            if (value.faultGrounds === undefined) {
              ctx.addIssue({
                code: 'custom',
                path: ['faultGrounds'],
                message: '因用人单位过错解除时必填',
              });
            }
            return;
          }
          for (const field of ['faultGrounds', 'lastWorkingDay'] as const) {
            if (value[field] !== undefined) {
              ctx.addIssue({
                code: 'custom',
                path: [field],
                message: '只有因用人单位过错解除时才能填写',
              });
            }
          }
        }),
      ),
    result: z.strictObject({
      caseId,
      state: stateSchema,
      version: z.int().check(z.nonnegative()),
      noticeReceivedAt: instant,
      noticeTextHash: sha256Hex,
      lastWorkingDay: calendarDate,
    }),
  },
  'case.terminate': {
    payload: z
      .strictObject({
        employeeNo,
        reason: reasonSchema,
        noticeMode: noticeModeSchema,
        lastWorkingDay: z.optional(calendarDate),
        explanation: z.optional(explanation),
        idempotencyKey,
      })
      .check(
        z.superRefine((value, ctx) => {
          // 额外支付一个月工资: HR chooses the day; with notice it follows from the issue date.
          if (value.noticeMode === 'payInLieu' && value.lastWorkingDay === undefined) {
            ctx.addIssue({
              code: 'custom',
              path: ['lastWorkingDay'],
              message: '选择代通知金时必填',
            });
          }
          if (value.noticeMode === 'notice30' && value.lastWorkingDay !== undefined) {
            ctx.addIssue({
              code: 'custom',
              path: ['lastWorkingDay'],
              message: '提前三十日通知时由发出日期计算，不能指定',
            });
          }
        }),
      ),
    result: z.strictObject({
      caseId,
      state: z.literal('draft'),
      version: z.int().check(z.nonnegative()),
    }),
  },
  'case.issue': {
    payload: z.strictObject({
      caseId,
      noProtectedStatus: z.literal(true, { error: '须确认不存在第42条规定的情形' }),
      // Checked by the 第43条 guard (`union_notified`), which says what is missing.
      unionNotice: z.optional(unionNoticeSchema),
    }),
    result: z.strictObject({
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
  },
  'case.attach': {
    payload: z.strictObject({
      caseId,
      kind: attachmentKindSchema,
      fileIds: z
        .array(fileId)
        .check(z.minLength(1, { error: '至少 1 个' }), z.maxLength(9, { error: '一次最多 9 个' })),
      /** The date the documents bear (考核、培训、调岗、工会记录): 第40条(二) orders them by it. */
      documentDate: z.optional(calendarDate),
    }),
    result: z.extend(caseRef, { attachments: z.array(attachmentView) }),
  },
  'case.resubmit': { payload: caseWithComment, result: caseRef },
  'case.withdraw': { payload: caseWithComment, result: caseRef },
  'case.consentLaterDay': {
    payload: z.strictObject({ caseId, lastWorkingDay: calendarDate }),
    result: z.extend(caseRef, { consentToLaterDay: calendarDate }),
  },
  // HR: a case under a labour dispute is never purged while marked.
  'case.markDisputed': {
    payload: z.strictObject({ caseId, disputed: z.boolean({ error: '应为 true 或 false' }) }),
    result: z.extend(caseRef, { disputed: z.boolean() }),
  },
  // 第36/37条: the employee agrees to a last working day other than the legal one.
  'case.consentLastWorkingDay': {
    payload: z.strictObject({ caseId, lastWorkingDay: calendarDate }),
    result: z.extend(caseRef, { consentedLastWorkingDay: calendarDate }),
  },
  'case.review': {
    payload: z.strictObject({
      caseId,
      decision: z.enum(['approve', 'return'], { error: '应为 approve（通过）或 return（退回）' }),
      comment: z.optional(comment),
    }),
    result: caseRef,
  },
  'case.hrEscalate': { payload: caseWithComment, result: caseRef },
  'case.hrConfirm': {
    payload: z.strictObject({
      caseId,
      lastWorkingDay: z.optional(calendarDate),
      earlyReleaseProposedBy: z.optional(earlyReleaseProposerSchema),
      assets: z.optional(z.array(asset).check(z.maxLength(20, { error: '最多 20 项' }))),
      comment: z.optional(comment),
    }),
    result: z.extend(caseRef, { lastWorkingDay: calendarDate }),
  },
  'case.hrReturn': { payload: caseWithComment, result: caseRef },
  'case.hrCancel': {
    payload: z.strictObject({
      caseId,
      comment: z.optional(comment),
      // One of CANCEL_BASES; any other word is refused by the cancel guard, which says why.
      basis: z.optional(
        z
          .string()
          .check(
            z.trim(),
            z.maxLength(32, { error: '最多 32 个字符' }),
            z.regex(/^[a-z_]*$/, { error: `应为 ${cancelBasisValues.join('、')} 之一` }),
          ),
      ),
    }),
    result: caseRef,
  },
  'case.recordDelivery': {
    payload: z.strictObject({
      caseId,
      deliveredOn: calendarDate,
      method: deliveryMethodSchema,
      comment: z.optional(comment),
    }),
    result: z.extend(caseRef, {
      deliveredOn: calendarDate,
      noticeReceivedAt: instant,
      lastWorkingDay: calendarDate,
    }),
  },
  'case.sign': {
    payload: z
      .strictObject({
        caseId,
        signatureFileId: fileId,
        letterHash: sha256Hex,
        consent: z.literal(true, { error: '须同意以电子签名方式签署' }),
      })
      .check(
        z.superRefine((value, ctx) => {
          if (!value.signatureFileId.includes(`cases/${value.caseId}/signature/`)) {
            ctx.addIssue({
              code: 'custom',
              path: ['signatureFileId'],
              message: '须上传到本案件的签名目录',
            });
          }
        }),
      ),
    result: z.strictObject({
      caseId,
      state: stateSchema,
      version: z.int().check(z.nonnegative()),
      letterHash: sha256Hex,
      signatureHash: sha256Hex,
      chainHead: sha256Hex,
    }),
  },
  'case.checklist': {
    payload: z.union([checklistDone, checklistWaive, checklistClose]),
    result: z.extend(caseRef, { row: checklistRowView }),
  },
  'case.nonCompete': {
    payload: nonCompetePayload,
    result: z.extend(caseRef, {
      decision: z.enum(NON_COMPETE_DECISIONS),
      nextCompensationDate: z.optional(calendarDate),
    }),
  },
  // The manager (or HR) names the successors and what each takes over, at approval or later
  // while the handover is open; each is sent a subscription message by the reminder timer.
  'case.assignSuccessors': {
    payload: assignSuccessorsPayload,
    result: z.extend(caseRef, { handover: handoverView }),
  },
  // A successor's handover items across cases: the leaver's name and the items, nothing else.
  'handover.mine': {
    payload: noPayload,
    result: z.strictObject({
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
  },
  // The successor confirms an item received; the manager or HR may on their behalf, with a note.
  'handover.confirm': {
    payload: z.strictObject({
      caseId,
      itemId: handoverItemId,
      note: z.optional(comment.check(z.minLength(1, { error: '请填写备注' }))),
    }),
    result: handoverAnswerResult,
  },
  // The successor disputes an item: what is missing or wrong, for the manager to sort out.
  'handover.dispute': {
    payload: z.strictObject({
      caseId,
      itemId: handoverItemId,
      comment: comment.check(z.minLength(1, { error: '请说明异议' })),
    }),
    result: handoverAnswerResult,
  },
  'case.close': {
    payload: z.strictObject({ caseId, rehire: z.optional(rehireSchema) }),
    result: z.extend(caseRef, { completedAt: instant }),
  },
  'case.get': {
    payload: caseOnly,
    result: z.strictObject({
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
  },
  'case.evidence': {
    payload: caseOnly,
    result: z.strictObject({
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
      }),
    }),
  },
  /**
   * The employee's choice whether the 离职证明 states the reason (劳部发〔1996〕354号 第15条),
   * recorded on the case and used by the certificate.
   */
  'case.certificateReason': {
    payload: z.strictObject({ caseId, statesReason: z.boolean() }),
    result: z.extend(caseRef, { statesReason: z.boolean() }),
  },
  /** HR issues the 离职证明 on or after the last working day; its PDF is rendered after. */
  'case.issueCertificate': {
    payload: caseOnly,
    result: z.extend(caseRef, { text: z.string(), pending: z.array(documentKindSchema) }),
  },
  /**
   * The verify page: a document named by its QR code's scene, and optionally the SHA-256 of a
   * PDF the person holds. Anyone may ask about a 离职证明 (and learns only whether it is
   * genuine); the other documents are for the employee and HR.
   */
  'document.verify': {
    payload: z.strictObject({
      code: z
        .string()
        .check(
          z.trim(),
          z.minLength(1, { error: '请输入核验码' }),
          z.maxLength(32, { error: '核验码最多 32 个字符' }),
          z.regex(/^[A-Za-z0-9-]+$/, { error: '核验码只含字母、数字和连字符' }),
        ),
      sha256: z.optional(sha256Hex),
    }),
    result: z.strictObject({
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
  },
  /** The case's PDFs, rendered (pending ones are listed under `pending`). */
  'case.documents': {
    payload: caseOnly,
    result: z.strictObject({
      documents: z.array(documentView),
      pending: z.array(documentKindSchema),
      /** The employee's choice for the 离职证明's reason; null until they choose (not stated). */
      certificateStatesReason: z.nullable(z.boolean()),
    }),
  },
  'case.remind': {
    payload: caseOnly,
    result: z.strictObject({ caseId, reminders: z.array(reminderRowView) }),
  },
  'subscription.record': {
    payload: z.strictObject({
      // Keys are template ids (the handler checks them against the configured ones).
      results: z
        .record(
          z.string().check(z.regex(/^[A-Za-z0-9_-]{1,128}$/, { error: '不是有效的消息模板编号' })),
          z.enum(['accept', 'reject', 'ban', 'filter'], {
            error: '应为 accept、reject、ban 或 filter',
          }),
        )
        .check(
          z.refine((value) => Object.keys(value).length <= MAX_SUBSCRIPTION_RESULTS, {
            error: `最多 ${MAX_SUBSCRIPTION_RESULTS} 项`,
          }),
        ),
    }),
    result: z.strictObject({ subscriptions: subscriptionEstimates }),
  },
  // The client saw errno 112 (API not declared in 用户隐私保护指引): a configuration alert
  // for admins, one per API however often it happens.
  // 个保法 第17条: the handler, how to reach them and how long cases are kept (隐私保护指引).
  'privacy.get': {
    payload: noPayload,
    result: z.strictObject({
      /** The company, as configured; null when not set (the guide then says 本公司). */
      handler: z.nullable(z.string()),
      contact: z.nullable(z.string()),
      retentionYears: z.int().check(z.gte(2)),
    }),
  },
  'privacy.report': {
    payload: z.strictObject({
      api: z.enum(PRIVATE_APIS),
      errno: z.literal(UNDECLARED_PRIVATE_API_ERRNO),
    }),
    result: z.strictObject({ recorded: z.literal(true) }),
  },
  'admin.board': {
    payload: z.strictObject({
      state: z.optional(stateSchema),
      overdueOnly: z.optional(z.boolean()),
      department: z.optional(
        z.string().check(z.trim(), z.maxLength(64, { error: '最多 64 个字' })),
      ),
      q: z.optional(z.string().check(z.trim(), z.maxLength(32, { error: '最多 32 个字' }))),
      /** HR only: former employees (completed cases) by 可再次录用. */
      rehire: z.optional(rehireSchema),
      cursor: z.optional(z.string().check(z.maxLength(256))),
    }),
    result: z.strictObject({
      /** Open states: every case in them; completed and withdrawn: since `finishedSince`. */
      counts: z.record(stateSchema, z.int().check(z.nonnegative())),
      /** The Beijing date from which finished cases are counted (90 days back). */
      finishedSince: calendarDate,
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
  },
  // HR: send an OA case's status callbacks again (after 同步失败).
  'case.oaRetry': {
    payload: caseOnly,
    result: z.strictObject({ caseId, requeued: z.int().check(z.nonnegative()) }),
  },
  'admin.stats': {
    payload: z.strictObject({ from: calendarDate, to: calendarDate }).check(
      z.refine((value) => value.from <= value.to, {
        path: ['to'],
        error: '不能早于开始日期',
      }),
    ),
    result: z.strictObject({
      reasons: z.array(statsReasonCount),
      avgHandlingDays: z.nullable(z.number()),
      signedWithin72hShare: z.nullable(z.number().check(z.gte(0), z.lte(1))),
      avgDaysByState: z.partialRecord(stateSchema, z.number()),
      bottleneck: z.nullable(stateSchema),
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
  },
  'admin.statsExport': {
    payload: z
      .strictObject({ from: calendarDate, to: calendarDate, table: statsTableSchema })
      .check(
        z.refine((value) => value.from <= value.to, {
          path: ['to'],
          error: '不能早于开始日期',
        }),
      ),
    /** The workbook in storage, and a temporary URL to download it (2 hours). */
    result: z.strictObject({ fileId: z.string(), url: z.string(), fileName: z.string() }),
  },
  'admin.importHistory': {
    payload: z.strictObject({
      rows: pastedRows(historyRow),
    }),
    result: z.strictObject({
      /** Rows stored for the first time; a row imported before with the same fields is `unchanged`. */
      created: z.int().check(z.nonnegative()),
      updated: z.int().check(z.nonnegative()),
      unchanged: z.int().check(z.nonnegative()),
      errors: rowErrors,
    }),
  },
  'admin.import': {
    payload: z.strictObject({
      rows: pastedRows(importRow),
    }),
    result: z.strictObject({
      created: z.int().check(z.nonnegative()),
      updated: z.int().check(z.nonnegative()),
      errors: rowErrors,
    }),
  },
  'admin.bindingCode': {
    payload: z.strictObject({ employeeNo }),
    result: z.strictObject({ code: z.string(), expiresAt: instant }),
  },
  'admin.trialSend': {
    payload: noPayload,
    result: z.strictObject({
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
  },
  'admin.configAlerts': {
    payload: noPayload,
    result: z.strictObject({
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
  },
  'admin.configAlertResolve': {
    payload: z.strictObject({
      id: z
        .string()
        .check(
          z.minLength(1, '请指定配置提醒'),
          z.maxLength(100, '配置提醒编号过长'),
          z.regex(/^[A-Za-z0-9_.:-]+$/, '配置提醒编号无效'),
        ),
    }),
    result: z.strictObject({ id: z.string(), resolved: z.literal(true) }),
  },
  // Admins: the next part of an export of every collection and stored file (README "数据导出与恢复").
  'admin.export': {
    payload: z.strictObject({
      cursor: z.optional(
        z
          .string()
          .check(
            z.maxLength(1024, { error: '过长' }),
            z.regex(/^[A-Za-z0-9_-]+$/, { error: '导出进度无效，请重新开始导出' }),
          ),
      ),
    }),
    result: z.strictObject({
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
  },
  ...TRAINING_ACTIONS,
} as const;

export type Actions = typeof ACTIONS;
export type ActionName = keyof Actions;
export const ACTION_NAMES = Object.keys(ACTIONS) as ActionName[];

/** What the client sends (z.input: before defaults and trims). */
export type ActionPayload<A extends ActionName> = z.input<Actions[A]['payload']>;
/** What a handler receives after validation. */
export type ParsedPayload<A extends ActionName> = z.output<Actions[A]['payload']>;
export type ActionResult<A extends ActionName> = z.output<Actions[A]['result']>;

export function isActionName(value: string): value is ActionName {
  return Object.prototype.hasOwnProperty.call(ACTIONS, value);
}
