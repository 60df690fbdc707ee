import { instantMs, MS_PER_DAY, toInstant } from '../domain/beijing-calendar';
import { lastEnteredAt } from '../domain/case-guards';
import type { CaseRecord } from '../domain/case-record';
import { CHECKLIST_ITEM_LABELS } from '../domain/checklist';
import { SIGN_WITHIN_DAYS } from '../domain/checklist-rules';
import { UNPAID_MONTHS_ENDING_OBLIGATION } from '../domain/non-compete';
import type { ReminderKind } from '../domain/reminder-kinds';
import {
  employeeTaskItem,
  type EmployeeTrack,
  isEmployeeTrack,
  type ReminderSlot,
} from '../domain/reminder-policy';
import type { MessageContent, OutgoingMessage } from './ports/notifier.port';
import type { Settings } from './ports/settings.port';

/** The employee's task as the checklist names it: 上传工作交接清单, 签署《辞职书》, … */
function employeeTask(caseDoc: CaseRecord, track: EmployeeTrack): string {
  return CHECKLIST_ITEM_LABELS[employeeTaskItem(caseDoc, track)];
}

/** The signature is due 3 days after formalities start (checklist); other tasks name the slot. */
function taskDeadline(caseDoc: CaseRecord, slot: ReminderSlot): string {
  if (slot.track !== 'employee_sign') return slot.dueAt;
  const start = lastEnteredAt(caseDoc, 'formalities');
  return start ? toInstant(new Date(instantMs(start) + SIGN_WITHIN_DAYS * MS_PER_DAY)) : slot.dueAt;
}

function employeeNote(slot: ReminderSlot, task: string): string {
  const day = Number(slot.detail.day ?? 0);
  switch (slot.kind) {
    case 'notice':
      return slot.track === 'employee_sign'
        ? `请于${SIGN_WITHIN_DAYS}日内${task}`
        : '请尽快上传，以便部门审批';
    case 'gentle':
      return `已过${day}天，请尽快完成`;
    case 'serious':
      return `已${day}天未完成，HR将跟进处理`;
    default:
      return `第${day}天，请今日内完成`;
  }
}

/**
 * What each reminder says, in Chinese for the person reading it on the phone. The notifier
 * fits it into the template's fields (and cuts what is too long).
 */
export function messageContent(caseDoc: CaseRecord, slot: ReminderSlot): MessageContent {
  const base = {
    phrase: slot.phrase,
    person: caseDoc.employee.name,
    caseId: caseDoc.caseId,
  };
  if (isEmployeeTrack(slot.track)) {
    const task = employeeTask(caseDoc, slot.track);
    if (slot.recipient === 'hr') {
      return {
        ...base,
        task: `逾期${String(slot.detail.daysLate)}天未${task}`,
        note: '请电话联系员工或书面送达',
        at: slot.dueAt,
      };
    }
    // HR's manual reminder may carry HR's own short note instead of the schedule's.
    const hrNote = typeof slot.detail.note === 'string' ? slot.detail.note : undefined;
    return {
      ...base,
      task,
      note: hrNote ?? employeeNote(slot, task),
      at: taskDeadline(caseDoc, slot),
    };
  }
  if (slot.track === 'successor_handover') {
    return {
      ...base,
      task: `${caseDoc.employee.name}的工作交接待你确认`,
      note: `${String(slot.detail.items)}项交接事项，请逐项确认接收`,
      at: slot.dueAt,
    };
  }
  if (slot.track === 'manager_review') {
    const days = String(slot.detail.waitingDays);
    return slot.kind === 'hr_alert'
      ? {
          ...base,
          task: `部门经理${days}天未审批离职申请`,
          note: '可催办或由HR接手',
          at: slot.dueAt,
        }
      : {
          ...base,
          task: `${caseDoc.employee.name}的离职申请待审批`,
          note: `已等待${days}天，请尽快审批`,
          at: slot.dueAt,
        };
  }
  if (slot.track === 'non_compete_compensation') {
    // 劳动合同法 第23条 and 最高法 劳动争议解释(一) 第38条.
    return {
      ...base,
      task: `支付竞业限制补偿（第${String(slot.detail.month)}/${String(slot.detail.months)}期）`,
      // Short enough for a thing field with the phrase before it (≤ 20 characters).
      note: `${UNPAID_MONTHS_ENDING_OBLIGATION}个月未付，员工可请求解除`,
      at: slot.dueAt,
    };
  }
  const transfer = slot.slot.startsWith('transfer');
  return {
    ...base,
    task: transfer ? '社保停缴、公积金封存、档案转移' : '结清工资并出具离职证明',
    note: transfer
      ? `离职后15日内须办结（第50条）`
      : slot.slot === 'pay-0'
        ? '今日为最后工作日，须办结'
        : '最后工作日须办结（第50条）',
    at: slot.dueAt,
  };
}

/**
 * The message as the settings say to send it: the template's field keys, the company's phrase
 * for the kind on this template (else the kind's own), the page and the version. One place for
 * the reminders and the trial send, so a trial proves what a reminder will send.
 */
export function composeMessage(
  settings: Settings,
  templateId: string,
  kind: ReminderKind,
  touser: string,
  content: MessageContent,
): OutgoingMessage {
  const phrase = settings.templatePhrases[templateId]?.[kind] ?? content.phrase;
  return {
    touser,
    templateId,
    fieldKeys: settings.templateFields[templateId] ?? [],
    content: { ...content, phrase },
    ...(settings.reminderPage ? { page: settings.reminderPage } : {}),
    miniprogramState: settings.miniprogramState,
  };
}
