import { invalidParam } from './cloud-error';
import { isPlainObject } from './document-values';

export { isPlainObject };

/**
 * `db.command` and its translation to the Mongo syntax mingo runs.
 *
 * WeChat's query and update objects differ from Mongo's in ways code relies on:
 * - a nested plain object in `where` matches field by field (it is flattened to dotted paths),
 *   where Mongo would require the whole sub-document to be equal (`_.eq({...})` does that);
 * - a nested plain object in `update` data merges field by field, where Mongo `$set` replaces it
 *   (`_.set({...})` does that);
 * - operators are objects built by `db.command`; a raw `$`-key is not an operator, it is an error.
 */

type CommandKind = 'query' | 'logic' | 'update' | 'aggregate';

export class DbCommand implements WxServerSdk.CommandExpr {
  readonly __command = true as const;

  constructor(
    readonly kind: CommandKind,
    readonly op: string,
    readonly args: readonly unknown[],
  ) {}

  /** `_.gt(1).and(_.lt(5))`: chaining on a field condition, as the SDK allows. */
  and(...conditions: unknown[]): DbCommand {
    return new DbCommand('logic', 'and', [this, ...flattenArgs(conditions)]);
  }

  or(...conditions: unknown[]): DbCommand {
    return new DbCommand('logic', 'or', [this, ...flattenArgs(conditions)]);
  }
}

/** What `db.serverDate()` returns: resolved to the local clock when the write or query runs. */
export class ServerDateValue implements WxServerSdk.ServerDate {
  readonly __serverDate = true as const;
  constructor(readonly offset: number) {}
}

function flattenArgs(args: readonly unknown[]): unknown[] {
  return args.length === 1 && Array.isArray(args[0]) ? (args[0] as unknown[]) : [...args];
}

const AGGREGATE_OPERATORS = [
  'abs',
  'add',
  'addToSet',
  'and',
  'arrayElemAt',
  'avg',
  'ceil',
  'cmp',
  'concat',
  'concatArrays',
  'cond',
  'dateFromString',
  'dateToString',
  'dayOfMonth',
  'dayOfWeek',
  'divide',
  'eq',
  'filter',
  'first',
  'floor',
  'gt',
  'gte',
  'hour',
  'ifNull',
  'in',
  'indexOfArray',
  'isArray',
  'last',
  'let',
  'literal',
  'lt',
  'lte',
  'map',
  'max',
  'mergeObjects',
  'min',
  'minute',
  'mod',
  'month',
  'multiply',
  'neq',
  'not',
  'or',
  'push',
  'round',
  'size',
  'slice',
  'split',
  'strLenCP',
  'subtract',
  'substr',
  'substrCP',
  'sum',
  'switch',
  'toLower',
  'toString',
  'toUpper',
  'trunc',
  'year',
] as const;

/** Mongo names that differ from the SDK's. */
const AGGREGATE_RENAMES: Record<string, string> = { neq: 'ne' };

export function createCommand(): WxServerSdk.Command {
  const query = (op: string) => (value: unknown) => new DbCommand('query', op, [value]);
  const logic =
    (op: string) =>
    (...conditions: unknown[]) =>
      new DbCommand('logic', op, flattenArgs(conditions));
  const update = (op: string) => (value?: unknown) =>
    new DbCommand('update', op, value === undefined ? [] : [value]);
  const aggregate = Object.fromEntries(
    AGGREGATE_OPERATORS.map((op) => [op, (arg: unknown) => new DbCommand('aggregate', op, [arg])]),
  ) as unknown as WxServerSdk.AggregateCommand;

  return {
    eq: query('eq'),
    neq: query('neq'),
    lt: query('lt'),
    lte: query('lte'),
    gt: query('gt'),
    gte: query('gte'),
    in: query('in'),
    nin: query('nin'),
    exists: query('exists'),
    elemMatch: query('elemMatch'),
    all: query('all'),
    size: query('size'),
    and: logic('and'),
    or: logic('or'),
    set: update('set'),
    remove: () => new DbCommand('update', 'remove', []),
    inc: update('inc'),
    mul: update('mul'),
    min: update('min'),
    max: update('max'),
    push: update('push'),
    pop: () => new DbCommand('update', 'pop', []),
    shift: () => new DbCommand('update', 'shift', []),
    unshift: update('unshift'),
    pull: update('pull'),
    pullAll: update('pullAll'),
    addToSet: update('addToSet'),
    aggregate,
  } as WxServerSdk.Command;
}

export interface TranslateContext {
  /** `collection.get` etc., for error messages. */
  api: string;
  now(): Date;
}

type Mongo = Record<string, unknown>;

/** Replaces server dates inside a value; operators are not allowed inside plain values. */
export function resolveValue(value: unknown, ctx: TranslateContext, where: string): unknown {
  if (value instanceof ServerDateValue) return new Date(ctx.now().getTime() + value.offset);
  if (value instanceof DbCommand) {
    throw invalidParam(
      ctx.api,
      `${where} 中不能使用操作符 ${value.op} (operator not allowed here)`,
    );
  }
  if (Array.isArray(value)) return value.map((item) => resolveValue(item, ctx, where));
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (key.startsWith('$')) {
        throw invalidParam(
          ctx.api,
          `字段名不能以 $ 开头: ${key} (field names cannot start with $)`,
        );
      }
      if (item !== undefined) out[key] = resolveValue(item, ctx, where);
    }
    return out;
  }
  return value;
}

// ---------------------------------------------------------------- where

/** Translates a `where` / `match` condition into a Mongo query. */
export function translateWhere(condition: unknown, ctx: TranslateContext): Mongo {
  if (condition instanceof DbCommand) {
    if (condition.kind !== 'logic') {
      throw invalidParam(ctx.api, `查询条件必须是对象 (query must be an object)`);
    }
    return {
      [`$${condition.op}`]: condition.args.map((branch) => translateWhere(branch, ctx)),
    };
  }
  if (!isPlainObject(condition)) {
    throw invalidParam(ctx.api, `查询条件必须是对象 (query must be an object)`);
  }
  const clauses: Mongo[] = [];
  flattenWhere(condition, '', clauses, ctx);
  return combine(clauses);
}

function combine(clauses: Mongo[]): Mongo {
  const merged: Mongo = {};
  const rest: Mongo[] = [];
  for (const clause of clauses) {
    const [key] = Object.keys(clause);
    if (
      key !== undefined &&
      !key.startsWith('$') &&
      !(key in merged) &&
      Object.keys(clause).length === 1
    ) {
      merged[key] = clause[key];
    } else rest.push(clause);
  }
  if (rest.length === 0) return merged;
  return { ...merged, $and: rest };
}

function flattenWhere(
  object: Record<string, unknown>,
  prefix: string,
  out: Mongo[],
  ctx: TranslateContext,
): void {
  for (const [key, value] of Object.entries(object)) {
    if (key.startsWith('$')) {
      throw invalidParam(
        ctx.api,
        `不支持的操作符 ${key}，请使用 db.command (unknown operator ${key})`,
      );
    }
    const path = prefix ? `${prefix}.${key}` : key;
    if (value === undefined) {
      throw invalidParam(
        ctx.api,
        `查询条件字段 ${path} 的值为 undefined (undefined value in query)`,
      );
    }
    if (value instanceof DbCommand) out.push(fieldCondition(path, value, ctx));
    else if (isPlainObject(value) && Object.keys(value).length > 0)
      flattenWhere(value, path, out, ctx);
    else out.push({ [path]: resolveValue(value, ctx, '查询条件') });
  }
}

/** A condition on one field: `path` → `{ path: {$op: …} }` or a `$and`/`$or` of such. */
function fieldCondition(path: string, command: DbCommand, ctx: TranslateContext): Mongo {
  if (command.kind === 'logic') {
    const branches = command.args.map((arg) => {
      if (arg instanceof DbCommand) return fieldCondition(path, arg, ctx);
      if (isPlainObject(arg)) return translateWhere(arg, ctx);
      return { [path]: resolveValue(arg, ctx, '查询条件') };
    });
    return { [`$${command.op}`]: branches };
  }
  return { [path]: operatorObject(command, ctx) };
}

/** `_.gt(3)` → `{ $gt: 3 }` (for a field, or for the elements in `elemMatch` / `pull`). */
function operatorObject(command: DbCommand, ctx: TranslateContext): Mongo {
  if (command.kind !== 'query') {
    throw invalidParam(
      ctx.api,
      `查询条件中不能使用 ${command.kind === 'update' ? '更新' : '聚合'}操作符 ${command.op} (operator ${command.op} is not a query operator)`,
    );
  }
  const [arg] = command.args;
  const value = (what: string) => resolveValue(arg, ctx, what);
  switch (command.op) {
    case 'eq':
      return { $eq: value('eq') };
    case 'neq':
      return { $ne: value('neq') };
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte':
      return { [`$${command.op}`]: value(command.op) };
    case 'in':
    case 'nin':
    case 'all':
      if (!Array.isArray(arg)) {
        throw invalidParam(
          ctx.api,
          `${command.op} 的参数必须是数组 (${command.op} expects an array)`,
        );
      }
      return { [`$${command.op}`]: value(command.op) };
    case 'exists':
      if (typeof arg !== 'boolean') {
        throw invalidParam(ctx.api, `exists 的参数必须是布尔值 (exists expects a boolean)`);
      }
      return { $exists: arg };
    case 'size':
      if (typeof arg !== 'number' || !Number.isInteger(arg) || arg < 0) {
        throw invalidParam(
          ctx.api,
          `size 的参数必须是非负整数 (size expects a non-negative integer)`,
        );
      }
      return { $size: arg };
    case 'elemMatch':
      if (arg instanceof DbCommand) return { $elemMatch: operatorObject(arg, ctx) };
      if (isPlainObject(arg)) return { $elemMatch: translateWhere(arg, ctx) };
      throw invalidParam(ctx.api, `elemMatch 的参数必须是对象 (elemMatch expects an object)`);
    default:
      throw invalidParam(ctx.api, `不支持的操作符 ${command.op} (unknown operator ${command.op})`);
  }
}

// ---------------------------------------------------------------- update

export type MongoModifier = Record<string, Record<string, unknown>>;

/** Translates `update({ data })` into a Mongo modifier. */
export function translateUpdate(data: unknown, ctx: TranslateContext): MongoModifier {
  if (!isPlainObject(data)) {
    throw invalidParam(ctx.api, `更新数据 data 必须是对象 (data must be an object)`);
  }
  if ('_id' in data) {
    throw invalidParam(ctx.api, `不能更新 _id (cannot update _id)`);
  }
  const modifier: MongoModifier = {};
  const put = (op: string, path: string, value: unknown) => {
    (modifier[op] ??= {})[path] = value;
  };
  const walk = (object: Record<string, unknown>, prefix: string) => {
    for (const [key, value] of Object.entries(object)) {
      if (key.startsWith('$')) {
        throw invalidParam(
          ctx.api,
          `不支持的操作符 ${key}，请使用 db.command (unknown operator ${key})`,
        );
      }
      const path = prefix ? `${prefix}.${key}` : key;
      if (value === undefined) continue; // the SDK serialises to JSON, which drops undefined
      if (value instanceof DbCommand) updateOperator(path, value, put, ctx);
      else if (isPlainObject(value) && Object.keys(value).length > 0) walk(value, path);
      else put('$set', path, resolveValue(value, ctx, '更新数据'));
    }
  };
  walk(data, '');
  if (Object.keys(modifier).length === 0) {
    throw invalidParam(ctx.api, `更新数据不能为空 (update data is empty)`);
  }
  return modifier;
}

function eachOf(arg: unknown): Record<string, unknown> | null {
  if (!isPlainObject(arg) || !('each' in arg)) return null;
  const out: Record<string, unknown> = { $each: arg.each };
  for (const key of ['position', 'sort', 'slice'] as const) {
    if (arg[key] !== undefined) out[`$${key}`] = arg[key];
  }
  return out;
}

function updateOperator(
  path: string,
  command: DbCommand,
  put: (op: string, path: string, value: unknown) => void,
  ctx: TranslateContext,
): void {
  if (command.kind !== 'update') {
    throw invalidParam(
      ctx.api,
      `更新数据中不能使用查询操作符 ${command.op} (operator ${command.op} is not an update operator)`,
    );
  }
  const [arg] = command.args;
  const number = () => {
    if (typeof arg !== 'number' || !Number.isFinite(arg)) {
      throw invalidParam(
        ctx.api,
        `${command.op} 的参数必须是数字 (${command.op} expects a number)`,
      );
    }
    return arg;
  };
  switch (command.op) {
    case 'set':
      return put('$set', path, resolveValue(arg, ctx, 'set'));
    case 'remove':
      return put('$unset', path, '');
    case 'inc':
      return put('$inc', path, number());
    case 'mul':
      return put('$mul', path, number());
    case 'min':
    case 'max':
      return put(`$${command.op}`, path, resolveValue(arg, ctx, command.op));
    case 'push': {
      const each = eachOf(arg);
      if (each) return put('$push', path, resolveValue(each, ctx, 'push'));
      const values = Array.isArray(arg) ? arg : [arg];
      return put('$push', path, { $each: resolveValue(values, ctx, 'push') });
    }
    case 'unshift': {
      const values = Array.isArray(arg) ? arg : [arg];
      return put('$push', path, { $each: resolveValue(values, ctx, 'unshift'), $position: 0 });
    }
    case 'pop':
      return put('$pop', path, 1);
    case 'shift':
      return put('$pop', path, -1);
    case 'pull':
      if (arg instanceof DbCommand) return put('$pull', path, operatorObject(arg, ctx));
      if (isPlainObject(arg)) return put('$pull', path, translateWhere(arg, ctx));
      return put('$pull', path, resolveValue(arg, ctx, 'pull'));
    case 'pullAll':
      if (!Array.isArray(arg)) {
        throw invalidParam(ctx.api, `pullAll 的参数必须是数组 (pullAll expects an array)`);
      }
      return put('$pullAll', path, resolveValue(arg, ctx, 'pullAll'));
    case 'addToSet': {
      const each = eachOf(arg);
      return put('$addToSet', path, resolveValue(each ?? arg, ctx, 'addToSet'));
    }
    default:
      throw invalidParam(ctx.api, `不支持的操作符 ${command.op} (unknown operator ${command.op})`);
  }
}

// ---------------------------------------------------------------- aggregate

/** Translates aggregation expressions (`$.sum('$n')`) anywhere inside a stage spec. */
export function translateExpression(value: unknown, ctx: TranslateContext): unknown {
  if (value instanceof DbCommand) {
    if (value.kind !== 'aggregate') {
      throw invalidParam(
        ctx.api,
        `聚合表达式中不能使用操作符 ${value.op} (use db.command.aggregate)`,
      );
    }
    const name = AGGREGATE_RENAMES[value.op] ?? value.op;
    return { [`$${name}`]: translateExpression(value.args[0], ctx) };
  }
  if (value instanceof ServerDateValue) return new Date(ctx.now().getTime() + value.offset);
  if (Array.isArray(value)) return value.map((item) => translateExpression(item, ctx));
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (key.startsWith('$')) {
        throw invalidParam(
          ctx.api,
          `不支持的操作符 ${key}，请使用 db.command.aggregate (unknown operator ${key})`,
        );
      }
      out[key] = translateExpression(item, ctx);
    }
    return out;
  }
  return value;
}
