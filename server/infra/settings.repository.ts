import type { Clock } from '../app/clock';
import type { Settings, SettingsRepository } from '../app/ports';
import { DEFAULT_POLICY, type Policy } from '../domain/policy';
import { REMINDER_KINDS, type ReminderKind } from '../domain/reminder-kinds';
import { findById } from './cloud-documents';

interface StoredSettings {
  readonly policy?: Partial<Policy>;
  readonly templateIds?: Partial<Record<ReminderKind, string>>;
  readonly templateFields?: Readonly<Record<string, readonly string[]>>;
  readonly reminderPage?: string;
  readonly miniprogramState?: Settings['miniprogramState'];
}

/**
 * Defaults when no admin has saved settings: DESIGN's policy, template ids from the
 * function's `TEMPLATE_IDS` environment variable (JSON: message kind → template id), their
 * field keys from `TEMPLATE_FIELDS` (JSON: template id → ["thing1", "time2", …]), and the page
 * a message opens from `REMINDER_PAGE` (set it only once that page is released).
 */
export function defaultSettings(env: Readonly<Record<string, string | undefined>>): Settings {
  return {
    policy: DEFAULT_POLICY,
    templateIds: parseTemplateIds(env.TEMPLATE_IDS),
    templateFields: parseTemplateFields(env.TEMPLATE_FIELDS),
    ...(env.REMINDER_PAGE ? { reminderPage: env.REMINDER_PAGE } : {}),
    miniprogramState:
      env.MINIPROGRAM_STATE === 'developer' || env.MINIPROGRAM_STATE === 'trial'
        ? env.MINIPROGRAM_STATE
        : 'formal',
  };
}

function parseTemplateIds(json: string | undefined): Partial<Record<ReminderKind, string>> {
  if (!json) return {};
  const parsed: unknown = JSON.parse(json);
  const out: Partial<Record<ReminderKind, string>> = {};
  if (typeof parsed !== 'object' || parsed === null) return out;
  for (const kind of REMINDER_KINDS) {
    const id = (parsed as Record<string, unknown>)[kind];
    if (typeof id === 'string' && id) out[kind] = id;
  }
  return out;
}

function parseTemplateFields(json: string | undefined): Record<string, readonly string[]> {
  if (!json) return {};
  const parsed: unknown = JSON.parse(json);
  const out: Record<string, readonly string[]> = {};
  if (typeof parsed !== 'object' || parsed === null) return out;
  for (const [templateId, keys] of Object.entries(parsed as Record<string, unknown>)) {
    if (Array.isArray(keys) && keys.every((k) => typeof k === 'string')) out[templateId] = keys;
  }
  return out;
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
): SettingsRepository {
  let cached: { settings: Settings; until: number } | null = null;

  async function load(): Promise<Settings> {
    const stored = await findById<StoredSettings>(db.collection('settings'), 'company');
    if (!stored) return defaults;
    return {
      policy: { ...defaults.policy, ...stored.policy },
      templateIds: { ...defaults.templateIds, ...stored.templateIds },
      templateFields: { ...defaults.templateFields, ...stored.templateFields },
      ...((stored.reminderPage ?? defaults.reminderPage)
        ? { reminderPage: stored.reminderPage ?? defaults.reminderPage }
        : {}),
      miniprogramState: stored.miniprogramState ?? defaults.miniprogramState,
    };
  }

  return {
    async get() {
      const now = clock.now().getTime();
      if (!cached || cached.until <= now) {
        cached = { settings: await load(), until: now + SETTINGS_CACHE_MS };
      }
      return cached.settings;
    },
  };
}
