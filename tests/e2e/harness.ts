/**
 * E2E set-up: the local cloud in-process with the demo company and the web preview on a free
 * port, Debian's Chromium driven by playwright-core, and a `Phone` that taps, types and takes a
 * screenshot per step as a person would.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { isEmpty, seedDemoCompany } from '../../tools/demo/seed';
import { createLocalCloud, type LocalCloud } from '../../tools/local-cloud';
import { previewHandler } from '../../tools/preview/server';
import { CHROMIUM_PATH } from './notice';

/** TOOLCHAIN "In a real browser": no downloads, no GPU, no background traffic. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const ADMIN = 'demo-admin';
const MIRROR = join(__dirname, '..', '..', '.build', 'miniprogram');
const README_SCREENSHOTS = join(__dirname, '..', '..', 'docs', 'screenshots');
/** Screenshots of each step (gitignored). */
export const OUTPUT = join(__dirname, 'output');

export interface Preview {
  cloud: LocalCloud;
  url: string;
  /** ms from `listen` to the preview being ready to serve (runtime and file map built). */
  readyMs: number;
  close(): Promise<void>;
}

export async function startPreview(): Promise<Preview> {
  const dir = mkdtempSync(join(tmpdir(), 'e2e-'));
  const cloud = await createLocalCloud({
    dataDir: dir,
    env: { ADMIN_OPENIDS: ADMIN },
    realTimeTimers: false,
    logger: { error: () => undefined },
  });
  const handler = previewHandler({
    cloud,
    mirrorDir: MIRROR,
    adminOpenid: ADMIN,
    async resetDemo() {
      await cloud.reset();
      await seedDemoCompany(cloud, ADMIN, () => undefined);
    },
  });
  const { url } = await cloud.listen(0, '127.0.0.1', {
    fallback: handler,
    async beforeListen(local) {
      if (await isEmpty(local)) await seedDemoCompany(local, ADMIN, () => undefined);
    },
  });
  const started = Date.now();
  await handler.warm();
  return {
    cloud,
    url,
    readyMs: Date.now() - started,
    async close() {
      await cloud.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS, headless: true });
}

/** The person at the desk: one browser tab with the preview as one identity at a time. */
export class Phone {
  private step = 0;
  readonly errors: string[] = [];

  constructor(
    readonly page: Page,
    private readonly baseUrl: string,
    private readonly folder: string,
  ) {
    mkdirSync(folder, { recursive: true });
    page.on('pageerror', (e) => this.errors.push(e.message));
  }

  static async open(browser: Browser, baseUrl: string, name: string): Promise<Phone> {
    const page = await browser.newPage({ viewport: { width: 1100, height: 860 } });
    const folder = join(OUTPUT, name);
    rmSync(folder, { recursive: true, force: true });
    return new Phone(page, baseUrl, folder);
  }

  /** Reloads the app as `openid` (the side panel's switch); resolves once a page is shown. */
  async as(openid: string): Promise<number> {
    const started = Date.now();
    await this.page.goto(`${this.baseUrl}/?as=${encodeURIComponent(openid)}`);
    await this.page.waitForSelector('body[data-ready]');
    await this.settled();
    return Date.now() - started;
  }

  /** The page on top of the stack. */
  get screen(): Locator {
    return this.page.locator('.page-frame:not([hidden])');
  }

  /** Waits until no `加载中…` spinner is left on the page shown. */
  async settled(): Promise<void> {
    await this.page.waitForFunction(
      () => !document.querySelector('.page-frame:not([hidden])')?.textContent?.includes('加载中'),
    );
  }

  /** A node by its WXML id (j-component does not write ids to the DOM). */
  async byId(id: string): Promise<Locator> {
    await this.page.evaluate(() =>
      (window as unknown as { __preview: { markIds(): void } }).__preview.markIds(),
    );
    return this.screen.locator(`[data-wx-id="${id}"]`).first();
  }

  async tapId(id: string): Promise<void> {
    await (await this.byId(id)).click();
  }

  async tapText(text: string | RegExp): Promise<void> {
    await this.screen.getByText(text).first().click();
  }

  /** Types into the native field inside a TDesign input/textarea with that id. */
  async typeInto(id: string, value: string): Promise<void> {
    const host = await this.byId(id);
    await host.locator('input, textarea').first().fill(value);
  }

  async waitForText(text: string | RegExp, timeout = 10000): Promise<void> {
    await this.screen.getByText(text).first().waitFor({ timeout });
  }

  /** The navigation bar's back button. */
  async back(): Promise<void> {
    const before = await this.route();
    await this.page.locator('#nav-back').click();
    await this.page.waitForFunction((r) => document.body.dataset.route !== r, before);
    await this.settled();
  }

  async route(): Promise<string> {
    return (await this.page.getAttribute('body', 'data-route')) ?? '';
  }

  async waitForRoute(route: string): Promise<void> {
    await this.page.waitForSelector(`body[data-route="${route}"]`);
    await this.settled();
  }

  /** A screenshot of the desk, numbered in step order. */
  async shot(name: string): Promise<string> {
    this.step += 1;
    const path = join(this.folder, `${String(this.step).padStart(2, '0')}-${name}.png`);
    await this.page.waitForTimeout(150);
    await this.page.screenshot({ path });
    return path;
  }

  /**
   * A README screenshot (`npm run screenshots` sets README_SCREENSHOTS): only the phone, saved
   * as `docs/screenshots/<name>.png`.
   */
  async readmeShot(name: string): Promise<void> {
    if (!process.env.README_SCREENSHOTS) return;
    mkdirSync(README_SCREENSHOTS, { recursive: true });
    // A toast from the step before would cover the page.
    await this.page.waitForFunction(() => !document.querySelector('.wx-toast'), null, {
      timeout: 5000,
    });
    await this.page.waitForTimeout(150);
    await this.page.locator('#phone').screenshot({ path: join(README_SCREENSHOTS, `${name}.png`) });
  }

  /** The side panel's clock buttons: +7 天 for a week, else +1 天 per day. */
  async advanceDays(days: number): Promise<void> {
    const label = days === 7 ? '+7 天' : '+1 天';
    for (let i = 0; i < (days === 7 ? 1 : days); i += 1) {
      const button = this.page.locator('.clock-advance', { hasText: label });
      await button.click();
      await this.page.waitForSelector('.clock-advance:not([disabled])');
      await this.page.waitForFunction(() => !document.querySelector('.clock-advance[disabled]'));
    }
  }
}

/**
 * One test file's preview and phone in Chromium: started before its tests (with `prepare` then,
 * e.g. a roster import), closed after them.
 */
export function phoneSession(
  name: string,
  prepare?: (preview: Preview) => Promise<void>,
): { readonly preview: Preview; readonly phone: Phone } {
  const session: { preview?: Preview; browser?: Browser; phone?: Phone } = {};
  beforeAll(async () => {
    session.preview = await startPreview();
    session.browser = await launchChromium();
    session.phone = await Phone.open(session.browser, session.preview.url, name);
    await prepare?.(session.preview);
  }, 120_000);
  afterAll(async () => {
    await session.browser?.close();
    await session.preview?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the e2e session has not started');
    return value;
  };
  return {
    get preview() {
      return started(session.preview);
    },
    get phone() {
      return started(session.phone);
    },
  };
}
