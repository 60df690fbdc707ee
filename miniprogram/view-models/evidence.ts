import type { ActionResult } from '../../server/contract';
import { formatInstant } from './beijing-time';
import { EVENT_LABELS, ROLE_LABELS } from './labels';

type Evidence = ActionResult<'case.evidence'>;
type ChecklistLabels = readonly { item: string; label: string }[];

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

export interface EvidenceView {
  valid: boolean;
  verdict: string;
  chainHead: string;
  letterHash: string;
  signatureHash: string;
  /** The signature item was waived instead of signed. */
  signatureWaived: boolean;
  events: EvidenceEventRow[];
}

const SIGN_ITEMS: readonly string[] = ['sign_letter', 'sign_receipt'];
/** Waived before formalities; not in the checklist the settings describe. */
const HANDOVER_LIST_LABEL = '工作交接清单';

/** Enough of a SHA-256 to tell records apart at a glance; the full heads are shown above. */
export function shortHash(hash: string): string {
  return hash.slice(0, 12);
}

function textOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function itemLabel(item: string, labels: ChecklistLabels): string {
  if (item === 'handover_list') return HANDOVER_LIST_LABEL;
  return labels.find((l) => l.item === item)?.label ?? item;
}

/** Oldest first, as the chain runs; the page hands the rows to the view 20 at a time. */
export function evidenceView(evidence: Evidence, labels: ChecklistLabels): EvidenceView {
  const waivedItems = evidence.events
    .filter((e) => e.type === 'checklist.waive')
    .map((e) => textOf(e.payload.item));
  return {
    valid: evidence.valid,
    verdict: evidence.valid
      ? '校验通过：记录完整，未被篡改'
      : `校验失败：第 ${evidence.brokenAt ?? '?'} 条记录被篡改`,
    chainHead: evidence.chainHead ?? '—',
    letterHash: evidence.letterHash ?? '—',
    signatureHash: evidence.signatureHash ?? '—',
    signatureWaived: !evidence.signatureHash && waivedItems.some((i) => SIGN_ITEMS.includes(i)),
    events: evidence.events.map((e) => {
      const waived = e.type === 'checklist.waive';
      const item = textOf(e.payload.item);
      const note = textOf(e.payload.note);
      return {
        seq: e.seq,
        title: EVENT_LABELS[e.type],
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
