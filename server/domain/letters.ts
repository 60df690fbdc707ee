import { beijingDate, type CalendarDate } from './beijing-calendar';
import { type CaseRecord } from './case-record';
import { isInProbation, noticeDays } from './notice-period';
import { UNTIL_DELIVERY_LAST_DAY } from './notice-delivery';
import { REASON_LABELS } from './reasons';
import { FAULT_GROUND_RULES, leavesAtOnce } from './employer-fault';

export interface Letter {
  readonly title: string;
  readonly text: string;
}

export interface LetterOptions {
  /** The employer's name as it appears on letters; "公司" when not configured. */
  readonly companyName?: string;
}

/** `2027-03-02` → `2027年3月2日`. */
export function chineseDate(date: CalendarDate): string {
  const [y, m, d] = date.split('-');
  return `${y ?? ''}年${Number(m)}月${Number(d)}日`;
}

const PENDING = '（待定）';

const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/**
 * 第36条: an earlier last working day is agreed by both sides; the letter says who proposed
 * it, since a company proposal may owe severance (第46条(二)).
 */
function earlyReleaseLine(c: CaseRecord, last: string): string[] {
  if (c.earlyReleaseProposedBy === 'company') {
    return [
      `经公司提出、本人同意，双方依据《中华人民共和国劳动合同法》第三十六条协商一致，将最后工作日提前至${last}。`,
    ];
  }
  if (c.earlyReleaseProposedBy === 'employee') {
    return [`经本人提出、公司同意，最后工作日提前至${last}。`];
  }
  return [];
}

/** 第38条: the employee ends the contract for the employer's fault, naming the grounds. */
function employerFaultLetter(c: CaseRecord, company: string): Letter {
  const e = c.employee;
  const received = c.noticeReceivedAt ? beijingDate(c.noticeReceivedAt) : undefined;
  const noticeDate = received ? chineseDate(received) : PENDING;
  const last = c.lastWorkingDay ? chineseDate(c.lastWorkingDay) : PENDING;
  const grounds = c.faultGrounds ?? [];
  const paragraphs = [...new Set(grounds.map((g) => FAULT_GROUND_RULES[g].paragraph))].sort();
  const cited = paragraphs.map((p) => (p === 1 ? '第一款' : '第二款')).join('、');
  const title = '被迫解除劳动合同通知书';
  const text = [
    title,
    '',
    `${company}：`,
    '',
    `本人${e.name}（工号：${e.employeeNo}），现任${e.department}${e.position}。公司存在下列情形：`,
    ...grounds.map(
      (g, i) => `${CHINESE_NUMERALS[i] ?? String(i + 1)}、${FAULT_GROUND_RULES[g].label}；`,
    ),
    ...(c.explanation ? [`具体情况：${c.explanation}`] : []),
    '',
    `本人依据《中华人民共和国劳动合同法》第三十八条${cited}的规定，以本书面形式通知公司解除劳动合同。` +
      (leavesAtOnce(grounds)
        ? '上述情形中有第三十八条第二款规定的情形，本人可以立即解除劳动合同，无需事先告知公司。'
        : ''),
    '',
    `本通知于${noticeDate}送达公司，送达即生效，本人的最后工作日为${last}。` +
      '请公司依照第四十六条第（一）项支付经济补偿，结清工资，出具解除劳动合同的证明，并于十五日内办理档案和社会保险关系转移手续。',
    ...earlyReleaseLine(c, last),
    '',
    `解除人：${e.name}`,
    `日期：${noticeDate}`,
    ...(c.source === 'oa' ? ['', `经 OA 提交（OA 单号：${c.oaRef ?? ''}）`] : []),
  ].join('\n');
  return { title, text };
}

function resignationLetter(c: CaseRecord, company: string): Letter {
  const e = c.employee;
  const received = c.noticeReceivedAt ? beijingDate(c.noticeReceivedAt) : undefined;
  const days = received ? noticeDays(isInProbation(received, e.probationEndDate)) : 30;
  const because = c.explanation
    ? `${REASON_LABELS[c.reason]}（${c.explanation}）`
    : REASON_LABELS[c.reason];
  const noticeDate = received ? chineseDate(received) : PENDING;
  const last = c.lastWorkingDay ? chineseDate(c.lastWorkingDay) : PENDING;
  const text = [
    '辞职书',
    '',
    `${company}：`,
    '',
    `本人${e.name}（工号：${e.employeeNo}），现任${e.department}${e.position}。因${because}，` +
      `本人依据《中华人民共和国劳动合同法》第三十七条，以本书面形式提前${days}日通知公司解除劳动合同。`,
    '',
    `本通知于${noticeDate}送达公司，本人的最后工作日为${last}。在此之前，本人将按公司要求完成工作交接。`,
    ...earlyReleaseLine(c, last),
    '',
    `辞职人：${e.name}`,
    `日期：${noticeDate}`,
    // The employee gave notice in the company's OA, not in the mini program.
    ...(c.source === 'oa' ? ['', `经 OA 提交（OA 单号：${c.oaRef ?? ''}）`] : []),
  ].join('\n');
  return { title: '辞职书', text };
}

function terminationLetter(c: CaseRecord, company: string): Letter {
  const e = c.employee;
  // Dated on its issue; before delivery a 30 days' notice ends 30 days after it (民法典 第137条).
  const issued = c.issuedAt ?? c.noticeReceivedAt;
  const noticeDate = issued ? chineseDate(beijingDate(issued)) : PENDING;
  const last = c.lastWorkingDay
    ? chineseDate(c.lastWorkingDay)
    : c.issuedAt
      ? `本通知${UNTIL_DELIVERY_LAST_DAY}`
      : PENDING;
  const mode =
    c.noticeMode === 'payInLieu'
      ? `公司将额外支付你一个月工资代替提前通知，劳动合同于${last}解除。`
      : `本通知为提前三十日的书面通知，劳动合同于${last}解除。`;
  const text = [
    '解除劳动合同通知书',
    '',
    `${e.name}（工号：${e.employeeNo}）：`,
    '',
    `你在${e.department}担任${e.position}。经考核，你不能胜任工作，经过培训或者调整工作岗位，仍不能胜任工作。` +
      '依据《中华人民共和国劳动合同法》第四十条第（二）项，公司决定与你解除劳动合同。',
    mode,
    `请于${last}前完成工作交接。公司将依法支付经济补偿，出具解除劳动合同的证明，` +
      '并于十五日内为你办理档案和社会保险关系转移手续。',
    '',
    company,
    `日期：${noticeDate}`,
  ].join('\n');
  return { title: '解除劳动合同通知书', text };
}

/**
 * The letter the employee signs: 《辞职书》 for a resignation, 《被迫解除劳动合同通知书》 for
 * one for the employer's fault (第38条), 《解除劳动合同通知书》 for a termination. Deterministic in the case, so its SHA-256 can be shown before signing.
 */
export function renderLetter(caseDoc: CaseRecord, options: LetterOptions = {}): Letter {
  const company = options.companyName?.trim() || '公司';
  if (caseDoc.kind === 'termination') return terminationLetter(caseDoc, company);
  return caseDoc.reason === 'employer_fault'
    ? employerFaultLetter(caseDoc, company)
    : resignationLetter(caseDoc, company);
}
