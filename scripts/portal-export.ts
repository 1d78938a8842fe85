import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  portalContentFile,
  portalPages,
  rendererFile,
  staticPortalLinks,
  type PortalContent,
} from '../functions/commons/portal-pages.js';
import { openApiDocumentPath } from '../schemas/openapi-document.js';

/**
 * The developer portal as static files in one folder, for any static host (every link relative):
 * `index.html` (the reference), `quickstart.html`, `errors.html`, `openapi.json` and
 * `assets/rapidoc-min.js`. Built from the committed generated files (`npm run openapi`), so exporting
 * renders no Markdown and needs no running gateway.
 */

export interface ExportPortalOptions {
  /**
   * The gateway the reference's try-it calls (its `servers` entry), e.g. the stage URL. Without it the
   * document's own `servers` stay, and the reader may type another address in the page.
   */
  readonly serverUrl?: string;
  /** Where the officer console is, relative to the portal's folder (default `../console/`). */
  readonly consoleHref?: string;
}

/** The files written, relative to the output folder. */
export const exportedPortalFiles = [
  'index.html',
  'quickstart.html',
  'errors.html',
  'openapi.json',
  'assets/rapidoc-min.js',
] as const;

export function exportPortal(outDir: string, options: ExportPortalOptions = {}): string[] {
  const read = (file: string) => readFileSync(path.resolve(file), 'utf8');
  const content = JSON.parse(read(portalContentFile)) as PortalContent;
  const links = staticPortalLinks(options.consoleHref);
  const pages = portalPages(content, () => links, { serverSelection: true });

  const document = JSON.parse(read(openApiDocumentPath)) as Record<string, unknown>;
  if (options.serverUrl) document['servers'] = [{ url: options.serverUrl, description: 'The gateway' }];

  const files: Record<(typeof exportedPortalFiles)[number], string> = {
    'index.html': pages.reference,
    'quickstart.html': pages.quickstart,
    'errors.html': pages.errors,
    'openapi.json': `${JSON.stringify(document, null, 2)}\n`,
    'assets/rapidoc-min.js': read(rendererFile),
  };
  for (const [name, text] of Object.entries(files)) {
    const target = path.join(outDir, name);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
  return Object.keys(files);
}
