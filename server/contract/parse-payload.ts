import type * as z from 'zod/mini';
import { ACTIONS, type ActionName, isActionName, type ParsedPayload } from './actions';
import { type RpcError } from './errors';
import { describeField } from './field-labels';

/** A field-level problem as returned in `details.issues`. */
export interface PayloadIssue {
  readonly field: string;
  readonly message: string;
}

export type ParsedRequest = {
  [A in ActionName]: { ok: true; action: A; payload: ParsedPayload<A> };
}[ActionName];

type RawIssue = z.core.$ZodRawIssue;

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: '文字',
  number: '数字',
  int: '整数',
  boolean: '是/否',
  array: '列表',
  object: '对象',
};

/** Chinese wording of a problem; the field's name is prefixed afterwards. */
function problemText(issue: RawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return '必填';
      return `应为${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case 'too_small':
      if (issue.origin === 'string') return `至少 ${String(issue.minimum)} 个字`;
      if (issue.origin === 'array') return `至少 ${String(issue.minimum)} 项`;
      return `不能小于 ${String(issue.minimum)}`;
    case 'too_big':
      if (issue.origin === 'string') return `最多 ${String(issue.maximum)} 个字`;
      if (issue.origin === 'array') return `最多 ${String(issue.maximum)} 项`;
      return `不能大于 ${String(issue.maximum)}`;
    case 'invalid_value':
      return `应为以下之一：${issue.values.map(String).join('、')}`;
    case 'invalid_format':
      return '格式不正确';
    case 'unrecognized_keys':
      return '不允许的字段';
    case 'invalid_union':
      return '格式不正确';
    case 'invalid_key':
      return '含有无效的名称';
    case 'invalid_element':
      return '含有无效的项';
    case 'not_multiple_of':
      return `应为 ${String(issue.divisor)} 的倍数`;
    default:
      // Never the library's English: a person reads this.
      return '格式不正确';
  }
}

const errorMap = (issue: RawIssue): string => problemText(issue);

/** Flattens issues; of a union's branches, the one closest to matching speaks. */
function flatten(issues: readonly z.core.$ZodIssue[], prefix: PropertyKey[] = []): PayloadIssue[] {
  const out: PayloadIssue[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const branches = issue.errors.map((branch) => flatten(branch, path));
      const closest = branches.reduce((best, next) => (next.length < best.length ? next : best));
      out.push(...closest);
    } else if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        out.push({ field: [...path, key].join('.'), message: `${key}：不允许的字段` });
      }
    } else {
      out.push({
        field: path.map(String).join('.'),
        message: `${describeField(path)}：${issue.message}`,
      });
    }
  }
  return out;
}

/**
 * Validates any input against a contract schema with the same Chinese wording as the actions'
 * payloads (the OA webhook's body): typed data, or every issue with the first one first.
 */
export function parseFields<T extends z.ZodMiniType>(
  schema: T,
  input: unknown,
): { ok: true; data: z.output<T> } | { ok: false; issues: PayloadIssue[] } {
  const result = schema.safeParse(input, { error: errorMap });
  if (result.success) return { ok: true, data: result.data };
  const issues = flatten(result.error.issues);
  return { ok: false, issues: issues.length > 0 ? issues : [{ field: '', message: '格式不正确' }] };
}

export function validationError(message: string, details?: Record<string, unknown>): RpcError {
  return details
    ? { code: 'VALIDATION_FAILED', message, details }
    : { code: 'VALIDATION_FAILED', message };
}

/**
 * A key no payload has a use for and some code would misread: the prototype's own names
 * (`__proto__` is dropped silently by a parse, `constructor`/`toString` read as functions)
 * and database operators (`$where`). Found anywhere in the payload, with its path.
 */
function hostileKey(value: unknown, path: string[] = [], depth = 0): string[] | null {
  if (typeof value !== 'object' || value === null || depth > 8) return null;
  for (const key of Object.keys(value)) {
    if (key in Object.prototype || key.startsWith('$')) return [...path, key];
    const inner = hostileKey((value as Record<string, unknown>)[key], [...path, key], depth + 1);
    if (inner) return inner;
  }
  return null;
}

/**
 * Validates an action's payload at the edge: typed data, or `VALIDATION_FAILED` with a
 * Chinese message naming the first wrong field and every issue in `details.issues`.
 */
export function parsePayload(action: string, payload: unknown): ParsedRequest | RpcError {
  if (!isActionName(action)) {
    return validationError(`未知的操作：${action}`, { field: 'action', issues: [] });
  }
  const hostile = hostileKey(payload);
  if (hostile) {
    const field = hostile.join('.');
    const message = `${hostile[hostile.length - 1] ?? ''}：不允许的字段`;
    return validationError(message, { field, issues: [{ field, message }] });
  }
  const schema: z.ZodMiniType = ACTIONS[action].payload;
  // Actions without parameters may be called without a payload at all.
  const result = schema.safeParse(payload === undefined ? {} : payload, { error: errorMap });
  if (result.success) {
    return { ok: true, action, payload: result.data } as ParsedRequest;
  }
  const issues = flatten(result.error.issues);
  const first = issues[0] ?? { field: '', message: '参数：格式不正确' };
  return validationError(first.message, { field: first.field, issues });
}

/** Narrows parsePayload's answer: `if (!isParsed(r)) return { ok: false, error: r }`. */
export function isParsed(result: ParsedRequest | RpcError): result is ParsedRequest {
  return 'ok' in result && result.ok;
}
