/**
 * What a person with weaker eyes, a screen reader or a large thumb meets, read from the pages'
 * sources (the component renderer drops `aria-*`, so the markup is checked where it is written):
 * secondary text at 4.5:1 against the page's grey, tap targets of 44 px (88rpx), and roles and
 * labels on the tab bar, the case page's cards and its choice chips.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const MINIPROGRAM = join(__dirname, '..', '..', '..', 'miniprogram');

function filesUnder(dir: string, ext: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'miniprogram_npm' || name === 'generated') return [];
    if (statSync(path).isDirectory()) return filesUnder(path, ext);
    return path.endsWith(ext) ? [path] : [];
  });
}

const read = (path: string) => readFileSync(join(MINIPROGRAM, path), 'utf8');

/** WCAG 2.x relative luminance of `#rrggbb` / `#rgb`. */
function luminance(hex: string): number {
  const full = hex.length === 4 ? hex.replace(/[0-9a-f]/gi, (c) => c + c) : hex;
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(full.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('contrast (WCAG 1.4.3)', () => {
  it('measures as WCAG does', () => {
    expect(contrast('#999999', '#ffffff')).toBeCloseTo(2.85, 2);
    expect(contrast('#666666', '#ffffff')).toBeCloseTo(5.74, 2);
  });

  // The pages' grey (app.json backgroundColor), lighter cards are white: the grey is the harder case.
  const PAGE_GREY = '#f3f3f3';
  const colours = filesUnder(MINIPROGRAM, '.wxss').flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/(?:^|[\s;{])color:\s*(#[0-9a-f]{3,6})\b/gim)].map(
      (m) => [relative(MINIPROGRAM, file), m[1] as string] as const,
    ),
  );

  it('finds the text colours', () => {
    expect(colours.length).toBeGreaterThan(50);
  });

  it.each(colours)('%s: text in %s reads at 4.5:1 on the grey page', (_file, colour) => {
    expect(contrast(colour, PAGE_GREY)).toBeGreaterThanOrEqual(4.5);
  });
});

describe('tap targets of 44 px', () => {
  const PAGES = [
    'packages/case/pages/detail/index.wxss',
    'packages/admin/pages/terminate/index.wxss',
    'packages/admin/pages/employee/index.wxss',
    'packages/resign/pages/submit/index.wxss',
    'packages/sign/pages/sign/index.wxss',
    'packages/case/pages/evidence/index.wxss',
  ];

  it.each(PAGES)('%s raises every TDesign button size to 88rpx', (page) => {
    const css = read(page);
    for (const size of ['extra-small', 'small', 'medium']) {
      const m = new RegExp(`--td-button-${size}-height:\\s*(\\d+)rpx`).exec(css);
      expect(Number(m?.[1])).toBeGreaterThanOrEqual(88);
    }
  });

  it('keeps 标记完成 and 豁免 apart', () => {
    const rule = /\.check-buttons\s*\{([^}]*)\}/.exec(
      read('packages/case/pages/detail/index.wxss'),
    );
    expect(Number(/gap:\s*(\d+)rpx/.exec(rule?.[1] ?? '')?.[1])).toBeGreaterThanOrEqual(32);
  });

  it('gives the case page’s choice chips a full-height target', () => {
    const rule = /\.option\s*\{([^}]*)\}/.exec(read('packages/case/pages/detail/index.wxss'));
    expect(rule?.[1]).toMatch(/min-height:\s*88rpx/);
  });
});

describe('roles and labels for screen readers', () => {
  /** Every opening tag of `tag` whose attributes match `test`. */
  function tags(wxml: string, test: RegExp): string[] {
    return [...wxml.matchAll(/<view\b[^>]*>/g)].map((m) => m[0]).filter((t) => test.test(t));
  }

  it('the tab bar is a tab list of labelled tabs, the shown one selected', () => {
    const wxml = read('custom-tab-bar/index.wxml');
    expect(tags(wxml, /class="bar"/)[0]).toMatch(/aria-role="tablist"/);
    const item = tags(wxml, /class="item /)[0] ?? '';
    expect(item).toMatch(/aria-role="tab"/);
    expect(item).toMatch(/aria-label="\{\{item\.text\}\}"/);
    expect(item).toMatch(/aria-selected="\{\{item\.path === selected\}\}"/);
  });

  it('every choice chip on the case page is a radio that says whether it is chosen', () => {
    const chips = tags(read('packages/case/pages/detail/index.wxml'), /class="option /);
    expect(chips.length).toBeGreaterThanOrEqual(4);
    for (const chip of chips) {
      expect(chip).toMatch(/aria-role="radio"/);
      expect(chip).toMatch(/aria-checked="\{\{[^}]+\}\}"/);
    }
  });

  it('the board’s 可再次录用 filter chips are radios in a named group', () => {
    const wxml = read('pages/cases/index.wxml');
    expect(tags(wxml, /id="rehire-filter"/)[0]).toMatch(/aria-role="radiogroup"/);
    const chip = tags(wxml, /class="rehire-choice /)[0] ?? '';
    expect(chip).toMatch(/aria-role="radio"/);
    expect(chip).toMatch(/aria-checked="\{\{rehire === item\.choice\}\}"/);
  });

  it('the case page’s cards and checklist rows are named', () => {
    const wxml = read('packages/case/pages/detail/index.wxml');
    for (const name of ['案件概况', '办理进度', '可办理的操作', '调整最后工作日']) {
      expect(wxml).toContain(`aria-label="${name}"`);
    }
    expect(tags(wxml, /class="check-row /)[0]).toMatch(/aria-label="\{\{item\.label\}\}/);
  });
});
