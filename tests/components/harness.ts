/**
 * Shared set-up for component tests: loads compiled components from `.build/miniprogram/`
 * with miniprogram-simulate (official compiler) and replaces the wx APIs the services call
 * with jest mocks on the global `wx`.
 */
import { join } from 'node:path';
import type { ActionName } from '../../server/contract';
import type { LocalCloud } from '../../tools/local-cloud';

export const MIRROR = join(__dirname, '..', '..', '.build', 'miniprogram');

/**
 * The official compiler turns every WXML file of the mirror (TDesign's included) into one
 * script on its stdout; its default 1 MB buffer is about what the mini program has grown to.
 */
export const COMPILER_MAX_BUFFER = 16 * 1024 * 1024;

/**
 * The parts of miniprogram-simulate / j-component the tests use. Declared here because their
 * own typings pull in the mini program's global `require`, which clashes with Node's.
 */
export interface Comp {
  readonly dom: HTMLElement | undefined;
  readonly data: Record<string, unknown>;
  readonly instance: Record<string, unknown> & {
    setData(data: Record<string, unknown>): void;
  };
  dispatchEvent(eventName: string, options?: unknown): void;
  querySelector(selector: string): Comp | undefined;
  querySelectorAll(selector: string): Comp[];
  attach(parent: Node): void;
  triggerLifeTime(name: string): void;
}
export interface Simulate {
  load(
    path: string,
    tagName: string,
    options: { rootPath: string; compilerOptions?: { maxBuffer?: number } },
  ): string;
  render(id: string, properties?: Record<string, unknown>): Comp;
  sleep(ms: number): Promise<void>;
}

export interface RpcCall {
  action: string;
  payload: unknown;
}

type RpcAnswer = unknown | ((payload: unknown) => unknown);

export interface WxMocks {
  callFunction: jest.Mock;
  switchTab: jest.Mock;
  navigateTo: jest.Mock;
  redirectTo: jest.Mock;
  reLaunch: jest.Mock;
  navigateBack: jest.Mock;
  showToast: jest.Mock;
  showModal: jest.Mock;
  /** Sheets close without a choice (fail: cancel) unless a test picks an item. */
  showActionSheet: jest.Mock;
  stopPullDownRefresh: jest.Mock;
  requestSubscribeMessage: jest.Mock;
  uploadFile: jest.Mock;
  chooseMessageFile: jest.Mock;
  chooseMedia: jest.Mock;
  canvasToTempFilePath: jest.Mock;
  setClipboardData: jest.Mock;
  previewImage: jest.Mock;
  /** Downloads answer `wxfile://tmp/download.xlsx` with status 200. */
  downloadFile: jest.Mock;
  openDocument: jest.Mock;
  /** Every RPC the code made, in order. */
  calls: RpcCall[];
  /** Answers `action` with `{ ok: true, data }` (or whatever an answer function returns). */
  answer(action: string, data: RpcAnswer): void;
  fail(
    action: string,
    code: string,
    message: string,
    details?: Readonly<Record<string, unknown>>,
  ): void;
  /** Makes the next call of `action` fail in transport (no network). */
  dropNext(action: string): void;
}

/** A fresh simulate and fresh wx mocks; call in beforeEach. */
export interface App {
  globalData: { session: unknown };
}

export function setUp(): { simulate: Simulate; wx: WxMocks; app: App } {
  jest.resetModules();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const simulate = require('miniprogram-simulate') as Simulate;
  // npm-style component paths (`tdesign-miniprogram/button/button`) resolve to
  // `/miniprogram_npm/…` as DevTools' npm build does.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const utils = require('miniprogram-simulate/src/utils') as {
    readJson(path: string): { usingComponents?: Record<string, string> } | null;
  };
  const readJson = utils.readJson.bind(utils);
  utils.readJson = (path: string) => {
    const json = readJson(path);
    if (json?.usingComponents) {
      for (const [tag, value] of Object.entries(json.usingComponents)) {
        if (!value.startsWith('/') && !value.startsWith('.')) {
          json.usingComponents[tag] = `/miniprogram_npm/${value}`;
        }
      }
    }
    return json;
  };

  const answers = new Map<string, RpcAnswer>();
  const drops = new Set<string>();
  const calls: RpcCall[] = [];
  const ok = (fn: jest.Mock) =>
    fn.mockImplementation((opts?: { success?: (r: unknown) => void }) => {
      opts?.success?.({ errMsg: 'ok' });
      return Promise.resolve({ errMsg: 'ok' });
    });

  const callFunction = jest.fn(
    (opts: { name: string; data: { action: string; payload?: unknown } }) => {
      const { action, payload } = opts.data;
      calls.push({ action, payload });
      if (drops.delete(action)) {
        return Promise.reject({ errMsg: 'cloud.callFunction:fail network error' });
      }
      if (!answers.has(action)) {
        return Promise.resolve({
          result: { ok: false, error: { code: 'INTERNAL', message: `未模拟 ${action}` } },
        });
      }
      const answer = answers.get(action);
      const result =
        typeof answer === 'function' ? (answer as (p: unknown) => unknown)(payload) : answer;
      return Promise.resolve({ result });
    },
  );

  const mocks: WxMocks = {
    callFunction,
    switchTab: ok(jest.fn()),
    navigateTo: ok(jest.fn()),
    redirectTo: ok(jest.fn()),
    reLaunch: ok(jest.fn()),
    navigateBack: ok(jest.fn()),
    showToast: ok(jest.fn()),
    showModal: jest.fn((opts: { success?: (r: unknown) => void }) =>
      opts.success?.({ confirm: true, cancel: false }),
    ),
    showActionSheet: jest.fn((opts: { fail?: (r: unknown) => void }) =>
      opts.fail?.({ errMsg: 'showActionSheet:fail cancel' }),
    ),
    stopPullDownRefresh: jest.fn(),
    requestSubscribeMessage: jest.fn(),
    uploadFile: jest.fn((opts: { cloudPath: string }) =>
      Promise.resolve({ fileID: `cloud://test.env/${opts.cloudPath}`, statusCode: 204 }),
    ),
    chooseMessageFile: jest.fn(),
    chooseMedia: jest.fn(),
    canvasToTempFilePath: jest.fn((opts: { success?: (r: { tempFilePath: string }) => void }) =>
      opts.success?.({ tempFilePath: 'wxfile://tmp/signature.png' }),
    ),
    setClipboardData: ok(jest.fn()),
    previewImage: ok(jest.fn()),
    downloadFile: jest.fn(
      (opts: { success?: (r: { tempFilePath: string; statusCode: number }) => void }) =>
        opts.success?.({ tempFilePath: 'wxfile://tmp/download.xlsx', statusCode: 200 }),
    ),
    openDocument: ok(jest.fn()),
    calls,
    answer(action, data) {
      answers.set(
        action,
        typeof data === 'function'
          ? (p: unknown) => ({ ok: true, data: data(p) })
          : { ok: true, data },
      );
    },
    fail(action, code, message, details) {
      answers.set(action, {
        ok: false,
        error: details ? { code, message, details } : { code, message },
      });
    },
    dropNext(action) {
      drops.add(action);
    },
  };

  const g = globalThis as unknown as Record<string, unknown>;
  const wxGlobal = g.wx as Record<string, unknown>;
  Object.assign(wxGlobal, {
    cloud: { init: jest.fn(), callFunction, uploadFile: mocks.uploadFile },
    switchTab: mocks.switchTab,
    navigateTo: mocks.navigateTo,
    redirectTo: mocks.redirectTo,
    reLaunch: mocks.reLaunch,
    navigateBack: mocks.navigateBack,
    showToast: mocks.showToast,
    showModal: mocks.showModal,
    showActionSheet: mocks.showActionSheet,
    stopPullDownRefresh: mocks.stopPullDownRefresh,
    requestSubscribeMessage: mocks.requestSubscribeMessage,
    chooseMessageFile: mocks.chooseMessageFile,
    chooseMedia: mocks.chooseMedia,
    canvasToTempFilePath: mocks.canvasToTempFilePath,
    setClipboardData: mocks.setClipboardData,
    previewImage: mocks.previewImage,
    downloadFile: mocks.downloadFile,
    openDocument: mocks.openDocument,
    getWindowInfo: () => ({ pixelRatio: 3, windowWidth: 375, windowHeight: 667 }),
  });
  const app = { globalData: { session: null as unknown } };
  g.getApp = () => app;
  g.getCurrentPages = () => [];
  return { simulate, wx: mocks, app };
}

/** Renders a component or page of the mirror (path relative to it, without extension). */
export function render(
  simulate: Simulate,
  path: string,
  properties?: Record<string, unknown>,
  beforeAttach?: (comp: Comp) => void,
): Comp {
  const id = simulate.load(join(MIRROR, path), 'root', {
    rootPath: MIRROR,
    compilerOptions: { maxBuffer: COMPILER_MAX_BUFFER },
  });
  const comp = simulate.render(id, properties);
  beforeAttach?.(comp);
  comp.attach(document.createElement('parent-wrapper'));
  return comp;
}

/** Lets pending promises and setData settle. */
export async function settle(simulate: Simulate, rounds = 3): Promise<void> {
  for (let i = 0; i < rounds; i += 1) await simulate.sleep(0);
}

/** Text content of the node matching `selector`, or '' when absent. */
export function textOf(comp: Comp, selector: string): string {
  const node = comp.querySelector(selector);
  return node ? (node.dom?.textContent ?? '').replace(/\s+/g, ' ').trim() : '';
}

/** The whole rendered text, whitespace collapsed. */
export function allText(comp: Comp): string {
  return (comp.dom?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * Sends every page call to the real `offboarding` function of a local cloud, as the person
 * `caller()` names at the moment of the call.
 */
export function callThrough(wx: WxMocks, cloud: LocalCloud, caller: () => string): void {
  wx.callFunction.mockImplementation(
    async (options: { data: { action: ActionName; payload?: unknown } }) => ({
      result: await cloud.invoke('offboarding', options.data, { openid: caller() }),
    }),
  );
}

/** Makes the next action sheet answer the item whose label contains `label`. */
export function pickFromSheet(wx: WxMocks, label: string): void {
  wx.showActionSheet.mockImplementationOnce(
    (opts: { itemList: string[]; success?: (r: { tapIndex: number }) => void }) =>
      opts.success?.({ tapIndex: opts.itemList.findIndex((item) => item.includes(label)) }),
  );
}

/** Taps a TDesign button (its host has no DOM: tap the inner `.t-button`). */
export function tapButton(comp: Comp, selector: string): void {
  const host = comp.querySelector(selector);
  if (!host) throw new Error(`no ${selector}`);
  const inner = host.querySelector('.t-button');
  (inner ?? host).dispatchEvent('tap');
}

/** Types into a TDesign input or textarea (its inner native field fires `input`). */
export function typeInto(comp: Comp, selector: string, value: string): void {
  const host = comp.querySelector(selector);
  if (!host) throw new Error(`no ${selector}`);
  const field =
    host.querySelector('.t-input__control') ?? host.querySelector('.t-textarea__wrapper-inner');
  if (!field) throw new Error(`no field inside ${selector}`);
  field.dispatchEvent('input', { detail: { value } });
}

/** Runs a page lifecycle method (simulate does not drive page lifecycles). */
export async function lifecycle(
  simulate: Simulate,
  comp: Comp,
  name: 'onLoad' | 'onShow' | 'onReachBottom' | 'onPullDownRefresh',
  query: Record<string, string> = {},
): Promise<void> {
  const fn = comp.instance[name];
  if (typeof fn !== 'function') throw new Error(`page has no ${name}`);
  (fn as (q: Record<string, string>) => void).call(comp.instance, query);
  await settle(simulate, 6);
}
