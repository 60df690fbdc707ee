import type { ActionResult } from '../../server/contract';
import { beijingDateOf, formatDate, formatMonthDay } from './beijing-time';
import {
  CERTIFICATE_STATUS_LABELS,
  REASON_LABELS,
  STATE_LABELS,
  STATE_THEMES,
  type TagTheme,
} from './labels';

type DepartureRecord = NonNullable<ActionResult<'me.get'>['history']>[number];

/** One finished case in 离职记录, as 我的 and the home page show it. */
export interface DepartureRow {
  caseId: string;
  /** `辞职 · 完成归档`. */
  title: string;
  stateLabel: string;
  stateTheme: TagTheme;
  /** `最后工作日：2027年3月31日（周三）` ('' when the case never fixed one). */
  lastWorkingDay: string;
  /** `《辞职书》已签署（3月5日）`, or that it was not. */
  signed: string;
  /** `证据材料 3 份`. */
  evidence: string;
  /** `离职证明：已出具（4月1日）`. */
  certificate: string;
  /** Everything the row says, for a screen reader. */
  ariaLabel: string;
}

function signedText(record: DepartureRecord): string {
  const [paper, verb] =
    record.kind === 'termination' ? ['《解除劳动合同通知书》', '签收'] : ['《辞职书》', '签署'];
  if (!record.signedAt) return `${paper}未${verb}`;
  const day = beijingDateOf(record.signedAt);
  return `${paper}已${verb}${day ? `（${formatMonthDay(day)}）` : ''}`;
}

function certificateText(record: DepartureRecord): string {
  const label = CERTIFICATE_STATUS_LABELS[record.certificate];
  const day = record.certificateIssuedAt ? beijingDateOf(record.certificateIssuedAt) : null;
  return `离职证明：${label}${day ? `（${formatMonthDay(day)}）` : ''}`;
}

export function departureRow(record: DepartureRecord): DepartureRow {
  const title = `${REASON_LABELS[record.reason]} · ${STATE_LABELS[record.state]}`;
  const row = {
    caseId: record.caseId,
    title,
    stateLabel: STATE_LABELS[record.state],
    stateTheme: STATE_THEMES[record.state],
    lastWorkingDay: record.lastWorkingDay ? `最后工作日：${formatDate(record.lastWorkingDay)}` : '',
    signed: signedText(record),
    evidence: `证据材料 ${record.evidenceCount} 份`,
    certificate: certificateText(record),
  };
  return {
    ...row,
    ariaLabel: [title, row.lastWorkingDay, row.signed, row.evidence, row.certificate]
      .filter(Boolean)
      .join('，'),
  };
}

/** The 离职记录, newest first as the server sends it (absent from an older server: none). */
export function departureRows(history: readonly DepartureRecord[] | undefined): DepartureRow[] {
  return (history ?? []).map(departureRow);
}
