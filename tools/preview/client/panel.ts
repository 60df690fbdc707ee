/**
 * The side panel: who you are (switching reloads the app as that person), the local cloud's
 * clock in Beijing time with +1 h / +1 day / +7 days (firing the timers on the way), the outbox
 * as WeChat's service notifications, and "reset demo".
 */
import { currentOpenid, switchIdentity } from './shims/identity';
import { el } from './shims/overlay';

interface Identity {
  openid: string;
  name: string;
  role: string;
  detail: string;
}
interface OutboxEntry {
  touser: string;
  templateId: string;
  data: Record<string, { value: string }>;
  page?: string;
  sentAt: string;
  errCode: number;
  errMsg: string;
}
interface Template {
  id: string;
  title: string;
  fields: Record<string, string>;
}

const FIELD_NAMES: Record<string, string> = {
  thing: '事项',
  time: '时间',
  date: '日期',
  phrase: '状态',
  name: '姓名',
  character_string: '编号',
  number: '数量',
};

function beijing(iso: string): string {
  return new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
}

async function json<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, init);
  return (await res.json()) as T;
}

function post(url: string, body: unknown): Promise<unknown> {
  return json(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

export async function renderPanel(panel: HTMLElement, onChange: () => void): Promise<void> {
  const me = currentOpenid();
  const [identities, templates] = await Promise.all([
    json<Identity[]>('/preview/identities'),
    json<Template[]>('/__admin/templates'),
  ]);

  const who = el('section', 'panel-section');
  who.append(el('h2', '', '我是谁'));
  const list = el('ul', 'identities');
  for (const person of identities) {
    const item = el('li', person.openid === me ? 'identity current' : 'identity');
    const button = el('button', 'identity-button');
    button.dataset.openid = person.openid;
    button.append(
      el('span', 'identity-name', person.name),
      el('span', 'identity-role', person.role),
    );
    button.title = `${person.openid} · ${person.detail}`;
    button.onclick = () => switchIdentity(person.openid);
    item.append(button);
    list.append(item);
  }
  const other = el('form', 'identity-other');
  const field = el('input', 'identity-input');
  field.placeholder = '其他 OPENID（新用户）';
  field.name = 'openid';
  if (!identities.some((p) => p.openid === me)) field.value = me;
  other.append(field, el('button', '', '切换'));
  other.onsubmit = (e) => {
    e.preventDefault();
    if (field.value.trim()) switchIdentity(field.value.trim());
  };
  who.append(list, other);

  const clock = el('section', 'panel-section');
  clock.append(el('h2', '', '时钟（北京时间）'));
  const now = el('div', 'clock-now', '…');
  now.id = 'clock-now';
  const buttons = el('div', 'clock-buttons');
  const steps: [string, number][] = [
    ['+1 小时', 3600_000],
    ['+1 天', 86_400_000],
    ['+7 天', 7 * 86_400_000],
  ];
  for (const [label, advanceMs] of steps) {
    const b = el('button', 'clock-advance', label);
    b.dataset.advanceMs = String(advanceMs);
    b.onclick = async () => {
      b.disabled = true;
      await post('/__admin/clock', { advanceMs });
      b.disabled = false;
      await refresh();
      onChange();
    };
    buttons.append(b);
  }
  clock.append(now, buttons);

  const outbox = el('section', 'panel-section');
  outbox.append(el('h2', '', '服务通知（发件箱）'));
  const messages = el('ol', 'outbox');
  messages.id = 'outbox';
  outbox.append(messages);

  const reset = el('section', 'panel-section');
  const resetButton = el('button', 'reset-demo', '重置演示数据');
  resetButton.onclick = async () => {
    if (!confirm('清空全部数据并重新创建演示公司？')) return;
    resetButton.disabled = true;
    resetButton.textContent = '正在重置并重建演示公司…';
    await post('/preview/reset', {});
    localStorage.clear();
    location.reload();
  };
  const warnings = el('ul', 'warnings');
  warnings.id = 'preview-warnings';
  reset.append(resetButton, warnings);

  panel.replaceChildren(who, clock, outbox, reset);

  const names = new Map(identities.map((p) => [p.openid, p.name]));
  async function refresh(): Promise<void> {
    const [time, sent] = await Promise.all([
      json<{ now: string; frozen: boolean }>('/__admin/clock'),
      json<OutboxEntry[]>('/__admin/outbox'),
    ]);
    now.textContent = `${beijing(time.now)}${time.frozen ? '（已拨动）' : ''}`;
    messages.replaceChildren(
      ...sent
        .slice()
        .reverse()
        .map((m) => {
          const template = templates.find((t) => t.id === m.templateId);
          const card = el('li', `notice ${m.errCode === 0 ? 'delivered' : 'failed'}`);
          card.append(el('div', 'notice-title', template?.title ?? String(m.templateId)));
          card.append(
            el(
              'div',
              'notice-to',
              `发给 ${names.get(m.touser) ?? m.touser} · ${beijing(m.sentAt)}`,
            ),
          );
          const fields = el('dl', 'notice-fields');
          for (const [key, value] of Object.entries(m.data ?? {})) {
            const type = template?.fields[key] ?? key.replace(/\d+$/, '');
            fields.append(el('dt', '', FIELD_NAMES[type] ?? key), el('dd', '', value.value));
          }
          card.append(fields);
          card.append(
            el(
              'div',
              'notice-status',
              m.errCode === 0
                ? '已送达'
                : `未送达 ${m.errCode}${m.errCode === 43101 ? '（用户未订阅）' : ''}`,
            ),
          );
          return card;
        }),
    );
  }
  await refresh();
  setInterval(() => void refresh(), 3000);
}
