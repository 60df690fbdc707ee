/**
 * The phone's touch screen from a desktop mouse: presses become touches (j-component turns
 * touchstart/touchend into `tap`, and the signature pad draws with touchmove).
 */

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
