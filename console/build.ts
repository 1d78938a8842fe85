/**
 * Builds the officer console into static files: `index.html`, `styles.css` and one bundled `app.js`
 * (TypeScript and the zod schemas of `schemas/`, so the browser checks a spreadsheet with the very
 * rules the API applies). The local gateway serves the files at `/console/`; CDK ships them to S3.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';
import { consoleSecurityHeaders } from './security-headers.js';

export interface ConsoleFile {
  readonly contentType: string;
  readonly body: string;
}

/** The console's folder: this module is loaded from the repository root (CDK, tests, `npm start`). */
const consoleRoot = path.resolve('console');

const staticFiles: Record<string, string> = {
  'index.html': 'text/html; charset=utf-8',
  'styles.css': 'text/css; charset=utf-8',
};

/**
 * zod's `z.locales` namespace drags every language's error messages into the bundle (about 200 kB);
 * the schemas use English messages alone, so the namespace keeps only `en`.
 */
const onlyEnglishZodLocale: Plugin = {
  name: 'zod-english-locale-only',
  setup(builder) {
    builder.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]/.test(args.importer) ? { path: 'zod-locales', namespace: 'console-stub' } : undefined,
    );
    builder.onLoad({ filter: /^zod-locales$/, namespace: 'console-stub' }, () => ({
      contents: `export { default as en } from ${JSON.stringify(path.resolve('node_modules/zod/v4/locales/en.js'))};`,
      loader: 'js',
      resolveDir: consoleRoot,
    }));
  },
};

/** Every file of the console by its name, built in memory. */
export async function consoleFiles(): Promise<Map<string, ConsoleFile>> {
  const bundle = await build({
    entryPoints: [path.join(consoleRoot, 'src/main.ts')],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: ['es2022'],
    write: false,
    outfile: 'app.js',
    legalComments: 'none',
    logLevel: 'silent',
    plugins: [onlyEnglishZodLocale],
  });
  const files = new Map<string, ConsoleFile>();
  for (const [name, contentType] of Object.entries(staticFiles))
    files.set(name, { contentType, body: readFileSync(path.join(consoleRoot, name), 'utf8') });
  const [script] = bundle.outputFiles;
  if (!script) throw new Error('esbuild produced no console bundle');
  files.set('app.js', { contentType: 'text/javascript; charset=utf-8', body: script.text });
  return files;
}

/** Writes the built console to `outDir` (CDK's asset bundling, or anyone wanting the files). */
export async function buildConsole(outDir: string): Promise<string[]> {
  const files = await consoleFiles();
  mkdirSync(outDir, { recursive: true });
  for (const [name, file] of files) writeFileSync(path.join(outDir, name), file.body);
  return [...files.keys()];
}

let builtOnce: Promise<Map<string, ConsoleFile>> | undefined;

/** What the local gateway answers for a GET: a console file, or `undefined` for a path outside it. */
export async function consoleResponse(
  pathname: string,
): Promise<{ statusCode: number; headers: Record<string, string>; body: string } | undefined> {
  // Without the slash, the page's relative links would point outside the console.
  if (pathname === '/console') return { statusCode: 308, headers: { location: '/console/' }, body: '' };
  const match = /^\/console\/(.*)$/.exec(pathname);
  if (!match) return undefined;
  builtOnce ??= consoleFiles();
  const files = await builtOnce.catch((error: unknown) => {
    builtOnce = undefined; // a broken build is tried again on the next request
    throw error;
  });
  const file = files.get(match[1] || 'index.html');
  if (!file) return { statusCode: 404, headers: { 'content-type': 'text/plain' }, body: 'Not found' };
  return {
    statusCode: 200,
    headers: { 'content-type': file.contentType, 'cache-control': 'no-cache', ...consoleSecurityHeaders },
    body: file.body,
  };
}
