import path from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { format, resolveConfig } from 'prettier';
import { portalContentFile } from '../functions/commons/portal-pages.js';
import { openApiDocumentPath } from '../schemas/openapi-document.js';
import { apiSchemaTypesPath, buildPortalContent } from './portal-files.js';

/**
 * The text of the files `npm run openapi` writes beside the OpenAPI document, formatted by Prettier with
 * the repository's settings (so `npm run lint` accepts them). Only scripts load this module (tsx, ESM):
 * unit tests check the files through `npm run openapi -- --check`.
 */

async function prettierFormat(text: string, file: string): Promise<string> {
  const target = path.resolve(file);
  const options = (await resolveConfig(target)) ?? {};
  return format(text, { ...options, filepath: target });
}

/** `docs/portal/pages.json`: the portal pages' bodies, rendered once, here. */
export async function renderPortalContentFile(): Promise<string> {
  return prettierFormat(JSON.stringify(buildPortalContent()), portalContentFile);
}

/** `examples/typed-client/api-schema.d.ts`: the typed client's types, from the OpenAPI document's text. */
export async function renderApiSchemaFile(openApiText: string): Promise<string> {
  const ast = await openapiTS(JSON.parse(openApiText) as Parameters<typeof openapiTS>[0], { silent: true });
  const header = [
    '/**',
    ` * The API's types, generated from ${openApiDocumentPath} by openapi-typescript (\`npm run openapi\`).`,
    ' * Do not edit: a unit test fails while this file is stale.',
    ' */',
    '',
  ].join('\n');
  return prettierFormat(`${header}\n${astToString(ast)}`, apiSchemaTypesPath);
}
