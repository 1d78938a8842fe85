/**
 * The developer portal's pages: the API reference (RapiDoc), the quickstart and the error catalogue,
 * with one layout and a navigation bar between them. The quickstart and error pages' bodies are HTML
 * rendered when the portal is generated (`npm run openapi` writes `docs/portal/pages.json`); here they
 * are only put in the layout, once per container (the gateway) or once per export (static files).
 * No Markdown library and nothing else heavy is loaded at run time.
 */

export type PortalPageName = 'reference' | 'quickstart' | 'errors';

/** Rendered page bodies (`docs/portal/pages.json`). Links inside them are `portal:<name>` placeholders. */
export interface PortalContent {
  readonly pages: Record<
    Exclude<PortalPageName, 'reference'>,
    { readonly title: string; readonly html: string }
  >;
}

/** Where each page and file of the portal is, relative to the page being written. */
export interface PortalLinks {
  readonly reference: string;
  readonly quickstart: string;
  readonly errors: string;
  readonly console: string;
  readonly openapi: string;
  readonly renderer: string;
}

/** The portal file `docs/portal/pages.json` generated from `docs/portal/quickstart.md` and the catalogue. */
export const portalContentFile = 'docs/portal/pages.json';

/** The reference's renderer (RapiDoc, one script), relative to the repository root. */
export const rendererFile = 'node_modules/rapidoc/dist/rapidoc-min.js';

/**
 * The gateway serves `/docs`, `/docs/quickstart`, `/docs/errors`, `/openapi.json` and the renderer under
 * `/docs/assets/`. Links are relative to the page's own path, so the portal works under a stage path
 * (`/prod/docs`) as on 127.0.0.1.
 */
export function gatewayPortalLinks(page: PortalPageName): PortalLinks {
  // `/docs` resolves relative links against `/`; `/docs/quickstart` against `/docs/`.
  const root = page === 'reference' ? '' : '../';
  return {
    reference: `${root}docs`,
    quickstart: `${root}docs/quickstart`,
    errors: `${root}docs/errors`,
    console: `${root}console/`,
    openapi: `${root}openapi.json`,
    renderer: `${root}docs/assets/rapidoc-min.js`,
  };
}

/** Static files in one folder (`npm run portal:export`): every link relative, so any static host serves it. */
export function staticPortalLinks(consoleHref = '../console/'): PortalLinks {
  return {
    reference: 'index.html',
    quickstart: 'quickstart.html',
    errors: 'errors.html',
    console: consoleHref,
    openapi: 'openapi.json',
    renderer: 'assets/rapidoc-min.js',
  };
}

const escapeAttribute = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** Replaces the `portal:<name>` placeholders the generated bodies link with. */
export function resolvePortalLinks(html: string, links: PortalLinks): string {
  return html.replace(
    /(href|src)="portal:(\w+)(#[\w-]*)?"/g,
    (match, attribute: string, name: string, hash) => {
      const target = links[name as keyof PortalLinks];
      if (target === undefined) throw new Error(`unknown portal link ${name}`);
      return `${attribute}="${escapeAttribute(target)}${hash ?? ''}"`;
    },
  );
}

const styles = `
      :root { color-scheme: light; --accent: #b3261e; font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; }
      body { margin: 0; min-height: 100vh; display: flex; flex-direction: column; color: #1d1b1a; }
      .portal-nav { display: flex; flex-wrap: wrap; align-items: center; gap: 0.25rem 1.5rem; padding: 0.75rem 1.5rem; background: var(--accent); }
      .portal-nav .portal-name { color: #fff; font-weight: 700; text-decoration: none; margin-right: auto; }
      .portal-nav ul { display: flex; flex-wrap: wrap; gap: 1.25rem; list-style: none; margin: 0; padding: 0; }
      .portal-nav a { color: #fff; }
      .portal-nav a[aria-current='page'] { font-weight: 700; text-decoration-thickness: 3px; }
      .portal-nav a:focus-visible { outline: 3px solid #fff; outline-offset: 2px; }
      main { flex: 1; display: flex; flex-direction: column; }
      main.portal-article { display: block; max-width: 58rem; width: 100%; box-sizing: border-box; margin: 0 auto; padding: 1rem 1.5rem 3rem; line-height: 1.55; }
      rapi-doc { flex: 1; min-height: 80vh; }
      pre { background: #f6f4f2; padding: 0.75rem 1rem; overflow-x: auto; border-radius: 4px; font-size: 0.9rem; }
      code { font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace; }
      table { border-collapse: collapse; width: 100%; }
      th, td { border: 1px solid #d8d2cc; padding: 0.4rem 0.6rem; text-align: left; vertical-align: top; }
      caption { text-align: left; font-weight: 600; padding-bottom: 0.5rem; }
      a { color: #8c1d18; }
      .problem { border-top: 1px solid #d8d2cc; padding-top: 0.5rem; }
      .problem dt { font-weight: 600; }
      .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }`;

function navigation(current: PortalPageName, links: PortalLinks): string {
  const item = (page: PortalPageName | 'console', label: string): string => {
    const here = page === current ? ' aria-current="page"' : '';
    return `<li><a href="${escapeAttribute(links[page])}"${here}>${label}</a></li>`;
  };
  return `<header>
      <nav class="portal-nav" aria-label="Developer portal">
        <a class="portal-name" href="${escapeAttribute(links.reference)}">Lienthong developer portal</a>
        <ul>
          ${item('reference', 'Reference')}
          ${item('quickstart', 'Quickstart')}
          ${item('errors', 'Errors')}
          ${item('console', 'Console')}
        </ul>
      </nav>
    </header>`;
}

function layout(page: PortalPageName, title: string, links: PortalLinks, head: string, main: string): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <link rel="icon" href="data:,">
    <title>${title} — Lienthong developer portal</title>
    <style>${styles}
    </style>${head}
  </head>
  <body>
    ${navigation(page, links)}
    ${main}
  </body>
</html>
`;
}

export interface ReferencePageOptions {
  /** Lets the reader pick or type the gateway to try calls against (static hosting, where it is elsewhere). */
  readonly serverSelection?: boolean;
}

/**
 * The reference: RapiDoc renders the OpenAPI document. Try-it is on: the reader enters an API key (the
 * document's `apiKey` scheme, header `x-api-key`) under Authentication, and every operation's form has
 * the purpose-envelope headers filled with the sandbox examples.
 */
export function referencePage(links: PortalLinks, options: ReferencePageOptions = {}): string {
  const main = `<main id="reference">
      <h1 class="visually-hidden">Lienthong API reference</h1>
      <rapi-doc
        spec-url="${escapeAttribute(links.openapi)}"
        render-style="read"
        show-header="false"
        load-fonts="false"
        allow-try="true"
        allow-authentication="true"
        allow-server-selection="${options.serverSelection ? 'true' : 'false'}"
        fill-request-fields-with-example="true"
        schema-description-expanded="true"
        default-schema-tab="schema"
        regular-font="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"
        mono-font="ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace"
        theme="light"
        primary-color="#b3261e"
      >
        <div slot="auth">
          <p>To try a call, paste your API key (for the sandbox, the key <code>npm start</code> prints) into
          <strong>apiKey</strong> below and press <strong>SET</strong>; then open an operation and press <strong>TRY</strong>.
          Calls that touch personal data carry the purpose envelope (<code>x-officer-id</code>, <code>x-purpose</code>),
          prefilled with sandbox values. Walk-through: <a href="${escapeAttribute(links.quickstart)}">Quickstart</a>.</p>
        </div>
        <noscript>The API reference needs JavaScript; the document itself is at <a href="${escapeAttribute(links.openapi)}">openapi.json</a>.</noscript>
      </rapi-doc>
    </main>`;
  return layout(
    'reference',
    'API reference',
    links,
    `\n    <script type="module" src="${escapeAttribute(links.renderer)}"></script>`,
    main,
  );
}

/** The quickstart or error page: its generated body in the layout. */
export function articlePage(
  page: Exclude<PortalPageName, 'reference'>,
  content: PortalContent,
  links: PortalLinks,
): string {
  const { title, html } = content.pages[page];
  return layout(
    page,
    title,
    links,
    '',
    `<main class="portal-article" id="${page}">\n${resolvePortalLinks(html, links)}\n    </main>`,
  );
}

/** Every page of the portal, by name. */
export function portalPages(
  content: PortalContent,
  linksOf: (page: PortalPageName) => PortalLinks,
  options: ReferencePageOptions = {},
): Record<PortalPageName, string> {
  return {
    reference: referencePage(linksOf('reference'), options),
    quickstart: articlePage('quickstart', content, linksOf('quickstart')),
    errors: articlePage('errors', content, linksOf('errors')),
  };
}
