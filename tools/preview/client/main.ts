/**
 * The preview runtime: runs the compiled mini program (`/preview/files.js`) in the phone frame
 * with miniprogram-simulate's browser build, the wx shims, the page stack and the side panel.
 */
import simulateModule from 'miniprogram-simulate/src/index';
import simulateUtils from 'miniprogram-simulate/src/utils';
import simulateWxss from 'miniprogram-simulate/src/wxss';
import exparser from 'miniprogram-exparser';
import SelectorQuery from 'j-component/src/tool/selectorquery';
import jComponentUtils from 'j-component/src/tool/utils';
import { ModuleLoader, type PreviewFiles } from './modules';
import { mouseAsTouch, nativeFields } from './native';
import { PageStack, type Simulate } from './pages';
import { renderPanel } from './panel';
import { canvasTouchCoordinates, patchSelectorQuery } from './shims/canvas';
import { createWx } from './shims/index';
import { currentOpenid } from './shims/identity';
import { warn } from './shims/overlay';

interface PreviewWindow {
  __PREVIEW_FILES__: PreviewFiles;
  __FILE_MAP__: unknown;
  __preview: unknown;
  wx: unknown;
  App: (options: Record<string, unknown>) => void;
  getApp: () => unknown;
  getCurrentPages: () => unknown[];
  Component: (definition: Record<string, unknown>) => void;
}

const win = window as unknown as PreviewWindow;
const started = performance.now();
const timings: { route: string; ms: number }[] = [];

function byId(id: string): HTMLElement {
  const found = document.getElementById(id);
  if (!found) throw new Error(`preview: no #${id}`);
  return found;
}

/** 1 rpx = 0.5 px on a 375 px wide phone (simulate's own rule turns 1 rpx into 1 px). */
function rpxToPx(css: string): string {
  return css.replace(/(-?\d*\.?\d+)rpx/gi, (_all, n: string) => `${Number(n) / 2}px`);
}

function boot(): void {
  const loader = new ModuleLoader(win.__PREVIEW_FILES__);
  win.__FILE_MAP__ = loader.fileMap();
  const utils = simulateUtils as {
    runJs: (path: string) => void;
    transformRpx: (css: string) => string;
  };
  utils.runJs = (path) => loader.run(path);
  utils.transformRpx = rpxToPx;
  // Inline styles (`style="width: 48rpx"`) go through j-component's own copy of the rule.
  (jComponentUtils as { transformRpx: (css: string) => string }).transformRpx = rpxToPx;
  // Component styles are prefixed per tag: the same file under the same tag compiles once.
  const wxss = simulateWxss as { compile: (css: string, options: { prefix?: string }) => string };
  const compile = wxss.compile.bind(wxss);
  const compiled = new Map<string, string>();
  wxss.compile = (css, options) => {
    const key = `${options.prefix ?? ''}\n${css}`;
    let out = compiled.get(key);
    if (out === undefined) {
      out = compile(css, options);
      compiled.set(key, out);
    }
    return out;
  };
  patchSelectorQuery((SelectorQuery as { prototype: never }).prototype);
  canvasTouchCoordinates();

  const screen = byId('phone-screen');
  const appJson = JSON.parse(String(loader.read('/app.json'))) as ConstructorParameters<
    typeof PageStack
  >[1];
  const stack = new PageStack(
    simulateModule as unknown as Simulate,
    appJson,
    (path) => {
      const text = loader.read(path);
      return typeof text === 'string' ? (JSON.parse(text) as Record<string, never>) : null;
    },
    {
      pages: byId('phone-pages'),
      title: byId('nav-title'),
      back: byId('nav-back'),
      tabBar: byId('phone-tab-bar'),
    },
  );
  stack.onPageShown = (_kind, route, ms) => {
    timings.push({ route, ms });
    document.body.dataset.lastSwitchMs = ms.toFixed(1);
  };
  win.wx = createWx(stack, byId('nav-title'));

  // Pages and components get what the client gives every instance: getTabBar().
  const register = win.Component;
  win.Component = (definition) =>
    register({
      ...definition,
      methods: {
        ...(definition.methods as Record<string, unknown> | undefined),
        getTabBar: () => stack.tabBarInstance(),
      },
    });
  let app: Record<string, unknown> = {};
  win.App = (options) => {
    app = options;
  };
  win.getApp = () => app;
  win.getCurrentPages = () => stack.currentPages();

  mouseAsTouch(screen);
  nativeFields(screen, exparser as never);
  byId('phone-pages').addEventListener(
    'wheel',
    (e) => {
      const frame = stack.current?.frame;
      if (frame && frame.scrollTop === 0 && e.deltaY < -60) stack.pullDownRefresh();
    },
    { passive: true },
  );

  loader.require('/app.js');
  const launch = { path: appJson.pages[0] ?? '', query: {}, scene: 1001 };
  (app.onLaunch as ((o: unknown) => void) | undefined)?.call(app, launch);
  (app.onShow as ((o: unknown) => void) | undefined)?.call(app, launch);
  const first = new URLSearchParams(location.search).get('page') ?? `/${launch.path}`;
  stack.launch(first);

  win.__preview = { stack, timings, bootMs: performance.now() - started, openid: currentOpenid() };
  document.body.dataset.ready = 'true';
  void renderPanel(byId('side-panel'), () => {
    // The clock moved: what the current page shows may have changed.
    const page = stack.current;
    const onShow = page?.comp.instance.onShow;
    if (typeof onShow === 'function') (onShow as () => void).call(page?.comp.instance);
  });
}

window.addEventListener('error', (e) => warn(`页面脚本错误：${e.message}`));
window.addEventListener('unhandledrejection', (e) =>
  console.error('[preview] unhandled', e.reason),
);
try {
  boot();
} catch (error) {
  console.error(error);
  document.body.dataset.bootError = String(error);
  warn(`预览启动失败：${String(error)}`);
}
