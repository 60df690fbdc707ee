import {
  type ActionName,
  type ActionResult,
  type Envelope,
  isActionName,
  type ParsedPayload,
  parsePayload,
  rpcRequestSchema,
  validationError,
} from '../contract';
import { ACTION_ACCESS, type Caller, callerRoles, mayUse } from './caller';
import type { Clock } from './clock';
import { fail, type Failure, type Outcome } from './outcome';
import type { EmployeesRepository } from './ports/employees.port';

export interface ActionContext {
  readonly caller: Caller;
  readonly now: Date;
}

export type Handler<A extends ActionName> = (
  context: ActionContext,
  payload: ParsedPayload<A>,
) => Promise<Outcome<ActionResult<A>>>;

export type Handlers = { readonly [A in ActionName]: Handler<A> };

export interface RpcDeps {
  readonly employees: EmployeesRepository;
  readonly clock: Clock;
  readonly adminOpenids: ReadonlySet<string>;
  readonly handlers: Handlers;
  /** A check some actions pass before their handler runs (the training gate); null lets through. */
  readonly gate?: (caller: Caller, action: ActionName) => Promise<Failure | null>;
  readonly logError: (error: unknown) => void;
}

export interface Invocation {
  readonly openid: string | undefined;
  readonly clientIp: string | undefined;
}

/**
 * The RPC entry (DESIGN §4): checks run in the contract's order and the first failure
 * answers; every answer is an envelope, never a thrown error or a stack trace.
 */
export function createRpcHandler(deps: RpcDeps) {
  return async function handle(event: unknown, invocation: Invocation): Promise<Envelope<unknown>> {
    try {
      return await dispatch(deps, event, invocation);
    } catch (error) {
      deps.logError(error);
      return fail('INTERNAL', '系统繁忙，请稍后重试');
    }
  };
}

async function dispatch(
  deps: RpcDeps,
  event: unknown,
  invocation: Invocation,
): Promise<Envelope<unknown>> {
  const request = rpcRequestSchema.safeParse(event);
  if (!request.success) {
    return { ok: false, error: validationError('请求格式不正确', { field: 'action', issues: [] }) };
  }
  const name = request.data.action;
  if (!isActionName(name)) {
    return {
      ok: false,
      error: validationError(`未知的操作：${name}`, { field: 'action', issues: [] }),
    };
  }

  const openid = invocation.openid;
  if (!openid) return fail('UNAUTHENTICATED', '请在微信中打开');
  const employee = await deps.employees.findByOpenid(openid);
  const isEnvAdmin = deps.adminOpenids.has(openid);
  if (!employee && !isEnvAdmin && ACTION_ACCESS[name] !== 'anyone') {
    return fail('UNAUTHENTICATED', '请先绑定员工身份');
  }
  const caller: Caller = {
    openid,
    ...(invocation.clientIp ? { clientIp: invocation.clientIp } : {}),
    employee,
    roles: callerRoles(employee, isEnvAdmin),
  };
  if (!mayUse(caller, name)) return fail('FORBIDDEN', '没有权限执行此操作');

  const parsed = parsePayload(name, request.data.payload);
  if (!('ok' in parsed)) return { ok: false, error: parsed };

  const gated = deps.gate ? await deps.gate(caller, parsed.action) : null;
  if (gated) return gated;

  const handler = deps.handlers[parsed.action] as Handler<typeof parsed.action>;
  return handler({ caller, now: deps.clock.now() }, parsed.payload as never);
}
