import * as z from 'zod/mini';
import {
  HANDOVER_ITEM_MAX_CHARS,
  MAX_HANDOVER_ITEMS,
  MAX_SUCCESSORS,
} from '../domain/handover-successors';
import { NON_COMPETE_DECISIONS, NON_COMPETE_MAX_MONTHS } from '../domain/non-compete';
import { PRIVATE_APIS, UNDECLARED_PRIVATE_API_ERRNO } from '../domain/private-apis';
import { FAULT_GROUNDS } from '../domain/employer-fault';
import { CONTACT_METHODS } from '../domain/case-contact';
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
  readableText,
  sha256Hex,
  attachmentKindSchema,
  cancelBasisValues,
  deliveryMethodSchema,
  unionNoticeSchema,
  earlyReleaseProposerSchema,
  faultGroundSchema,
  noticeModeSchema,
  reasonSchema,
  rehireSchema,
  roleSchema,
  stateSchema,
} from './field-schemas';
import { INTERVIEW_ACTIONS } from './interview-actions';
import { lazily } from './lazy-payload';
import { TRAINING_ACTIONS } from './training-actions';

const noPayload = z.strictObject({});
const FAULT_GROUND_COUNT = FAULT_GROUNDS.length;
const caseOnly = z.strictObject({ caseId });
const caseWithComment = z.strictObject({ caseId, comment: z.optional(comment) });

/** More than the seven message kinds' templates: a client never reports more at once. */
const MAX_SUBSCRIPTION_RESULTS = 20;

const bindingCode = z
  .string()
  .check(z.trim(), z.regex(/^[0-9A-Za-z-]{8,32}$/, { error: '应为 HR 发放的至少 8 位绑定码' }));

const checklistDone = () =>
  z.strictObject({
    caseId,
    item: checklistItemId,
    done: z.boolean(),
    note: z.optional(comment),
  });
const checklistWaive = () =>
  z.strictObject({
    caseId,
    item: checklistItemId,
    waive: z.literal(true, { error: '只能为 true' }),
    note: comment.check(z.minLength(1, { error: '豁免时必填' })),
  });

/** 解释(一) 第35条: severance closed as not owed or settled, with its document attached. */
const checklistClose = () =>
  z.strictObject({
    caseId,
    item: z.literal('severance_paid', { error: '只有经济补偿可以这样办结' }),
    closeAs: z.enum(SEVERANCE_CLOSINGS, {
      error: '应为 not_owed（无须支付）或 settled（已协议解决）',
    }),
    note: z.optional(comment),
  });

/** A mainland China mobile number, 11 digits. */
const mobile = z
  .string()
  .check(z.trim(), z.regex(/^1[3-9]\d{9}$/, { error: '应为 11 位中国大陆手机号，如 13800138000' }));

const importRow = () =>
  z.strictObject({
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
    /** For HR and the manager to phone the employee (需电话联系); optional. */
    mobile: z.optional(mobile),
  });

/** The tables of the statistics page that export as a workbook. */
export const STATS_TABLES = ['reasons', 'departments', 'monthly', 'stages'] as const;
const statsTableSchema = () =>
  z.enum(STATS_TABLES, {
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
const historyRow = () =>
  z.strictObject({
    employeeNo,
    name: historyCell(32, '必填'),
    department: historyCell(64, '必填'),
    reason: historyCell(32, '必填'),
    noticeDate: calendarDate,
    lastWorkingDay: calendarDate,
    signed: historyCell(8, '必填：是 或 否'),
  });

/** An amount in yuan, bounded well above any monthly wage. */
const yuan = () =>
  z.number().check(z.positive({ error: '应大于 0' }), z.maximum(10_000_000, { error: '金额过大' }));

const nonCompetePayload = () =>
  z
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
      monthlyCompensation: z.optional(yuan()),
      averageMonthlyWage: z.optional(yuan()),
      minimumWage: z.optional(yuan()),
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
const handoverLine = () =>
  readableText().check(
    z.trim(),
    z.minLength(1, { error: '交接事项不能为空' }),
    z.maxLength(HANDOVER_ITEM_MAX_CHARS, { error: `每项最多 ${HANDOVER_ITEM_MAX_CHARS} 个字` }),
  );

/** 1–5 colleagues by 工号, each with the handover items they take over (≤ 50 in all). */
const assignSuccessorsPayload = () =>
  z
    .strictObject({
      caseId,
      successors: z
        .array(
          z.strictObject({
            employeeNo,
            items: z
              .array(handoverLine())
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
          ctx.addIssue({
            code: 'custom',
            path: ['successors'],
            message: '同一位交接人只能填写一次',
          });
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

/** A handover item of a naming round: `r<round>-<n>`. */
export const handoverItemId = z
  .string()
  .check(z.minLength(1, { error: '必填' }), z.maxLength(16), z.regex(/^r\d+-\d+$/));

/** Rows HR pastes from a spreadsheet: 1 to 500 per call (DESIGN §4: ≤ rows + 2 round trips). */
const pastedRows = <Row extends z.ZodMiniType>(row: Row) =>
  z
    .array(row)
    .check(z.minLength(1, { error: '至少 1 行' }), z.maxLength(500, { error: '一次最多 500 行' }));

/** How many finished cases the employee's 离职记录 lists (newest first). */
export const HISTORY_LIMIT = 10;

/**
 * Every action of the `offboarding` function (DESIGN §4 "RPC contract"): the payload it
 * accepts (its answer is in ACTION_RESULTS). Payloads are strict: unknown fields are rejected.
 */
export const ACTIONS = {
  'me.get': lazily(() => noPayload),
  'me.bind': lazily(() => z.strictObject({ employeeNo, code: bindingCode })),
  'meta.get': lazily(() => noPayload),
  'case.submit': lazily(() =>
    z
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
  ),
  'case.terminate': lazily(() =>
    z
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
  ),
  'case.issue': lazily(() =>
    z.strictObject({
      caseId,
      noProtectedStatus: z.literal(true, { error: '须确认不存在第42条规定的情形' }),
      // Checked by the 第43条 guard (`union_notified`), which says what is missing.
      unionNotice: z.optional(unionNoticeSchema),
    }),
  ),
  'case.attach': lazily(() =>
    z.strictObject({
      caseId,
      kind: attachmentKindSchema,
      fileIds: z
        .array(fileId)
        .check(z.minLength(1, { error: '至少 1 个' }), z.maxLength(9, { error: '一次最多 9 个' })),
      /** The date the documents bear (考核、培训、调岗、工会记录): 第40条(二) orders them by it. */
      documentDate: z.optional(calendarDate),
    }),
  ),
  'case.resubmit': lazily(() => caseWithComment),
  'case.withdraw': lazily(() => caseWithComment),
  'case.consentLaterDay': lazily(() => z.strictObject({ caseId, lastWorkingDay: calendarDate })),
  // HR: a case under a labour dispute is never purged while marked.
  'case.markDisputed': lazily(() =>
    z.strictObject({
      caseId,
      disputed: z.boolean({ error: '应为 true 或 false' }),
      /** What the dispute is (an arbitration case number, a court), kept in the event. */
      comment: z.optional(comment),
    }),
  ),
  // 第36/37条: the employee agrees to a last working day other than the legal one.
  'case.consentLastWorkingDay': lazily(() =>
    z.strictObject({ caseId, lastWorkingDay: calendarDate }),
  ),
  'case.review': lazily(() =>
    z.strictObject({
      caseId,
      decision: z.enum(['approve', 'return'], { error: '应为 approve（通过）或 return（退回）' }),
      comment: z.optional(comment),
    }),
  ),
  'case.hrEscalate': lazily(() => caseWithComment),
  'case.hrConfirm': lazily(() =>
    z.strictObject({
      caseId,
      lastWorkingDay: z.optional(calendarDate),
      earlyReleaseProposedBy: z.optional(earlyReleaseProposerSchema),
      assets: z.optional(z.array(asset).check(z.maxLength(20, { error: '最多 20 项' }))),
      comment: z.optional(comment),
    }),
  ),
  'case.hrReturn': lazily(() => caseWithComment),
  'case.hrCancel': lazily(() =>
    z.strictObject({
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
  ),
  'case.recordDelivery': lazily(() =>
    z.strictObject({
      caseId,
      deliveredOn: calendarDate,
      method: deliveryMethodSchema,
      comment: z.optional(comment),
    }),
  ),
  'case.sign': lazily(() =>
    z
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
  ),
  'case.checklist': lazily(() => z.union([checklistDone(), checklistWaive(), checklistClose()])),
  'case.nonCompete': lazily(() => nonCompetePayload()),
  // The manager (or HR) names the successors and what each takes over, at approval or later
  // while the handover is open; each is sent a subscription message by the reminder timer.
  'case.assignSuccessors': lazily(assignSuccessorsPayload),
  // A successor's handover items across cases: the leaver's name and the items, nothing else.
  'handover.mine': lazily(() => noPayload),
  // The successor confirms an item received; the manager or HR may on their behalf, with a note.
  'handover.confirm': lazily(() =>
    z.strictObject({
      caseId,
      itemId: handoverItemId,
      note: z.optional(comment.check(z.minLength(1, { error: '请填写备注' }))),
    }),
  ),
  // The successor disputes an item: what is missing or wrong, for the manager to sort out.
  'handover.dispute': lazily(() =>
    z.strictObject({
      caseId,
      itemId: handoverItemId,
      comment: comment.check(z.minLength(1, { error: '请说明异议' })),
    }),
  ),
  'case.close': lazily(() => z.strictObject({ caseId, rehire: z.optional(rehireSchema) })),
  'case.get': lazily(() => caseOnly),
  'case.evidence': lazily(() => caseOnly),
  /**
   * The employee's choice whether the 离职证明 states the reason (劳部发〔1996〕354号 第15条),
   * recorded on the case and used by the certificate.
   */
  'case.certificateReason': lazily(() => z.strictObject({ caseId, statesReason: z.boolean() })),
  /** HR issues the 离职证明 on or after the last working day; its PDF is rendered after. */
  'case.issueCertificate': lazily(() => caseOnly),
  /**
   * The verify page: a document named by its QR code's scene, and optionally the SHA-256 of a
   * PDF the person holds. Anyone may ask about a 离职证明 (and learns only whether it is
   * genuine); the other documents are for the employee and HR.
   */
  'document.verify': lazily(() =>
    z.strictObject({
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
  ),
  /** The case's PDFs, rendered (pending ones are listed under `pending`). */
  'case.documents': lazily(() => caseOnly),
  /** The 工作交接清单 template as an `.xlsx` in storage and a temporary URL to open it. */
  'case.handoverTemplate': lazily(() => noPayload),
  'case.remind': lazily(() =>
    z.strictObject({
      caseId,
      /** HR's own words in the message's note field (a thing: at most 20 characters). */
      note: z.optional(
        readableText().check(
          z.trim(),
          z.minLength(1, { error: '不填时请删除此项' }),
          z.maxLength(20, { error: '最多 20 个字（微信消息的限制）' }),
        ),
      ),
    }),
  ),
  /** HR or the manager phoned the employee: recorded on the case (an audit event). */
  'case.recordContact': lazily(() =>
    z.strictObject({
      caseId,
      method: z.enum(CONTACT_METHODS, { error: '应为 phone（电话）' }),
      note: z.optional(comment),
    }),
  ),
  'subscription.record': lazily(() =>
    z.strictObject({
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
  ),
  // The client saw errno 112 (API not declared in 用户隐私保护指引): a configuration alert
  // for admins, one per API however often it happens.
  // 个保法 第17条: the handler, how to reach them and how long cases are kept (隐私保护指引).
  'privacy.get': lazily(() => noPayload),
  'privacy.report': lazily(() =>
    z.strictObject({
      api: z.enum(PRIVATE_APIS),
      errno: z.literal(UNDECLARED_PRIVATE_API_ERRNO),
    }),
  ),
  'admin.board': lazily(() =>
    z.strictObject({
      state: z.optional(stateSchema),
      /** Several states at once (待你处理: the states waiting on the caller); `state` wins. */
      states: z.optional(
        z.array(stateSchema).check(z.minLength(1), z.maxLength(stateSchema.options.length)),
      ),
      overdueOnly: z.optional(z.boolean()),
      /** Only cases whose reminders could not be delivered (需电话联系). */
      needsCallOnly: z.optional(z.boolean()),
      department: z.optional(
        z.string().check(z.trim(), z.maxLength(64, { error: '最多 64 个字' })),
      ),
      q: z.optional(z.string().check(z.trim(), z.maxLength(32, { error: '最多 32 个字' }))),
      /** HR only: former employees (completed cases) by 可再次录用. */
      rehire: z.optional(rehireSchema),
      cursor: z.optional(z.string().check(z.maxLength(256))),
    }),
  ),
  /**
   * 个保法 第47条: after the retention period (劳动合同法 第50条第3款, `settings.retentionYears`
   * from the closing), an admin deletes a closed case's files and personal fields; a tombstone
   * keeps the case id, its dates and the final chain head. A repeat answers the same.
   */
  'admin.purgeCase': lazily(() => caseOnly),
  // HR: send an OA case's status callbacks again (after 同步失败).
  'case.oaRetry': lazily(() => caseOnly),
  'admin.stats': lazily(() =>
    z.strictObject({ from: calendarDate, to: calendarDate }).check(
      z.refine((value) => value.from <= value.to, {
        path: ['to'],
        error: '不能早于开始日期',
      }),
    ),
  ),
  'admin.statsExport': lazily(() =>
    z.strictObject({ from: calendarDate, to: calendarDate, table: statsTableSchema() }).check(
      z.refine((value) => value.from <= value.to, {
        path: ['to'],
        error: '不能早于开始日期',
      }),
    ),
  ),
  'admin.importHistory': lazily(() =>
    z.strictObject({
      rows: pastedRows(historyRow()),
    }),
  ),
  'admin.import': lazily(() =>
    z.strictObject({
      rows: pastedRows(importRow()),
    }),
  ),
  'admin.bindingCode': lazily(() => z.strictObject({ employeeNo })),
  /** The name and department behind a 工号, so HR checks whom a form acts on before sending it. */
  'admin.employeeLookup': lazily(() => z.strictObject({ employeeNo })),
  'admin.trialSend': lazily(() => noPayload),
  'admin.configAlerts': lazily(() => noPayload),
  'admin.configAlertResolve': lazily(() =>
    z.strictObject({
      id: z
        .string()
        .check(
          z.minLength(1, '请指定配置提醒'),
          z.maxLength(100, '配置提醒编号过长'),
          z.regex(/^[A-Za-z0-9_.:-]+$/, '配置提醒编号无效'),
        ),
    }),
  ),
  // Admins: the next part of an export of every collection and stored file (README "数据导出与恢复").
  'admin.export': lazily(() =>
    z.strictObject({
      cursor: z.optional(
        z
          .string()
          .check(
            z.maxLength(1024, { error: '过长' }),
            z.regex(/^[A-Za-z0-9_-]+$/, { error: '导出进度无效，请重新开始导出' }),
          ),
      ),
    }),
  ),
  ...TRAINING_ACTIONS,
  ...INTERVIEW_ACTIONS,
} as const;

export type Actions = typeof ACTIONS;
export type ActionName = keyof Actions;
export const ACTION_NAMES = Object.keys(ACTIONS) as ActionName[];

/** What the client sends (z.input: before defaults and trims). */
export type ActionPayload<A extends ActionName> = z.input<Actions[A]['payload']>;
/** What a handler receives after validation. */
export type ParsedPayload<A extends ActionName> = z.output<Actions[A]['payload']>;

export function isActionName(value: string): value is ActionName {
  return Object.prototype.hasOwnProperty.call(ACTIONS, value);
}
