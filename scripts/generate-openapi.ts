/**
 * Writes docs/openapi.json from the API contract (schemas/api-contract.ts): `npm run openapi`. With it,
 * the files generated from the document and the catalogue: the developer portal's pages
 * (docs/portal/pages.json) and the typed client's types (examples/typed-client/api-schema.d.ts).
 * The gateway serves the committed files; a unit test fails when any of them is stale.
 *
 * `npm run openapi -- --check` writes nothing: it lists the files that differ and exits 1 if any does.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { portalContentFile } from '../functions/commons/portal-pages.js';
import { openApiDocumentPath } from '../schemas/openapi-document.js';
import { renderApiSchemaFile, renderPortalContentFile } from './generated-files.js';
import { renderOpenApiFile } from './openapi-file.js';
import { apiSchemaTypesPath } from './portal-files.js';

const check = process.argv.includes('--check');

const openApiText = await renderOpenApiFile();
const generated: [string, string][] = [
  [openApiDocumentPath, openApiText],
  [apiSchemaTypesPath, await renderApiSchemaFile(openApiText)],
  [portalContentFile, await renderPortalContentFile()],
];

let stale = 0;
for (const [file, text] of generated) {
  const target = path.resolve(file);
  if (check) {
    const current = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
    if (current !== text) {
      stale++;
      console.log(`stale ${file}`);
    } else console.log(`up to date ${file}`);
  } else {
    writeFileSync(target, text);
    console.log(`wrote ${file}`);
  }
}
if (stale > 0) {
  console.log('run `npm run openapi` and commit the files it writes');
  process.exitCode = 1;
}
