import type { ActionResult, ReminderKind } from '../../server/contract';
import { REMINDER_KIND_LABELS, type TagTheme } from './labels';

export type TrialResult = ActionResult<'admin.trialSend'>['results'][number];

/** Message kind → template id, as `meta.get` gives them. */
export type TemplateIds = Partial<Record<ReminderKind, string>>;

export type TrialStatus = '成功' | '被拒绝' | '未允许' | '发送失败';

export interface TrialRow {
  key: string;
  /** The kinds that go out with the template: 办理通知 · 每日提醒 … */
  title: string;
  /** The id, shortened for the phone's width. */
  templateId: string;
  status: TrialStatus;
  theme: TagTheme;
  /** What happened, and what to fix when WeChat refused it. */
  detail: string;
}

/** The configured templates, each once, in the order of the kinds. */
export function distinctTemplateIds(templateIds: TemplateIds): string[] {
  return [...new Set(Object.values(templateIds).filter((id): id is string => Boolean(id)))];
}

/** What a template's field holds, by its type (the key without its number). */
const FIELD_CONTENTS: Record<string, string> = {
  phrase: '提醒类型',
  thing: '事项或备注',
  time: '时间',
  date: '日期',
  name: '姓名',
  character_string: '编号',
};

function fieldLabel(field: string): string {
  const contents = FIELD_CONTENTS[field.replace(/\d+$/, '')];
  return contents ? `${field}（${contents}）` : field;
}

function shortId(id: string): string {
  return id.length > 12 ? `${id.slice(0, 12)}…` : id;
}

function verdict(result: TrialResult): { status: TrialStatus; theme: TagTheme; detail: string } {
  const kind = REMINDER_KIND_LABELS[result.kind];
  switch (result.errCode) {
    case 0:
      return {
        status: '成功',
        theme: 'success',
        detail: `已以「${result.phrase}」发送，请在微信「服务通知」中查看`,
      };
    case 47003:
      if (result.field?.startsWith('phrase')) {
        return {
          status: '被拒绝',
          theme: 'danger',
          detail: `微信拒绝了字段 ${fieldLabel(result.field)} 的「${result.phrase}」：在设置 templatePhrases（或环境变量 TEMPLATE_PHRASES）中为此模板的「${kind}」换一个 5 字以内的纯汉字，再试发送`,
        };
      }
      return {
        status: '被拒绝',
        theme: 'danger',
        detail: result.field
          ? `微信拒绝了字段 ${fieldLabel(result.field)}：核对 TEMPLATE_FIELDS 中此模板的字段名，须与公众平台「订阅消息」里该模板的关键词一致`
          : '微信拒绝了消息内容（47003）：核对 TEMPLATE_FIELDS 中此模板的字段名',
      };
    case 43101:
      return {
        status: '未允许',
        theme: 'warning',
        detail: '你没有允许此模板的消息，或额度已用完：再点「试发送」，在弹窗中选「允许」',
      };
    case 40037:
      return {
        status: '被拒绝',
        theme: 'danger',
        detail: '模板 ID 无效：核对 TEMPLATE_IDS，须是公众平台「订阅消息」里已选用的模板',
      };
    case 40003:
      return {
        status: '被拒绝',
        theme: 'danger',
        detail: '接收人无效（40003）：请在本小程序的正式环境中操作',
      };
    case 41030:
      return {
        status: '被拒绝',
        theme: 'danger',
        detail: '消息打开的页面不在已发布的版本中：先发布该页面，或清空 REMINDER_PAGE',
      };
    default:
      return {
        status: '发送失败',
        theme: 'warning',
        detail: `微信暂时无法发送（${result.errCode}）：稍后再试`,
      };
  }
}

/** One row per template tried, titled by the kinds that use it. */
export function trialRows(results: readonly TrialResult[], templateIds: TemplateIds): TrialRow[] {
  return results.map((result) => {
    const kinds = (Object.keys(templateIds) as ReminderKind[]).filter(
      (kind) => templateIds[kind] === result.templateId,
    );
    return {
      key: result.templateId,
      title: (kinds.length > 0 ? kinds : [result.kind])
        .map((k) => REMINDER_KIND_LABELS[k])
        .join(' · '),
      templateId: shortId(result.templateId),
      ...verdict(result),
    };
  });
}

export function trialSummary(results: readonly TrialResult[]): string {
  const passed = results.filter((r) => r.errCode === 0).length;
  if (results.length === 0) return '';
  return passed === results.length
    ? `全部 ${results.length} 个模板发送成功`
    : `${results.length} 个模板中 ${passed} 个发送成功，请按提示处理其余的`;
}

/**
 * The templates to ask for on the next tap: those the admin has not allowed (43101) first, as
 * one request takes at most 3.
 */
export function nextToAsk(results: readonly TrialResult[], all: readonly string[]): string[] {
  const refused = results.filter((r) => r.errCode === 43101).map((r) => r.templateId);
  return [...new Set([...refused, ...all])];
}
