import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Marked } from 'marked';
import { type PortalContent } from '../functions/commons/portal-pages.js';
import { problemCatalogue, problemTypeUri, type ProblemKind } from '../schemas/problem-types.js';

/**
 * The developer portal's generated files, written by `npm run openapi` next to `docs/openapi.json` (a
 * unit test fails while either is stale):
 * - `docs/portal/pages.json`: the quickstart (`docs/portal/quickstart.md`, its TypeScript taken from the
 *   typed-client example so the page shows code that compiles and runs) and the error catalogue (from
 *   `schemas/problem-types.ts`), rendered to HTML once, here, never per request;
 * - `examples/typed-client/api-schema.d.ts`: the typed client's types.
 * The files' text (formatted, with the types by openapi-typescript) is `generated-files.ts`'s: Prettier
 * and openapi-typescript load ESM-only modules that the unit tests (CommonJS) cannot load.
 */

export const quickstartSourcePath = 'docs/portal/quickstart.md';
export const typedClientExamplePath = 'examples/typed-client/quickstart.ts';
export const apiSchemaTypesPath = 'examples/typed-client/api-schema.d.ts';

const markdown = new Marked({ gfm: true });

const read = (file: string): string => readFileSync(path.resolve(file), 'utf8');

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The `// #region <name>` … `// #endregion` blocks of a source file, by name. */
export function regionsOf(source: string): Map<string, string> {
  const regions = new Map<string, string>();
  for (const match of source.matchAll(/^[ \t]*\/\/ #region (\S+)\n([\s\S]*?)^[ \t]*\/\/ #endregion/gm)) {
    regions.set(match[1] as string, (match[2] as string).trimEnd());
  }
  return regions;
}

/** The quickstart's Markdown with each `<!-- typed-client: <region> -->` replaced by that code. */
export function quickstartMarkdown(
  source = read(quickstartSourcePath),
  example = read(typedClientExamplePath),
): string {
  const regions = regionsOf(example);
  return source.replace(/^<!-- typed-client: (\S+) -->$/gm, (_line, name: string) => {
    const code = regions.get(name);
    if (code === undefined) throw new Error(`${typedClientExamplePath} has no region ${name}`);
    return `\`\`\`ts\n${code}\n\`\`\``;
  });
}

/** Renders Markdown; its title is its first level-1 heading. */
function renderMarkdown(text: string): { title: string; html: string } {
  const title = /^# (.+)$/m.exec(text)?.[1];
  if (!title) throw new Error('a portal page needs a "# Title" heading');
  return { title, html: markdown.parse(text, { async: false }) };
}

const inline = (text: string): string => markdown.parseInline(text, { async: false });

/** The error catalogue page: every problem type, its status, what it means and what to do. */
export function errorCatalogueHtml(): { title: string; html: string } {
  const kinds = (Object.keys(problemCatalogue) as ProblemKind[]).sort(
    (a, b) => problemCatalogue[a].status - problemCatalogue[b].status,
  );
  const rows = kinds.map((kind) => {
    const { status, title } = problemCatalogue[kind];
    return `<tr><td>${status}</td><td><a href="#${kind}"><code>${kind}</code></a></td><td>${escapeHtml(title)}</td></tr>`;
  });
  const sections = kinds.map((kind) => {
    const { status, title, meaning, whatToDo } = problemCatalogue[kind];
    return [
      `<section class="problem" id="${kind}" aria-labelledby="${kind}-heading">`,
      `<h2 id="${kind}-heading"><code>${kind}</code> — ${status} ${escapeHtml(title)}</h2>`,
      '<dl>',
      `<dt><code>type</code></dt><dd><code>${escapeHtml(problemTypeUri(kind))}</code></dd>`,
      `<dt>Status</dt><dd>${status}</dd>`,
      `<dt>What it means</dt><dd>${inline(meaning)}</dd>`,
      `<dt>What to do</dt><dd>${inline(whatToDo)}</dd>`,
      '</dl>',
      '</section>',
    ].join('\n');
  });
  const intro = markdown.parse(
    [
      'Every error the gateway answers is `application/problem+json` (RFC 9457) with a stable `type`, a `title`, a `detail`, the `requestId` (also in the `x-request-id` header) and, for an invalid request, `errors`: one entry per offending field, with `field` (a body path such as `personalId`, `path:<name>` or `header:<name>`) and `rule` (the rule it broke, e.g. `format`, `checksum`).',
      '',
      'Branch on `type` (or `status`), never on `title` or `detail`, whose wording may change. Each `type` below has an anchor on this page named after its last segment (`…/problems/not-found` is `#not-found`). Problems with a `Retry-After` header also carry `retryAfterSeconds` in the body.',
      '',
      '```json',
      JSON.stringify(
        {
          type: problemTypeUri('invalid-request'),
          title: problemCatalogue['invalid-request'].title,
          status: 400,
          detail: 'Invalid request: header:x-purpose (required)',
          requestId: 'c0a8012e-5d1f-4b1e-9a6e-3f1d2c4b5a69',
          errors: [
            {
              field: 'header:x-purpose',
              rule: 'required',
              message:
                'x-purpose is required: the public-service or procedure code (mã DVC/TTHC) the access is for',
            },
          ],
        },
        null,
        2,
      ),
      '```',
    ].join('\n'),
    { async: false },
  );
  return {
    title: 'Error catalogue',
    html: [
      '<h1>Error catalogue</h1>',
      intro.trimEnd(),
      '<table>',
      '<caption>Problem types, by status</caption>',
      '<thead><tr><th scope="col">Status</th><th scope="col"><code>type</code> (under <code>https://lienthong.gov.vn/problems/</code>)</th><th scope="col">Title</th></tr></thead>',
      `<tbody>\n${rows.join('\n')}\n</tbody>`,
      '</table>',
      ...sections,
    ].join('\n'),
  };
}

/** The portal's rendered pages, as `docs/portal/pages.json` holds them. */
export function buildPortalContent(): PortalContent {
  return { pages: { quickstart: renderMarkdown(quickstartMarkdown()), errors: errorCatalogueHtml() } };
}
