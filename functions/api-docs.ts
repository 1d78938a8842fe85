import { readFile } from 'node:fs/promises';
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { NotFoundError } from '../core/errors/not-found-error.js';
import {
  gatewayPortalLinks,
  portalContentFile,
  portalPages,
  rendererFile,
  type PortalContent,
  type PortalPageName,
} from './commons/portal-pages.js';
import { shippedFile } from './commons/shipped-file.js';
import { httpGatewayConventions } from './commons/http-middleware.js';
import { logger } from './commons/powertools.js';

/**
 * GET /openapi.json, GET /docs, /docs/quickstart, /docs/errors, /docs/assets/{file} — the developer
 * portal: the API reference (RapiDoc, with try-it), the quickstart and the error catalogue. The document
 * and the pages' bodies are generated at build time (`npm run openapi`) and shipped next to the bundle
 * with the renderer (one script, no internet needed); each file is read, and each page laid out, once
 * per container, on first request.
 */

/** Files shipped with this function (see `infra/routes.ts`), relative to the repository root. */
export const apiDocsFiles = {
  document: 'docs/openapi.json',
  portal: portalContentFile,
  renderer: rendererFile,
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

let renderedPages: Promise<Record<PortalPageName, string>> | undefined;

/** The portal's pages, put in their layout once per container (their bodies were rendered at build time). */
function portalPage(page: PortalPageName): Promise<string> {
  if (!renderedPages) {
    renderedPages = shipped(apiDocsFiles.portal).then((text) =>
      portalPages(JSON.parse(text) as PortalContent, gatewayPortalLinks),
    );
    renderedPages.catch(() => (renderedPages = undefined));
  }
  return renderedPages.then((pages) => pages[page]);
}

async function htmlPage(page: PortalPageName): Promise<APIGatewayProxyResult> {
  return {
    statusCode: 200,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'public, max-age=300' },
    body: await portalPage(page),
  };
}

export async function apiDocsHandler(event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> {
  switch (event.resource) {
    case '/openapi.json':
      return openApiDocument(event);
    case '/docs':
      return htmlPage('reference');
    case '/docs/quickstart':
      return htmlPage('quickstart');
    case '/docs/errors':
      return htmlPage('errors');
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
