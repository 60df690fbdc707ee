import type { Clock } from '../app/clock';
import type { Settings, SettingsRepository } from '../app/ports/settings.port';
import { DEFAULT_POLICY, type Policy } from '../domain/policy';
import { retentionYears } from '../domain/retention';
import { REMINDER_KINDS, type ReminderKind } from '../domain/reminder-kinds';
import { findById } from './cloud-documents';
import { isWechatPhrase } from './subscribe-message.notifier';

/** `{ [key]: value }` when there is a value, else nothing (exactOptionalPropertyTypes). */
function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

interface StoredSettings {
  readonly policy?: Partial<Policy>;
  readonly templateIds?: unknown;
  readonly templateFields?: unknown;
  readonly templatePhrases?: unknown;
  readonly reminderPage?: string;
  readonly miniprogramState?: Settings['miniprogramState'];
  readonly companyName?: unknown;
  readonly companySealFileId?: unknown;
  readonly privacyContact?: unknown;
  readonly retentionYears?: unknown;
  readonly interviewFreeTextInStats?: unknown;
}

/** A non-empty text setting, trimmed; anything else is left out. */
function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim().slice(0, 200) : undefined;
}

/** Where a refused setting is reported: the function's log (云函数日志). */
export type SettingsLog = (message: string) => void;

const consoleLog: SettingsLog = (message) => console.error(message);

/** A setting read from JSON: what is usable of it, and what was refused. */
interface Checked<T> {
  readonly value: T;
  readonly problems: readonly string[];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isReminderKind(value: string): value is ReminderKind {
  return (REMINDER_KINDS as readonly string[]).includes(value);
}

const SHAPES = {
  templateIds: '{"notice": "<template id>", …}',
  templateFields: '{"<template id>": ["thing1", "time2", …]}',
  templatePhrases: '{"<template id>": {"serious": "逾期提醒", …}}',
} as const;

function notAnObject<T>(name: keyof typeof SHAPES, empty: T): Checked<T> {
  return { value: empty, problems: [`${name} should be ${SHAPES[name]}`] };
}

/** Message kind → template id; an unknown kind or an empty id is refused. */
function checkTemplateIds(raw: unknown): Checked<Partial<Record<ReminderKind, string>>> {
  if (!isPlainObject(raw)) return notAnObject('templateIds', {});
  const value: Partial<Record<ReminderKind, string>> = {};
  const problems: string[] = [];
  for (const [kind, id] of Object.entries(raw)) {
    if (!isReminderKind(kind)) problems.push(`templateIds: "${kind}" is not a message kind`);
    else if (typeof id !== 'string' || !id) problems.push(`templateIds.${kind} is not an id`);
    else value[kind] = id;
  }
  return { value, problems };
}

/** Template id → its field keys (`thing1`, `time2`, …). */
function checkTemplateFields(raw: unknown): Checked<Record<string, readonly string[]>> {
  if (!isPlainObject(raw)) return notAnObject('templateFields', {});
  const value: Record<string, readonly string[]> = {};
  const problems: string[] = [];
  for (const [templateId, keys] of Object.entries(raw)) {
    if (Array.isArray(keys) && keys.every((k) => typeof k === 'string' && /^[a-z_]+\d+$/.test(k))) {
      value[templateId] = keys as string[];
    } else {
      problems.push(`templateFields["${templateId}"] is not a list of keys like "thing1"`);
    }
  }
  return { value, problems };
}

/**
 * Template id → message kind → phrase. A phrase that is not 1–5 Chinese characters is refused
 * here, where it is read, and the kind's own phrase goes out instead: cut or left out, the
 * field would make WeChat refuse every message of that kind (47003), while the kind's own
 * phrase at least fits. There is no save action to refuse it earlier: admins edit the
 * `settings` document or the environment in the console.
 */
function checkTemplatePhrases(
  raw: unknown,
): Checked<Record<string, Partial<Record<ReminderKind, string>>>> {
  if (!isPlainObject(raw)) return notAnObject('templatePhrases', {});
  const value: Record<string, Partial<Record<ReminderKind, string>>> = {};
  const problems: string[] = [];
  for (const [templateId, phrases] of Object.entries(raw)) {
    if (!isPlainObject(phrases)) {
      problems.push(`templatePhrases["${templateId}"] should be {"<kind>": "<phrase>", …}`);
      continue;
    }
    const accepted: Partial<Record<ReminderKind, string>> = {};
    for (const [kind, phrase] of Object.entries(phrases)) {
      const where = `templatePhrases["${templateId}"].${kind}`;
      if (!isReminderKind(kind)) problems.push(`${where}: "${kind}" is not a message kind`);
      else if (typeof phrase !== 'string' || !isWechatPhrase(phrase)) {
        problems.push(`${where} = ${JSON.stringify(phrase)} is not 1–5 Chinese characters`);
      } else accepted[kind] = phrase;
    }
    value[templateId] = accepted;
  }
  return { value, problems };
}

/**
 * An environment variable holding JSON. A malformed one (not JSON, or the wrong shape) is
 * logged and ignored, so a typo in the console costs its setting, not every call of the
 * function; usable entries of a right-shaped value are kept.
 */
function fromEnv<T>(
  name: string,
  json: string | undefined,
  check: (raw: unknown) => Checked<T>,
  empty: T,
  log: SettingsLog,
): T {
  if (!json?.trim()) return empty;
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    log(`settings: ${name} is not valid JSON (${(error as Error).message}): ignored`);
    return empty;
  }
  const { value, problems } = check(raw);
  for (const problem of problems) log(`settings: ${name}: ${problem}: ignored`);
  return value;
}

/** The company's name as saved in settings: a non-blank text of at most 64 characters. */
function companyNameOf(doc: StoredSettings): string | undefined {
  const name = typeof doc.companyName === 'string' ? doc.companyName.trim() : '';
  return name && name.length <= 64 ? name : undefined;
}

/**
 * Defaults when no admin has saved settings: DESIGN's policy, template ids from the
 * function's `TEMPLATE_IDS` environment variable (JSON: message kind → template id), their
 * field keys from `TEMPLATE_FIELDS` (JSON: template id → ["thing1", "time2", …]), the company's
 * own phrases from `TEMPLATE_PHRASES` (JSON: template id → { kind → phrase }), and the page a
 * message opens from `REMINDER_PAGE` (set it only once that page is released). Called once
 * per function instance, so what it logs is logged once per instance.
 */
export function defaultSettings(
  env: Readonly<Record<string, string | undefined>>,
  log: SettingsLog = consoleLog,
): Settings {
  return {
    policy: DEFAULT_POLICY,
    templateIds: fromEnv('TEMPLATE_IDS', env.TEMPLATE_IDS, checkTemplateIds, {}, log),
    templateFields: fromEnv('TEMPLATE_FIELDS', env.TEMPLATE_FIELDS, checkTemplateFields, {}, log),
    templatePhrases: fromEnv(
      'TEMPLATE_PHRASES',
      env.TEMPLATE_PHRASES,
      checkTemplatePhrases,
      {},
      log,
    ),
    ...(env.REMINDER_PAGE ? { reminderPage: env.REMINDER_PAGE } : {}),
    ...(env.COMPANY_NAME?.trim() ? { companyName: env.COMPANY_NAME.trim() } : {}),
    miniprogramState:
      env.MINIPROGRAM_STATE === 'developer' || env.MINIPROGRAM_STATE === 'trial'
        ? env.MINIPROGRAM_STATE
        : 'formal',
    ...(text(env.PRIVACY_CONTACT) ? { privacyContact: text(env.PRIVACY_CONTACT) } : {}),
    ...(env.RETENTION_YEARS ? { retentionYears: retentionYears(Number(env.RETENTION_YEARS)) } : {}),
  };
}

/**
 * `settings`: one document `company` saved by admins over the defaults. A warm function
 * instance keeps what it read for a minute, so an action's round trips stay within budget.
 */
export const SETTINGS_CACHE_MS = 60_000;

export function settingsRepository(
  db: WxServerSdk.Database,
  defaults: Settings,
  clock: Clock,
  log: SettingsLog = consoleLog,
): SettingsRepository {
  let cached: { settings: Settings; until: number } | null = null;
  // The document is re-read every minute: each refusal is logged once per instance.
  const logged = new Set<string>();

  function stored<T>(name: keyof typeof SHAPES, raw: unknown, check: (raw: unknown) => Checked<T>) {
    if (raw === undefined) return undefined;
    const { value, problems } = check(raw);
    for (const problem of problems) {
      const message = `settings: the settings document's ${name}: ${problem}: ignored`;
      if (!logged.has(message)) log(message);
      logged.add(message);
    }
    return value;
  }

  async function load(): Promise<Settings> {
    const doc = await findById<StoredSettings>(db.collection('settings'), 'company');
    if (!doc) return defaults;
    const phrases = stored('templatePhrases', doc.templatePhrases, checkTemplatePhrases) ?? {};
    const templatePhrases = { ...defaults.templatePhrases };
    for (const [templateId, byKind] of Object.entries(phrases)) {
      templatePhrases[templateId] = { ...templatePhrases[templateId], ...byKind };
    }
    return {
      // A reason added since the document was saved keeps its default rule.
      policy: {
        ...defaults.policy,
        ...doc.policy,
        reasons: { ...defaults.policy.reasons, ...doc.policy?.reasons },
      },
      templateIds: {
        ...defaults.templateIds,
        ...stored('templateIds', doc.templateIds, checkTemplateIds),
      },
      templateFields: {
        ...defaults.templateFields,
        ...stored('templateFields', doc.templateFields, checkTemplateFields),
      },
      templatePhrases,
      ...((doc.reminderPage ?? defaults.reminderPage)
        ? { reminderPage: doc.reminderPage ?? defaults.reminderPage }
        : {}),
      ...((companyNameOf(doc) ?? defaults.companyName)
        ? { companyName: companyNameOf(doc) ?? defaults.companyName }
        : {}),
      ...(typeof doc.companySealFileId === 'string' && doc.companySealFileId.startsWith('cloud://')
        ? { companySealFileId: doc.companySealFileId }
        : {}),
      miniprogramState: doc.miniprogramState ?? defaults.miniprogramState,
      ...optional('privacyContact', text(doc.privacyContact) ?? defaults.privacyContact),
      ...optional(
        'retentionYears',
        doc.retentionYears === undefined
          ? defaults.retentionYears
          : retentionYears(doc.retentionYears),
      ),
      ...(doc.interviewFreeTextInStats === true ? { interviewFreeTextInStats: true } : {}),
    };
  }

  return {
    async get({ fresh = false } = {}) {
      const now = clock.now().getTime();
      if (fresh || !cached || cached.until <= now) {
        cached = { settings: await load(), until: now + SETTINGS_CACHE_MS };
      }
      return cached.settings;
    },
  };
}
