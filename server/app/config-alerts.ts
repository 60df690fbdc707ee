import { toInstant } from '../domain/beijing-calendar';
import { REMINDER_KIND_PHRASES } from '../domain/reminder-kinds';
import { fail, ok } from './outcome';
import type { ConfigAlertsRepository, StoredConfigAlert } from './ports/config-alerts.port';
import type { SettingsRepository } from './ports/settings.port';
import type { Handler } from './rpc-handler';

/** The newest alerts an admin sees: a misconfiguration is one alert, so a page holds them all. */
export const CONFIG_ALERTS_SHOWN = 100;

export interface ConfigAlertView {
  readonly id: string;
  readonly title: string;
  /** What to change, and where. */
  readonly fix: string;
  /** What WeChat or the phone said, for the record. */
  readonly detail: string;
  readonly at: string;
  readonly resolved: boolean;
}

/** WeChat's refusals of a send that only a configuration change can cure (DESIGN §3). */
const TEMPLATE_FIXES: Readonly<Record<number, { title: string; fix: string }>> = {
  40003: {
    title: '接收人 OPENID 无效',
    fix: '员工绑定的微信与本小程序不一致：请让该员工重新绑定，或检查云环境与小程序 AppID 是否对应。',
  },
  40037: {
    title: '订阅消息模板 ID 无效',
    fix: '在云函数环境变量 TEMPLATE_IDS（或设置中的模板 ID）里填写小程序后台「订阅消息」中已选用的模板 ID。',
  },
  47003: {
    title: '模板字段内容被微信拒绝',
    fix: '核对 TEMPLATE_FIELDS 中的字段名与模板一致，短语字段只能是 5 个以内的汉字；改好后在「消息试发送」中再发一遍。',
  },
};

export function describeConfigAlert(alert: StoredConfigAlert): ConfigAlertView {
  const base = { id: alert.id, at: alert.at, resolved: alert.resolved };
  if (alert.source === 'privacy') {
    return {
      ...base,
      title: `隐私保护指引未声明 ${alert.api}`,
      fix: `在小程序后台「设置 → 服务内容声明 → 用户隐私保护指引」中声明「${alert.declaration}」，审核通过后员工即可使用。`,
      detail: `errno ${alert.errno}，最近一次由 ${alert.reportedBy} 遇到`,
    };
  }
  const known = TEMPLATE_FIXES[alert.errCode] ?? {
    title: `订阅消息发送失败（${alert.errCode}）`,
    fix: '请按微信返回的信息检查订阅消息模板配置。',
  };
  return {
    ...base,
    title: `${REMINDER_KIND_PHRASES[alert.kind]}：${known.title}`,
    fix: known.fix,
    detail: `模板 ${alert.templateId || '（未配置）'}，微信返回：${alert.errMsg}`,
  };
}

/**
 * The admins' view of `config_alerts`: what WeChat refused because of the configuration (a
 * template id, a field, a private API missing from 用户隐私保护指引), with what to fix; an
 * admin marks one fixed, and it opens again if it happens again.
 */
/**
 * Letters name the employer (DESIGN §3 "Company name"): without `COMPANY_NAME` (or the settings'
 * `companyName`) they say 公司, and admins see this until it is set. Not stored: it follows the
 * configuration, so it cannot be marked fixed, only fixed.
 */
export const COMPANY_NAME_ALERT_ID = 'company_name';

function companyNameAlert(at: string): ConfigAlertView {
  return {
    id: COMPANY_NAME_ALERT_ID,
    title: '未设置公司名称',
    fix: '在云函数 offboarding 和 documents 的环境变量 COMPANY_NAME 中填写公司全称（与劳动合同上的用人单位名称一致），或在设置中填写 companyName。',
    detail: '辞职书、解除通知和离职证明中的用人单位名称暂时显示为「公司」。',
    at,
    resolved: false,
  };
}

export function configAlertHandlers(deps: {
  readonly configAlerts: ConfigAlertsRepository;
  /** Without it (older wiring) the company-name alert is not shown. */
  readonly settings?: SettingsRepository;
}): {
  'admin.configAlerts': Handler<'admin.configAlerts'>;
  'admin.configAlertResolve': Handler<'admin.configAlertResolve'>;
} {
  return {
    async 'admin.configAlerts'({ now }) {
      const [stored, settings] = await Promise.all([
        deps.configAlerts.latest(CONFIG_ALERTS_SHOWN),
        deps.settings?.get(),
      ]);
      const alerts = [
        ...(settings && !settings.companyName ? [companyNameAlert(toInstant(now))] : []),
        ...stored.map(describeConfigAlert),
      ];
      return ok({ alerts, open: alerts.filter((alert) => !alert.resolved).length });
    },
    async 'admin.configAlertResolve'({ caller, now }, { id }) {
      if (id === COMPANY_NAME_ALERT_ID) {
        return fail('PRECONDITION_FAILED', '设置公司名称（COMPANY_NAME）后此提醒自动消失', {
          guard: 'company_name_set',
        });
      }
      const by = caller.employee?.employeeNo ?? caller.openid;
      if (!(await deps.configAlerts.resolve(id, by, toInstant(now)))) {
        return fail('NOT_FOUND', '没有这条配置提醒，可能已被清除');
      }
      return ok({ id, resolved: true });
    },
  };
}
