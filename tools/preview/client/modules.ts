/**
 * The compiled mini program in the browser: a file map served by the preview
 * (`/preview/files.js`), WXML as the official compiler's functions, and a CommonJS loader with
 * the mini program's resolution (relative paths, then `miniprogram_npm/<name>`).
 */
import { dirname, join } from 'path';

export interface PreviewFiles {
  /** Absolute mirror paths (`/pages/home/index.js`) → text. */
  files: Record<string, string>;
  /** The official WXML compiler's output for the whole mirror: returns `$gwx`. */
  gwx: () => (path: string) => unknown;
}

type ModuleFn = (
  require: (id: string) => unknown,
  module: { exports: unknown },
  exports: unknown,
) => void;

export class ModuleLoader {
  private readonly cache = new Map<string, { exports: unknown }>();
  private readonly compiled = new Map<string, ModuleFn>();
  private readonly wxml = new Map<string, unknown>();
  private gwx: ((path: string) => unknown) | null = null;

  /**
   * `nativeTags`: built-in components the preview registers itself (native-components.ts),
   * added to every component's `usingComponents` so exparser resolves them to those.
   */
  constructor(
    private readonly source: PreviewFiles,
    private readonly nativeTags: Readonly<Record<string, string>> = {},
  ) {}

  /** What miniprogram-simulate reads through its browser `fs` (`window.__FILE_MAP__`). */
  fileMap(): Record<string, unknown> {
    return new Proxy(
      {},
      {
        get: (_target, key) => (typeof key === 'string' ? this.read(key) : undefined),
      },
    );
  }

  read(path: string): unknown {
    const abs = path.startsWith('/') ? path : `/${path}`;
    if (abs.endsWith('.wxml')) {
      if (!(abs.slice(0, -5) + '.json' in this.source.files)) return undefined;
      if (!this.wxml.has(abs)) {
        this.gwx ??= this.source.gwx();
        this.wxml.set(abs, this.gwx(abs.slice(1)));
      }
      return this.wxml.get(abs);
    }
    const text = this.source.files[abs];
    if (text === undefined || !abs.endsWith('.json')) return text;
    const json = JSON.parse(text) as { usingComponents?: Record<string, string> };
    if (!json.usingComponents) return text;
    for (const [tag, id] of Object.entries(this.nativeTags)) json.usingComponents[tag] ??= id;
    return JSON.stringify(json);
  }

  private resolve(from: string, id: string): string {
    const candidates: string[] = [];
    const base = id.startsWith('.') || id.startsWith('/') ? [join(dirname(from), id)] : [];
    if (id.startsWith('/')) base.splice(0, 1, id);
    if (base.length === 0) {
      // Bare specifiers: miniprogram_npm beside the requiring file, up to the root.
      for (let dir = dirname(from); ; dir = dirname(dir)) {
        base.push(join(dir, 'miniprogram_npm', id));
        if (dir === '/' || dir === '.') break;
      }
    }
    for (const b of base) candidates.push(b, `${b}.js`, `${b}/index.js`);
    const found = candidates.find((c) => c.endsWith('.js') && c in this.source.files);
    if (!found) throw new Error(`preview: cannot resolve ${id} from ${from}`);
    return found;
  }

  private evaluate(path: string, module: { exports: unknown }): void {
    let fn = this.compiled.get(path);
    if (!fn) {
      const code = this.source.files[path];
      if (code === undefined) throw new Error(`preview: no module ${path}`);
      // The pages' own compiled code, run as WeChat runs it; the reason the preview exists.
      // eslint-disable-next-line no-restricted-syntax
      fn = new Function(
        'require',
        'module',
        'exports',
        `${code}\n//# sourceURL=${path}`,
      ) as ModuleFn;
      this.compiled.set(path, fn);
    }
    fn((id) => this.require(this.resolve(path, id)), module, module.exports);
  }

  /** A cached module, as `require` inside the mini program gives it. */
  require(path: string): unknown {
    const cached = this.cache.get(path);
    if (cached) return cached.exports;
    const module = { exports: {} as unknown };
    this.cache.set(path, module);
    this.evaluate(path, module);
    return module.exports;
  }

  /** A component's own file, run afresh (its `Component()` call registers it; simulate's runJs). */
  run(pathWithoutExt: string): void {
    const path = `${pathWithoutExt.startsWith('/') ? '' : '/'}${pathWithoutExt}.js`;
    this.evaluate(path, { exports: {} });
  }
}
