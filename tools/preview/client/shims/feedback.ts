/** showToast / showLoading / showModal / showActionSheet drawn in the phone as WeChat draws them. */
import { el, overlay } from './overlay';
import { WxFail, wxApi } from './wx-api';

let toast: { node: HTMLElement; timer: number } | null = null;

function hideToast(): void {
  if (!toast) return;
  clearTimeout(toast.timer);
  toast.node.remove();
  toast = null;
}

function showToastBox(title: string, icon: string, duration: number, mask: boolean): void {
  hideToast();
  const node = el('div', `wx-toast${mask ? ' wx-mask' : ''}`);
  const box = el('div', `wx-toast-box wx-toast-${icon}`);
  if (icon !== 'none')
    box.append(el('div', 'wx-toast-icon', icon === 'success' ? '✓' : icon === 'error' ? '✕' : '⟳'));
  box.append(el('div', 'wx-toast-title', title));
  node.append(box);
  overlay().append(node);
  toast = { node, timer: duration > 0 ? window.setTimeout(hideToast, duration) : 0 };
}

export const showToast = wxApi(
  'showToast',
  (o: { title: string; icon?: string; duration?: number; mask?: boolean }) => {
    showToastBox(o.title, o.icon ?? 'success', o.duration ?? 1500, o.mask ?? false);
    return {};
  },
);
export const hideToastApi = wxApi('hideToast', () => (hideToast(), {}));
export const showLoading = wxApi('showLoading', (o: { title: string; mask?: boolean }) => {
  showToastBox(o.title, 'loading', 0, o.mask ?? false);
  return {};
});
export const hideLoading = wxApi('hideLoading', () => (hideToast(), {}));

export const showModal = wxApi(
  'showModal',
  (o: {
    title?: string;
    content?: string;
    showCancel?: boolean;
    cancelText?: string;
    confirmText?: string;
    confirmColor?: string;
    editable?: boolean;
    placeholderText?: string;
  }) =>
    new Promise<{ confirm: boolean; cancel: boolean; content?: string }>((resolve) => {
      const mask = el('div', 'wx-mask wx-modal');
      const box = el('div', 'wx-modal-box');
      if (o.title) box.append(el('div', 'wx-modal-title', o.title));
      let input: HTMLTextAreaElement | null = null;
      if (o.editable) {
        input = el('textarea', 'wx-modal-input');
        input.placeholder = o.placeholderText ?? '';
        input.value = o.content ?? '';
        box.append(input);
      } else if (o.content) box.append(el('div', 'wx-modal-content', o.content));
      const buttons = el('div', 'wx-modal-buttons');
      const close = (confirm: boolean) => {
        mask.remove();
        resolve({ confirm, cancel: !confirm, ...(input ? { content: input.value } : {}) });
      };
      if (o.showCancel !== false) {
        const cancel = el('button', 'wx-modal-cancel', o.cancelText ?? '取消');
        cancel.onclick = () => close(false);
        buttons.append(cancel);
      }
      const ok = el('button', 'wx-modal-confirm', o.confirmText ?? '确定');
      ok.style.color = o.confirmColor ?? '#576b95';
      ok.onclick = () => close(true);
      buttons.append(ok);
      box.append(buttons);
      mask.append(box);
      overlay().append(mask);
    }),
);

export const showActionSheet = wxApi(
  'showActionSheet',
  (o: { itemList: string[]; itemColor?: string; alertText?: string }) =>
    new Promise<{ tapIndex: number }>((resolve, reject) => {
      if (!o.itemList?.length || o.itemList.length > 6) {
        reject(new WxFail('parameter error: itemList should have 1-6 items'));
        return;
      }
      const mask = el('div', 'wx-mask wx-sheet');
      const box = el('div', 'wx-sheet-box');
      if (o.alertText) box.append(el('div', 'wx-sheet-alert', o.alertText));
      o.itemList.forEach((text, tapIndex) => {
        const item = el('button', 'wx-sheet-item', text);
        item.style.color = o.itemColor ?? '#000';
        item.onclick = () => {
          mask.remove();
          resolve({ tapIndex });
        };
        box.append(item);
      });
      const cancel = el('button', 'wx-sheet-cancel', '取消');
      cancel.onclick = () => {
        mask.remove();
        reject(new WxFail('cancel'));
      };
      box.append(cancel);
      mask.append(box);
      overlay().append(mask);
    }),
);
