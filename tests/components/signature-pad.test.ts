/** @jest-environment jsdom */
import { drawStroke, fakeCanvas, giveCanvas, type FakeCanvas } from './fixtures/canvas';
import { allText, render, setUp, settle, tapButton, type WxMocks } from './harness';

describe('signature-pad', () => {
  let simulate: ReturnType<typeof setUp>['simulate'];
  let wx: WxMocks;
  let canvas: FakeCanvas;

  function renderPad() {
    canvas = fakeCanvas();
    return render(simulate, 'components/signature-pad/index', undefined, (comp) =>
      giveCanvas(comp, canvas),
    );
  }

  const draw = drawStroke;

  beforeEach(() => {
    ({ simulate, wx } = setUp());
  });

  it('sizes the canvas by the pixel ratio but caps the backing width', async () => {
    renderPad();
    await settle(simulate);
    // dpr 3 would give 1029 px; the cap keeps it at 750.
    expect(canvas.width).toBe(750);
    expect(canvas.height).toBe(Math.floor(200 * (750 / 343)));
    expect(canvas.pen.scale).toHaveBeenCalledWith(750 / 343, 750 / 343);
  });

  it('shows the hint until something is drawn, then reports it is not empty', async () => {
    const comp = renderPad();
    await settle(simulate);
    expect(allText(comp)).toContain('请在此处手写签名');
    const triggerEvent = jest.spyOn(comp.instance as never, 'triggerEvent');
    draw(comp, [10, 10], [40, 30]);
    await settle(simulate);
    expect(triggerEvent).toHaveBeenCalledWith('change', { empty: false });
    expect(allText(comp)).not.toContain('请在此处手写签名');
    expect(canvas.pen.lineTo).toHaveBeenCalledWith(40, 30);
  });

  it('undo removes the last stroke and clear removes all', async () => {
    const comp = renderPad();
    await settle(simulate);
    draw(comp, [10, 10], [40, 30]);
    draw(comp, [50, 50], [80, 60]);
    await settle(simulate);
    tapButton(comp, '#undo');
    await settle(simulate);
    expect(comp.data.empty).toBe(false);
    tapButton(comp, '#clear');
    await settle(simulate);
    expect(comp.data.empty).toBe(true);
    expect(allText(comp)).toContain('请在此处手写签名');
  });

  it('exports the drawn canvas as a PNG and refuses an empty pad', async () => {
    const comp = renderPad();
    await settle(simulate);
    const pad = comp.instance as unknown as { exportImage(): Promise<string> };
    await expect(pad.exportImage()).rejects.toThrow('请先在签名区内签名');
    draw(comp, [10, 10], [40, 30]);
    await expect(pad.exportImage()).resolves.toBe('wxfile://tmp/signature.png');
    expect(wx.canvasToTempFilePath).toHaveBeenCalledWith(
      expect.objectContaining({ canvas, fileType: 'png' }),
    );
  });

  it.each([1, 2, 3, 4])(
    'exports at the CSS size (343 × 200) whatever the pixel ratio (%d): the PNG stays small',
    async (pixelRatio) => {
      const g = globalThis as unknown as { wx: { getWindowInfo: () => unknown } };
      g.wx.getWindowInfo = () => ({ pixelRatio, windowWidth: 375, windowHeight: 667 });
      const comp = renderPad();
      await settle(simulate);
      draw(comp, [10, 10], [40, 30]);
      const pad = comp.instance as unknown as { exportImage(): Promise<string> };
      await pad.exportImage();
      // Left out, WeChat's default is the size × pixel ratio (1029 × 600 at dpr 3).
      expect(wx.canvasToTempFilePath).toHaveBeenCalledWith(
        expect.objectContaining({ destWidth: 343, destHeight: 200 }),
      );
    },
  );
});
