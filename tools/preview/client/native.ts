/**
 * What the phone's touch screen and keyboard give a mini program, from a desktop browser:
 * mouse presses become touches (j-component turns touchstart/touchend into `tap`), and typing
 * in a native `<input>`/`<textarea>` fires the `input`/`focus`/`blur`/`confirm` events the
 * components bind.
 */
interface ExparserApi {
  Event: {
    create(name: string, detail: unknown, options: Record<string, unknown>): unknown;
    dispatchEvent(target: unknown, event: unknown): void;
  };
}

function touchList(target: EventTarget, e: MouseEvent): Touch[] {
  return [
    new Touch({
      identifier: 1,
      target,
      clientX: e.clientX,
      clientY: e.clientY,
      pageX: e.pageX,
      pageY: e.pageY,
      screenX: e.screenX,
      screenY: e.screenY,
    }),
  ];
}

export function mouseAsTouch(screen: HTMLElement): void {
  let down: EventTarget | null = null;
  const fire = (type: string, target: EventTarget, e: MouseEvent, active: boolean) => {
    const touches = touchList(target, e);
    target.dispatchEvent(
      new TouchEvent(type, {
        bubbles: true,
        cancelable: true,
        composed: true,
        touches: active ? touches : [],
        targetTouches: active ? touches : [],
        changedTouches: touches,
      }),
    );
  };
  screen.addEventListener('mousedown', (e) => {
    if (e.button !== 0 || !e.target) return;
    down = e.target;
    fire('touchstart', down, e, true);
  });
  window.addEventListener('mousemove', (e) => {
    if (down) fire('touchmove', down, e, true);
  });
  window.addEventListener('mouseup', (e) => {
    if (!down) return;
    const target = down;
    down = null;
    fire('touchend', target, e, false);
  });
}

export function nativeFields(screen: HTMLElement, exparser: ExparserApi): void {
  const send = (target: EventTarget | null, name: string, detail: Record<string, unknown>) => {
    const element = (target as { __wxElement?: unknown } | null)?.__wxElement;
    if (!element) return;
    exparser.Event.dispatchEvent(
      element,
      exparser.Event.create(name, detail, { bubbles: false, composed: false, capturePhase: false }),
    );
  };
  const valueOf = (t: EventTarget | null) =>
    t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement ? t : null;
  screen.addEventListener('input', (e) => {
    const field = valueOf(e.target);
    if (field)
      send(field, 'input', { value: field.value, cursor: field.selectionStart ?? 0, keyCode: 0 });
  });
  screen.addEventListener('focusin', (e) => {
    const field = valueOf(e.target);
    if (field) send(field, 'focus', { value: field.value, height: 0 });
  });
  screen.addEventListener('focusout', (e) => {
    const field = valueOf(e.target);
    if (field) send(field, 'blur', { value: field.value, cursor: field.selectionStart ?? 0 });
  });
  screen.addEventListener('keydown', (e) => {
    const field = e.target instanceof HTMLInputElement ? e.target : null;
    if (field && e.key === 'Enter') send(field, 'confirm', { value: field.value });
  });
}
