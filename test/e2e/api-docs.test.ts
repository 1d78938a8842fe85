import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gatewayRoutes } from '../../infra/routes.js';
import { apiOperations, purposeEnvelopeHeaderDocs } from '../../schemas/api-contract.js';
import { healthReportSchema } from '../../schemas/health.js';
import { localStack, type StackAddresses } from '../support/local-stack.js';

let stack: StackAddresses;

interface OpenApi {
  servers: { url: string }[];
  paths: Record<string, Record<string, { security?: unknown; parameters?: { $ref: string }[] }>>;
  components: {
    securitySchemes: Record<string, unknown>;
    parameters: Record<string, { name: string; example?: unknown }>;
  };
}

beforeAll(() => {
  stack = localStack();
});

describe('GET /openapi.json', () => {
  it('answers the OpenAPI 3.1 document as JSON, without an API key', async () => {
    const response = await fetch(`${stack.gatewayUrl}/openapi.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    const document = (await response.json()) as { openapi: string; info: { title: string } };
    expect(document.openapi).toMatch(/^3\.1\.\d+$/);
    expect(document.info.title).toBe('Lienthong API');
  });

  it('documents every route of the gateway', async () => {
    const document = (await (await fetch(`${stack.gatewayUrl}/openapi.json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const documented = Object.entries(document.paths).flatMap(([route, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${route}`),
    );
    expect(documented.sort()).toEqual(gatewayRoutes.map((route) => `${route.method} ${route.path}`).sort());
  });

  it('names the gateway it was fetched from as its server, and is otherwise the committed file', async () => {
    const document = (await (await fetch(`${stack.gatewayUrl}/openapi.json`)).json()) as Record<
      string,
      unknown
    >;
    const committed = JSON.parse(readFileSync(path.resolve('docs/openapi.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(document['servers']).toEqual([{ url: stack.gatewayUrl, description: 'This gateway' }]);
    expect({ ...document, servers: committed['servers'] }).toEqual(committed);
  });
});

describe('GET /docs', () => {
  it('answers an HTML page that loads the renderer from the gateway and the document beside it', async () => {
    const response = await fetch(`${stack.gatewayUrl}/docs`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const page = await response.text();
    expect(page).toContain('<script type="module" src="docs/assets/rapidoc-min.js"></script>');
    expect(page).toContain('spec-url="openapi.json"');
    expect(page).not.toMatch(/(src|href)="https?:/);
  });

  it('enables try-it with an API key entered in the page, against a document whose scheme is that key', async () => {
    const page = await (await fetch(`${stack.gatewayUrl}/docs`)).text();
    expect(page).toContain('allow-try="true"');
    expect(page).toContain('allow-authentication="true"');
    expect(page).toContain('fill-request-fields-with-example="true"');
    expect(page).toMatch(/<div slot="auth">[\s\S]*x-officer-id[\s\S]*<\/div>/);

    const document = (await (await fetch(`${stack.gatewayUrl}/openapi.json`)).json()) as OpenApi;
    // Every scheme (the admin API's names its scope) is the one key RapiDoc asks for, in `x-api-key`.
    const schemes = Object.values(document.components.securitySchemes);
    expect(schemes.length).toBeGreaterThan(0);
    for (const scheme of schemes) {
      expect(scheme).toMatchObject({ type: 'apiKey', in: 'header', name: 'x-api-key' });
    }
    // Try-it sends each operation's header parameters: the purpose envelope, with sandbox examples.
    const verify = document.paths['/v1/citizens/verify']?.['post'];
    expect(verify?.security).toEqual([{ apiKey: [] }]);
    const headers = (verify?.parameters ?? []).map((parameter) => {
      const name = parameter.$ref.split('/').pop() as string;
      return document.components.parameters[name];
    });
    expect(headers).toEqual([
      expect.objectContaining({ name: 'x-officer-id', in: 'header', required: true, example: 'CB-0042' }),
      expect.objectContaining({ name: 'x-purpose', in: 'header', required: true }),
      expect.objectContaining({ name: 'x-dossier-id', in: 'header', required: false }),
    ]);
  });

  it('a call as try-it makes it (the served server, the entered key, the prefilled envelope) answers 200', async () => {
    const document = (await (await fetch(`${stack.gatewayUrl}/openapi.json`)).json()) as OpenApi;
    const server = document.servers[0]?.url as string;
    const example = (name: string) => document.components.parameters[name]?.example as string;
    const response = await fetch(`${server}/v1/citizens/verify`, {
      method: 'POST',
      headers: {
        'x-api-key': stack.sandboxApiKey,
        'x-officer-id': example('OfficerId'),
        'x-purpose': example('Purpose'),
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        personalId: '074095000123',
        fullName: 'Nguyễn Văn An',
        dateOfBirth: '1995-03-15',
      }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ match: true });
  });

  it('serves the renderer the page loads', async () => {
    const response = await fetch(`${stack.gatewayUrl}/docs/assets/rapidoc-min.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toBe(
      readFileSync(path.resolve('node_modules/rapidoc/dist/rapidoc-min.js'), 'utf8'),
    );
  });

  it('answers 404 problem+json for a file the page does not have', async () => {
    const response = await fetch(`${stack.gatewayUrl}/docs/assets/secrets.json`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({ type: 'https://lienthong.gov.vn/problems/not-found' });
  });
});

describe('the developer portal pages', () => {
  const pages = { '/docs': 'reference', '/docs/quickstart': 'quickstart', '/docs/errors': 'errors' };

  it.each(Object.keys(pages))(
    'GET %s answers an HTML page of the portal, without an API key',
    async (page) => {
      const response = await fetch(`${stack.gatewayUrl}${page}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      const html = await response.text();
      expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
      expect(html).toContain('<nav class="portal-nav" aria-label="Developer portal">');
      expect(html).toMatch(/<a href="[^"]*" aria-current="page">/);
      expect(html).toMatch(/<h1[ >]/);
    },
  );

  it.each(Object.keys(pages))('every link of %s leads to a page or file the gateway serves', async (page) => {
    const html = await (await fetch(`${stack.gatewayUrl}${page}`)).text();
    const links = [...html.matchAll(/\b(?:href|src|spec-url)="([^"#][^"]*)"/g)]
      .map((match) => match[1] as string)
      .filter((link) => !/^(https?|data):/.test(link));
    expect(links.length).toBeGreaterThan(4);
    for (const link of new Set(links)) {
      const url = new URL(link, `${stack.gatewayUrl}${page}`);
      const response = await fetch(url);
      expect({ link, status: response.status }).toEqual({ link, status: 200 });
    }
  });

  it('the quickstart walks through the sandbox fixtures with curl and the typed client', async () => {
    const html = await (await fetch(`${stack.gatewayUrl}/docs/quickstart`)).text();
    expect(html).toContain('<h1>Quickstart</h1>');
    expect(html).toContain('074095000123');
    expect(html).toContain('Nguyễn Văn An');
    expect(html).toContain('/v1/businesses/3701234562');
    expect(html).toContain('/v1/land/parcels/25747/12/345');
    expect(html).toContain('client.POST(&#39;/v1/batches&#39;');
  });

  it('the error page has an anchor for the type of a problem the gateway answers', async () => {
    const problem = (await (await fetch(`${stack.gatewayUrl}/docs/assets/secrets.json`)).json()) as {
      type: string;
    };
    const kind = problem.type.split('/').pop() as string;
    const html = await (await fetch(`${stack.gatewayUrl}/docs/errors`)).text();
    expect(html).toContain(`<section class="problem" id="${kind}"`);
    expect(html).toContain(`<code>${problem.type}</code>`);
  });
});

describe('the documented schemas against the running gateway', () => {
  it('GET /v1/health answers what the document says it does', async () => {
    const response = await fetch(`${stack.gatewayUrl}/v1/health`);
    const parsed = healthReportSchema.safeParse(await response.json());
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });
});

describe('the documented examples against the running gateway', () => {
  // Admin operations that change clients or keys are exercised in clients-and-keys.test.ts, in order.
  // Batches answer 202 and name batches that exist only once submitted: exercised in batches.test.ts.
  const readsOrPersonalData = apiOperations.filter(
    (operation) =>
      !(operation.path.startsWith('/v1/admin/') && operation.method !== 'GET') &&
      !operation.path.startsWith('/v1/batches'),
  );
  const calls = readsOrPersonalData.flatMap((operation) => {
    const bodies = Object.entries(operation.requestBody?.examples ?? { none: { value: undefined } });
    return bodies.map(
      ([name, example]) =>
        [`${operation.method} ${operation.path} "${name}"`, operation, example.value] as const,
    );
  });

  it.each(calls)('%s answers 200 with a body its schema accepts', async (_name, operation, body) => {
    const url = operation.path.replace(/\{(\w+)\}/g, (_match, name: string) =>
      encodeURIComponent(operation.pathParameterExamples?.[name] ?? ''),
    );
    const headers: Record<string, string> = {
      ...(operation.security === 'apiKey' ? { 'x-api-key': stack.sandboxApiKey } : {}),
      ...(operation.personalData
        ? {
            'x-officer-id': purposeEnvelopeHeaderDocs['x-officer-id'].example,
            'x-purpose': purposeEnvelopeHeaderDocs['x-purpose'].example,
          }
        : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    };
    const response = await fetch(`${stack.gatewayUrl}${url}`, {
      method: operation.method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    expect({ status: response.status, text: response.status === 200 ? '' : text }).toEqual({
      status: 200,
      text: '',
    });
    const schema = operation.responses[200]?.schema;
    if (schema) {
      const parsed = schema.safeParse(JSON.parse(text));
      expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    }
  });
});
