import type { ActionResult } from '../../server/contract';
import { formatInstant } from './beijing-time';
import { type CaseView } from './case-summary';
import { type TagTheme } from './labels';

export type MineResult = ActionResult<'handover.mine'>;
type ItemView = MineResult['cases'][number]['items'][number];
export type HandoverItemStatus = ItemView['status'];

/** Waiting on the successor = warning, received = success, disputed = danger. */
export const HANDOVER_STATUS_THEMES: Record<HandoverItemStatus, TagTheme> = {
  pending: 'warning',
  confirmed: 'success',
  disputed: 'danger',
};

/** The server's limits on the list typed in when naming a successor (the contract's). */
export const MAX_SUCCESSORS = 5;
export const MAX_HANDOVER_ITEMS = 50;
export const HANDOVER_ITEM_MAX_CHARS = 100;

export interface HandoverItemRow {
  itemId: string;
  text: string;
  statusLabel: string;
  theme: TagTheme;
  /** The successor's objection, or the note of whoever confirmed on their behalf. */
  remark: string;
  /** When it was confirmed or disputed ('' while pending). */
  at: string;
  /** The item may still be confirmed (pending or disputed). */
  open: boolean;
}

function itemRow(item: ItemView): HandoverItemRow {
  const noted = item.onBehalf ? '代为确认' : '备注';
  const remark = item.comment ? `异议：${item.comment}` : item.note ? `${noted}：${item.note}` : '';
  return {
    itemId: item.itemId,
    text: item.text,
    statusLabel: item.statusLabel,
    theme: HANDOVER_STATUS_THEMES[item.status],
    remark,
    at: item.at ? formatInstant(item.at) : '',
    open: item.status !== 'confirmed',
  };
}

/** One leaver's work handed to the viewer, as the successor's page lists it. */
export interface HandoverCard {
  caseId: string;
  title: string;
  /** Why the buttons are not there yet ('' when the items can be answered). */
  hint: string;
  answerable: boolean;
  items: HandoverItemRow[];
}

export function handoverCards(result: MineResult): HandoverCard[] {
  return result.cases.map((c) => ({
    caseId: c.caseId,
    title: `${c.employeeName}的工作交接`,
    hint: c.answerable ? '' : 'HR 确认离职、进入手续办理后，即可逐项确认接收',
    answerable: c.answerable,
    items: c.items.map(itemRow),
  }));
}

/** Items still waiting for the viewer's answer (pending or disputed), across the leavers. */
export function openItemCount(result: MineResult): number {
  return result.cases.reduce(
    (n, c) => n + c.items.filter((i) => i.status !== 'confirmed').length,
    0,
  );
}

export interface SuccessorBlock {
  title: string;
  items: HandoverItemRow[];
}

/** The case page's 工作交接人 section: each successor and the state of each of their items. */
export function successorBlocks(handover: CaseView['case']['handover']): SuccessorBlock[] {
  return (handover?.successors ?? []).map((s) => ({
    title: `${s.name}（${s.employeeNo}）`,
    items: s.items.map(itemRow),
  }));
}

/** The lines typed for one successor: one item a line, blank lines dropped. */
export function handoverLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

export interface SuccessorDraft {
  employeeNo: string;
  text: string;
}

/**
 * What the form sends, or the first thing to fix, said in the form's words (the server checks
 * every rule again).
 */
export function successorPayload(
  drafts: readonly SuccessorDraft[],
):
  | { ok: true; successors: { employeeNo: string; items: string[] }[] }
  | { ok: false; error: string } {
  const successors = drafts
    .map((d) => ({ employeeNo: d.employeeNo.trim(), items: handoverLines(d.text) }))
    .filter((d) => d.employeeNo !== '' || d.items.length > 0);
  if (successors.length === 0) return { ok: false, error: '请填写交接人工号和交接事项' };
  if (successors.length > MAX_SUCCESSORS) {
    return { ok: false, error: `最多 ${MAX_SUCCESSORS} 位交接人` };
  }
  for (const [i, s] of successors.entries()) {
    const who = `第 ${i + 1} 位交接人`;
    if (s.employeeNo === '') return { ok: false, error: `${who}：请填写工号` };
    if (s.items.length === 0) return { ok: false, error: `${who}：请至少填写一项交接事项` };
    if (s.items.some((line) => line.length > HANDOVER_ITEM_MAX_CHARS)) {
      return { ok: false, error: `${who}：每项最多 ${HANDOVER_ITEM_MAX_CHARS} 个字，请拆成多行` };
    }
  }
  const numbers = successors.map((s) => s.employeeNo);
  if (new Set(numbers).size !== numbers.length) {
    return { ok: false, error: '同一位交接人只能填写一次，请合并其交接事项' };
  }
  const total = successors.reduce((n, s) => n + s.items.length, 0);
  if (total > MAX_HANDOVER_ITEMS) {
    return { ok: false, error: `交接事项合计最多 ${MAX_HANDOVER_ITEMS} 项` };
  }
  return { ok: true, successors };
}
