import { z } from 'zod';
import { PRIVATE_APIS, UNDECLARED_PRIVATE_API_ERRNO } from '../domain/private-apis';
import { FAULT_GROUNDS } from '../domain/employer-fault';
import { SEVERANCE_CLOSINGS } from '../domain/checklist';
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
import {
  attachmentKindSchema,
  attachmentView,
  auditEventView,
  evidenceMismatchView,
  caseKindSchema,
  caseRef,
  caseView,
  checklistRowView,
  earlyReleaseProposerSchema,
  employeeView,
  faultGroundSchema,
  letterView,
  noticeModeSchema,
  openCaseView,
  policyView,
  reasonSchema,
  reasonView,
  reminderKindSchema,
  reminderRowView,
  roleSchema,
  stateSchema,
} from './views.schema';

const noPayload = z.strictObject({});
const FAULT_GROUND_COUNT = FAULT_GROUNDS.length;
const uploadTag = z.string().regex(/^[0-9a-f]{16}$/);
const caseOnly = z.strictObject({ caseId });
const caseWithComment = z.strictObject({ caseId, comment: comment.optional() });

const subscriptionEstimates = z.partialRecord(reminderKindSchema, z.number().int().nonnegative());

/** More than the seven message kinds' templates: a client never reports more at once. */
const MAX_SUBSCRIPTION_RESULTS = 20;

const bindingCode = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z-]{8,32}$/, { error: '应为 HR 发放的至少 8 位绑定码' });

const checklistDone = z.strictObject({
  caseId,
  item: checklistItemId,
  done: z.boolean(),
  note: comment.optional(),
});
const checklistWaive = z.strictObject({
  caseId,
  item: checklistItemId,
  waive: z.literal(true, { error: '只能为 true' }),
  note: comment.min(1, { error: '豁免时必填' }),
});

/** 解释(一) 第35条: severance closed as not owed or settled, with its document attached. */
const checklistClose = z.strictObject({
  caseId,
  item: z.literal('severance_paid', { error: '只有经济补偿可以这样办结' }),
  closeAs: z.enum(SEVERANCE_CLOSINGS, {
    error: '应为 not_owed（无须支付）或 settled（已协议解决）',
  }),
  note: comment.optional(),
});

const importRow = z.strictObject({
  employeeNo,
  name: readableText().trim().min(1, { error: '必填' }).max(32, { error: '最多 32 个字' }),
  department: readableText().trim().min(1, { error: '必填' }).max(64, { error: '最多 64 个字' }),
  position: readableText().trim().min(1, { error: '必填' }).max(64, { error: '最多 64 个字' }),
  managerNo: employeeNo.optional(),
  hireDate: calendarDate,
  probationEndDate: calendarDate,
  contractStart: calendarDate.optional(),
  contractEnd: calendarDate.optional(),
  roles: z.array(roleSchema).max(4).optional(),
});

/**
 * Every action of the `offboarding` function (DESIGN §4 "RPC contract"): the payload it
 * accepts and the data it answers with. Payloads are strict: unknown fields are rejected.
 */
export const ACTIONS = {
  'me.get': {
    payload: noPayload,
    result: z.strictObject({
      employee: employeeView.nullable(),
      roles: z.array(roleSchema),
      openCase: openCaseView.optional(),
      subscriptions: subscriptionEstimates,
      /**
       * The caller's upload tag: files go to `cases/{caseId}/{kind}/{uploadTag}-…`, and the
       * server accepts only the caller's own (the SDK does not tell a function who uploaded a
       * file). Always sent; optional for clients that predate it.
       */
      uploadTag: uploadTag.optional(),
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
        explanation: explanation.optional(),
        /** 第38条 (reason `employer_fault`): the employer's faults, one or more. */
        faultGrounds: z
          .array(faultGroundSchema)
          .min(1, { error: '至少选择 1 项' })
          .max(FAULT_GROUND_COUNT, { error: `最多 ${FAULT_GROUND_COUNT} 项` })
          .refine((grounds) => new Set(grounds).size === grounds.length, {
            error: '不能重复选择同一项',
          })
          .optional(),
        /** 第38条: a last working day after the receipt; by default the day of receipt. */
        lastWorkingDay: calendarDate.optional(),
        idempotencyKey,
      })
      .superRefine((value, ctx) => {
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
    result: z.strictObject({
      caseId,
      state: stateSchema,
      version: z.number().int().nonnegative(),
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
        lastWorkingDay: calendarDate.optional(),
        explanation: explanation.optional(),
        idempotencyKey,
      })
      .superRefine((value, ctx) => {
        // 额外支付一个月工资: HR chooses the day; with notice it follows from the issue date.
        if (value.noticeMode === 'payInLieu' && value.lastWorkingDay === undefined) {
          ctx.addIssue({ code: 'custom', path: ['lastWorkingDay'], message: '选择代通知金时必填' });
        }
        if (value.noticeMode === 'notice30' && value.lastWorkingDay !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['lastWorkingDay'],
            message: '提前三十日通知时由发出日期计算，不能指定',
          });
        }
      }),
    result: z.strictObject({
      caseId,
      state: z.literal('draft'),
      version: z.number().int().nonnegative(),
    }),
  },
  'case.issue': {
    payload: z.strictObject({
      caseId,
      noProtectedStatus: z.literal(true, { error: '须确认不存在第42条规定的情形' }),
    }),
    result: z.strictObject({
      caseId,
      state: stateSchema,
      version: z.number().int().nonnegative(),
      noticeReceivedAt: instant,
      lastWorkingDay: calendarDate,
    }),
  },
  'case.attach': {
    payload: z.strictObject({
      caseId,
      kind: attachmentKindSchema,
      fileIds: z.array(fileId).min(1, { error: '至少 1 个' }).max(9, { error: '一次最多 9 个' }),
    }),
    result: caseRef.extend({ attachments: z.array(attachmentView) }),
  },
  'case.resubmit': { payload: caseWithComment, result: caseRef },
  'case.withdraw': { payload: caseWithComment, result: caseRef },
  'case.consentLaterDay': {
    payload: z.strictObject({ caseId, lastWorkingDay: calendarDate }),
    result: caseRef.extend({ consentToLaterDay: calendarDate }),
  },
  // HR: a case under a labour dispute is never purged while marked.
  'case.markDisputed': {
    payload: z.strictObject({ caseId, disputed: z.boolean({ error: '应为 true 或 false' }) }),
    result: caseRef.extend({ disputed: z.boolean() }),
  },
  // 第36/37条: the employee agrees to a last working day other than the legal one.
  'case.consentLastWorkingDay': {
    payload: z.strictObject({ caseId, lastWorkingDay: calendarDate }),
    result: caseRef.extend({ consentedLastWorkingDay: calendarDate }),
  },
  'case.review': {
    payload: z.strictObject({
      caseId,
      decision: z.enum(['approve', 'return'], { error: '应为 approve（通过）或 return（退回）' }),
      comment: comment.optional(),
    }),
    result: caseRef,
  },
  'case.hrEscalate': { payload: caseWithComment, result: caseRef },
  'case.hrConfirm': {
    payload: z.strictObject({
      caseId,
      lastWorkingDay: calendarDate.optional(),
      earlyReleaseProposedBy: earlyReleaseProposerSchema.optional(),
      assets: z.array(asset).max(20, { error: '最多 20 项' }).optional(),
      comment: comment.optional(),
    }),
    result: caseRef.extend({ lastWorkingDay: calendarDate }),
  },
  'case.hrReturn': { payload: caseWithComment, result: caseRef },
  'case.hrCancel': { payload: caseWithComment, result: caseRef },
  'case.sign': {
    payload: z
      .strictObject({
        caseId,
        signatureFileId: fileId,
        letterHash: sha256Hex,
        consent: z.literal(true, { error: '须同意以电子签名方式签署' }),
      })
      .superRefine((value, ctx) => {
        if (!value.signatureFileId.includes(`cases/${value.caseId}/signature/`)) {
          ctx.addIssue({
            code: 'custom',
            path: ['signatureFileId'],
            message: '须上传到本案件的签名目录',
          });
        }
      }),
    result: z.strictObject({
      caseId,
      state: stateSchema,
      version: z.number().int().nonnegative(),
      letterHash: sha256Hex,
      signatureHash: sha256Hex,
      chainHead: sha256Hex,
    }),
  },
  'case.checklist': {
    payload: z.union([checklistDone, checklistWaive, checklistClose]),
    result: caseRef.extend({ row: checklistRowView }),
  },
  'case.close': {
    payload: caseOnly,
    result: caseRef.extend({ completedAt: instant }),
  },
  'case.get': {
    payload: caseOnly,
    result: z.strictObject({
      case: caseView,
      letter: letterView.nullable(),
      checklist: z.array(checklistRowView),
      reminders: z.array(reminderRowView),
      events: z.array(auditEventView),
      /** HR only, terminations: 第47条 months by years of service, and what they leave out. */
      severance: z
        .strictObject({
          months: z.number(),
          serviceFrom: calendarDate,
          serviceTo: calendarDate,
          caveats: z.array(z.string()),
        })
        .optional(),
    }),
  },
  'case.evidence': {
    payload: caseOnly,
    result: z.strictObject({
      valid: z.boolean(),
      brokenAt: z.number().int().nonnegative().optional(),
      chainHead: sha256Hex.nullable(),
      letterHash: sha256Hex.nullable(),
      signatureHash: sha256Hex.nullable(),
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
          z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, { error: '不是有效的消息模板编号' }),
          z.enum(['accept', 'reject', 'ban', 'filter'], {
            error: '应为 accept、reject、ban 或 filter',
          }),
        )
        .refine((value) => Object.keys(value).length <= MAX_SUBSCRIPTION_RESULTS, {
          error: `最多 ${MAX_SUBSCRIPTION_RESULTS} 项`,
        }),
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
      handler: z.string().nullable(),
      contact: z.string().nullable(),
      retentionYears: z.number().int().min(2),
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
      state: stateSchema.optional(),
      overdueOnly: z.boolean().optional(),
      department: z.string().trim().max(64, { error: '最多 64 个字' }).optional(),
      q: z.string().trim().max(32, { error: '最多 32 个字' }).optional(),
      cursor: z.string().max(256).optional(),
    }),
    result: z.strictObject({
      /** Open states: every case in them; completed and withdrawn: since `finishedSince`. */
      counts: z.record(stateSchema, z.number().int().nonnegative()),
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
          lastWorkingDay: calendarDate.optional(),
          overdue: z.boolean(),
          needsCall: z.boolean(),
          /** Present for a case the company's OA started (经 OA 提交). */
          source: z.literal('oa').optional(),
          /** The employee has not bound the mini program (未绑定小程序); OA cases only. */
          unbound: z.literal(true).optional(),
          /** A status callback to the OA is failing (同步失败); `case.oaRetry` sends again. */
          oaSyncFailed: z.literal(true).optional(),
        }),
      ),
      nextCursor: z.string().optional(),
    }),
  },
  // HR: send an OA case's status callbacks again (after 同步失败).
  'case.oaRetry': {
    payload: caseOnly,
    result: z.strictObject({ caseId, requeued: z.number().int().nonnegative() }),
  },
  'admin.stats': {
    payload: z
      .strictObject({ from: calendarDate, to: calendarDate })
      .refine((value) => value.from <= value.to, {
        path: ['to'],
        error: '不能早于开始日期',
      }),
    result: z.strictObject({
      reasons: z.array(
        z.strictObject({ reason: reasonSchema, label: z.string(), count: z.number().int() }),
      ),
      avgHandlingDays: z.number().nullable(),
      signedWithin72hShare: z.number().min(0).max(1).nullable(),
      avgDaysByState: z.partialRecord(stateSchema, z.number()),
      bottleneck: stateSchema.nullable(),
    }),
  },
  'admin.import': {
    payload: z.strictObject({
      rows: z
        .array(importRow)
        .min(1, { error: '至少 1 行' })
        .max(500, { error: '一次最多 500 行' }),
    }),
    result: z.strictObject({
      created: z.number().int().nonnegative(),
      updated: z.number().int().nonnegative(),
      errors: z.array(
        z.strictObject({ row: z.number().int(), field: z.string(), message: z.string() }),
      ),
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
          errCode: z.number().int(),
          errMsg: z.string(),
          /** The field WeChat refused (47003), as the template lists it: `phrase3`. */
          field: z.string().optional(),
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
      open: z.number().int(),
    }),
  },
  'admin.configAlertResolve': {
    payload: z.strictObject({
      id: z
        .string()
        .min(1, '请指定配置提醒')
        .max(100, '配置提醒编号过长')
        .regex(/^[A-Za-z0-9_.:-]+$/, '配置提醒编号无效'),
    }),
    result: z.strictObject({ id: z.string(), resolved: z.literal(true) }),
  },
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
