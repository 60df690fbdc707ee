import type { AttachmentKind } from '../../domain/attachments';
import { beijingDate, beijingMinuteOfDay } from '../../domain/beijing-calendar';
import type { AuditEventType } from '../../domain/case-events';
import { type DocumentKind, verifyScene } from '../../domain/case-paper';
import type { AuditEvent } from '../../domain/event-chain';
import type { Role } from '../../domain/roles';
import { VOCABULARY } from '../../domain/vocabulary';
import type { StoredCase } from '../ports/cases.port';
import type { AuditTrailRow, PaperDocument, VerifyImage } from '../ports/document-renderer.port';

/** What each audit event is called on paper: the words the mini program shows. */
const ROLE_LABELS: Record<Role, string> = VOCABULARY.roles;
const ATTACHMENT_KIND_LABELS: Record<AttachmentKind, string> = VOCABULARY.attachments;

export const AUDIT_EVENT_LABELS: Record<AuditEventType, string> = VOCABULARY.events;

/** `2027-03-01T02:00:00.000Z` → `2027-03-01 10:00:00` (Beijing). */
export function beijingClock(at: string): string {
  const date = new Date(at);
  const minutes = beijingMinuteOfDay(date);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${beijingDate(date)} ${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}:${pad(date.getUTCSeconds())}`;
}

/** Names by OPENID, as far as the roster knows them. */
export type NamesByOpenid = ReadonlyMap<string, string>;

function actorText(event: AuditEvent, names: NamesByOpenid): string {
  const role = event.actor.role === 'system' ? '系统' : ROLE_LABELS[event.actor.role as Role];
  if (event.actor.role === 'system') return role;
  const name = names.get(event.actor.openid) ?? `OPENID ${event.actor.openid}`;
  return `${name}（${role}）`;
}

export function auditRows(events: readonly AuditEvent[], names: NamesByOpenid): AuditTrailRow[] {
  return events.map((e) => {
    const ip = typeof e.payload.clientIp === 'string' ? e.payload.clientIp : undefined;
    return {
      seq: e.seq,
      at: beijingClock(e.at),
      what: AUDIT_EVENT_LABELS[e.type] ?? e.type,
      who: actorText(e, names),
      ...(ip ? { clientIp: ip } : {}),
      hash: e.hash,
    };
  });
}

const CERTIFICATE_HINT =
  '新用人单位可用微信扫描二维码，或在「离职通」小程序的「文书核验」中输入核验码，核对本证明是否真实、未被改动；核验不会显示其他任何信息。';

/**
 * The 离职证明 as paper: its text exactly as issued, the company's seal image when one is set,
 * and the verify code. No audit trail: a new employer learns nothing else of the case.
 */
export function certificatePaper(
  caseDoc: StoredCase,
  seal: Uint8Array | null,
  qr: VerifyImage | null,
): PaperDocument {
  const [title = '', ...rest] = (caseDoc.certificateText ?? '').split('\n');
  const body = rest.join('\n').replace(/^\n+/, '');
  const [first = '', ...others] = body.split('\n');
  return {
    title,
    nameLine: first,
    body: others.join('\n').replace(/^\n+/, ''),
    ...(seal
      ? { seal: { caption: '（公司印章图像；纸质原件可向公司人事部门索取）', png: seal } }
      : {}),
    footer: [],
    verify: {
      code: verifyScene(caseDoc.caseId, 'certificate'),
      hint: CERTIFICATE_HINT,
      ...(qr ? { qr } : {}),
    },
  };
}

/**
 * HR's non-compete decision (第23/24条) as it stood when the paper was asked for: on the
 * employee's signed copy too, beside its own 《竞业限制决定告知书》.
 */
function nonCompeteFacts(events: readonly AuditEvent[]): (readonly [string, string])[] {
  const decided = events.find((e) => e.type === 'case.nonCompete');
  if (!decided) return [];
  const p = decided.payload;
  const label = VOCABULARY.nonCompeteDecisions[p.decision === 'enforced' ? 'enforced' : 'released'];
  const terms =
    p.decision === 'enforced'
      ? ` · ${String(p.months)} 个月 · 每月 ${String(p.monthlyCompensation)} 元`
      : '';
  return [['竞业限制', `${label}${terms}（${beijingClock(decided.at)} 记录）`]];
}

const VERIFY_HINT =
  '用微信扫描二维码，或在「离职通」小程序的「文书核验」中输入核验码，可核对本文件是否为系统记录的原件且未被改动。';

/**
 * The signed letter (or the signed receipt of the company's notice) as paper: the text exactly
 * as stored at signing, the signature image, and an audit-trail page listing every event up to
 * the signature with its actor, Beijing time, client IP and hash, the hashes of the letter text,
 * the signature image and each attachment, and the chain head.
 */
export function signedLetterPaper(
  caseDoc: StoredCase,
  kind: DocumentKind,
  signaturePng: Uint8Array,
  names: NamesByOpenid,
  companyName: string,
  qr: VerifyImage | null,
): PaperDocument {
  const signature = caseDoc.signature;
  const text = signature?.letterText ?? '';
  const [title = '', ...rest] = text.split('\n');
  const pending = (caseDoc.documents ?? []).find((d) => d.kind === kind);
  // The events as they stood when the document was asked for: the signature is the last.
  const upTo = pending?.forSeq ?? caseDoc.seq;
  const events = caseDoc.events.filter((e) => e.seq <= upTo);
  const head = events[events.length - 1];
  const code = verifyScene(caseDoc.caseId, kind);
  return {
    title,
    nameLine: `签署人：${caseDoc.employee.name}（工号 ${caseDoc.employee.employeeNo}）`,
    body: rest.join('\n').replace(/^\n+/, ''),
    signature: {
      caption: `电子签名 · ${signature ? beijingClock(signature.at) : ''}（北京时间）`,
      png: signaturePng,
    },
    footer: [
      `用人单位：${companyName}`,
      `文书文本 SHA-256：${signature?.letterHash ?? ''}`,
      `签名图像 SHA-256：${signature?.hash ?? ''}`,
      '本文件由电子签名生成（《电子签名法》第十三、十四条）；文字为签署时保存的原文，未经重新生成。',
    ],
    auditTrail: {
      heading: '审计追踪',
      facts: [
        ['文书', title],
        ['案件编号', caseDoc.caseId],
        ['用人单位', companyName],
        ['员工', `${caseDoc.employee.name}（${caseDoc.employee.employeeNo}）`],
        ['文书文本 SHA-256', signature?.letterHash ?? ''],
        ['签名图像 SHA-256', signature?.hash ?? ''],
        ...caseDoc.attachments.map(
          (a) => [`附件 ${ATTACHMENT_KIND_LABELS[a.kind]} SHA-256`, a.sha256] as const,
        ),
        ...nonCompeteFacts(events),
        ['签署时间（北京时间）', signature ? beijingClock(signature.at) : ''],
        ['签署 IP', signature?.clientIp || '未记录'],
        ['链头（第 ' + String(head?.seq ?? 0) + ' 条事件）', head?.hash ?? ''],
      ],
      events: auditRows(events, names),
    },
    verify: { code, hint: VERIFY_HINT, ...(qr ? { qr } : {}) },
  };
}

/**
 * The 《竞业限制决定告知书》 as paper (劳动合同法 第23/24条): its text exactly as written when HR
 * recorded the decision, the chain head it was written at, and the verify code.
 */
export function nonCompetePaper(caseDoc: StoredCase, qr: VerifyImage | null): PaperDocument {
  const [title = '', ...rest] = (caseDoc.nonCompeteNoticeText ?? '').split('\n');
  const body = rest.join('\n').replace(/^\n+/, '');
  const [first = '', ...others] = body.split('\n');
  const pending = (caseDoc.documents ?? []).find((d) => d.kind === 'non_compete_notice');
  const event = caseDoc.events.find((e) => e.seq === pending?.forSeq);
  return {
    title,
    nameLine: first,
    body: others.join('\n').replace(/^\n+/, ''),
    footer: [
      `决定记录时间：${event ? beijingClock(event.at) : ''}（北京时间）`,
      `记录哈希（第 ${String(event?.seq ?? 0)} 条事件）：${event?.hash ?? ''}`,
      '本文件的文字为决定时保存的原文，未经重新生成。',
    ],
    verify: {
      code: verifyScene(caseDoc.caseId, 'non_compete_notice'),
      hint: VERIFY_HINT,
      ...(qr ? { qr } : {}),
    },
  };
}
