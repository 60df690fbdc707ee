import type {
  MessageContent,
  MessageNotifier,
  OutgoingMessage,
  SendOutcome,
} from '../app/ports/notifier.port';
import { beijingDate, beijingMinuteOfDay } from '../domain/beijing-calendar';

/** WeChat's limits per field type ("参数值内容限制说明"), in characters (code points). */
const THING_MAX = 20;
const NAME_MAX_CHINESE = 10;
const NAME_MAX_LATIN = 20;
const CHARACTER_STRING_MAX = 32;

/**
 * A phrase WeChat can take: 1–5 Chinese characters and nothing else. A phrase is never cut:
 * "严肃提…" is no longer Chinese only, and WeChat refuses it (47003) as it does a long one.
 */
const PHRASE = /^\p{Script=Han}{1,5}$/u;

export function isWechatPhrase(value: string): boolean {
  return PHRASE.test(value);
}

/** The text's user-perceived characters (an emoji with its modifiers, a flag: one each). */
function graphemes(text: string): string[] {
  if (typeof Intl.Segmenter !== 'function') return Array.from(text);
  const segmenter = new Intl.Segmenter('zh', { granularity: 'grapheme' });
  return Array.from(segmenter.segment(text), (part) => part.segment);
}

/**
 * Cuts to at most `max` characters as WeChat counts them (code points, not UTF-16 units) and
 * never inside a character: a surrogate pair (an emoji, a CJK extension character) or a
 * grapheme cluster stays whole or goes whole. With `ellipsis` a cut text ends with "…",
 * within `max`.
 */
export function cut(text: string, max: number, { ellipsis }: { ellipsis: boolean }): string {
  const trimmed = text.trim();
  if (Array.from(trimmed).length <= max) return trimmed;
  const budget = ellipsis ? max - 1 : max;
  let out = '';
  let used = 0;
  for (const grapheme of graphemes(trimmed)) {
    const size = Array.from(grapheme).length;
    if (used + size > budget) break;
    out += grapheme;
    used += size;
  }
  return ellipsis ? `${out}…` : out;
}

/** Cuts a `thing` to `max` characters (code points), ending with "…" when something was cut. */
export function fit(text: string, max: number): string {
  return cut(text, max, { ellipsis: true });
}

/** `2027年3月1日 10:00` in Beijing time: the form WeChat accepts for time and date fields. */
export function wechatTime(at: string): string {
  const [y, m, d] = beijingDate(at).split('-').map(Number);
  const minute = beijingMinuteOfDay(at);
  const hh = String(Math.floor(minute / 60)).padStart(2, '0');
  const mm = String(minute % 60).padStart(2, '0');
  return `${y}年${m}月${d}日 ${hh}:${mm}`;
}

/** A name is Chinese only or letters only: a "…" would mix in a symbol, so none is added. */
function fitName(name: string): string {
  const max = /\p{Script=Han}/u.test(name) ? NAME_MAX_CHINESE : NAME_MAX_LATIN;
  return cut(name, max, { ellipsis: false });
}

/**
 * Fills a template's fields by their type (the key without its number: `thing1` is a thing):
 * the phrase field carries the kind (办理通知 …), time/date the instant, name the employee,
 * character_string the case id, the first thing the task and the others the note. A template
 * without a phrase field gets the phrase in front of its note, so every message still says
 * its kind. A phrase that is not 1–5 Chinese characters is left out rather than cut: WeChat
 * then names the field (47003), which the trial send shows before anyone relies on it.
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
        if (!isWechatPhrase(content.phrase)) continue;
        value = content.phrase;
        break;
      case 'time':
      case 'date':
        value = wechatTime(content.at);
        break;
      case 'name':
        value = fitName(content.person);
        break;
      case 'character_string':
        // Printable ASCII only: a "…" would be refused here too.
        value = cut(content.caseId.replace(/[^\x21-\x7e]/g, ''), CHARACTER_STRING_MAX, {
          ellipsis: false,
        });
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

/**
 * The field WeChat refused, from its 47003 message ("argument invalid! data.phrase3.value
 * invalid"): the key as the template lists it.
 */
export function refusedField(errMsg: string): string | undefined {
  return /\bdata\.([A-Za-z_]+\d+)\b/.exec(errMsg)?.[1];
}

const BAD_FIELD = 47003;

/** WeChat's error shape, or a network failure (no errCode: treated as -1, transient). */
function outcomeOf(error: unknown): SendOutcome {
  const e = (error ?? {}) as { errCode?: unknown; errMsg?: unknown; message?: unknown };
  const errCode = typeof e.errCode === 'number' ? e.errCode : -1;
  const errMsg = String(e.errMsg ?? e.message ?? error);
  const field = errCode === BAD_FIELD ? refusedField(errMsg) : undefined;
  return { errCode, errMsg, ...(field ? { field } : {}) };
}

/** `cloud.openapi.subscribeMessage.send`, answering with WeChat's errCode instead of throwing. */
export function subscribeMessageNotifier(cloud: WxServerSdk.Cloud): MessageNotifier {
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
        // An error comes as a rejection; an answer with a non-zero errCode is read the same way.
        if ((result.errCode ?? 0) !== 0) return outcomeOf(result);
        return { errCode: 0, errMsg: result.errMsg ?? 'ok' };
      } catch (error) {
        return outcomeOf(error);
      }
    },
  };
}
