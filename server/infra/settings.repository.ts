import type { Clock } from '../app/clock';
import type { Settings, SettingsRepository } from '../app/ports';
import { DEFAULT_POLICY, type Policy } from '../domain/policy';
import { REMINDER_KINDS, type ReminderKind } from '../domain/reminder-kinds';
import { findById } from './cloud-documents';

interface StoredSettings {
  readonly policy?: Partial<Policy>;
  readonly templateIds?: Partial<Record<ReminderKind, string>>;
  readonly miniprogramState?: Settings['miniprogramState'];
}

/**
 * Defaults when no admin has saved settings: DESIGN's policy, and template ids from the
 * function's `TEMPLATE_IDS` environment variable (JSON: message kind → template id).
 */
export function defaultSettings(env: Readonly<Record<string, string | undefined>>): Settings {
  return {
    policy: DEFAULT_POLICY,
    templateIds: parseTemplateIds(env.TEMPLATE_IDS),
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
