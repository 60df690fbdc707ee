/**
 * The page stack of the mini program: pages rendered by miniprogram-simulate from the mirror,
 * WeChat's navigation rules (10 pages deep, tab pages kept alive, reLaunch empties the stack),
 * lifecycles onLoad/onShow/onReady/onHide/onUnload, onPullDownRefresh and onReachBottom, the
 * navigation bar with its back button, and the custom tab bar.
 */
import { WxFail, wxApi } from './shims/wx-api';

export interface Comp {
  readonly dom: HTMLElement;
  readonly instance: Record<string, unknown>;
  attach(parent: Node): void;
  detach(): void;
}
export interface Simulate {
  load(path: string, tagName: string, options: { rootPath: string }): string;
  render(id: string, properties?: Record<string, unknown>): Comp;
}

interface AppJson {
  pages: string[];
  subpackages?: { root: string; pages: string[] }[];
  window?: { navigationBarTitleText?: string };
  tabBar?: { custom?: boolean; list: { pagePath: string }[] };
}
interface PageJson {
  navigationBarTitleText?: string;
  enablePullDownRefresh?: boolean;
}

interface Page {
  route: string;
  query: Record<string, string>;
  comp: Comp;
  frame: HTMLElement;
  json: PageJson;
  reachedBottom: boolean;
}

const MAX_DEPTH = 10;

function parseUrl(url: string, from: string): { route: string; query: Record<string, string> } {
  const [rawPath = '', search = ''] = url.split('?');
  let path = rawPath;
  if (!path.startsWith('/')) {
    // Relative to the current page, as WeChat resolves it.
    const base = from.split('/').slice(0, -1);
    for (const part of path.split('/')) {
      if (part === '..') base.pop();
      else if (part !== '.') base.push(part);
    }
    path = `/${base.join('/')}`;
  }
  const query: Record<string, string> = {};
  for (const pair of search.split('&').filter(Boolean)) {
    const [k = '', v = ''] = pair.split('=');
    query[decodeURIComponent(k)] = decodeURIComponent(v);
  }
  return { route: path.replace(/^\//, ''), query };
}

export type PageEvent = (kind: 'shown', route: string, ms: number) => void;

export class PageStack {
  readonly stack: Page[] = [];
  /** Tab pages stay alive when another tab is shown (not on the stack then). */
  private readonly tabPages = new Map<string, Page>();
  private readonly ids = new Map<string, string>();
  private tabBar: Comp | null = null;
  private readonly routes: Set<string>;
  private readonly tabRoutes: string[];
  onPageShown: PageEvent = () => undefined;

  constructor(
    private readonly simulate: Simulate,
    private readonly appJson: AppJson,
    private readonly readJson: (path: string) => PageJson | null,
    private readonly screen: {
      pages: HTMLElement;
      title: HTMLElement;
      back: HTMLElement;
      tabBar: HTMLElement;
    },
  ) {
    this.routes = new Set([
      ...appJson.pages,
      ...(appJson.subpackages ?? []).flatMap((p) => p.pages.map((page) => `${p.root}/${page}`)),
    ]);
    this.tabRoutes = appJson.tabBar?.list.map((t) => t.pagePath) ?? [];
    screen.back.addEventListener('click', () => void this.navigateBack({ delta: 1 }));
  }

  get current(): Page | undefined {
    return this.stack[this.stack.length - 1];
  }

  /** `getTabBar()` of a page: the custom tab bar's instance. */
  tabBarInstance(): unknown {
    return this.tabBar?.instance;
  }

  private call(page: Page, name: string, arg?: unknown): void {
    const fn = page.comp.instance[name];
    if (typeof fn !== 'function') return;
    try {
      (fn as (a: unknown) => unknown).call(page.comp.instance, arg);
    } catch (error) {
      console.error(`[preview] ${page.route}.${name} threw`, error);
    }
  }

  private ensureTabBar(): void {
    if (this.tabBar || !this.appJson.tabBar?.custom) return;
    const id = this.simulate.load('/custom-tab-bar/index', 'custom-tab-bar', { rootPath: '/' });
    this.tabBar = this.simulate.render(id);
    this.tabBar.attach(this.screen.tabBar);
  }

  private open(route: string, query: Record<string, string>): Page {
    if (!this.routes.has(route)) throw new WxFail(`page "${route}" is not found`);
    this.ensureTabBar();
    let id = this.ids.get(route);
    if (!id) {
      // One tag per page: the tag prefixes the page's classes, so styles stay per page as in
      // WeChat (two pages' `.row` must not meet).
      id = this.simulate.load(`/${route}`, `page-${this.ids.size + 1}`, { rootPath: '/' });
      this.ids.set(route, id);
    }
    const comp = this.simulate.render(id);
    const frame = document.createElement('div');
    frame.className = 'page-frame';
    frame.dataset.route = route;
    this.screen.pages.append(frame);
    const page: Page = {
      route,
      query,
      comp,
      frame,
      json: this.readJson(`/${route}.json`) ?? {},
      reachedBottom: false,
    };
    frame.addEventListener('scroll', () => this.scrolled(page));
    // TDesign's theme variables are declared on `page`, WeChat's root of every page.
    const root = document.createElement('page');
    frame.append(root);
    comp.attach(root);
    this.call(page, 'onLoad', query);
    return page;
  }

  private show(page: Page, started: number): void {
    for (const f of Array.from(this.screen.pages.children) as HTMLElement[]) {
      f.hidden = f !== page.frame;
    }
    const isTab = this.tabRoutes.includes(page.route);
    this.screen.tabBar.hidden = !isTab;
    this.screen.back.hidden = this.stack.length <= 1;
    this.screen.title.textContent =
      page.json.navigationBarTitleText ?? this.appJson.window?.navigationBarTitleText ?? '';
    document.body.dataset.route = page.route;
    this.call(page, 'onShow');
    this.onPageShown('shown', page.route, performance.now() - started);
  }

  private ready(page: Page): void {
    // After the first render, as WeChat calls it once the view layer has drawn.
    requestAnimationFrame(() => this.call(page, 'onReady'));
  }

  private hide(page: Page | undefined): void {
    if (page) this.call(page, 'onHide');
  }

  private unload(page: Page): void {
    this.call(page, 'onUnload');
    page.comp.detach();
    page.frame.remove();
    if (this.tabPages.get(page.route) === page) this.tabPages.delete(page.route);
  }

  private scrolled(page: Page): void {
    const f = page.frame;
    const atBottom = f.scrollTop + f.clientHeight >= f.scrollHeight - 50;
    if (atBottom && !page.reachedBottom) this.call(page, 'onReachBottom');
    page.reachedBottom = atBottom;
  }

  /** The user pulls the page down (the preview's ↓ gesture: wheel up at the top). */
  pullDownRefresh(): void {
    const page = this.current;
    if (!page?.json.enablePullDownRefresh) return;
    page.frame.classList.add('refreshing');
    this.call(page, 'onPullDownRefresh');
  }

  stopPullDownRefresh(): void {
    this.current?.frame.classList.remove('refreshing');
  }

  launch(url: string): void {
    const started = performance.now();
    const { route, query } = parseUrl(url, '');
    const page = this.open(route, query);
    this.stack.push(page);
    if (this.tabRoutes.includes(route)) this.tabPages.set(route, page);
    this.show(page, started);
    this.ready(page);
  }

  readonly navigateTo = wxApi('navigateTo', (o: { url: string }) => {
    const started = performance.now();
    const { route, query } = parseUrl(o.url, this.current?.route ?? '');
    if (this.tabRoutes.includes(route)) throw new WxFail('can not navigateTo a tabbar page');
    if (this.stack.length >= MAX_DEPTH) throw new WxFail('webview count limit exceed');
    const previous = this.current;
    const page = this.open(route, query);
    this.hide(previous);
    this.stack.push(page);
    this.show(page, started);
    this.ready(page);
    return {};
  });

  readonly navigateBack = wxApi('navigateBack', (o: { delta?: number }) => {
    const started = performance.now();
    if (this.stack.length <= 1) throw new WxFail('cannot navigate back at first page.');
    const delta = Math.min(Math.max(1, o.delta ?? 1), this.stack.length - 1);
    for (let i = 0; i < delta; i += 1) {
      const page = this.stack.pop();
      if (page && !this.tabPages.has(page.route)) this.unload(page);
      else if (page) this.hide(page);
    }
    const top = this.current;
    if (top) this.show(top, started);
    return {};
  });

  readonly redirectTo = wxApi('redirectTo', (o: { url: string }) => {
    const started = performance.now();
    const { route, query } = parseUrl(o.url, this.current?.route ?? '');
    if (this.tabRoutes.includes(route)) throw new WxFail('can not redirectTo a tabbar page');
    const page = this.open(route, query);
    const old = this.stack.pop();
    if (old) this.unload(old);
    this.stack.push(page);
    this.show(page, started);
    this.ready(page);
    return {};
  });

  readonly switchTab = wxApi('switchTab', (o: { url: string }) => {
    const started = performance.now();
    const { route } = parseUrl(o.url.split('?')[0] ?? '', this.current?.route ?? '');
    if (!this.tabRoutes.includes(route)) throw new WxFail('can not switch to no-tabBar page');
    // Every non-tab page closes; tab pages stay alive.
    while (this.stack.length > 0) {
      const page = this.stack.pop();
      if (!page) break;
      if (this.tabPages.get(page.route) === page) this.hide(page);
      else this.unload(page);
    }
    let page = this.tabPages.get(route);
    const fresh = !page;
    if (!page) {
      page = this.open(route, {});
      this.tabPages.set(route, page);
    }
    this.stack.push(page);
    this.show(page, started);
    if (fresh) this.ready(page);
    return {};
  });

  readonly reLaunch = wxApi('reLaunch', (o: { url: string }) => {
    const started = performance.now();
    while (this.stack.length > 0) {
      const page = this.stack.pop();
      if (page) this.unload(page);
    }
    for (const page of this.tabPages.values()) this.unload(page);
    this.tabPages.clear();
    const { route, query } = parseUrl(o.url, '');
    const page = this.open(route, query);
    if (this.tabRoutes.includes(route)) this.tabPages.set(route, page);
    this.stack.push(page);
    this.show(page, started);
    this.ready(page);
    return {};
  });

  /** getCurrentPages(): the page instances, bottom first, with `route` and `options`. */
  currentPages(): unknown[] {
    return this.stack.map((p) =>
      Object.assign(p.comp.instance, { route: p.route, options: p.query }),
    );
  }
}
