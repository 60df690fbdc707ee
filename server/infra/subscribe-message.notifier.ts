import type { MessageContent, MessageSender, OutgoingMessage } from '../app/ports';
import { beijingDate, beijingMinuteOfDay } from '../domain/beijing-calendar';

/** WeChat's limits per field type ("参数值内容限制说明"). */
const THING_MAX = 20;
const NAME_MAX_CHINESE = 10;
const NAME_MAX_LATIN = 20;
const PHRASE_MAX = 5;
const CHARACTER_STRING_MAX = 32;

/** Cuts to `max` characters (code points), ending with "…" when something was cut. */
export function fit(text: string, max: number): string {
  const chars = Array.from(text.trim());
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

/** `2027年3月1日 10:00` in Beijing time: the form WeChat accepts for time and date fields. */
export function wechatTime(at: string): string {
  const [y, m, d] = beijingDate(at).split('-').map(Number);
  const minute = beijingMinuteOfDay(at);
  const hh = String(Math.floor(minute / 60)).padStart(2, '0');
  const mm = String(minute % 60).padStart(2, '0');
  return `${y}年${m}月${d}日 ${hh}:${mm}`;
}

function fitName(name: string): string {
  return fit(name, /\p{Script=Han}/u.test(name) ? NAME_MAX_CHINESE : NAME_MAX_LATIN);
}

/**
 * Fills a template's fields by their type (the key without its number: `thing1` is a thing):
 * the phrase field carries the kind (办理通知 …), time/date the instant, name the employee,
 * character_string the case id, the first thing the task and the others the note. A template
 * without a phrase field gets the phrase in front of its note, so every message still says
 * its kind.
 */
export function messageData(
  fieldKeys: readonly string[],
  content: MessageContent,
): Record<string, { value: string }> {
  const typeOf = (key: string) => key.replace(/\d+$/, '');
  const hasPhrase = fieldKeys.some((key) => typeOf(key) === 'phrase');
  const data: Record<string, { value: string }> = {};
  let things = 0;
  for (const key of fieldKeys) {
    let value: string;
    switch (typeOf(key)) {
      case 'phrase':
        value = fit(content.phrase, PHRASE_MAX);
        break;
      case 'time':
      case 'date':
        value = wechatTime(content.at);
        break;
      case 'name':
        value = fitName(content.person);
        break;
      case 'character_string':
        value = fit(content.caseId.replace(/[^\x21-\x7e]/g, ''), CHARACTER_STRING_MAX);
        break;
      case 'thing': {
        things += 1;
        const text =
          things === 1
            ? content.task
            : hasPhrase || things > 2
              ? content.note
              : `${content.phrase}：${content.note}`;
        value = fit(text, THING_MAX);
        break;
      }
      default:
        value = fit(content.note, THING_MAX);
    }
    data[key] = { value };
  }
  return data;
}

/** WeChat's error shape, or a network failure (no errCode: treated as -1, transient). */
function outcomeOf(error: unknown): { errCode: number; errMsg: string } {
  const e = (error ?? {}) as { errCode?: unknown; errMsg?: unknown; message?: unknown };
  const errCode = typeof e.errCode === 'number' ? e.errCode : -1;
  return { errCode, errMsg: String(e.errMsg ?? e.message ?? error) };
}

/** `cloud.openapi.subscribeMessage.send`, answering with WeChat's errCode instead of throwing. */
export function subscribeMessageNotifier(cloud: WxServerSdk.Cloud): MessageSender {
  return {
    async send(message: OutgoingMessage) {
      try {
        const result = await cloud.openapi.subscribeMessage.send({
          touser: message.touser,
          templateId: message.templateId,
          data: messageData(message.fieldKeys, message.content),
          // No page until it is in the released version: WeChat refuses it with 41030.
          ...(message.page ? { page: message.page } : {}),
          miniprogramState: message.miniprogramState,
        });
        return { errCode: result.errCode ?? 0, errMsg: result.errMsg ?? 'ok' };
      } catch (error) {
        return outcomeOf(error);
      }
    },
  };
}
