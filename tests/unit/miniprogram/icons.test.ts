/**
 * Every icon the mini program names exists in TDesign's icon font: a missing name renders
 * nothing (no error anywhere), as `inbox` did on the cases page. Icons cannot be seen in
 * tests (the font loads from a CDN), so the names are checked against the font's classes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tabItemsFor } from '../../../miniprogram/view-models/tab-items';

const MINIPROGRAM = join(__dirname, '..', '..', '..', 'miniprogram');

/** `.t-icon-<name>:before` in TDesign's icon stylesheet. */
function tdesignIcons(): Set<string> {
  const pkg = dirname(require.resolve('tdesign-miniprogram/package.json'));
  const css = readFileSync(join(pkg, 'miniprogram_dist', 'icon', 'icon.wxss'), 'utf8');
  return new Set([...css.matchAll(/\.t-icon-([a-z0-9-]+):before/g)].map((m) => m[1] ?? ''));
}

function wxmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'miniprogram_npm' ? [] : wxmlFiles(path);
    return entry.name.endsWith('.wxml') ? [path] : [];
  });
}

/**
 * Icon names in the pages' markup: `icon="…"` (t-empty and the like), `*-icon="…"`, and
 * `<t-icon name="…">`; in a `{{…}}` value, its quoted names. `{{item.icon}}` names come from
 * the view-models and are checked below.
 */
function iconsInMarkup(): { file: string; name: string }[] {
  const found: { file: string; name: string }[] = [];
  for (const file of wxmlFiles(MINIPROGRAM)) {
    const wxml = readFileSync(file, 'utf8');
    const values = [
      ...[...wxml.matchAll(/\s(?:[a-z]+-)?icon="([^"]*)"/g)].map((m) => m[1] ?? ''),
      ...[...wxml.matchAll(/<t-icon\b[^>]*?\sname="([^"]*)"/g)].map((m) => m[1] ?? ''),
    ];
    for (const value of values) {
      const names = value.includes('{{')
        ? [...value.matchAll(/'([a-z0-9-]+)'/g)].map((m) => m[1] ?? '')
        : [value];
      for (const name of names) found.push({ file: file.slice(MINIPROGRAM.length + 1), name });
    }
  }
  return found;
}

describe('icons', () => {
  const font = tdesignIcons();

  it('reads the font', () => {
    expect(font.size).toBeGreaterThan(500);
    expect(font.has('folder-open')).toBe(true);
    expect(font.has('inbox')).toBe(false);
  });

  it('names only icons of the font in the markup', () => {
    const used = iconsInMarkup();
    expect(used.length).toBeGreaterThan(10);
    expect(used.filter(({ name }) => !font.has(name))).toEqual([]);
  });

  it('names only icons of the font in the tab bar', () => {
    const icons = tabItemsFor(['employee', 'hr']).map((item) => item.icon);
    expect(icons.filter((name) => !font.has(name))).toEqual([]);
  });
});
