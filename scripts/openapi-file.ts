import { readFileSync } from 'node:fs';
import path from 'node:path';
import { format, resolveConfig } from 'prettier';
import { buildOpenApiDocument, openApiDocumentPath } from '../schemas/openapi-document.js';

/**
 * The text of docs/openapi.json as `npm run openapi` writes it: the document built from the API
 * contract, formatted by Prettier with the repository's settings (so `npm run lint` accepts it).
 */
export async function renderOpenApiFile(): Promise<string> {
  const { version } = JSON.parse(readFileSync(path.resolve('package.json'), 'utf8')) as { version: string };
  const target = path.resolve(openApiDocumentPath);
  const options = (await resolveConfig(target)) ?? {};
  return format(JSON.stringify(buildOpenApiDocument({ version })), { ...options, filepath: target });
}
