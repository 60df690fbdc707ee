import fs from 'node:fs';
import path from 'node:path';

export interface FunctionConfig {
  permissions?: { openapi?: string[] };
  triggers?: { name: string; type: string; config: string }[];
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/**
 * The cloud functions of a functions folder: every `<name>/src/main.ts` exporting `createMain`.
 * A name is only ever looked up among the folders found here, never joined into a path as
 * given, so a request cannot reach outside the folder.
 */
export class FunctionRegistry {
  private readonly found: Map<string, string>;
  private readonly configs = new Map<string, FunctionConfig>();

  constructor(readonly functionsDir: string) {
    this.found = new Map();
    for (const entry of fs.readdirSync(functionsDir, { withFileTypes: true })) {
      const main = path.join(functionsDir, entry.name, 'src', 'main.ts');
      if (entry.isDirectory() && NAME.test(entry.name) && fs.existsSync(main))
        this.found.set(entry.name, main);
    }
  }

  names(): string[] {
    return [...this.found.keys()].sort();
  }

  has(name: unknown): name is string {
    return typeof name === 'string' && this.found.has(name);
  }

  config(name: string): FunctionConfig {
    let config = this.configs.get(name);
    if (!config) {
      const file = path.join(this.functionsDir, name, 'config.json');
      config = fs.existsSync(file)
        ? (JSON.parse(fs.readFileSync(file, 'utf8')) as FunctionConfig)
        : {};
      this.configs.set(name, config);
    }
    return config;
  }

  /** The function's `src/main.ts` (it exports `createMain(deps)`; function-worker.ts wires it). */
  mainFile(name: string): string {
    const file = this.found.get(name);
    if (!file) throw new Error(`unknown function ${name}`);
    return file;
  }
}
