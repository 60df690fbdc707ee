/**
 * What the browser needs to run the compiled mini program: the preview runtime (esbuild
 * bundle of `client/`, with miniprogram-simulate, j-component and exparser), and the mirror
 * `.build/miniprogram/` as a file map with WXML pre-compiled by the official compiler.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { build, transform } from 'esbuild';

const here = __dirname;

/** `tdesign-miniprogram/button/button` → `/miniprogram_npm/tdesign-miniprogram/button/button`, as DevTools' npm build resolves it. */
function npmPaths(json: string): string {
  const parsed = JSON.parse(json) as { usingComponents?: Record<string, string> };
  const using = parsed.usingComponents ?? {};
  for (const [tag, value] of Object.entries(using)) {
    if (!value.startsWith('/') && !value.startsWith('.')) using[tag] = `/miniprogram_npm/${value}`;
  }
  return JSON.stringify(parsed);
}

/** TDesign's icon font comes from a CDN the preview cannot reach: icons.css draws the icons. */
function withoutCdnFont(wxss: string): string {
  return wxss.replace(/@font-face\s*{[^}]*https?:\/\/[^}]*}/g, '');
}

async function* walk(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

/** `window.__PREVIEW_FILES__ = { files, gwx }` for the mirror at `mirrorDir`. */
export async function buildFilesScript(mirrorDir: string): Promise<string> {
  const files: Record<string, string> = {};
  const jobs: Promise<void>[] = [];
  for await (const path of walk(mirrorDir)) {
    const rel = `/${relative(mirrorDir, path).split('\\').join('/')}`;
    if (rel.endsWith('.json')) {
      jobs.push(readFile(path, 'utf8').then((text) => void (files[rel] = npmPaths(text))));
    } else if (rel.endsWith('.wxss')) {
      jobs.push(readFile(path, 'utf8').then((text) => void (files[rel] = withoutCdnFont(text))));
    } else if (rel.endsWith('.js')) {
      jobs.push(
        readFile(path, 'utf8').then(async (text) => {
          // miniprogram_npm ships ESM (TDesign imports tslib): CommonJS as DevTools makes it.
          files[rel] = rel.startsWith('/miniprogram_npm/')
            ? (await transform(text, { loader: 'js', format: 'cjs', target: 'es2018' })).code
            : text;
        }),
      );
    }
  }
  await Promise.all(jobs);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const compiler = require('miniprogram-compiler') as {
    wxmlToJs(root: string, options: { maxBuffer: number }): string;
  };
  // Every WXML file of the mirror, TDesign's included, compiles to one script of about 1 MB:
  // more than the compiler's default output buffer (1 MiB, then ENOBUFS).
  const gwx = compiler.wxmlToJs(mirrorDir, { maxBuffer: 16 * 1024 * 1024 });
  return `window.__PREVIEW_FILES__ = { files: ${JSON.stringify(files)}, gwx: function () {\n${gwx}\n} };\n`;
}

/** The preview runtime for the browser. */
export async function buildRuntime(): Promise<string> {
  const result = await build({
    entryPoints: [join(here, 'client', 'main.ts')],
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'iife',
    target: 'es2020',
    define: { global: 'window', 'process.env.NODE_ENV': '"production"' },
    alias: { path: 'path-browserify' },
    // Pulled in by simulate for Node-only paths the preview never takes.
    external: [],
    plugins: [
      {
        name: 'node-stubs',
        setup(b) {
          b.onResolve({ filter: /^(fs|less|miniprogram-compiler|url|source-map-js)$/ }, (args) => ({
            path: args.path,
            namespace: 'stub',
          }));
          b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({
            contents: 'module.exports = {};',
            loader: 'js',
          }));
        },
      },
    ],
    logLevel: 'error',
    legalComments: 'none',
  });
  const out = result.outputFiles[0];
  if (!out) throw new Error('preview: esbuild produced nothing');
  return out.text;
}

/**
 * TDesign's icons for the preview, offline: the icon font lives on a CDN, so each icon the
 * mirror names is drawn from tdesign-icons-svg (the same icon set) as a CSS mask on the
 * `<label class="…--t-icon-NAME">` the t-icon component renders, in the text colour.
 */
export async function buildIconCss(mirrorDir: string): Promise<string> {
  const svgDir = join(require.resolve('tdesign-icons-svg/package.json'), '..', 'src');
  const available = new Set(
    (await readdir(svgDir)).filter((f) => f.endsWith('.svg')).map((f) => f.slice(0, -4)),
  );
  const used = new Set<string>();
  for await (const path of walk(mirrorDir)) {
    if (!/\.(js|wxml|json)$/.test(path)) continue;
    for (const token of (await readFile(path, 'utf8')).match(/[a-z][a-z0-9-]*[a-z0-9]/g) ?? []) {
      if (available.has(token)) used.add(token);
    }
  }
  const rules: string[] = [
    '[class*="--t-icon-base"]::before{content:"" !important;display:inline-block;width:1em;height:1em;vertical-align:-0.125em;background-color:currentColor;-webkit-mask:var(--preview-icon) center/contain no-repeat;mask:var(--preview-icon) center/contain no-repeat;}',
  ];
  for (const name of [...used].sort()) {
    const svg = (await readFile(join(svgDir, `${name}.svg`), 'utf8'))
      .replace('view-box=', 'viewBox=')
      .replace(/currentColor/g, '#000')
      .replace(/ class="[^"]*"/, '');
    const url = `url("data:image/svg+xml,${encodeURIComponent(svg)}")`;
    rules.push(`[class*="--t-icon-${name} "],[class$="--t-icon-${name}"]{--preview-icon:${url};}`);
  }
  return rules.join('\n');
}
