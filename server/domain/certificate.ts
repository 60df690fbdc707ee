import {
  addDays,
  beijingDate,
  type CalendarDate,
  compareDates,
  toInstant,
} from './beijing-calendar';
import { changeCase } from './case-change';
import { type Actor } from './actor';
import { type DomainResult } from './case-effects';
import { withPendingDocument } from './case-paper';
import { type CaseRecord } from './case-record';
import { chineseDate } from './letters';
import { type Reason } from './reasons';

/**
 * The reason as a 离职证明 may state it, only when the employee asked (劳部发〔1996〕354号
 * 第15条): who ended the contract and on which article, nothing negative (no 不能胜任).
 */
export const CERTIFICATE_REASONS: Record<Reason, string> = {
  resignation: '劳动者依据《中华人民共和国劳动合同法》第三十七条提出解除劳动合同',
  personal: '劳动者依据《中华人民共和国劳动合同法》第三十七条提出解除劳动合同',
  incompetence: '用人单位依据《中华人民共和国劳动合同法》第四十条第（二）项解除劳动合同',
  employer_fault: '劳动者依据《中华人民共和国劳动合同法》第三十八条解除劳动合同',
};

function parts(date: CalendarDate): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number);
  return [y ?? 0, m ?? 1, d ?? 1];
}

/** Service from the hire date to the last working day inclusive, as 「X年Y个月」 (whole months). */
export function serviceText(hireDate: CalendarDate, lastWorkingDay: CalendarDate): string {
  const [fy, fm, fd] = parts(hireDate);
  const [ey, em, ed] = parts(addDays(lastWorkingDay, 1));
  let months = Math.max(0, (ey - fy) * 12 + (em - fm) - (ed < fd ? 1 : 0));
  const years = Math.floor(months / 12);
  months %= 12;
  if (years === 0 && months === 0) return '不满一个月';
  return `${years > 0 ? `${years}年` : ''}${months > 0 ? `${months}个月` : ''}`;
}

/**
 * The 离职证明 (劳动合同法 第50条; 实施条例 第24条): exactly the contract term, the termination
 * date, the position and the years of service in this company — and the reason only when the
 * employee asked for it. Nothing else of the case (no employee number, department, notes).
 */
export function certificateText(
  caseDoc: CaseRecord,
  companyName: string,
  issuedOn: CalendarDate,
): string {
  const e = caseDoc.employee;
  const last = caseDoc.lastWorkingDay ?? issuedOn;
  const term = `${chineseDate(e.contractStart ?? e.hireDate)}至${
    e.contractEnd ? chineseDate(e.contractEnd) : '无固定期限'
  }`;
  return [
    '离职证明',
    '',
    `兹证明${e.name}与本单位的劳动合同已解除（终止）。`,
    '',
    `劳动合同期限：${term}`,
    `解除（终止）劳动合同日期：${chineseDate(last)}`,
    `工作岗位：${e.position}`,
    `在本单位工作年限：${serviceText(e.hireDate, last)}`,
    ...(caseDoc.certificateStatesReason === true
      ? [`解除（终止）劳动合同原因：${CERTIFICATE_REASONS[caseDoc.reason]}`]
      : []),
    '',
    '特此证明。',
    '',
    companyName,
    chineseDate(issuedOn),
  ].join('\n');
}

/**
 * The employee's choice, recorded on the case: whether the 离职证明 states the reason
 * (劳部发〔1996〕354号 第15条 — it matters for unemployment benefits, 失业保险条例 第14条).
 */
export function chooseCertificateReason(
  caseDoc: CaseRecord,
  statesReason: boolean,
  actor: Actor,
  now: Date,
): DomainResult {
  if (actor.role !== 'employee') {
    return { ok: false, code: 'FORBIDDEN', reason: 'only the employee chooses' };
  }
  if (caseDoc.state === 'draft' || caseDoc.state === 'withdrawn') {
    return {
      ok: false,
      code: 'INVALID_TRANSITION',
      state: caseDoc.state,
      event: 'certificate.reasonChoice',
    };
  }
  return changeCase(
    caseDoc,
    { certificateStatesReason: statesReason },
    { type: 'certificate.reasonChoice', actor, at: toInstant(now), payload: { statesReason } },
  );
}

/**
 * HR issues the 离职证明 on or after the last working day (第50条: when the contract ends): the
 * exact text is kept in the event, the PDF is rendered after from it (pending, like the signed
 * letter), and `certificate_issued` is ticked with that document as its proof.
 */
export function issueCertificate(
  caseDoc: CaseRecord,
  companyName: string,
  actor: Actor,
  now: Date,
): DomainResult {
  if (actor.role !== 'hr' && actor.role !== 'admin') {
    return { ok: false, code: 'FORBIDDEN', reason: 'only HR issues the certificate' };
  }
  // A completed case is read-only: a paper certificate ticked before closing stands.
  if (caseDoc.state !== 'formalities') {
    return {
      ok: false,
      code: 'INVALID_TRANSITION',
      state: caseDoc.state,
      event: 'certificate.issue',
    };
  }
  const today = beijingDate(now);
  if (!caseDoc.lastWorkingDay || compareDates(today, caseDoc.lastWorkingDay) < 0) {
    return { ok: false, code: 'PRECONDITION_FAILED', guard: 'certificate_on_last_day' };
  }
  if (!caseDoc.employee.contractStart) {
    return { ok: false, code: 'PRECONDITION_FAILED', guard: 'contract_start_known' };
  }
  const at = toInstant(now);
  const text = certificateText(caseDoc, companyName, today);
  const { documents } = withPendingDocument(caseDoc, 'certificate', caseDoc.seq + 1, at);
  const note = '已出具电子离职证明（PDF）';
  return changeCase(
    caseDoc,
    {
      documents,
      documentsPending: true,
      certificateText: text,
      checklist: caseDoc.checklist.map((entry) =>
        entry.item === 'certificate_issued'
          ? { ...entry, done: true, doneAt: at, doneBy: actor.openid, note }
          : entry,
      ),
    },
    {
      type: 'certificate.issue',
      actor,
      at,
      payload: {
        item: 'certificate_issued',
        text,
        statesReason: caseDoc.certificateStatesReason === true,
        note,
      },
    },
  );
}
