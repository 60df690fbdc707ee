/**
 * A signed case of an employee with a rare name, for the documents tests: imported and bound,
 * resigned, approved, confirmed and signed through the real actions.
 */
import { PDF_BYTES, PNG_BYTES } from '../../../tools/demo/demo-company';
import { type Company, unique } from '../offboarding/company-harness';

export const COMPANY_NAME = '示例科技（苏州）有限公司';
/** Two characters outside the common 3,500: the subset font must still draw them. */
export const RARE_NAME = '欧阳翀喆';

export interface SignedCase {
  readonly caseId: string;
  readonly openid: string;
  readonly employeeNo: string;
  readonly letterHash: string;
  readonly letterText: string;
}

/** Beijing calendar date of the local cloud's clock. */
export function today(company: Company): string {
  return new Date(company.cloud.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * A signed case; with `lastDayToday` HR confirmed the last working day as today (the employee
 * proposed it), so a 离职证明 may be issued at once.
 */
export async function signedCase(
  company: Company,
  name = RARE_NAME,
  {
    lastDayToday = false,
    nonCompete = false,
  }: {
    lastDayToday?: boolean;
    /** The contract has a non-compete clause, enforced by HR before the employee signs. */
    nonCompete?: boolean;
  } = {},
): Promise<SignedCase> {
  const hr = company.person('H001').openid;
  const employeeNo = unique('P');
  await company.must(hr, 'admin.import', {
    rows: [
      {
        employeeNo,
        name,
        department: '研发部',
        position: '高级工程师',
        managerNo: 'M001',
        hireDate: '2024-01-02',
        probationEndDate: '2024-04-01',
        contractStart: '2024-01-02',
        contractEnd: '2027-01-01',
        ...(nonCompete ? { nonCompete: true } : {}),
      },
    ],
  });
  const { code } = await company.must<{ code: string }>(hr, 'admin.bindingCode', { employeeNo });
  const openid = `paper-${employeeNo}`;
  await company.must(openid, 'me.bind', { employeeNo, code });
  const { caseId } = await company.must<{ caseId: string }>(openid, 'case.submit', {
    reason: 'resignation',
    idempotencyKey: unique('paper-'),
  });
  const list = await company.upload(
    openid,
    `cases/${caseId}/handover_checklist/list.pdf`,
    PDF_BYTES,
  );
  await company.must(openid, 'case.attach', {
    caseId,
    kind: 'handover_checklist',
    fileIds: [list],
  });
  await company.must(company.person('M001').openid, 'case.review', {
    caseId,
    decision: 'approve',
  });
  // 第36条: an earlier last working day is the employee's own recorded consent first.
  if (lastDayToday) {
    await company.must(openid, 'case.consentLastWorkingDay', {
      caseId,
      lastWorkingDay: today(company),
    });
  }
  await company.must(
    hr,
    'case.hrConfirm',
    lastDayToday
      ? { caseId, lastWorkingDay: today(company), earlyReleaseProposedBy: 'employee' }
      : { caseId },
  );
  if (nonCompete) {
    await company.must(hr, 'case.nonCompete', {
      caseId,
      decision: 'enforced',
      months: 12,
      monthlyCompensation: 5200,
    });
  }
  const view = await company.must<{ letter: { hash: string; text: string } }>(openid, 'case.get', {
    caseId,
  });
  const signature = await company.upload(openid, `cases/${caseId}/signature/sign.png`, PNG_BYTES);
  await company.must(openid, 'case.sign', {
    caseId,
    signatureFileId: signature,
    letterHash: view.letter.hash,
    consent: true,
  });
  return { caseId, openid, employeeNo, letterHash: view.letter.hash, letterText: view.letter.text };
}

/** Asks the documents function to render the case's pending documents, as the client does. */
export async function renderDocuments(
  company: Company,
  openid: string,
  caseId: string,
): Promise<{
  ok: boolean;
  data?: { rendered: string[]; pending: string[] };
  error?: { code: string };
}> {
  return (await company.cloud.invoke(
    'documents',
    { action: 'documents.render', payload: { caseId } },
    { openid },
  )) as never;
}
