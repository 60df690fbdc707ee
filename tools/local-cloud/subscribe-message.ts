import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import type { DocumentStore } from './document-store';

/** Field types of subscription message templates (the key is the type plus a number: `thing1`). */
export type FieldType =
  | 'thing'
  | 'number'
  | 'letter'
  | 'symbol'
  | 'character_string'
  | 'time'
  | 'date'
  | 'amount'
  | 'phone_number'
  | 'car_number'
  | 'name'
  | 'phrase';

export interface Template {
  id: string;
  /** What the product uses it for (`employeeReminder`, `managerApproval`, `hrAlert`, …). */
  kind: string;
  title: string;
  fields: Record<string, FieldType>;
  /** The product's message kinds the default settings send with it (`notice`, `hr_alert`, …). */
  reminderKinds?: string[];
}

/**
 * The functions' default template settings, from the registry (one source of truth):
 * `TEMPLATE_IDS` (message kind → template id) and `TEMPLATE_FIELDS` (template id → field keys).
 */
export function templateEnv(templates: readonly Template[]): {
  TEMPLATE_IDS: string;
  TEMPLATE_FIELDS: string;
} {
  const ids: Record<string, string> = {};
  const fields: Record<string, string[]> = {};
  for (const template of templates) {
    for (const kind of template.reminderKinds ?? []) ids[kind] = template.id;
    fields[template.id] = Object.keys(template.fields);
  }
  return { TEMPLATE_IDS: JSON.stringify(ids), TEMPLATE_FIELDS: JSON.stringify(fields) };
}

export interface OutboxEntry {
  touser: unknown;
  templateId: unknown;
  data: unknown;
  page?: unknown;
  /** ISO time on the local clock. */
  sentAt: string;
  /** 0 when sent. */
  errCode: number;
  errMsg: string;
}

const OUTBOX = '__local_outbox';
const CREDITS = '__local_credits';

export function loadTemplates(file: string): Template[] {
  const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    templates: Record<string, Omit<Template, 'id'>>;
  };
  return Object.entries(raw.templates).map(([id, template]) => {
    for (const [key, type] of Object.entries(template.fields)) {
      if (key.replace(/\d+$/, '') !== type) {
        throw new Error(
          `${file}: field ${key} of template ${id} must be of type ${key.replace(/\d+$/, '')}`,
        );
      }
    }
    return { id, ...template };
  });
}

const HAN = /^\p{Script=Han}+$/u;
const DATE = '(\\d{4})年(\\d{1,2})月(\\d{1,2})日';
const TIME = '(\\d{1,2}):(\\d{2})';

function validDate(y: string, m: string, d: string): boolean {
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d);
}
function validTime(h: string, min: string): boolean {
  return Number(h) <= 23 && Number(min) <= 59;
}

/** One point of a `time` value: `15:01` or `2019年10月1日 15:01`. */
function timePoint(value: string): boolean {
  const withDate = new RegExp(`^${DATE} ${TIME}$`).exec(value);
  if (withDate) {
    const [, y, m, d, h, min] = withDate as unknown as string[];
    return (
      validDate(y as string, m as string, d as string) && validTime(h as string, min as string)
    );
  }
  const only = new RegExp(`^${TIME}$`).exec(value);
  return only !== null && validTime(only[1] as string, only[2] as string);
}

/** One point of a `date` value: `2019年10月1日`, optionally with a 24-hour time. */
function datePoint(value: string): boolean {
  const match = new RegExp(`^${DATE}(?: ${TIME})?$`).exec(value);
  if (!match) return false;
  const [, y, m, d, h, min] = match as unknown as (string | undefined)[];
  return (
    validDate(y as string, m as string, d as string) &&
    (h === undefined || validTime(h, min as string))
  );
}

/** Both accept a period: two points joined by `~`. */
function pointOrPeriod(value: string, point: (v: string) => boolean): boolean {
  const parts = value.split('~');
  return parts.length <= 2 && parts.every((part) => point(part.trim()));
}

/** The value rules of the subscribe-message docs ("参数值内容限制说明"). */
export function validField(type: FieldType, value: string): boolean {
  const length = [...value].length;
  switch (type) {
    case 'thing':
      return length >= 1 && length <= 20;
    case 'number':
      return length <= 32 && /^-?\d+(\.\d+)?$/.test(value);
    case 'letter':
      return /^[A-Za-z]{1,32}$/.test(value);
    case 'symbol':
      return length >= 1 && length <= 5 && /^[^\p{L}\p{N}\s]+$/u.test(value);
    case 'character_string':
      return /^[\x21-\x7e]{1,32}$/.test(value);
    case 'time':
      return pointOrPeriod(value, timePoint);
    case 'date':
      return pointOrPeriod(value, datePoint);
    case 'amount':
      return /^[¥$€£]?\d{1,10}(\.\d{1,2})?元?$/.test(value);
    case 'phone_number':
      return length <= 17 && /^[\d+\-() ]+$/.test(value);
    case 'car_number':
      return (
        length >= 1 &&
        length <= 8 &&
        /^[\p{Script=Han}A-Z0-9][A-Z0-9]*[\p{Script=Han}A-Z0-9]?$/u.test(value)
      );
    case 'name':
      // Chinese (or mixed) names: ≤ 10 characters; purely Latin names: ≤ 20.
      return length >= 1 && (/\p{Script=Han}/u.test(value) ? length <= 10 : length <= 20);
    case 'phrase':
      return length >= 1 && length <= 5 && HAN.test(value);
  }
}

function rid(): string {
  return randomBytes(6).toString('hex');
}

/**
 * WeChat's side of subscription messages: a template registry, the one-time credits each user
 * granted per template ("accept" = one message), WeChat's errors, and an outbox of every attempt.
 */
export class SubscribeMessages {
  private readonly templates: Map<string, Template>;

  constructor(
    templates: Template[],
    private readonly store: DocumentStore,
    private readonly now: () => Date,
  ) {
    this.templates = new Map(templates.map((t) => [t.id, t]));
  }

  listTemplates(): Template[] {
    return [...this.templates.values()];
  }

  hasTemplate(templateId: string): boolean {
    return this.templates.has(templateId);
  }

  credits(openid: string, templateId: string): number {
    const doc = this.store.collection(CREDITS).docs.get(creditKey(openid, templateId));
    return (doc?.count as number | undefined) ?? 0;
  }

  /** What a user's "accept" in `wx.requestSubscribeMessage` gives: `count` more messages. */
  grant(openid: string, templateId: string, count: number): number {
    const total = this.credits(openid, templateId) + count;
    this.store.commit([
      {
        t: 'put',
        c: CREDITS,
        d: { _id: creditKey(openid, templateId), openid, templateId, count: total },
      },
    ]);
    return total;
  }

  allCredits(): { openid: string; templateId: string; count: number }[] {
    return this.store
      .collection(CREDITS)
      .all()
      .map(
        ({ openid, templateId, count }) =>
          ({ openid, templateId, count }) as { openid: string; templateId: string; count: number },
      );
  }

  outbox(): OutboxEntry[] {
    return this.store
      .collection(OUTBOX)
      .all()
      .sort((a, b) => (a.seq as number) - (b.seq as number))
      .map(({ _id: _ignored, seq: _seq, ...entry }) => entry as unknown as OutboxEntry);
  }

  /**
   * WeChat's `subscribeMessage.send` as its HTTP API receives it (`touser`, `template_id`,
   * `page`, `data`, …: the SDK's cloud call carries these keys): WeChat's answer
   * `{ errcode, errmsg }`, which the real SDK turns into a resolved or rejected `send()`.
   */
  send(params: Readonly<Record<string, unknown>>): { errcode: number; errmsg: string } {
    const failure = this.check(params);
    const errCode = failure?.[0] ?? 0;
    const errmsg = failure ? `${failure[1]} rid: ${rid()}` : 'ok';
    const outbox = this.store.collection(OUTBOX);
    const entry = {
      _id: `${Date.now().toString(36)}-${rid()}`,
      seq: outbox.docs.size + 1,
      touser: params.touser,
      templateId: params.template_id,
      data: params.data,
      ...(params.page !== undefined ? { page: params.page } : {}),
      sentAt: this.now().toISOString(),
      errCode,
      errMsg: failure
        ? `openapi.subscribeMessage.send:fail ${errmsg}`
        : 'openapi.subscribeMessage.send:ok',
    };
    const ops: Parameters<DocumentStore['commit']>[0] = [{ t: 'put', c: OUTBOX, d: entry }];
    if (failure === null) {
      const openid = params.touser as string;
      const templateId = params.template_id as string;
      ops.push({
        t: 'put',
        c: CREDITS,
        d: {
          _id: creditKey(openid, templateId),
          openid,
          templateId,
          count: this.credits(openid, templateId) - 1,
        },
      });
    }
    // The attempt and the spent credit are recorded together.
    this.store.commit(ops);
    return { errcode: errCode, errmsg };
  }

  /** `[errCode, message]` of the first rule broken, in the order WeChat checks them; null when sendable. */
  private check(params: Readonly<Record<string, unknown>>): [number, string] | null {
    const touser: unknown = params.touser;
    if (typeof touser !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(touser)) {
      return [40003, 'invalid openid'];
    }
    const template =
      typeof params.template_id === 'string' ? this.templates.get(params.template_id) : undefined;
    if (!template) return [40037, 'invalid template_id'];
    const data: unknown = params.data;
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      return [47003, 'argument invalid! data is empty'];
    }
    for (const key of Object.keys(data)) {
      if (!(key in template.fields))
        return [47003, `argument invalid! data.${key} is not a field of the template`];
    }
    for (const [key, type] of Object.entries(template.fields)) {
      const field = (data as Record<string, unknown>)[key];
      const value =
        field !== null && typeof field === 'object'
          ? (field as { value?: unknown }).value
          : undefined;
      if (typeof value !== 'string' || value === '')
        return [47003, `argument invalid! data.${key}.value is empty`];
      if (!validField(type, value)) return [47003, `argument invalid! data.${key}.value invalid`];
    }
    if (this.credits(touser, template.id) <= 0) return [43101, 'user refuse to accept the msg'];
    return null;
  }
}

function creditKey(openid: string, templateId: string): string {
  return `${openid}\u0000${templateId}`;
}
