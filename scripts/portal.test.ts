import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gatewayRoutes } from '../infra/routes.js';
import {
  gatewayPortalLinks,
  portalContentFile,
  portalPages,
  resolvePortalLinks,
  staticPortalLinks,
  type PortalPageName,
} from '../functions/commons/portal-pages.js';
import { fixtureCitizens } from '../local/registries/data/fixture-citizens.js';
import { openApiDocumentPath } from '../schemas/openapi-document.js';
import { problemCatalogue, problemTypeUri, type ProblemKind } from '../schemas/problem-types.js';
import { exportedPortalFiles, exportPortal } from './portal-export.js';
import {
  apiSchemaTypesPath,
  buildPortalContent,
  errorCatalogueHtml,
  quickstartMarkdown,
  quickstartSourcePath,
  regionsOf,
  typedClientExamplePath,
} from './portal-files.js';

const read = (file: string) => readFileSync(path.resolve(file), 'utf8');
const kinds = Object.keys(problemCatalogue) as ProblemKind[];

/** Every `href`/`src` of a page, in order, but the inline (`data:`) icon that keeps browsers from asking for one. */
const linksOf = (html: string): string[] =>
  [...html.matchAll(/\b(?:href|src|spec-url)="([^"]*)"/g)]
    .map((match) => match[1] as string)
    .filter((link) => !link.startsWith('data:'));

describe('the generated portal files (regenerate with `npm run openapi` when these fail)', () => {
  it('docs/portal/pages.json is the quickstart and the error catalogue as generated today', () => {
    expect(JSON.parse(read(portalContentFile))).toEqual(buildPortalContent());
  });

  it('docs/openapi.json, examples/typed-client/api-schema.d.ts and pages.json are as `npm run openapi` writes them', () => {
    // openapi-typescript runs as ESM only, so the check runs in a process of its own (tsx).
    const check = spawnSync(
      path.resolve('node_modules/.bin/tsx'),
      ['scripts/generate-openapi.ts', '--check'],
      {
        encoding: 'utf8',
      },
    );
    expect({ status: check.status, output: check.stdout + check.stderr }).toEqual({
      status: 0,
      output: expect.stringContaining(`up to date ${apiSchemaTypesPath}`),
    });
  }, 60_000);
});

describe('the error catalogue (schemas/problem-types.ts)', () => {
  it.each(kinds)('%s says what it means and what the caller should do', (kind) => {
    const { meaning, whatToDo, title } = problemCatalogue[kind];
    expect(title.trim().length).toBeGreaterThan(0);
    expect(meaning.trim().length).toBeGreaterThan(20);
    expect(whatToDo.trim().length).toBeGreaterThan(20);
    expect(whatToDo).not.toBe(meaning);
  });

  it('is the error page: one section per type, anchored by its name, with its type URI and status', () => {
    const { html } = errorCatalogueHtml();
    const sections = [...html.matchAll(/<section class="problem" id="([\w-]+)"/g)].map((match) => match[1]);
    expect([...sections].sort()).toEqual([...kinds].sort());
    for (const kind of kinds) {
      const section = html.slice(html.indexOf(`id="${kind}"`)).split('</section>')[0] as string;
      expect(section).toContain(`<code>${problemTypeUri(kind)}</code>`);
      expect(section).toContain(`<dt>Status</dt><dd>${problemCatalogue[kind].status}</dd>`);
      expect(section).toContain('<dt>What to do</dt>');
    }
    // Ordered by status, as its table's caption says.
    const statuses = sections.map((kind) => problemCatalogue[kind as ProblemKind].status);
    expect(statuses).toEqual([...statuses].sort((a, b) => a - b));
  });
});

describe('the quickstart (docs/portal/quickstart.md)', () => {
  it('shows each region of the typed-client example it names, and every region of it', () => {
    const source = read(quickstartSourcePath);
    const named = [...source.matchAll(/^<!-- typed-client: (\S+) -->$/gm)].map((match) => match[1]);
    const regions = regionsOf(read(typedClientExamplePath));
    expect(named).toEqual([...regions.keys()]);
    const markdown = quickstartMarkdown();
    expect(markdown).not.toContain('<!-- typed-client:');
    expect(markdown).toContain(regions.get('verify'));
  });

  it('fails to render a region the example does not have', () => {
    expect(() => quickstartMarkdown('<!-- typed-client: nowhere -->', '')).toThrow(/no region nowhere/);
  });

  it('uses the sandbox fixtures: citizen 074095000123, business 3701234562, parcel 25747/12/345', () => {
    const markdown = quickstartMarkdown();
    const an = fixtureCitizens.find((citizen) => citizen.personalId === '074095000123');
    expect(an).toMatchObject({ fullName: 'Nguyễn Văn An', dateOfBirth: '1995-03-15' });
    expect(markdown).toContain(
      '"personalId":"074095000123","fullName":"Nguyễn Văn An","dateOfBirth":"1995-03-15"',
    );
    expect(markdown).toContain('/v1/businesses/3701234562');
    expect(markdown).toContain('/v1/land/parcels/25747/12/345');
    expect(markdown).toContain("communeCode: '25747', mapSheet: 12, parcelNumber: 345");
  });
});

describe('the portal pages', () => {
  const content = buildPortalContent();

  it('are served by the gateway at the routes of infra/routes.ts, without a key', () => {
    const docsRoutes = gatewayRoutes.filter((route) => route.function === 'apiDocs');
    expect(docsRoutes.map((route) => route.path).sort()).toEqual(
      ['/docs', '/docs/assets/{file}', '/docs/errors', '/docs/quickstart', '/openapi.json'].sort(),
    );
    expect(docsRoutes.every((route) => !route.authorized && route.method === 'GET')).toBe(true);
  });

  it.each(['reference', 'quickstart', 'errors'] as const)(
    'the %s page links each page of the portal relative to its own path on the gateway',
    (page) => {
      const html = portalPages(content, gatewayPortalLinks)[page];
      const base = new URL(
        page === 'reference' ? 'http://gateway/prod/docs' : `http://gateway/prod/docs/${page}`,
      );
      const resolved = linksOf(html)
        .filter((link) => !link.startsWith('#'))
        .map((link) => new URL(link, base).pathname);
      expect(resolved).toEqual(
        expect.arrayContaining([
          '/prod/docs',
          '/prod/docs/quickstart',
          '/prod/docs/errors',
          '/prod/console/',
        ]),
      );
      for (const pathname of resolved) expect(pathname.startsWith('/prod/')).toBe(true);
      expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
      expect(html).toContain('<nav class="portal-nav" aria-label="Developer portal">');
      expect(html).toMatch(/<h1[ >]/);
      expect(html).toContain('aria-current="page"');
      expect(html).not.toContain('portal:');
    },
  );

  it('the reference page lets the reader try calls with a key of their own', () => {
    const html = portalPages(content, gatewayPortalLinks).reference;
    expect(html).toContain('allow-try="true"');
    expect(html).toContain('allow-authentication="true"');
    expect(html).toContain('fill-request-fields-with-example="true"');
    expect(html).toContain('load-fonts="false"'); // RapiDoc would fetch its fonts from the internet
    expect(html).toContain('spec-url="openapi.json"');
    expect(html).toContain('<script type="module" src="docs/assets/rapidoc-min.js"></script>');
  });

  it('refuses a link to a page the portal does not have', () => {
    expect(() => resolvePortalLinks('<a href="portal:nowhere">x</a>', staticPortalLinks())).toThrow(
      /unknown portal link nowhere/,
    );
  });
});

describe('exportPortal (npm run portal:export)', () => {
  let outDir: string;
  beforeEach(() => {
    outDir = mkdtempSync(path.join(tmpdir(), 'portal-'));
  });
  afterEach(() => rmSync(outDir, { recursive: true, force: true }));

  const filesUnder = (dir: string, prefix = ''): string[] =>
    readdirSync(dir).flatMap((name) =>
      statSync(path.join(dir, name)).isDirectory()
        ? filesUnder(path.join(dir, name), `${prefix}${name}/`)
        : [`${prefix}${name}`],
    );

  it('writes the pages, the document and the renderer, every link relative and to a file it wrote', () => {
    const written = exportPortal(outDir);
    expect(written.sort()).toEqual([...exportedPortalFiles].sort());
    expect(filesUnder(outDir).sort()).toEqual([...exportedPortalFiles].sort());

    const pages: Record<string, PortalPageName> = {
      'index.html': 'reference',
      'quickstart.html': 'quickstart',
      'errors.html': 'errors',
    };
    for (const [file, page] of Object.entries(pages)) {
      const html = readFileSync(path.join(outDir, file), 'utf8');
      expect(html).toContain(`<main`);
      expect(html).toContain(`aria-current="page"`);
      const links = linksOf(html).filter((link) => !link.startsWith('#'));
      expect(links.length).toBeGreaterThan(3);
      for (const link of links) {
        expect({ page, link, absolute: /^([a-z]+:|\/)/.test(link) }).toEqual({ page, link, absolute: false });
        const target = link.split('#')[0] as string;
        if (target !== '../console/') expect(exportedPortalFiles).toContain(target);
      }
    }
    const index = readFileSync(path.join(outDir, 'index.html'), 'utf8');
    expect(index).toContain('spec-url="openapi.json"');
    expect(index).toContain('src="assets/rapidoc-min.js"');
    expect(index).toContain('allow-server-selection="true"');
    expect(readFileSync(path.join(outDir, 'assets/rapidoc-min.js'), 'utf8')).toBe(
      read('node_modules/rapidoc/dist/rapidoc-min.js'),
    );
    const errors = readFileSync(path.join(outDir, 'errors.html'), 'utf8');
    for (const kind of kinds) expect(errors).toContain(`id="${kind}"`);
  });

  it('names the gateway to try calls against, when given, and is otherwise the committed document', () => {
    exportPortal(outDir, { serverUrl: 'https://api.example.gov.vn/prod', consoleHref: 'console/' });
    const document = JSON.parse(readFileSync(path.join(outDir, 'openapi.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    const committed = JSON.parse(read(openApiDocumentPath)) as Record<string, unknown>;
    expect(document['servers']).toEqual([
      { url: 'https://api.example.gov.vn/prod', description: 'The gateway' },
    ]);
    expect({ ...document, servers: committed['servers'] }).toEqual(committed);
    expect(readFileSync(path.join(outDir, 'quickstart.html'), 'utf8')).toContain(
      '<a href="console/">Console</a>',
    );
  });
});
