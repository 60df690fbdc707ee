/**
 * requestSubscribeMessage: WeChat's sheet (a switch per template, 允许/取消, "总是保持以上选择，
 * 不再询问"). An accept grants one credit on WeChat's side (`POST /__admin/subscriptions`), as the
 * user's tap does; a kept choice answers later calls without a sheet.
 */
import { currentOpenid } from './identity';
import { el, overlay } from './overlay';
import { WxFail, wxApi } from './wx-api';

type Decision = 'accept' | 'reject' | 'ban' | 'filter';
interface Template {
  id: string;
  title: string;
}

let templates: Promise<Template[]> | null = null;

function knownTemplates(): Promise<Template[]> {
  templates ??= fetch('/__admin/templates').then((r) => r.json() as Promise<Template[]>);
  return templates;
}

const keptKey = () => `wx-subscribe-kept:${currentOpenid()}`;

function kept(): Record<string, Decision> {
  return JSON.parse(localStorage.getItem(keptKey()) ?? '{}') as Record<string, Decision>;
}

async function grant(templateId: string): Promise<void> {
  await fetch('/__admin/subscriptions', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ openid: currentOpenid(), templateId, count: 1 }),
  });
}

function ask(items: Template[]): Promise<{ decisions: Record<string, Decision>; keep: boolean }> {
  return new Promise((resolve) => {
    const mask = el('div', 'wx-mask wx-sheet wx-subscribe');
    const box = el('div', 'wx-sheet-box wx-subscribe-box');
    box.append(el('div', 'wx-subscribe-app', '离职通 申请'));
    box.append(el('div', 'wx-subscribe-title', '发送以下消息'));
    const switches = items.map((t) => {
      const row = el('label', 'wx-subscribe-row');
      const name = el('span', 'wx-subscribe-name', t.title);
      const toggle = el('input', 'wx-switch');
      toggle.type = 'checkbox';
      toggle.checked = true;
      toggle.dataset.templateId = t.id;
      row.append(name, toggle);
      box.append(row);
      return toggle;
    });
    const keepRow = el('label', 'wx-subscribe-keep');
    const keep = el('input', 'wx-subscribe-keep-box');
    keep.type = 'checkbox';
    keepRow.append(keep, el('span', '', '总是保持以上选择，不再询问'));
    box.append(keepRow);
    const buttons = el('div', 'wx-subscribe-buttons');
    const cancel = el('button', 'wx-subscribe-cancel', '取消');
    const allow = el('button', 'wx-subscribe-allow', '允许');
    const close = (allowed: boolean) => {
      mask.remove();
      const decisions: Record<string, Decision> = {};
      items.forEach((t, i) => {
        decisions[t.id] = allowed && switches[i]?.checked ? 'accept' : 'reject';
      });
      resolve({ decisions, keep: keep.checked });
    };
    cancel.onclick = () => close(false);
    allow.onclick = () => close(true);
    buttons.append(cancel, allow);
    box.append(buttons);
    mask.append(box);
    overlay().append(mask);
  });
}

export const requestSubscribeMessage = wxApi(
  'requestSubscribeMessage',
  async (o: { tmplIds: string[] }) => {
    const ids = o.tmplIds ?? [];
    if (ids.length === 0) throw new WxFail("TmplIds can't be empty", { errCode: 10001 });
    if (ids.length > 3) {
      throw new WxFail('Templates count out of max bounds', { errCode: 20003 });
    }
    const registry = await knownTemplates();
    const result: Record<string, Decision> = {};
    const asking: Template[] = [];
    const saved = kept();
    for (const id of ids) {
      const template = registry.find((t) => t.id === id);
      // A template the account does not own is filtered out by WeChat, never shown.
      if (!template) result[id] = 'filter';
      else if (saved[id]) result[id] = saved[id];
      else asking.push(template);
    }
    if (asking.length > 0) {
      const { decisions, keep } = await ask(asking);
      Object.assign(result, decisions);
      if (keep) localStorage.setItem(keptKey(), JSON.stringify({ ...saved, ...decisions }));
    }
    await Promise.all(ids.filter((id) => result[id] === 'accept').map((id) => grant(id)));
    return result;
  },
);
