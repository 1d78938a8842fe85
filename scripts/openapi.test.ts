import { readFileSync } from 'node:fs';
import path from 'node:path';
import { validate } from '@readme/openapi-parser';
import type { z } from 'zod';
import { gatewayRoutes } from '../infra/routes.js';
import { fixtureCitizens } from '../local/registries/data/fixture-citizens.js';
import { apiOperations } from '../schemas/api-contract.js';
import { batchResultsQuerySchema } from '../schemas/batches.js';
import { buildOpenApiDocument, openApiDocumentPath } from '../schemas/openapi-document.js';
import { problemCatalogue } from '../schemas/problem-types.js';
import { problemMediaType, problemSchema } from '../schemas/problem.js';
import { purposeEnvelopeHeadersSchema } from '../schemas/purpose-envelope.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const committed = readFileSync(path.resolve(openApiDocumentPath), 'utf8');
const document = JSON.parse(committed) as Json;

const key = (route: { method: string; path: string }) => `${route.method} ${route.path}`;

/** Every example the document holds, with the zod schema it must pass and where it sits. */
function documentedExamples(): [string, z.ZodType, unknown][] {
  const found: [string, z.ZodType, unknown][] = [];
  for (const operation of apiOperations) {
    const documented = document['paths'][operation.path][operation.method.toLowerCase()] as Json;
    const where = key(operation);
    for (const [name, example] of Object.entries(
      (documented['requestBody']?.content['application/json'].examples ?? {}) as Json,
    )) {
      found.push([`${where} request "${name}"`, operation.requestBody!.schema, example.value]);
    }
    for (const [status, response] of Object.entries(documented['responses'] as Json)) {
      for (const [mediaType, content] of Object.entries(response.content as Json)) {
        const schema =
          mediaType === problemMediaType ? problemSchema : operation.responses[Number(status)]?.schema;
        for (const [name, example] of Object.entries((content.examples ?? {}) as Json)) {
          if (!schema) throw new Error(`${where} ${status} example "${name}" has no schema to check it`);
          found.push([`${where} ${status} "${name}"`, schema, example.value]);
        }
      }
    }
    for (const parameter of (documented['parameters'] ?? []) as Json[]) {
      if (parameter['in'] === 'path' && operation.pathParameters) {
        found.push([
          `${where} path parameter ${parameter['name']}`,
          operation.pathParameters.shape[parameter['name']] as z.ZodType,
          parameter['example'],
        ]);
      }
    }
  }
  const parameters = document['components'].parameters as Json;
  for (const parameter of Object.values(parameters)) {
    found.push([
      `header ${parameter['name']}`,
      purposeEnvelopeHeadersSchema.shape[
        parameter['name'] as keyof typeof purposeEnvelopeHeadersSchema.shape
      ],
      parameter['example'],
    ]);
  }
  return found;
}

describe('the OpenAPI document (docs/openapi.json)', () => {
  it('is what `npm run openapi` generates from the API contract (regenerate it when this fails)', () => {
    // Formatting is Prettier's (checked by `npm run lint`); the content must be today's contract.
    const { version } = JSON.parse(readFileSync(path.resolve('package.json'), 'utf8')) as { version: string };
    expect(document).toEqual(buildOpenApiDocument({ version }));
  });

  it('is a valid OpenAPI 3.1 document', async () => {
    expect(document['openapi']).toMatch(/^3\.1\.\d+$/);
    const result = await validate(structuredClone(document) as never);
    expect(result.valid ? [] : result.errors.map((error) => error.message)).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it.each(documentedExamples())('example %s passes its zod schema', (_where, schema, value) => {
    const parsed = schema.safeParse(value);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });

  it('gives each problem example the status and title of its type in the catalogue', () => {
    const problems = Object.values(document['paths'] as Json)
      .flatMap((item) => Object.values(item as Json))
      .flatMap((operation) => Object.entries(operation.responses as Json))
      .flatMap(([status, response]) =>
        Object.values((response.content[problemMediaType]?.examples ?? {}) as Json).map(
          (example) => [Number(status), example.value] as const,
        ),
      );
    expect(problems.length).toBeGreaterThan(0);
    for (const [status, problem] of problems) {
      const kind = String(problem.type).split('/').pop() as keyof typeof problemCatalogue;
      expect({ status, title: problem.title }).toEqual({
        status: problemCatalogue[kind].status,
        title: problemCatalogue[kind].title,
      });
      expect(problem.status).toBe(status);
    }
  });

  it('uses sandbox citizens in its request examples, so they work against `npm start`', () => {
    const people = apiOperations
      .flatMap((operation) => Object.values(operation.requestBody?.examples ?? {}))
      .map((example) => example.value as { personalId?: string; fullName?: string; dateOfBirth?: string })
      .filter((value) => value.personalId !== undefined);
    expect(people.length).toBeGreaterThan(0);
    for (const person of people) {
      const citizen = fixtureCitizens.find((fixture) => fixture.personalId === person.personalId);
      expect(citizen).toBeDefined();
      if (person.fullName !== undefined) expect(person.fullName).toBe(citizen?.fullName);
      if (person.dateOfBirth !== undefined) expect(person.dateOfBirth).toBe(citizen?.dateOfBirth);
    }
  });
});

describe('the API contract (schemas/api-contract.ts)', () => {
  it('lists exactly the routes of infra/routes.ts (add a contract entry for every new route)', () => {
    const routes = gatewayRoutes.map(key).sort();
    const operations = apiOperations.map(key).sort();
    expect({
      routesWithoutContract: routes.filter((route) => !operations.includes(route)),
      contractWithoutRoute: operations.filter((operation) => !routes.includes(operation)),
    }).toEqual({ routesWithoutContract: [], contractWithoutRoute: [] });
  });

  it('marks as public exactly the routes the authorizer does not guard', () => {
    const publicRoutes = gatewayRoutes.filter((route) => !route.authorized).map(key);
    const publicOperations = apiOperations.filter((operation) => operation.security === 'public').map(key);
    expect(publicOperations.sort()).toEqual(publicRoutes.sort());
  });

  it.each(apiOperations.map((operation) => [key(operation), operation] as const))(
    '%s declares one path parameter per {name} in its path',
    (_key, operation) => {
      const inPath = [...operation.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      expect(Object.keys(operation.pathParameters?.shape ?? {})).toEqual(inPath);
    },
  );

  it('documents the query string of batch results as its handler parses it (cursor, limit)', () => {
    const results = (document['paths'] as Json)['/v1/batches/{batchId}/results'].get as Json;
    const query = (results['parameters'] as Json[]).filter((parameter) => parameter['in'] === 'query');
    expect(query.map((parameter) => [parameter['name'], parameter['required'], parameter['schema']])).toEqual(
      [
        ['cursor', false, { type: 'string', maxLength: 6, pattern: '^\\d{1,6}$' }],
        [
          'limit',
          false,
          expect.objectContaining({ type: 'integer', minimum: 1, maximum: 1000, default: 100 }),
        ],
      ],
    );
    expect(Object.keys(batchResultsQuerySchema.shape)).toEqual(query.map((parameter) => parameter['name']));
  });

  it('has unique operation ids', () => {
    const ids = apiOperations.map((operation) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
