/** The layer above the page inside the phone, where toasts, dialogs and sheets appear. */
export function overlay(): HTMLElement {
  const found = document.getElementById('phone-overlay');
  if (!found) throw new Error('preview: no #phone-overlay');
  return found;
}

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A visible note in the side panel's log and a console warning: never a silent no-op. */
export function warn(message: string): void {
  console.warn(`[preview] ${message}`);
  const log = document.getElementById('preview-warnings');
  if (log) {
    const item = el('li', 'warning', message);
    log.prepend(item);
  }
  const banner = el('div', 'wx-warning', message);
  overlay().append(banner);
  setTimeout(() => banner.remove(), 4000);
}
