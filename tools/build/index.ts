/**
 * `npm run build`: bundles each cloud function, builds miniprogram_npm, copies the vocabulary
 * into the mini program, and writes the compiled mini program mirror `.build/miniprogram/` used by tests, the web preview and the size report.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { cp, mkdir, readdir, rm, writeFile, readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { build, transform } from 'esbuild';
import { buildGbkFont } from './gbk-font';

const root = join(__dirname, '..', '..');
const miniprogramDir = join(root, 'miniprogram');
const mirrorDir = join(root, '.build', 'miniprogram');

/**
 * What a function leaves to the cloud's npm install: the dependencies its own package.json
 * names (`wx-server-sdk` everywhere; `subset-font` in documents, whose wasm is read from its
 * package at run time).
 */
function externalsOf(functionDir: string): string[] {
  const pkg = JSON.parse(readFileSync(join(functionDir, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  return Object.keys(pkg.dependencies ?? {});
}

/** Each folder of cloudfunctions/ with a src/index.ts becomes one CommonJS bundle. */
export async function bundleFunctions(): Promise<string[]> {
  const functionsDir = join(root, 'cloudfunctions');
  const names = readdirSync(functionsDir).filter((name) =>
    existsSync(join(functionsDir, name, 'src', 'index.ts')),
  );
  await Promise.all(
    names.map((name) =>
      build({
        entryPoints: [join(functionsDir, name, 'src', 'index.ts')],
        outfile: join(functionsDir, name, 'index.js'),
        bundle: true,
        platform: 'node',
        target: 'node16',
        format: 'cjs',
        external: externalsOf(join(functionsDir, name)),
        // Minified for the cold start; the source map beside it turns a logged stack back into
        // our files (it is uploaded with the function, never loaded unless asked for).
        minify: true,
        sourcemap: true,
        charset: 'utf8',
        legalComments: 'none',
        logLevel: 'warning',
      }),
    ),
  );
  return names;
}

/** miniprogram_npm as DevTools' "构建 npm" makes it; rebuilt only when the lock file changes. */
export async function packMiniprogramNpm(): Promise<void> {
  const lock = readFileSync(join(root, 'package-lock.json'));
  const stamp = createHash('sha256').update(lock).digest('hex');
  const stampFile = join(miniprogramDir, 'miniprogram_npm', '.stamp');
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return;
  // Loaded lazily: miniprogram-ci is heavy and only needed when the stamp is stale.
  const { packNpmManually } = await import('miniprogram-ci');
  const result = await packNpmManually({
    packageJsonPath: join(root, 'package.json'),
    miniprogramNpmDistDir: miniprogramDir,
  });
  if (result.warnList.length > 0) {
    throw new Error(`构建 npm 有警告: ${JSON.stringify(result.warnList)}`);
  }
  await writeFile(stampFile, stamp);
}

/**
 * The words of `server/domain/vocabulary.ts`, copied into the mini program (which cannot
 * reach outside its root at run time) as `miniprogram/generated/vocabulary.ts`, ignored by git.
 * The file has no imports, so the copy runs as it is.
 */
export async function copyVocabulary(): Promise<void> {
  const source = join(root, 'server', 'domain', 'vocabulary.ts');
  const text = await readFile(source, 'utf8');
  if (/^\s*import\b/m.test(text)) {
    throw new Error('server/domain/vocabulary.ts 不能有 import：它会被原样复制进小程序');
  }
  const target = join(miniprogramDir, 'generated', 'vocabulary.ts');
  await mkdir(dirname(target), { recursive: true });
  await writeFile(
    target,
    `// Copied from server/domain/vocabulary.ts by \`npm run build\`: edit that file, not this.\n${text}`,
  );
}

async function* walk(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'miniprogram_npm') yield* walk(path);
    } else {
      yield path;
    }
  }
}

/** `.build/miniprogram/`: JS compiled from the TS, with wxml/wxss/json and miniprogram_npm beside. */
export async function buildMirror(): Promise<void> {
  await rm(mirrorDir, { recursive: true, force: true });
  for await (const source of walk(miniprogramDir)) {
    const rel = relative(miniprogramDir, source);
    if (rel === 'tsconfig.json' || rel.endsWith('.d.ts')) continue;
    const target = join(mirrorDir, rel.replace(/\.ts$/, '.js'));
    await mkdir(dirname(target), { recursive: true });
    if (rel.endsWith('.ts')) {
      const { code } = await transform(await readFile(source, 'utf8'), {
        loader: 'ts',
        format: 'cjs',
        target: 'es2018',
        sourcefile: rel,
      });
      await writeFile(target, code);
    } else {
      await cp(source, target);
    }
  }
  await cp(join(miniprogramDir, 'miniprogram_npm'), join(mirrorDir, 'miniprogram_npm'), {
    recursive: true,
  });
}

async function main(): Promise<void> {
  const started = Date.now();
  const [functions, font] = await Promise.all([bundleFunctions(), buildGbkFont()]);
  await packMiniprogramNpm();
  await copyVocabulary();
  await buildMirror();
  console.log(
    `build: ${functions.map((name) => `cloudfunctions/${name}/index.js`).join(', ')}, ${relative(root, font.file)} (${(font.bytes / 1e6).toFixed(1)} MB${font.built ? '' : ', unchanged'}), miniprogram_npm, miniprogram/generated, .build/miniprogram (${Date.now() - started} ms)`,
  );
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
