import { type ActionResult, HISTORY_LIMIT } from '../contract';
import { departureRecord } from './departure-record';
import type { ClosedCase } from './ports/cases.port';
import { beijingDate } from '../domain/beijing-calendar';
import { isInProbation, legalLastWorkingDay, noticeDays } from '../domain/notice-period';
import type { ReminderKind } from '../domain/reminder-kinds';
import { callerRoles } from './caller';
import { employeeSnapshot } from './employee-snapshot';
import { uploaderTag } from './file-rules';
import type { Handler } from './rpc-handler';
import { fail, guardFailed, ok, type Outcome } from './outcome';
import type { BindingDecision, BindingsRepository, OpenidClaim } from './ports/bindings.port';
import type { Crypto } from './ports/crypto.port';
import type { BindingFailure, EmployeesRepository } from './ports/employees.port';
import type { Settings, SettingsRepository } from './ports/settings.port';
import type { SubscriptionsRepository } from './ports/subscriptions.port';

/** DESIGN §2: ≥ 8 characters of Crockford base32, valid 7 days, 5 wrong tries an hour lock it for an hour. */
export const BINDING_CODE_LENGTH = 10;
const CODE_VALID_MS = 7 * 24 * 3600_000;
const LOCK_WINDOW_MS = 3600_000;
const MAX_FAILURES = 5;
/** Wrong tries an OPENID may make within an hour, whichever employees it tries. */
export const MAX_FAILURES_PER_OPENID = 10;
const LOCKED = '错误次数过多，请一小时后再试或联系 HR';
const RATE_LIMITED = '尝试次数过多，请一小时后再试';

type BindingResult = ActionResult<'me.bind'>;

export interface OpenCaseFinder {
  findOpenCase(employeeNo: string): Promise<ActionResult<'me.get'>['openCase'] | null>;
  /** The employee's finished cases, newest first, without their logs (the 离职记录). */
  findClosedCases(employeeNo: string, limit: number): Promise<readonly ClosedCase[]>;
}

export interface IdentityDeps {
  readonly employees: EmployeesRepository;
  readonly bindings: BindingsRepository;
  readonly settings: SettingsRepository;
  readonly subscriptions: SubscriptionsRepository;
  readonly openCases: OpenCaseFinder;
  readonly crypto: Crypto;
  readonly adminOpenids: ReadonlySet<string>;
}

/** Credits per message kind, from the per-template estimate. */
export function estimatesByKind(
  settings: Settings,
  perTemplate: Readonly<Record<string, number>>,
): Partial<Record<ReminderKind, number>> {
  const out: Partial<Record<ReminderKind, number>> = {};
  for (const [kind, templateId] of Object.entries(settings.templateIds)) {
    out[kind as ReminderKind] = perTemplate[templateId] ?? 0;
  }
  return out;
}

/** The last working day of a notice received now, and the notice period it follows from. */
function resignationPreview(now: Date, probationEndDate: string) {
  const inProbation = isInProbation(beijingDate(now), probationEndDate);
  return {
    lastWorkingDay: legalLastWorkingDay(now, probationEndDate),
    noticeDays: noticeDays(inProbation),
  };
}

/** Crockford base32 is case-insensitive and reads I/L as 1 and O as 0. */
export function normaliseCode(code: string): string {
  return code.replace(/-/g, '').toUpperCase().replace(/[IL]/g, '1').replace(/O/g, '0');
}

function codeHash(crypto: Crypto, employeeNo: string, code: string): string {
  return crypto.sha256(`${employeeNo}:${normaliseCode(code)}`);
}

export function identityHandlers(deps: IdentityDeps): {
  'me.get': Handler<'me.get'>;
  'me.bind': Handler<'me.bind'>;
  'admin.bindingCode': Handler<'admin.bindingCode'>;
  'subscription.record': Handler<'subscription.record'>;
} {
  return {
    async 'me.get'({ caller, now }) {
      const employee = caller.employee;
      const [openCase, closed, settings, perTemplate] = await Promise.all([
        employee ? deps.openCases.findOpenCase(employee.employeeNo) : null,
        // Only the caller's own: the number comes from their binding, never from a payload.
        employee ? deps.openCases.findClosedCases(employee.employeeNo, HISTORY_LIMIT) : null,
        deps.settings.get(),
        deps.subscriptions.get(caller.openid),
      ]);
      const history = closed?.flatMap((c) => departureRecord(c) ?? []);
      return ok({
        employee: employee ? employeeSnapshot(employee) : null,
        roles: [...caller.roles],
        ...(openCase ? { openCase } : {}),
        ...(employee && !openCase
          ? { resignationPreview: resignationPreview(now, employee.probationEndDate) }
          : {}),
        subscriptions: estimatesByKind(settings, perTemplate),
        uploadTag: uploaderTag(caller.openid, (text) => deps.crypto.sha256(text)),
        ...(history ? { history } : {}),
      });
    },

    async 'me.bind'({ caller, now }, { employeeNo, code }) {
      if (caller.employee && caller.employee.employeeNo !== employeeNo) {
        return guardFailed(
          'openid_bound_elsewhere',
          `该微信已绑定员工 ${caller.employee.employeeNo}，如需更换请联系 HR`,
        );
      }
      const openid = caller.openid;
      const at = now.toISOString();
      const windowStart = new Date(now.getTime() - LOCK_WINDOW_MS).toISOString();
      const hash = codeHash(deps.crypto, employeeNo, code);
      const outcome = await deps.bindings.attempt(
        employeeNo,
        openid,
        (record, claim): BindingDecision<Outcome<BindingResult>> => {
          const claimFailures = (claim?.failures ?? []).filter((t) => t > windowStart);
          // One OPENID, one employee: the claim, not only the caller read before (DESIGN §2).
          if (claim?.employeeNo !== undefined && claim.employeeNo !== employeeNo) {
            return {
              answer: guardFailed(
                'openid_bound_elsewhere',
                `该微信已绑定员工 ${claim.employeeNo}，如需更换请联系 HR`,
              ),
            };
          }
          if (claimFailures.length >= MAX_FAILURES_PER_OPENID) {
            return { answer: guardFailed('binding_rate_limited', RATE_LIMITED) };
          }
          const binding = record?.binding;
          const wrong = guardFailed('binding_code', '工号或绑定码不正确');
          // A wrong try counts against this OPENID whatever the employee number.
          const claimAfterFailure: OpenidClaim = {
            ...(claim?.employeeNo !== undefined ? { employeeNo: claim.employeeNo } : {}),
            failures: [...claimFailures, at],
            at,
          };
          if (!record || !binding) return { answer: wrong, claim: claimAfterFailure };
          const failures = binding.failures.filter(
            (f): f is BindingFailure => typeof f !== 'string' && f.at > windowStart,
          );
          const locks = (binding.locks ?? []).filter((l) => l.until > at);
          if (
            (binding.lockedUntil !== undefined && binding.lockedUntil > at) ||
            locks.some((l) => l.openid === openid)
          ) {
            return { answer: guardFailed('binding_locked', LOCKED) };
          }
          const valid = binding.codeHash === hash && !binding.usedAt && binding.expiresAt > at;
          if (!valid) {
            const mine = [...failures.filter((f) => f.openid === openid), { openid, at }];
            const locked = mine.length >= MAX_FAILURES;
            const until = new Date(now.getTime() + LOCK_WINDOW_MS).toISOString();
            const employee = {
              patch: {
                binding: {
                  ...binding,
                  failures: [...failures, { openid, at }],
                  locks: locked ? [...locks, { openid, until }] : locks,
                },
              },
            };
            let answer = locked ? guardFailed('binding_locked', LOCKED) : wrong;
            if (binding.usedAt && binding.codeHash === hash) {
              answer = guardFailed('binding_code_used', '绑定码已使用，请联系 HR 重新发放');
            } else if (binding.expiresAt <= at) {
              answer = guardFailed('binding_code_expired', '绑定码已过期，请联系 HR 重新发放');
            }
            return { answer, employee, claim: claimAfterFailure };
          }
          const bound = { ...record, openid };
          return {
            answer: ok({
              employee: employeeSnapshot(bound),
              roles: callerRoles(bound, deps.adminOpenids.has(openid)),
            }),
            employee: {
              patch: {
                openid,
                boundAt: at,
                binding: { ...binding, usedAt: at, failures: [], locks: [] },
              },
              event: {
                type: 'employee.bound',
                actor: openid,
                at,
                payload: record.openid ? { replacedOpenid: record.openid } : {},
              },
            },
            claim: { employeeNo, failures: claimFailures, at },
            ...(record.openid !== undefined && record.openid !== openid
              ? { release: record.openid }
              : {}),
          };
        },
      );
      return outcome === 'conflict' ? fail('CONFLICT', '请求过于频繁，请稍后重试') : outcome;
    },

    async 'admin.bindingCode'({ caller, now }, { employeeNo }) {
      const record = await deps.employees.get(employeeNo);
      if (!record) return fail('NOT_FOUND', `没有员工 ${employeeNo}`);
      // Whoever binds the code acts as that employee: only admins make admins (DESIGN §2).
      if (record.roles.includes('admin') && !caller.roles.includes('admin')) {
        return fail('FORBIDDEN', '只有管理员可以为管理员发放绑定码');
      }
      const code = deps.crypto.randomCode(BINDING_CODE_LENGTH);
      const at = now.toISOString();
      const expiresAt = new Date(now.getTime() + CODE_VALID_MS).toISOString();
      const saved = await deps.employees.update(
        employeeNo,
        record.version,
        {
          binding: {
            codeHash: codeHash(deps.crypto, employeeNo, code),
            issuedBy: caller.openid,
            issuedAt: at,
            expiresAt,
            failures: [],
          },
        },
        { type: 'employee.bindingCodeIssued', actor: caller.openid, at, payload: { expiresAt } },
      );
      if (!saved) return fail('CONFLICT', '员工信息刚被修改，请重试');
      return ok({ code, expiresAt });
    },

    async 'subscription.record'({ caller, now }, { results }) {
      // Only the templates the company configured: anything else is not WeChat's answer.
      const settings = await deps.settings.get();
      const configured = new Set(Object.values(settings.templateIds));
      const unknown = Object.keys(results).find((templateId) => !configured.has(templateId));
      if (unknown !== undefined) {
        const field = `results.${unknown}`;
        const message = `订阅结果：${unknown} 不是已配置的消息模板`;
        return fail('VALIDATION_FAILED', message, { field, issues: [{ field, message }] });
      }
      const accepted = Object.entries(results)
        .filter(([, answer]) => answer === 'accept')
        .map(([templateId]) => templateId);
      const perTemplate = await deps.subscriptions.add(caller.openid, accepted, now.toISOString());
      return ok({ subscriptions: estimatesByKind(settings, perTemplate) });
    },
  };
}
