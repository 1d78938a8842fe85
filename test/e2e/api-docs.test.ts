import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gatewayRoutes } from '../../infra/routes.js';
import { apiOperations, purposeEnvelopeHeaderDocs } from '../../schemas/api-contract.js';
import { healthReportSchema } from '../../schemas/health.js';
import { localStack, type StackAddresses } from '../support/local-stack.js';

let stack: StackAddresses;

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
