import { readFile } from 'node:fs/promises';
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { NotFoundError } from '../core/errors/not-found-error.js';
import { shippedFile } from './commons/shipped-file.js';
import { httpGatewayConventions } from './commons/http-middleware.js';
import { logger } from './commons/powertools.js';

/**
 * GET /openapi.json, GET /docs, GET /docs/assets/{file} — the API reference. The document is generated
 * at build time (`npm run openapi`) and shipped next to the bundle with the renderer (RapiDoc, one
 * script, no internet needed); each file is read once per container, on first request.
 */

/** Files shipped with this function (see `infra/routes.ts`), relative to the repository root. */
export const apiDocsFiles = {
  document: 'docs/openapi.json',
  renderer: 'node_modules/rapidoc/dist/rapidoc-min.js',
} as const;

/** The reference page's assets by the name it asks for them. */
const assets: Record<string, { file: string; contentType: string }> = {
  'rapidoc-min.js': { file: apiDocsFiles.renderer, contentType: 'text/javascript; charset=utf-8' },
};

const cached = new Map<string, Promise<string>>();
function shipped(file: string): Promise<string> {
  let text = cached.get(file);
  if (!text) {
    text = readFile(shippedFile(file), 'utf8');
    text.catch(() => cached.delete(file));
    cached.set(file, text);
  }
  return text;
}

let parsedDocument: Promise<Record<string, unknown>> | undefined;

/** Where this request came in, so `servers` names the deployment the document was fetched from. */
export function serverUrlOf(event: APIGatewayProxyEvent): string | undefined {
  const host = event.headers['host'] ?? event.headers['Host'];
  if (!host) return undefined;
  const proto = event.headers['x-forwarded-proto'] ?? event.headers['X-Forwarded-Proto'] ?? 'http';
  // On API Gateway the stage (or a custom domain's base path) precedes the resource path.
  const requestPath = event.requestContext?.path ?? event.path;
  const prefix = requestPath.endsWith(event.path) ? requestPath.slice(0, -event.path.length) : '';
  const local = /^(127\.0\.0\.1|localhost)(:\d+)?$/.test(host);
  return `${proto}://${host}${local ? '' : prefix}`;
}

async function openApiDocument(event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> {
  parsedDocument ??= shipped(apiDocsFiles.document).then(
    (text) => JSON.parse(text) as Record<string, unknown>,
  );
  const document = await parsedDocument;
  const url = serverUrlOf(event);
  const servers = url ? [{ url, description: 'This gateway' }] : document['servers'];
  return {
    statusCode: 200,
    headers: { 'content-type': 'application/json', 'cache-control': 'public, max-age=300' },
    body: JSON.stringify({ ...document, servers }),
  };
}

/** The page: relative URLs, so it works under a stage path (`/prod/docs`) as on 127.0.0.1. */
export const referencePage = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Lienthong API reference</title>
    <script type="module" src="docs/assets/rapidoc-min.js"></script>
  </head>
  <body>
    <rapi-doc
      spec-url="openapi.json"
      render-style="read"
      show-header="false"
      allow-authentication="true"
      allow-server-selection="false"
      schema-description-expanded="true"
      default-schema-tab="schema"
      regular-font="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"
      mono-font="ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace"
      theme="light"
      primary-color="#b3261e"
    >
      <noscript>The API reference needs JavaScript; the document itself is at <a href="openapi.json">openapi.json</a>.</noscript>
    </rapi-doc>
  </body>
</html>
`;

export async function apiDocsHandler(event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> {
  switch (event.resource) {
    case '/openapi.json':
      return openApiDocument(event);
    case '/docs':
      return {
        statusCode: 200,
        headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'public, max-age=300' },
        body: referencePage,
      };
    case '/docs/assets/{file}': {
      const asset = assets[event.pathParameters?.['file'] ?? ''];
      if (!asset) throw new NotFoundError('file of that name in the API reference');
      return {
        statusCode: 200,
        headers: { 'content-type': asset.contentType, 'cache-control': 'public, max-age=86400' },
        body: await shipped(asset.file),
      };
    }
    default:
      throw new NotFoundError('documentation resource at this path');
  }
}

export const handler = middy(apiDocsHandler).use(injectLambdaContext(logger)).use(httpGatewayConventions());
