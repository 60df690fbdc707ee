import type { ActionResult } from '../contract';
import type { ReminderKind } from '../domain/reminder-kinds';
import { callerRoles } from './caller';
import { employeeSnapshot } from './employee-snapshot';
import type { Handler } from './rpc-handler';
import { fail, guardFailed, ok } from './outcome';
import type {
  Crypto,
  EmployeesRepository,
  Settings,
  SettingsRepository,
  SubscriptionsRepository,
} from './ports';

/** DESIGN §2: ≥ 8 characters of Crockford base32, valid 7 days, 5 wrong tries an hour lock it for an hour. */
export const BINDING_CODE_LENGTH = 10;
const CODE_VALID_MS = 7 * 24 * 3600_000;
const LOCK_WINDOW_MS = 3600_000;
const MAX_FAILURES = 5;

export interface OpenCaseFinder {
  findOpenCase(employeeNo: string): Promise<ActionResult<'me.get'>['openCase'] | null>;
}

export interface IdentityDeps {
  readonly employees: EmployeesRepository;
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
    async 'me.get'({ caller }) {
      const employee = caller.employee;
      const [openCase, settings, perTemplate] = await Promise.all([
        employee ? deps.openCases.findOpenCase(employee.employeeNo) : null,
        deps.settings.get(),
        deps.subscriptions.get(caller.openid),
      ]);
      return ok({
        employee: employee ? employeeSnapshot(employee) : null,
        roles: [...caller.roles],
        ...(openCase ? { openCase } : {}),
        subscriptions: estimatesByKind(settings, perTemplate),
      });
    },

    async 'me.bind'({ caller, now }, { employeeNo, code }) {
      if (caller.employee && caller.employee.employeeNo !== employeeNo) {
        return guardFailed(
          'openidBoundElsewhere',
          `该微信已绑定员工 ${caller.employee.employeeNo}，如需更换请联系 HR`,
        );
      }
      const record = await deps.employees.get(employeeNo);
      const binding = record?.binding;
      const wrong = guardFailed('bindingCode', '员工编号或绑定码不正确');
      if (!record || !binding) return wrong;
      const at = now.toISOString();
      if (binding.lockedUntil && binding.lockedUntil > at) {
        return guardFailed('bindingLocked', '错误次数过多，请一小时后再试或联系 HR');
      }
      const valid =
        binding.codeHash === codeHash(deps.crypto, employeeNo, code) &&
        !binding.usedAt &&
        binding.expiresAt > at;
      if (!valid) {
        const windowStart = new Date(now.getTime() - LOCK_WINDOW_MS).toISOString();
        const failures = [...binding.failures.filter((t) => t > windowStart), at];
        const locked = failures.length >= MAX_FAILURES;
        const lockedUntil = new Date(now.getTime() + LOCK_WINDOW_MS).toISOString();
        const saved = await deps.employees.update(employeeNo, record.version, {
          binding: { ...binding, failures, ...(locked ? { lockedUntil } : {}) },
        });
        // A concurrent try won the write: this one is not judged, so guesses cannot outrun the lock.
        if (!saved) return fail('CONFLICT', '请求过于频繁，请稍后重试');
        if (binding.usedAt && binding.codeHash === codeHash(deps.crypto, employeeNo, code)) {
          return guardFailed('bindingCodeUsed', '绑定码已使用，请联系 HR 重新发放');
        }
        if (binding.expiresAt <= at) {
          return guardFailed('bindingCodeExpired', '绑定码已过期，请联系 HR 重新发放');
        }
        return locked
          ? guardFailed('bindingLocked', '错误次数过多，请一小时后再试或联系 HR')
          : wrong;
      }
      const saved = await deps.employees.update(
        employeeNo,
        record.version,
        { openid: caller.openid, boundAt: at, binding: { ...binding, usedAt: at, failures: [] } },
        {
          type: 'employee.bound',
          actor: caller.openid,
          at,
          payload: record.openid ? { replacedOpenid: record.openid } : {},
        },
      );
      if (!saved) return fail('CONFLICT', '请求过于频繁，请稍后重试');
      const bound = { ...record, openid: caller.openid };
      return ok({
        employee: employeeSnapshot(bound),
        roles: callerRoles(bound, deps.adminOpenids.has(caller.openid)),
      });
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
      const accepted = Object.entries(results)
        .filter(([, answer]) => answer === 'accept')
        .map(([templateId]) => templateId);
      const [settings, perTemplate] = await Promise.all([
        deps.settings.get(),
        deps.subscriptions.add(caller.openid, accepted, now.toISOString()),
      ]);
      return ok({ subscriptions: estimatesByKind(settings, perTemplate) });
    },
  };
}
