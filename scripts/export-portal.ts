/**
 * Writes the developer portal as static files: `npm run portal:export -- <outDir>
 * [--server-url https://api.example.gov.vn/prod] [--console-href ../console/]`. See `exportPortal`.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { exportPortal } from './portal-export.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'server-url': { type: 'string' }, 'console-href': { type: 'string' } },
});
const [outDir] = positionals;
if (!outDir || positionals.length !== 1) {
  console.error(
    'usage: npm run portal:export -- <outDir> [--server-url <gateway URL>] [--console-href <path>]',
  );
  process.exit(2);
}
const written = exportPortal(path.resolve(outDir), {
  ...(values['server-url'] ? { serverUrl: values['server-url'] } : {}),
  ...(values['console-href'] ? { consoleHref: values['console-href'] } : {}),
});
for (const file of written) console.log(`wrote ${path.join(outDir, file)}`);
