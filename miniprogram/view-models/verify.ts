import type { ActionResult } from '../../server/contract';
import { formatInstant } from './beijing-time';

type Verdict = ActionResult<'document.verify'>;

export interface VerifyRow {
  label: string;
  value: string;
  /** Hashes are set in a monospace, selectable line. */
  hash: boolean;
}

export interface VerifyView {
  valid: boolean;
  verdict: string;
  /** What the check of a held PDF found; empty when none was picked. */
  held: string;
  heldOk: boolean;
  rows: VerifyRow[];
}

const CHECK_TEXT = { file: '存档文件', chain: '记录链', anchors: '每日存证锚点' } as const;

/** The scene a QR code opened the page with (`?scene=…`, URL-encoded), or a typed code. */
export function codeFromQuery(query: { scene?: string; code?: string }): string {
  const raw = query.scene ?? query.code ?? '';
  try {
    return decodeURIComponent(raw).trim();
  } catch {
    return raw.trim();
  }
}

/** The verify page's words for a verdict of `document.verify`. */
export function verifyView(v: Verdict): VerifyView {
  const verdict = v.valid
    ? `${v.label}真实有效：与系统记录一致，未被改动`
    : `${v.label}核验未通过：存档文件或记录已被改动，请联系公司人事部门`;
  const held =
    v.heldMatches === undefined
      ? ''
      : v.heldMatches
        ? '你选择的文件与系统记录的原件完全一致。'
        : '你选择的文件与系统记录的原件不一致：它不是原件，或已被改动。';
  const rows: VerifyRow[] = [];
  const d = v.details;
  if (d) {
    rows.push({ label: '员工', value: d.employeeName, hash: false });
    if (d.signedBy) rows.push({ label: '签署人', value: d.signedBy, hash: false });
    if (d.signedAt) rows.push({ label: '签署时间', value: formatInstant(d.signedAt), hash: false });
    if (d.letterTitle)
      rows.push({ label: '签署的文书', value: `《${d.letterTitle}》`, hash: false });
    if (d.letterHash) rows.push({ label: '文书文本 SHA-256', value: d.letterHash, hash: true });
    rows.push({ label: 'PDF SHA-256', value: d.sha256, hash: true });
    if (d.createdAt)
      rows.push({ label: '生成时间', value: formatInstant(d.createdAt), hash: false });
    for (const key of ['file', 'chain', 'anchors'] as const) {
      rows.push({ label: CHECK_TEXT[key], value: d.checks[key] ? '通过' : '未通过', hash: false });
    }
  }
  return { valid: v.valid, verdict, held, heldOk: v.heldMatches === true, rows };
}
