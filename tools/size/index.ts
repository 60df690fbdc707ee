/**
 * `npm run size`: the packages as WeChat would upload them with `ignoreUploadUnusedFiles`:
 * only the files reachable from `app.json` (pages, the custom tab bar, components by
 * `usingComponents`, scripts by `require`/`import`, WXML `import`/`include`/`wxs`, WXSS
 * `@import`), measured in the compiled mirror `.build/miniprogram/`. DESIGN §7 sets 1 MB for the
 * main package and for each subpackage; the script fails above that, or on a dangling reference.
 * The mirror is not minified (DevTools minifies on upload), so the figures are an upper bound.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { buildMirror, packMiniprogramNpm } from '../build';

const root = join(__dirname, '..', '..', '.build', 'miniprogram');
export const PACKAGE_LIMIT_BYTES = 1024 * 1024;
const COMPONENT_FILES = ['.js', '.json', '.wxml', '.wxss'];

interface AppJson {
  pages: string[];
  subpackages?: { root: string; pages: string[] }[];
  tabBar?: { custom?: boolean };
  usingComponents?: Record<string, string>;
}

const isFile = (path: string) => existsSync(path) && statSync(path).isFile();

/** A script the mini program runtime would load for `spec` required from `from`. */
function resolveScript(spec: string, from: string): string | null {
  const candidates = (base: string) => [base, `${base}.js`, join(base, 'index.js')];
  if (spec.startsWith('.') || spec.startsWith('/')) {
    const base = spec.startsWith('/') ? join(root, spec) : join(dirname(from), spec);
    return candidates(base).find(isFile) ?? null;
  }
  // A bare name is looked up in the nearest miniprogram_npm, as the runtime does.
  for (let dir = dirname(from); dir.startsWith(root); dir = dirname(dir)) {
    const found = candidates(join(dir, 'miniprogram_npm', spec)).find(isFile);
    if (found) return found;
    if (dir === root) break;
  }
  return null;
}

/** The files of a component or page given its path without extension. */
function componentFiles(spec: string, from: string): string[] {
  const base =
    spec.startsWith('/') || !spec.startsWith('.')
      ? join(root, spec.startsWith('/') ? spec : join('miniprogram_npm', spec))
      : join(dirname(from), spec);
  return COMPONENT_FILES.map((ext) => base + ext).filter(isFile);
}

function references(file: string): { scripts: string[]; components: string[]; assets: string[] } {
  const text = readFileSync(file, 'utf8');
  const all = (pattern: RegExp) => [...text.matchAll(pattern)].map((m) => m[1] as string);
  if (file.endsWith('.js')) {
    return {
      scripts: all(/(?:require\(\s*|\bfrom\s*|\bimport\s*)["']([^"']+)["']/g),
      components: [],
      assets: [],
    };
  }
  if (file.endsWith('.json')) {
    const json = JSON.parse(text) as { usingComponents?: Record<string, string> };
    return { scripts: [], components: Object.values(json.usingComponents ?? {}), assets: [] };
  }
  if (file.endsWith('.wxml')) {
    return {
      scripts: [],
      components: [],
      assets: all(/<(?:import|include|wxs)\b[^>]*\bsrc="([^"]+)"/g),
    };
  }
  if (file.endsWith('.wxss')) {
    return { scripts: [], components: [], assets: all(/@import\s+["']([^"']+)["']/g) };
  }
  return { scripts: [], components: [], assets: [] };
}

function reachable(app: AppJson): { files: Set<string>; dangling: string[] } {
  const files = new Set<string>();
  const dangling: string[] = [];
  const queue: string[] = [];
  const add = (file: string) => {
    if (!files.has(file)) {
      files.add(file);
      queue.push(file);
    }
  };
  for (const name of ['app.js', 'app.json', 'app.wxss', 'sitemap.json']) {
    if (isFile(join(root, name))) add(join(root, name));
  }
  const pages = [
    ...app.pages,
    ...(app.subpackages ?? []).flatMap((sub) => sub.pages.map((page) => `${sub.root}/${page}`)),
    ...(app.tabBar?.custom ? ['custom-tab-bar/index'] : []),
  ];
  for (const page of pages) {
    const found = componentFiles(`/${page}`, root);
    if (found.length === 0) dangling.push(`app.json → ${page}`);
    found.forEach(add);
  }
  for (const spec of Object.values(app.usingComponents ?? {})) {
    componentFiles(spec, join(root, 'app.json')).forEach(add);
  }
  while (queue.length > 0) {
    const file = queue.shift() as string;
    const { scripts, components, assets } = references(file);
    for (const spec of scripts) {
      const found = resolveScript(spec, file);
      if (found) add(found);
      else dangling.push(`${relative(root, file)} → ${spec}`);
    }
    for (const spec of components) {
      const found = componentFiles(spec, file);
      if (found.length === 0) dangling.push(`${relative(root, file)} → ${spec}`);
      found.forEach(add);
    }
    for (const spec of assets) {
      const target = spec.startsWith('/') ? join(root, spec) : join(dirname(file), spec);
      if (isFile(target)) add(target);
      else dangling.push(`${relative(root, file)} → ${spec}`);
    }
  }
  return { files, dangling };
}

export interface PackageSize {
  readonly name: string;
  readonly files: number;
  readonly bytes: number;
}

/** Sizes per package of the current mirror, and the references that lead nowhere. */
export function measurePackages(): { packages: PackageSize[]; dangling: string[] } {
  const app = JSON.parse(readFileSync(join(root, 'app.json'), 'utf8')) as AppJson;
  const { files, dangling } = reachable(app);
  const roots = (app.subpackages ?? []).map((sub) => sub.root.replace(/\/?$/, '/'));
  const packages = ['main', ...roots].map((name) => ({ name, files: 0, bytes: 0 }));
  for (const file of files) {
    const rel = relative(root, file).split(sep).join('/');
    const owner = roots.find((r) => rel.startsWith(r)) ?? 'main';
    const entry = packages.find((p) => p.name === owner);
    if (!entry) continue;
    entry.files += 1;
    entry.bytes += statSync(file).size;
  }
  return { packages, dangling };
}

async function main(): Promise<void> {
  await packMiniprogramNpm();
  await buildMirror();
  const { packages, dangling } = measurePackages();
  console.log('package                  files        size  limit 1 MB');
  for (const { name, files, bytes } of packages) {
    console.log(
      `${name.padEnd(24)} ${String(files).padStart(5)} ${`${(bytes / 1024).toFixed(1)} KB`.padStart(11)}  ${bytes <= PACKAGE_LIMIT_BYTES ? 'ok' : 'OVER'}`,
    );
  }
  for (const line of dangling) console.error(`找不到引用的文件：${line}`);
  if (packages.some((p) => p.bytes > PACKAGE_LIMIT_BYTES) || dangling.length > 0) {
    process.exitCode = 1;
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
