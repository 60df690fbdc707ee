/**
 * DESIGN §7: the main package and each subpackage, as WeChat uploads them (only what app.json
 * reaches), stay within 1 MB, and every page, component, script and style they name exists.
 * Measured on the mirror `npm test` builds first.
 */
import { measurePackages, PACKAGE_LIMIT_BYTES } from '../../tools/size';

it('keeps every package within 1 MB and every reference resolvable', () => {
  const { packages, dangling } = measurePackages();
  expect(dangling).toEqual([]);
  expect(packages.map((p) => p.name)).toContain('main');
  for (const { name, bytes } of packages) {
    expect({ name, withinLimit: bytes <= PACKAGE_LIMIT_BYTES }).toEqual({
      name,
      withinLimit: true,
    });
  }
  // The tab pages, the tab bar and TDesign's used components are in the main package.
  expect(packages.find((p) => p.name === 'main')?.files).toBeGreaterThan(20);
});
