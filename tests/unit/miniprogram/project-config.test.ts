/**
 * project.config.json as DevTools reads it: `packOptions.ignore` paths are relative to
 * `miniprogramRoot` (TOOLCHAIN, "Mini program platform traps"), so an entry such as `server`
 * names `miniprogram/server` and ignores nothing. What lies outside `miniprogram/` (server,
 * tests, tools) is never uploaded with the mini program anyway.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

interface ProjectConfig {
  miniprogramRoot: string;
  packOptions: { ignore: { type: 'file' | 'folder' | 'glob' | 'regexp'; value: string }[] };
}

const config = JSON.parse(readFileSync(join(ROOT, 'project.config.json'), 'utf8')) as ProjectConfig;
const miniprogramRoot = join(ROOT, config.miniprogramRoot);
const paths = config.packOptions.ignore.filter(
  (entry) => entry.type === 'file' || entry.type === 'folder',
);

describe('packOptions.ignore', () => {
  it('has entries', () => {
    expect(config.miniprogramRoot).toBe('miniprogram/');
    expect(config.packOptions.ignore.length).toBeGreaterThan(0);
  });

  it.each(paths.map((entry) => [entry.value]))(
    '%s is a path inside miniprogramRoot, not one of the repository root',
    (value) => {
      expect(value).not.toMatch(/^(\.\.?\/|\/)/);
      // miniprogram_npm is made by the build (npm test builds first).
      expect(existsSync(join(miniprogramRoot, value))).toBe(true);
    },
  );
});
