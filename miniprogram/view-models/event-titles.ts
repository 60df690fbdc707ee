import type { AttachmentKind, AuditEventType } from '../../server/contract';
import { ATTACHMENT_LABELS, EVENT_LABELS } from './labels';

/** Checklist items and their labels, as the case or the settings name them. */
export type ItemLabels = readonly { item: string; label: string }[];

/** A checklist item by its label; the handover list is waived before there is a checklist. */
export function itemLabel(item: string, labels: ItemLabels): string {
  if (item === 'handover_list') return ATTACHMENT_LABELS.handover_checklist;
  return labels.find((l) => l.item === item)?.label ?? item;
}

const CHECKLIST_EVENTS: ReadonlySet<string> = new Set([
  'checklist.done',
  'checklist.undone',
  'checklist.waive',
]);

/**
 * A record's title naming what it acted on: `完成清单项：工卡归还`, `上传材料：工作交接清单`;
 * other records keep their label.
 */
export function eventTitle(
  type: AuditEventType,
  payload: Readonly<Record<string, unknown>>,
  labels: ItemLabels,
): string {
  const label = EVENT_LABELS[type];
  if (CHECKLIST_EVENTS.has(type) && typeof payload.item === 'string') {
    return `${label}：${itemLabel(payload.item, labels)}`;
  }
  if (type === 'case.attach' && typeof payload.kind === 'string') {
    const kind = ATTACHMENT_LABELS[payload.kind as AttachmentKind] as string | undefined;
    if (kind) return `${label}：${kind}`;
  }
  return label;
}
