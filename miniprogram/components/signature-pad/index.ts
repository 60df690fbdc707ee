import { exportCanvasPng } from '../../services/canvas-export';

interface Point {
  x: number;
  y: number;
}

/** The subset of CanvasRenderingContext2D the pad draws with. */
interface Pen {
  scale(x: number, y: number): void;
  clearRect(x: number, y: number, w: number, h: number): void;
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  stroke(): void;
  lineWidth: number;
  lineCap: string;
  lineJoin: string;
  strokeStyle: string;
}

interface PadState {
  canvas: WechatMiniprogram.Canvas;
  pen: Pen;
  width: number;
  height: number;
  strokes: Point[][];
}

/**
 * Large canvases fail on Android ("native buffer exceed size limit"), and the server accepts
 * a signature PNG of at most 200 KB: the backing store stays at most this many pixels wide.
 */
const MAX_BACKING_WIDTH = 750;

// Canvas objects are kept off `data`: setData would try to clone them.
const pads = new WeakMap<object, PadState>();

function pointOf(event: WechatMiniprogram.TouchCanvas): Point | null {
  const touch = event.touches[0];
  return touch ? { x: touch.x, y: touch.y } : null;
}

function redraw(state: PadState): void {
  const { pen, width, height } = state;
  pen.clearRect(0, 0, width, height);
  for (const stroke of state.strokes) {
    const [first, ...rest] = stroke;
    if (!first) continue;
    pen.beginPath();
    pen.moveTo(first.x, first.y);
    for (const p of rest) pen.lineTo(p.x, p.y);
    // A tap without movement still leaves a dot.
    if (rest.length === 0) pen.lineTo(first.x + 0.1, first.y + 0.1);
    pen.stroke();
  }
}

Component({
  properties: {
    disabled: { type: Boolean, value: false },
  },
  data: {
    empty: true,
    ready: false,
  },
  lifetimes: {
    ready() {
      this.createSelectorQuery()
        .select('#signature-canvas')
        .fields({ node: true, size: true })
        .exec((res: { node?: WechatMiniprogram.Canvas; width?: number; height?: number }[]) => {
          const found = res[0];
          if (!found || !found.node || !found.width || !found.height) return;
          const canvas = found.node;
          const dpr = Math.min(
            wx.getWindowInfo().pixelRatio,
            Math.max(1, MAX_BACKING_WIDTH / found.width),
          );
          canvas.width = Math.floor(found.width * dpr);
          canvas.height = Math.floor(found.height * dpr);
          const pen = canvas.getContext('2d') as Pen;
          pen.scale(dpr, dpr);
          pen.lineWidth = 3;
          pen.lineCap = 'round';
          pen.lineJoin = 'round';
          pen.strokeStyle = '#111111';
          pads.set(this, { canvas, pen, width: found.width, height: found.height, strokes: [] });
          this.setData({ ready: true });
        });
    },
  },
  methods: {
    onTouchStart(event: WechatMiniprogram.TouchCanvas) {
      const state = pads.get(this);
      const point = pointOf(event);
      if (!state || !point || this.data.disabled) return;
      state.strokes.push([point]);
      redraw(state);
    },
    onTouchMove(event: WechatMiniprogram.TouchCanvas) {
      const state = pads.get(this);
      const point = pointOf(event);
      const stroke = state?.strokes[state.strokes.length - 1];
      if (!state || !point || !stroke || this.data.disabled) return;
      const last = stroke[stroke.length - 1];
      stroke.push(point);
      if (last) {
        state.pen.beginPath();
        state.pen.moveTo(last.x, last.y);
        state.pen.lineTo(point.x, point.y);
        state.pen.stroke();
      }
    },
    onTouchEnd() {
      const state = pads.get(this);
      if (!state) return;
      this.notify(state.strokes.length === 0);
    },
    clear() {
      const state = pads.get(this);
      if (!state) return;
      state.strokes = [];
      redraw(state);
      this.notify(true);
    },
    undo() {
      const state = pads.get(this);
      if (!state) return;
      state.strokes.pop();
      redraw(state);
      this.notify(state.strokes.length === 0);
    },
    notify(empty: boolean) {
      if (empty !== this.data.empty) this.setData({ empty });
      this.triggerEvent('change', { empty });
    },
    /** The signature as a temporary PNG path; rejects when nothing was drawn. */
    exportImage(): Promise<string> {
      const state = pads.get(this);
      if (!state || state.strokes.length === 0) {
        return Promise.reject(new Error('请先在签名区内签名'));
      }
      return exportCanvasPng(state.canvas, { width: state.width, height: state.height });
    },
  },
});
