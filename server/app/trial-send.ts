import { toInstant } from '../domain/beijing-calendar';
import { REMINDER_KIND_PHRASES, REMINDER_KINDS, type ReminderKind } from '../domain/reminder-kinds';
import type { Caller } from './caller';
import { ok } from './outcome';
import type { MessageContent, MessageNotifier } from './ports/notifier.port';
import type { Settings, SettingsRepository } from './ports/settings.port';
import { composeMessage } from './reminder-messages';
import type { Handler } from './rpc-handler';

export interface TrialSendDeps {
  readonly settings: SettingsRepository;
  readonly notifier: MessageNotifier;
}

/**
 * Each configured template once, with the kind it is tried as: the first kind (DESIGN's order)
 * the company gave its own phrase on this template, since WeChat has not judged that word yet;
 * else the first kind that uses the template.
 */
export function trialTemplates(
  settings: Settings,
): { readonly templateId: string; readonly kind: ReminderKind }[] {
  const kindsOf = new Map<string, ReminderKind[]>();
  for (const kind of REMINDER_KINDS) {
    const templateId = settings.templateIds[kind];
    if (templateId) kindsOf.set(templateId, [...(kindsOf.get(templateId) ?? []), kind]);
  }
  return [...kindsOf].map(([templateId, kinds]) => ({
    templateId,
    kind:
      kinds.find((kind) => settings.templatePhrases[templateId]?.[kind] !== undefined) ??
      (kinds[0] as ReminderKind),
  }));
}

/** What a trial message says: plainly a test, with the caller's own name in a name field. */
function trialContent(kind: ReminderKind, caller: Caller, now: Date): MessageContent {
  return {
    phrase: REMINDER_KIND_PHRASES[kind],
    task: '离职通消息试发送',
    note: '上线前检查，无需处理',
    person: caller.employee?.name ?? '管理员',
    at: toInstant(now),
    caseId: 'trial-send',
  };
}

/**
 * `admin.trialSend` (admins): on launch day, one message per configured template to the
 * calling admin, through the reminders' own composition and notifier, answering WeChat's verdict
 * per template (errCode, and for 47003 the field it named) so a refused phrase or a wrong
 * field key is found before an employee's reminder meets it. It records nothing (no reminder,
 * no case event, no configuration alert), so no once-a-day slot is used up; the settings are
 * read fresh, so a change saved a moment ago is what is tried.
 */
export function trialSendHandlers(deps: TrialSendDeps): {
  'admin.trialSend': Handler<'admin.trialSend'>;
} {
  return {
    async 'admin.trialSend'({ caller, now }) {
      const settings = await deps.settings.get({ fresh: true });
      const results = await Promise.all(
        trialTemplates(settings).map(async ({ templateId, kind }) => {
          const message = composeMessage(
            settings,
            templateId,
            kind,
            caller.openid,
            trialContent(kind, caller, now),
          );
          const outcome = await deps.notifier.send(message);
          return {
            kind,
            templateId,
            phrase: message.content.phrase,
            errCode: outcome.errCode,
            errMsg: outcome.errMsg,
            ...(outcome.field ? { field: outcome.field } : {}),
          };
        }),
      );
      return ok({ results });
    },
  };
}
