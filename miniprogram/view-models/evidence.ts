import type { ActionResult } from '../../server/contract';
import { formatInstant } from './beijing-time';
import { eventTitle, itemLabel } from './event-titles';
import { ROLE_LABELS } from './labels';

type Evidence = ActionResult<'case.evidence'>;
type Mismatch = Evidence['mismatches'][number];
type CheckName = keyof Evidence['checks'];
type ChecklistLabels = readonly { item: string; label: string }[];

/** One of the four checks of DESIGN §3 "Verification is a replay", as the page lists them. */
export interface EvidenceCheckRow {
  name: CheckName;
  label: string;
  ok: boolean;
}

/** A disagreement the server found, said in Chinese for the person reading it. */
export interface EvidenceProblemRow {
  check: string;
  text: string;
}

export interface EvidenceEventRow {
  seq: number;
  title: string;
  who: string;
  at: string;
  shortHash: string;
  /** A waiver (DESIGN §3): shown as such, with the item and HR's reason. */
  waived: boolean;
  waiverText: string;
  /** The record where verification failed. */
  broken: boolean;
}

/** A letter text kept on the case as given (issue 11 item 10), with the hash its record holds. */
export interface EvidenceLetterRow {
  title: string;
  text: string;
  sha256: string;
  /** The kept text still hashes to what its record holds. */
  matches: boolean;
}

export interface EvidenceView {
  valid: boolean;
  verdict: string;
  chainHead: string;
  letterHash: string;
  signatureHash: string;
  /** The signature item was waived instead of signed. */
  signatureWaived: boolean;
  checks: EvidenceCheckRow[];
  problems: EvidenceProblemRow[];
  events: EvidenceEventRow[];
  letters: EvidenceLetterRow[];
}

export const CHECK_LABELS: Record<CheckName, string> = {
  chain: '记录链',
  fields: '案件数据与记录一致',
  anchors: '每日存证锚点',
  files: '证据文件',
};

const CHECK_ORDER: readonly CheckName[] = ['chain', 'fields', 'anchors', 'files'];

const FIELD_LABELS: Record<string, string> = {
  kind: '案件类型',
  reason: '离职原因',
  explanation: '原因说明',
  state: '案件状态',
  employeeOpenid: '提交人',
  hrOwner: '负责 HR',
  noticeReceivedAt: '通知送达时间',
  noticeTextHash: '通知文本哈希',
  noticeText: '提交的通知原文',
  'signature.letterText': '签署的文书原文',
  nonCompeteNoticeText: '竞业限制决定告知书原文',
  'documents.length': '文书数量',
  certificateStatesReason: '离职证明是否写明原因',
  legalLastWorkingDay: '法定最后工作日',
  lastWorkingDay: '最后工作日',
  consentToLaterDay: '员工同意的最后工作日',
  earlyReleaseProposedBy: '提前离职提出方',
  noticeMode: '通知方式',
  noProtectedStatus: '第42条情形确认',
  completedAt: '归档时间',
  createdAt: '创建时间',
  signature: '电子签名',
  'signature.hash': '签名图像哈希',
  'signature.letterHash': '签署文书哈希',
  'signature.openid': '签署人',
  'signature.at': '签署时间',
  'signature.clientIp': '签署 IP',
  'signature.file': '签名图像文件',
  'attachments.length': '附件数量',
  'waivers.length': '豁免记录数量',
  'checklist.items': '手续清单项目',
  'stages.length': '阶段记录数量',
};

const PART_LABELS: Record<string, string> = {
  kind: '类别',
  fileId: '上传文件',
  evidenceFileId: '证据副本',
  sha256: '哈希',
  size: '大小',
  contentType: '类型',
  uploadedBy: '上传人',
  at: '时间',
  file: '文件内容',
  item: '项目',
  by: '操作人',
  note: '备注',
  done: '完成状态',
  doneAt: '完成时间',
  doneBy: '完成人',
  waived: '豁免状态',
  waivedAt: '豁免时间',
  waivedBy: '豁免人',
  state: '状态',
  enteredAt: '进入时间',
  exitedAt: '离开时间',
  type: '类型',
  guard: '前提条件',
  digest: '摘要',
  status: '状态',
  forSeq: '对应记录',
  createdAt: '生成时间',
};

const DOCUMENT_LABELS: Record<string, string> = {
  signed_letter: '已签署的辞职书',
  termination_receipt: '解除通知签收件',
  certificate: '离职证明',
  non_compete_notice: '竞业限制决定告知书',
};

function partLabel(part: string): string {
  return PART_LABELS[part] ?? part;
}

/** `attachments[0].sha256` → 第 1 个附件的哈希; unknown fields keep their name. */
export function fieldLabel(field: string, labels: ChecklistLabels = []): string {
  const known = FIELD_LABELS[field];
  if (known) return known;
  let m = /^(attachments|waivers|stages)\[(\d+)\]\.(\w+)$/.exec(field);
  if (m) {
    const noun = { attachments: '附件', waivers: '豁免记录', stages: '阶段' }[
      m[1] as 'attachments' | 'waivers' | 'stages'
    ];
    return `第 ${Number(m[2]) + 1} 个${noun}的${partLabel(m[3] ?? '')}`;
  }
  m = /^documents\.(\w+)\.(\w+)$/.exec(field);
  if (m) return `文书「${DOCUMENT_LABELS[m[1] ?? ''] ?? m[1]}」的${partLabel(m[2] ?? '')}`;
  m = /^checklist\.(.+)\.(\w+)$/.exec(field);
  if (m) return `手续「${itemLabel(m[1] ?? '', labels)}」的${partLabel(m[2] ?? '')}`;
  m = /^events\[(\d+)\]\.(?:payload\.|actor\.)?(\w+)$/.exec(field);
  if (m) {
    const part = m[2] ?? '';
    return `第 ${m[1]} 条记录的${FIELD_LABELS[part] ?? partLabel(part)}`;
  }
  m = /^anchors\.(\d{4}-\d{2}-\d{2})(?:\.(\w+))?$/.exec(field);
  if (m) return `${m[1]} 的每日存证锚点${m[2] ? `（${partLabel(m[2])}）` : ''}`;
  return field;
}

function shown(value: Mismatch['stored']): string {
  if (value === null) return '（无）';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'string' && /^[0-9a-f]{64}$/.test(value)) return shortHash(value);
  return String(value);
}

function checkOf(field: string): CheckName {
  if (field.startsWith('events')) return 'chain';
  if (field.startsWith('anchors.')) return 'anchors';
  if (field.endsWith('.file')) return 'files';
  return 'fields';
}

/** 最后工作日：案件中为 2027-12-31，按记录重放应为 2027-03-31. */
export function problemText(m: Mismatch, labels: ChecklistLabels = []): string {
  const name = fieldLabel(m.field, labels);
  switch (checkOf(m.field)) {
    case 'anchors':
      return `${name}：锚点记录为 ${shown(m.stored)}，现有记录链为 ${shown(m.replayed)}`;
    case 'files':
      return m.replayed === null
        ? `${name}：文件已缺失（保管时哈希 ${shown(m.stored)}）`
        : `${name}：保管时哈希为 ${shown(m.stored)}，现为 ${shown(m.replayed)}`;
    case 'chain':
      return `${name}：记录为 ${shown(m.stored)}，按规则应为 ${shown(m.replayed)}`;
    default:
      return `${name}：案件中为 ${shown(m.stored)}，按记录重放应为 ${shown(m.replayed)}`;
  }
}

function verdictOf(evidence: Evidence, checks: readonly EvidenceCheckRow[]): string {
  if (evidence.valid) return '校验通过：记录完整，未被篡改';
  if (evidence.brokenAt !== undefined) return `校验失败：第 ${evidence.brokenAt} 条记录被篡改`;
  const failed = checks.filter((c) => !c.ok).map((c) => c.label);
  return failed.length > 0 ? `校验失败：${failed.join('、')}未通过` : '校验失败';
}

const SIGN_ITEMS: readonly string[] = ['sign_letter', 'sign_receipt'];

/** Enough of a SHA-256 to tell records apart at a glance; the full heads are shown above. */
export function shortHash(hash: string): string {
  return hash.slice(0, 12);
}

function textOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** Oldest first, as the chain runs; the page shows the newest first, 20 at a time. */
export function evidenceView(evidence: Evidence, labels: ChecklistLabels): EvidenceView {
  const waivedItems = evidence.events
    .filter((e) => e.type === 'checklist.waive')
    .map((e) => textOf(e.payload.item));
  // An older server sends neither: its verdict is about the chain alone.
  const mismatches = evidence.mismatches ?? [];
  const passed = evidence.checks;
  const checks: EvidenceCheckRow[] = passed
    ? CHECK_ORDER.map((name) => ({ name, label: CHECK_LABELS[name], ok: passed[name] }))
    : [];
  return {
    valid: evidence.valid,
    verdict: verdictOf(evidence, checks),
    checks,
    problems: mismatches.map((m) => ({
      check: CHECK_LABELS[checkOf(m.field)],
      text: problemText(m, labels),
    })),
    chainHead: evidence.chainHead ?? '—',
    letterHash: evidence.letterHash ?? '—',
    signatureHash: evidence.signatureHash ?? '—',
    letters: [
      ...(evidence.letters?.submitted
        ? [{ title: '提交的通知原文', ...evidence.letters.submitted }]
        : []),
      ...(evidence.letters?.signed
        ? [{ title: '签署的文书原文', ...evidence.letters.signed }]
        : []),
      ...(evidence.letters?.nonCompete
        ? [{ title: '竞业限制决定告知书原文', ...evidence.letters.nonCompete }]
        : []),
    ],
    signatureWaived: !evidence.signatureHash && waivedItems.some((i) => SIGN_ITEMS.includes(i)),
    events: evidence.events.map((e) => {
      const waived = e.type === 'checklist.waive';
      const item = textOf(e.payload.item);
      const note = textOf(e.payload.note);
      return {
        seq: e.seq,
        title: eventTitle(e.type, e.payload, labels),
        who: e.actor.role === 'system' ? '系统' : ROLE_LABELS[e.actor.role],
        at: formatInstant(e.at),
        shortHash: shortHash(e.hash),
        waived,
        waiverText: waived
          ? `已豁免：${itemLabel(item, labels)}${note ? `（原因：${note}）` : ''}`
          : '',
        broken: !evidence.valid && e.seq === evidence.brokenAt,
      };
    }),
  };
}

/** A case purged after its retention period (个保法 第47条), as its tombstone tells it. */
export interface PurgedView {
  message: string;
  purgedAt: string;
  /** The chain head the case had when it was purged ('—' when it had none). */
  chainHead: string;
}

/** The server's answer for a purged case, or null for any other refusal. */
export function purgedView(error: {
  code: string;
  message: string;
  details?: Readonly<Record<string, unknown>>;
}): PurgedView | null {
  const purged = error.details?.purged as { purgedAt?: unknown; chainHead?: unknown } | undefined;
  if (error.code !== 'NOT_FOUND' || !purged) return null;
  return {
    message: error.message,
    purgedAt: typeof purged.purgedAt === 'string' ? formatInstant(purged.purgedAt) : '',
    chainHead: typeof purged.chainHead === 'string' ? purged.chainHead : '—',
  };
}
