/**
 * canvas type="2d": the `<canvas>` the page renders is a real HTML canvas; the selector query's
 * `node: true` hands it over, touches get the canvas-relative `x`/`y` WeChat gives, and
 * canvasToTempFilePath writes it to a PNG temporary file at `destWidth × destHeight`.
 */
import { saveTempFile } from './temp-files';
import { WxFail, wxApi } from './wx-api';

interface ExparserNode {
  $$: Element;
  shadowRoot: {
    querySelector(s: string): ExparserNode | null;
    querySelectorAll(s: string): ExparserNode[];
  };
}
interface QueueItem {
  selector: string;
  exparserNode: ExparserNode | 0 | null;
  isSelectSingle: boolean;
  fields: { node?: boolean };
}
interface SelectorQueryProto {
  exec(
    this: SelectorQueryProto & {
      _queue: QueueItem[];
      _queueCallback: (((r: unknown) => void) | null)[];
    },
    cb?: (res: unknown[]) => void,
  ): void;
}

/** Adds `node` to the selector query's answers (j-component leaves it out). */
export function patchSelectorQuery(proto: SelectorQueryProto): void {
  const exec = proto.exec;
  proto.exec = function (callback) {
    const queue = this._queue.slice();
    const withNodes = (res: unknown, item: QueueItem | undefined) => {
      if (!item?.fields.node || !item.exparserNode) return;
      const root = item.exparserNode.shadowRoot;
      const nodes = item.isSelectSingle
        ? [root.querySelector(item.selector)]
        : root.querySelectorAll(item.selector);
      const answers = (item.isSelectSingle ? [res] : (res as unknown[])) as (Record<
        string,
        unknown
      > | null)[];
      answers.forEach((answer, i) => {
        const dom = nodes[i]?.$$;
        // `<wx-canvas>` holds the real canvas (native-components.ts).
        if (answer && dom) answer.node = dom.querySelector('canvas') ?? dom;
      });
    };
    this._queueCallback = this._queueCallback.map((cb, index) =>
      cb ? (r: unknown) => (withNodes(r, queue[index]), cb(r)) : null,
    );
    exec.call(this, (res: unknown[]) => {
      res.forEach((r, index) => withNodes(r, queue[index]));
      callback?.(res);
    });
  };
}

/** WeChat's canvas touches carry `x`/`y` relative to the canvas. */
export function canvasTouchCoordinates(): void {
  const mark = (event: TouchEvent) => {
    const target = event.target;
    if (!(target instanceof HTMLCanvasElement)) return;
    const rect = target.getBoundingClientRect();
    for (const list of [event.touches, event.changedTouches]) {
      for (const touch of Array.from(list)) {
        Object.defineProperty(touch, 'x', { value: touch.clientX - rect.left, configurable: true });
        Object.defineProperty(touch, 'y', { value: touch.clientY - rect.top, configurable: true });
      }
    }
  };
  for (const type of ['touchstart', 'touchmove', 'touchend', 'touchcancel']) {
    window.addEventListener(type, mark as EventListener, { capture: true });
  }
}

export const canvasToTempFilePath = wxApi(
  'canvasToTempFilePath',
  async (o: {
    canvas?: HTMLCanvasElement;
    canvasId?: string;
    fileType?: string;
    quality?: number;
    destWidth?: number;
    destHeight?: number;
  }) => {
    const source = o.canvas;
    if (!(source instanceof HTMLCanvasElement)) throw new WxFail('canvas is required for type 2d');
    const out = document.createElement('canvas');
    // Left out, WeChat multiplies by the pixel ratio (3 on the phone the preview pretends).
    out.width = o.destWidth ?? source.width;
    out.height = o.destHeight ?? source.height;
    out.getContext('2d')?.drawImage(source, 0, 0, out.width, out.height);
    const type = o.fileType === 'jpg' ? 'image/jpeg' : 'image/png';
    const blob = await new Promise<Blob | null>((resolve) =>
      out.toBlob(resolve, type, o.quality ?? 1),
    );
    if (!blob) throw new WxFail('canvas export failed');
    return { tempFilePath: saveTempFile(blob, `canvas.${o.fileType === 'jpg' ? 'jpg' : 'png'}`) };
  },
);
