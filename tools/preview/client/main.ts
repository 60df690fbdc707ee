/**
 * The preview runtime: runs the compiled mini program (`/preview/files.js`) in the phone frame
 * with miniprogram-simulate's browser build, the wx shims, the page stack and the side panel.
 */
import simulateModule from 'miniprogram-simulate/src/index';
import simulateUtils from 'miniprogram-simulate/src/utils';
import simulateWxss from 'miniprogram-simulate/src/wxss';
import SelectorQuery from 'j-component/src/tool/selectorquery';
import jComponentUtils from 'j-component/src/tool/utils';
import { ModuleLoader, type PreviewFiles } from './modules';
import jComponent from 'j-component/src/index';
import { NATIVE_TAGS, registerNativeComponents } from './native-components';
import { mouseAsTouch } from './native';
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

interface ExparserNode {
  id?: string;
  $$?: unknown;
  childNodes?: ExparserNode[];
  shadowRoot?: ExparserNode;
}

/** Writes each node's WXML id to its DOM as `data-wx-id` (j-component leaves ids out), for tests. */
function markIds(stack: PageStack): void {
  // A component host without its own element (TDesign's) is marked on its first element.
  const firstElement = (node: ExparserNode | undefined): Element | null => {
    if (!node) return null;
    if (node.$$ instanceof Element && node.$$.isConnected) return node.$$;
    for (const child of node.shadowRoot && node.shadowRoot !== node
      ? (node.shadowRoot.childNodes ?? [])
      : (node.childNodes ?? [])) {
      const found = firstElement(child);
      if (found) return found;
    }
    return null;
  };
  const walk = (node: ExparserNode | undefined) => {
    if (!node) return;
    if (node.id) firstElement(node)?.setAttribute('data-wx-id', node.id);
    node.childNodes?.forEach(walk);
    if (node.shadowRoot && node.shadowRoot !== node) walk(node.shadowRoot);
  };
  // Elements are reused across renders: marks from an earlier render must not linger.
  for (const stale of Array.from(document.querySelectorAll('#phone-pages [data-wx-id]'))) {
    stale.removeAttribute('data-wx-id');
  }
  for (const page of stack.stack) {
    walk((page.comp as unknown as { _exparserNode?: ExparserNode })._exparserNode);
  }
}

type Lifetime = (this: Record<string, unknown>) => void;

/**
 * `ready` for components created after their page was attached (a `wx:if` turning true):
 * WeChat fires it once the component is first drawn; j-component only on the first attach.
 */
function withReady(definition: Record<string, unknown>): Record<string, unknown> {
  const lifetimes = { ...(definition.lifetimes as Record<string, Lifetime> | undefined) };
  const ready = lifetimes.ready ?? (definition.ready as Lifetime | undefined);
  if (!ready) return definition;
  const attached = lifetimes.attached ?? (definition.attached as Lifetime | undefined);
  const once: Lifetime = function () {
    if (this.__previewReady) return;
    this.__previewReady = true;
    ready.call(this);
  };
  lifetimes.ready = once;
  lifetimes.attached = function () {
    attached?.call(this);
    requestAnimationFrame(() => once.call(this));
  };
  return { ...definition, lifetimes };
}

function boot(): void {
  const loader = new ModuleLoader(win.__PREVIEW_FILES__, NATIVE_TAGS);
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
  registerNativeComponents((jComponent as { register: (d: unknown) => string }).register);
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
      ...withReady(definition),
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

  win.__preview = {
    stack,
    timings,
    bootMs: performance.now() - started,
    openid: currentOpenid(),
    markIds: () => markIds(stack),
  };
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
