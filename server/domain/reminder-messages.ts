import { SIGN_WITHIN_DAYS } from './checklist-rules';
import { chineseDate } from './letters';
import { type CaseRecord } from './case-record';
import { type ReminderSlot } from './reminder-policy';

/** A subscription message's `thing` field holds at most 20 characters. */
export const THING_MAX = 20;

export interface ReminderMessage {
  /** The kind as a phrase field (≤ 5 characters). */
  readonly phrase: string;
  /** What to do, ≤ 20 characters. */
  readonly thing: string;
}

function clip(text: string): string {
  const chars = Array.from(text);
  return chars.length <= THING_MAX ? text : `${chars.slice(0, THING_MAX - 1).join('')}…`;
}

function employeeTaskText(slot: ReminderSlot, c: CaseRecord): string {
  const day = Number(slot.detail.day ?? 0);
  const signing = slot.track === 'employee_sign';
  const document = c.kind === 'resignation' ? '《辞职书》' : '《解除劳动合同通知书》';
  const task = signing ? `签署${document}` : '上传工作交接清单';
  switch (slot.kind) {
    case 'notice':
      return signing ? `请于${SIGN_WITHIN_DAYS}日内${task}` : `请${task}`;
    case 'daily':
      return `请尽快${task}`;
    case 'gentle':
      return `已过${day}天，请尽快${task}`;
    case 'serious':
      return `已逾期${day}天，请立即${task}`;
    default:
      return task;
  }
}

/** The text of a reminder for its recipient; the notifier fills the template with it. */
export function reminderMessage(slot: ReminderSlot, c: CaseRecord): ReminderMessage {
  const name = c.employee.name;
  let thing: string;
  if (slot.recipient === 'employee') {
    thing = employeeTaskText(slot, c);
  } else if (slot.kind === 'hr_alert' && slot.track === 'manager_review') {
    thing = `${name}的离职待审批已${String(slot.detail.waitingDays)}天`;
  } else if (slot.kind === 'hr_alert') {
    thing = `${name}已${String(slot.detail.daysLate)}天未完成离职事项`;
  } else if (slot.kind === 'manager_review') {
    thing = `${name}的离职申请待您审批`;
  } else {
    const deadline = typeof slot.detail.deadline === 'string' ? slot.detail.deadline : '';
    const what = slot.slot.startsWith('transfer') ? '社保档案转移' : '工资与离职证明';
    thing = `${name}${what}${deadline ? `${chineseDate(deadline)}到期` : '到期'}`;
  }
  return { phrase: slot.phrase, thing: clip(thing) };
}
