import type { ActionName } from '../contract';
import { actsAsHr, type Role } from '../domain/roles';
import type { EmployeeRecord } from './ports/employees.port';

/** Who is calling: identity only from the platform's OPENID (DESIGN §2). */
export interface Caller {
  readonly openid: string;
  readonly clientIp?: string;
  /** The bound employee record, or null for an admin from ADMIN_OPENIDS or an unbound caller. */
  readonly employee: EmployeeRecord | null;
  readonly roles: readonly Role[];
}

export function callerRoles(employee: EmployeeRecord | null, isEnvAdmin: boolean): Role[] {
  const roles = new Set<Role>(employee ? ['employee', ...employee.roles] : []);
  if (isEnvAdmin) roles.add('admin');
  return [...roles];
}

export function isHr(caller: Caller): boolean {
  return caller.roles.some(actsAsHr);
}

/**
 * Who may use an action at all; the relation to a case (owner, their manager, …) is checked
 * by the use case. `anyone` still needs an OPENID; `bound` is a bound employee or an admin;
 * `hr` includes admins, `admin` is admins only.
 */
type Access = 'anyone' | 'bound' | readonly ('employee' | 'manager' | 'hr' | 'admin')[];

export const ACTION_ACCESS: Record<ActionName, Access> = {
  'me.get': 'bound',
  'me.bind': 'anyone',
  'meta.get': 'bound',
  'case.submit': ['employee'],
  'case.terminate': ['hr'],
  'case.issue': ['hr'],
  'case.attach': 'bound',
  'case.resubmit': ['employee'],
  'case.withdraw': ['employee'],
  'case.consentLaterDay': ['employee'],
  'case.consentLastWorkingDay': ['employee'],
  'case.markDisputed': ['hr'],
  'case.review': ['manager', 'hr'],
  'case.hrEscalate': ['hr'],
  'case.hrConfirm': ['hr'],
  'case.hrReturn': ['hr'],
  'case.hrCancel': ['hr'],
  'case.recordDelivery': ['hr'],
  'case.sign': ['employee'],
  'case.checklist': 'bound',
  'case.close': ['hr'],
  'case.nonCompete': ['hr'],
  // The manager names successors (HR when there is none, or in their stead).
  'case.assignSuccessors': ['manager', 'hr'],
  // A successor is any bound colleague; the item's assignment is checked on the case.
  'handover.mine': 'bound',
  'handover.confirm': 'bound',
  'handover.dispute': 'bound',
  'case.get': 'bound',
  'case.evidence': ['employee', 'hr'],
  // The case's PDFs: whoever may see the case (the relation is checked on the case).
  'case.documents': 'bound',
  'case.certificateReason': ['employee'],
  'case.issueCertificate': ['hr'],
  // A new employer checks a 离职证明 with its QR code: no binding needed; the use case decides
  // what each caller learns.
  'document.verify': 'anyone',
  // The blank 工作交接清单: anyone who may hand over work (or receive it) may open it.
  'case.handoverTemplate': 'bound',
  'case.remind': ['hr'],
  // 需电话联系: HR, or the manager of the case (checked on the case).
  'case.recordContact': ['manager', 'hr'],
  // 离职面谈: the employee answers their own; HR sees whether they did and keeps the note of an
  // in-person interview; managers never see the answers (checked on the case).
  'interview.get': ['employee', 'hr'],
  'interview.submit': ['employee'],
  'case.interviewNote': ['hr'],
  'admin.interviewQuestionsSave': ['hr'],
  'admin.interviewStats': ['hr'],
  'subscription.record': 'bound',
  // Read before binding: the guide is shown on the binding page.
  'privacy.get': 'anyone',
  'privacy.report': 'bound',
  'admin.board': ['manager', 'hr'],
  'case.oaRetry': ['hr'],
  // 个保法 第47条: deleting a case's personal information for good is the admins' (DESIGN §2:
  // admins hold the settings, retention included); HR is not enough.
  'admin.purgeCase': ['admin'],
  'admin.stats': ['hr'],
  'admin.statsExport': ['hr'],
  'admin.importHistory': ['hr'],
  'admin.import': ['hr'],
  'admin.bindingCode': ['hr'],
  // A name and department behind a 工号, for HR's forms that act on an employee.
  'admin.employeeLookup': ['hr'],
  // Sends to the caller through the company's templates: the admins who configure them.
  'admin.trialSend': ['admin'],
  // What to fix in the settings and the WeChat console: the admins' to see and mark fixed.
  'admin.configAlerts': ['admin'],
  'admin.configAlertResolve': ['admin'],
  // Everything the company stored, in one archive: the admins' to take away.
  'admin.export': ['admin'],
  // Training: each learns the courses of their own audiences; HR edits the courses.
  'training.catalog': 'bound',
  'training.lesson': 'bound',
  'training.complete': 'bound',
  'training.quizStart': 'bound',
  'training.quizSubmit': 'bound',
  // 模拟离职流程: a sandbox resignation, so only someone who could resign (a bound employee).
  'training.practiceStart': ['employee'],
  'training.practiceStep': ['employee'],
  'admin.courseSave': ['hr'],
  // 离职流程优化方案: HR write them; admins evaluate them.
  'training.proposalSubmit': ['hr'],
  'training.proposals': ['hr'],
  'admin.proposalReview': ['admin'],
  'admin.trainingStats': ['hr'],
  // 线下 workshop: everyone sees the sessions of their audiences (HR all of them); a seat, a
  // pass and a self check-in belong to a bound employee; HR schedules and checks people in.
  'training.workshops': 'bound',
  'training.workshopEnrol': ['employee'],
  'training.workshopCancel': ['employee'],
  'training.workshopPass': ['employee'],
  'training.workshopCheckIn': ['employee'],
  'admin.workshopSave': ['hr'],
  'admin.workshopCheckIn': ['hr'],
  // 培训通知 to a department: HR, as with the roster it follows.
  'admin.coursePush': ['hr'],
};

export function mayUse(caller: Caller, action: ActionName): boolean {
  const access = ACTION_ACCESS[action];
  if (access === 'anyone' || access === 'bound') return true;
  return access.some((need) =>
    need === 'hr'
      ? isHr(caller)
      : need === 'employee'
        ? caller.employee !== null
        : caller.roles.includes(need),
  );
}
