import { toInstant } from './beijing-calendar';
import { attach, type AttachmentFile } from './case-attachments';
import type { Actor } from './actor';
import type { DomainError } from './domain-error';
import { transition } from './case-machine';
import type { CaseRecord, EmployeeSnapshot } from './case-record';
import { signLetter } from './case-signing';
import type { HashText } from './event-chain';
import { renderLetter } from './letters';
import type { Policy } from './policy';
import { submitResignation } from './case-submission';

/**
 * 模拟离职流程: a sandbox resignation run on the real case machine (the same submission,
 * attachment, transition and signing rules), kept with the learner's training, never in the
 * cases collection: it cannot reach a board, a statistic, a reminder or the OA, and it never
 * holds the learner's open-case lock. The manager's and HR's steps are played by the system,
 * each with a short explanation.
 */
export const PRACTICE_NODES = [
  'start',
  'submitted',
  'handover',
  'approved',
  'confirmed',
  'signed',
  'completed',
] as const;
export type PracticeNode = (typeof PRACTICE_NODES)[number];

export const PRACTICE_EXPLANATIONS: Record<PracticeNode, string> = {
  start:
    '这是一次模拟离职：与真实流程一模一样，但不会通知任何人、不发提醒、不计入统计，也不影响你真正提交离职。',
  submitted:
    '你已提交离职通知。真实流程中，服务器记下收到时间和通知全文的摘要，这就是公司收到书面通知的凭证（第37条）。',
  handover:
    '交接清单已上传并计算了摘要。没有交接清单，经理不能通过审批（第50条：劳动者应当办理工作交接）。',
  approved:
    '（系统扮演部门经理）经理核对交接清单后点了「通过」：辞职是通知，经理不能拒绝，只能因材料不全退回。',
  confirmed:
    '（系统扮演 HR）HR确认了最后工作日并生成手续清单：结清工资、离职证明、社保与档案转移（第50条：十五日内）。请在 3 天内签署《辞职书》。',
  signed:
    '你已签署《辞职书》：签名与你的微信身份绑定，记录了全文和签名的摘要与服务器时间（电子签名法第13、14条）。',
  completed:
    '练习完成：真实流程中，HR 在最后工作日后办完各项手续并归档。练习案件已删除，你的练习结果已保存。',
};

/** Who the system plays: a manager and an HR that exist only inside the practice. */
export const PRACTICE_MANAGER: Actor = { openid: 'practice-manager', role: 'manager' };
export const PRACTICE_HR: Actor = { openid: 'practice-hr', role: 'hr' };

export interface PracticeStep {
  readonly node: PracticeNode;
  readonly at: string;
  readonly explanation: string;
}

export interface PracticeRun {
  readonly practiceId: string;
  readonly sandbox: true;
  /** The sandbox case once submitted: the real case record, never stored as a case. */
  readonly case: CaseRecord | null;
  readonly steps: readonly PracticeStep[];
}

export type PracticeResult = { ok: true; run: PracticeRun } | ({ ok: false } & DomainError);

function step(node: PracticeNode, now: Date): PracticeStep {
  return { node, at: toInstant(now), explanation: PRACTICE_EXPLANATIONS[node] };
}

export function startPractice(practiceId: string, now: Date): PracticeRun {
  return { practiceId, sandbox: true, case: null, steps: [step('start', now)] };
}

/** Where the practice stands: the last node reached. */
export function practiceNode(run: PracticeRun): PracticeNode {
  return run.steps[run.steps.length - 1]?.node ?? 'start';
}

/**
 * The learner submits a resignation. The sandbox employee always has a manager, so the
 * manager's step is played even for someone HR would review.
 */
export function practiceSubmit(
  run: PracticeRun,
  input: { readonly employee: EmployeeSnapshot; readonly openid: string },
  now: Date,
  policy: Policy,
  sha256: HashText,
): PracticeResult {
  if (run.case !== null) {
    return { ok: false, code: 'INVALID_TRANSITION', state: run.case.state, event: 'case.submit' };
  }
  const submitted = submitResignation(
    {
      caseId: run.practiceId,
      employee: { ...input.employee, managerNo: PRACTICE_MANAGER.openid },
      employeeOpenid: input.openid,
      reason: 'resignation',
    },
    now,
    policy,
    sha256,
  );
  if (!submitted.ok) return submitted;
  return {
    ok: true,
    run: { ...run, case: submitted.case, steps: [...run.steps, step('submitted', now)] },
  };
}

/**
 * The learner attaches the handover list; the system's manager approves and the system's HR
 * confirms, each on the real machine and its guards.
 */
export function practiceHandover(
  run: PracticeRun,
  file: AttachmentFile,
  actor: Actor,
  now: Date,
  policy: Policy,
): PracticeResult {
  if (run.case === null) {
    return { ok: false, code: 'INVALID_TRANSITION', state: 'draft', event: 'case.attach' };
  }
  const attached = attach(run.case, 'handover_checklist', [file], actor, now);
  if (!attached.ok) return attached;
  const approved = transition(attached.case, { type: 'review.approve' }, now, {
    actor: PRACTICE_MANAGER,
    policy,
  });
  if (!approved.ok) return approved;
  const confirmed = transition(approved.case, { type: 'hr.confirm' }, now, {
    actor: PRACTICE_HR,
    policy,
  });
  if (!confirmed.ok) return confirmed;
  return {
    ok: true,
    run: {
      ...run,
      case: confirmed.case,
      steps: [...run.steps, step('handover', now), step('approved', now), step('confirmed', now)],
    },
  };
}

/** The letter the learner signs in the practice, as the real sign page shows it. */
export function practiceLetter(run: PracticeRun): { text: string } | null {
  return run.case ? { text: renderLetter(run.case).text } : null;
}

/** The learner signs with the real signature pad. */
export function practiceSign(
  run: PracticeRun,
  input: { readonly signatureHash: string; readonly letterHash: string; readonly clientIp: string },
  actor: Actor,
  now: Date,
  sha256: HashText,
): PracticeResult {
  if (run.case === null) {
    return { ok: false, code: 'INVALID_TRANSITION', state: 'draft', event: 'case.sign' };
  }
  const signed = signLetter(
    run.case,
    { ...input, currentLetterHash: sha256(renderLetter(run.case).text) },
    actor,
    now,
  );
  if (!signed.ok) return signed;
  return {
    ok: true,
    run: {
      ...run,
      case: signed.case,
      steps: [...run.steps, step('signed', now)],
    },
  };
}

/** After signing: the practice is complete (its sandbox case is then deleted). */
export function practiceFinish(run: PracticeRun, now: Date): PracticeResult {
  if (practiceNode(run) !== 'signed') {
    return {
      ok: false,
      code: 'INVALID_TRANSITION',
      state: run.case?.state ?? 'draft',
      event: 'hr.close',
    };
  }
  return { ok: true, run: { ...run, steps: [...run.steps, step('completed', now)] } };
}
