import { z } from 'zod';
import {
  apiOperations,
  exampleProblem,
  problemGuidance,
  purposeEnvelopeHeaderDocs,
  schemaNotes,
  type ApiExample,
  type ApiOperation,
} from './api-contract.js';
import { problemCatalogue, problemTypeUri, type ProblemKind } from './problem-types.js';
import { problemMediaType, problemSchema } from './problem.js';
import { maxRequestsPerSecond } from './clients.js';
import { purposeEnvelopeHeadersSchema } from './purpose-envelope.js';

/**
 * Builds the OpenAPI 3.1 document from the API contract (`api-contract.ts`) with zod's own JSON
 * Schema output (draft 2020-12, the dialect OpenAPI 3.1 uses). Run at build time by
 * `npm run openapi` (scripts/generate-openapi.ts), never by a function: the gateway serves the
 * committed `docs/openapi.json`.
 */

type Json = Record<string, unknown>;

/** The OpenAPI document's file, relative to the repository root. */
export const openApiDocumentPath = 'docs/openapi.json';

export function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output'): Json {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    override: ({ zodSchema, jsonSchema }) => {
      // zod spells the date formats out as regular expressions too; the format says it for readers.
      if (jsonSchema.format === 'date-time' || jsonSchema.format === 'date') delete jsonSchema.pattern;
      // A UUID is 36 characters by definition; zod checks the format, so the length holds.
      if (jsonSchema.format === 'uuid' && jsonSchema.maxLength === undefined) jsonSchema.maxLength = 36;
      // zod states an integer's bounds (its own or the safe-integer ones) but not its width.
      if (jsonSchema.type === 'integer' && jsonSchema.format === undefined) {
        jsonSchema.format = fitsInt32(jsonSchema) ? 'int32' : 'int64';
      }
      const notes = schemaNotes.get(zodSchema as unknown as z.ZodType);
      if (notes) Object.assign(jsonSchema, notes);
    },
  });
  return json as Json;
}

const int32Range = { minimum: -(2 ** 31), maximum: 2 ** 31 - 1 };

function fitsInt32(schema: { minimum?: unknown; maximum?: unknown; exclusiveMinimum?: unknown }): boolean {
  const lowest = schema.minimum ?? schema.exclusiveMinimum;
  return (
    typeof lowest === 'number' &&
    lowest >= int32Range.minimum &&
    typeof schema.maximum === 'number' &&
    schema.maximum <= int32Range.maximum
  );
}

const examplesOf = (examples: Record<string, ApiExample>): Json =>
  Object.fromEntries(Object.entries(examples).map(([name, example]) => [name, { ...example }]));

const responseHeaders = {
  'x-request-id': { $ref: '#/components/headers/RequestId' },
  'server-timing': { $ref: '#/components/headers/ServerTiming' },
};

/** The IETF RateLimit fields of the caller's per-second limit (`functions/commons/problem-responses.ts`). */
const rateLimitHeaders = {
  'RateLimit-Limit': { $ref: '#/components/headers/RateLimitLimit' },
  'RateLimit-Remaining': { $ref: '#/components/headers/RateLimitRemaining' },
  'RateLimit-Reset': { $ref: '#/components/headers/RateLimitReset' },
};

/** The security scheme of an operation: the admin API takes keys of `admin` clients only. */
function securityOf(operation: ApiOperation): Json[] {
  if (operation.security === 'public') return [];
  return [operation.path.startsWith('/v1/admin/') ? { adminApiKey: [] } : { apiKey: [] }];
}

/** The problem examples of one status: the operation's own, or one per problem kind. */
function problemExamples(operation: ApiOperation, kinds: readonly ProblemKind[]): Json {
  const examples: Json = {};
  for (const kind of kinds) {
    const own = operation.problemExamples?.[kind];
    const { status, title } = problemCatalogue[kind];
    if (own) Object.assign(examples, examplesOf(own));
    else {
      examples[kind] = {
        summary: title,
        value: exampleProblem(kind, status, title, {
          detail: problemGuidance[kind].split('. ')[0]?.replace(/\.$/, ''),
          ...(kind === 'upstream-unavailable' ? { retryAfterSeconds: 5 } : {}),
        }),
      };
    }
  }
  return examples;
}

/**
 * Problems any operation may answer, whatever it does: API Gateway's stage throttle answers 429 and its
 * failures (and the functions' catch-all) 500, both as problem+json (`infra/constructs/problem-responses.ts`).
 */
const problemsOfEveryOperation: readonly ProblemKind[] = ['too-many-requests', 'internal'];

function problemResponses(operation: ApiOperation): Json {
  const byStatus = new Map<number, ProblemKind[]>();
  const kinds = [...new Set([...operation.problems, ...problemsOfEveryOperation])];
  // The RateLimit fields come with a 429 only where the function itself counted the caller's rate.
  const countsRate = operation.rateLimited === true || operation.problems.includes('too-many-requests');
  for (const kind of kinds) {
    const { status } = problemCatalogue[kind];
    byStatus.set(status, [...(byStatus.get(status) ?? []), kind]);
  }
  return Object.fromEntries(
    [...byStatus.entries()]
      .sort(([a], [b]) => a - b)
      .map(([status, kinds]) => [
        String(status),
        {
          description: kinds.map((kind) => `\`${kind}\`: ${problemGuidance[kind]}`).join('\n\n'),
          headers: {
            ...responseHeaders,
            ...(kinds.includes('upstream-unavailable') || kinds.includes('too-many-requests')
              ? { 'Retry-After': { $ref: '#/components/headers/RetryAfter' } }
              : {}),
            ...(kinds.includes('too-many-requests') && countsRate ? rateLimitHeaders : {}),
          },
          content: {
            [problemMediaType]: {
              schema: { $ref: '#/components/schemas/Problem' },
              examples: problemExamples(operation, kinds),
            },
          },
        },
      ]),
  );
}

function parametersOf(operation: ApiOperation): Json[] {
  const parameters: Json[] = [];
  if (operation.personalData) {
    parameters.push(
      { $ref: '#/components/parameters/OfficerId' },
      { $ref: '#/components/parameters/Purpose' },
      { $ref: '#/components/parameters/DossierId' },
    );
  }
  for (const [name, schema] of Object.entries(operation.pathParameters?.shape ?? {})) {
    const json = jsonSchemaOf(schema as z.ZodType, 'input');
    const { description, ...rest } = json;
    parameters.push({
      name,
      in: 'path',
      required: true,
      ...(description === undefined ? {} : { description }),
      schema: rest,
      ...(operation.pathParameterExamples?.[name] === undefined
        ? {}
        : { example: operation.pathParameterExamples[name] }),
    });
  }
  for (const [name, schema] of Object.entries(operation.queryParameters?.shape ?? {})) {
    const { description, ...rest } = jsonSchemaOf(schema as z.ZodType, 'input');
    parameters.push({
      name,
      in: 'query',
      required: !(schema as z.ZodType).safeParse(undefined).success,
      ...(description === undefined ? {} : { description }),
      schema: rest,
    });
  }
  return parameters;
}

function operationObject(operation: ApiOperation, schemas: Json): Json {
  const successes = Object.entries(operation.responses).map(([status, response]) => {
    const mediaType = response.mediaType ?? 'application/json';
    let schema: Json | undefined;
    if (response.schema) {
      const name = response.schemaName ?? `${operation.operationId}Response${status}`;
      schemas[name] = jsonSchemaOf(response.schema, 'output');
      schema = { $ref: `#/components/schemas/${name}` };
    } else if (!mediaType.includes('json')) {
      schema = { type: 'string' };
    }
    return [
      status,
      {
        description: response.description,
        headers: operation.rateLimited ? { ...responseHeaders, ...rateLimitHeaders } : responseHeaders,
        content: {
          [mediaType]: {
            ...(schema ? { schema } : {}),
            ...(response.examples ? { examples: examplesOf(response.examples) } : {}),
          },
        },
      },
    ] as const;
  });

  let requestBody: Json | undefined;
  if (operation.requestBody) {
    const { schema, schemaName, description, examples } = operation.requestBody;
    schemas[schemaName] = jsonSchemaOf(schema, 'input');
    requestBody = {
      description,
      required: true,
      content: {
        'application/json': {
          schema: { $ref: `#/components/schemas/${schemaName}` },
          examples: examplesOf(examples),
        },
      },
    };
  }

  const parameters = parametersOf(operation);
  return {
    operationId: operation.operationId,
    summary: operation.summary,
    description: operation.description,
    tags: [...operation.tags],
    security: securityOf(operation),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(requestBody ? { requestBody } : {}),
    responses: { ...Object.fromEntries(successes), ...problemResponses(operation) },
    ...(operation.personalData ? { 'x-personal-data': true } : {}),
  };
}

/** The error catalogue, as a Markdown table for the document's description. */
export function errorCatalogueMarkdown(): string {
  const rows = (Object.keys(problemCatalogue) as ProblemKind[]).map((kind) => {
    const { status, title } = problemCatalogue[kind];
    return `| ${status} | \`${kind}\` | ${title} | ${problemGuidance[kind]} |`;
  });
  return [
    '| status | `type` (under `https://lienthong.gov.vn/problems/`) | title | when |',
    '| --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

const documentDescription = (): string =>
  [
    'One consistent REST API to the national registries (population, land, business) for the systems of a province.',
    '',
    '## Calling the API',
    '',
    'Every call but the public ones carries the API key in `x-api-key`. Calls that touch personal data also carry the **purpose envelope**: `x-officer-id` (the officer, *mã cán bộ*) and `x-purpose` (the public-service or procedure code the access is for); `x-dossier-id` is optional. Personal data never goes in a URL: citizen operations are `POST` with a JSON body. Every access to personal data is recorded in the access ledger before the answer leaves.',
    '',
    'Every answer has an `x-request-id` header and a `Server-Timing` header with the gateway’s own time. The examples use the sandbox data of `npm start` (e.g. personal id `074095000123`, Nguyễn Văn An, born 1995-03-15).',
    '',
    '## Errors',
    '',
    'Every error is `application/problem+json` ([RFC 9457](https://www.rfc-editor.org/rfc/rfc9457)) with a stable `type`, a `title`, a `detail`, the `requestId` and, for invalid requests, `errors`: one entry per offending field (`field` is a body path such as `personalId`, or `header:x-purpose`; `rule` names the rule that failed). Clients may branch on `type`. The developer portal’s Errors page says what to do about each.',
    '',
    errorCatalogueMarkdown(),
  ].join('\n');

/** What each group of operations is for, in the reference's navigation. */
const tagDescriptions: Record<string, string> = {
  Operations: 'Whether the gateway and what it depends on are reachable.',
  Citizens: 'The national population registry: verify a citizen’s identity, look up a citizen’s record.',
  Land: 'The land registry: parcels and land-use certificates.',
  Businesses: 'The national business registry: enterprises and their branches by tax code.',
  Audit: 'The access ledger: who accessed a citizen’s personal data, when and why.',
  Administration: 'Clients, their policies and their API keys (keys of clients with the `admin` scope only).',
  Batches: 'Many lookups in one request, processed in the background, results read by page or as CSV.',
  Documentation: 'This document and the pages of the reference.',
};

export interface OpenApiDocumentOptions {
  readonly version: string;
}

export function buildOpenApiDocument(options: OpenApiDocumentOptions): Json {
  const schemas: Json = {};
  const paths: Record<string, Json> = {};
  for (const operation of apiOperations) {
    const pathItem = (paths[operation.path] ??= {});
    pathItem[operation.method.toLowerCase()] = operationObject(operation, schemas);
  }
  schemas['Problem'] = jsonSchemaOf(problemSchema, 'output');

  const envelope = purposeEnvelopeHeadersSchema.shape;
  const header = (name: keyof typeof purposeEnvelopeHeaderDocs, required: boolean): Json => ({
    name,
    in: 'header',
    required,
    description: purposeEnvelopeHeaderDocs[name].description,
    schema: jsonSchemaOf(envelope[name], 'input'),
    example: purposeEnvelopeHeaderDocs[name].example,
  });

  const tags = [...new Set(apiOperations.flatMap((operation) => operation.tags))];
  return {
    openapi: '3.1.1',
    info: {
      title: 'Lienthong API',
      version: options.version,
      summary: 'Provincial gateway to the national registries',
      description: documentDescription(),
    },
    servers: [{ url: 'http://127.0.0.1:3000', description: 'The local sandbox (`npm start`)' }],
    tags: tags.map((name) => ({
      name,
      ...(tagDescriptions[name] ? { description: tagDescriptions[name] } : {}),
    })),
    paths,
    components: {
      schemas: Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b))),
      parameters: {
        OfficerId: header('x-officer-id', true),
        Purpose: header('x-purpose', true),
        DossierId: header('x-dossier-id', false),
      },
      headers: {
        RequestId: {
          description: 'The request’s id, also in problem bodies and the access ledger',
          schema: { type: 'string', format: 'uuid', maxLength: 36 },
        },
        ServerTiming: {
          description: 'The gateway’s own time, e.g. `gateway;dur=12.3`',
          schema: { type: 'string', maxLength: 1024 },
        },
        RetryAfter: {
          description:
            'Seconds to wait before trying again (at most a day: a spent daily quota comes back at midnight, Vietnam time)',
          schema: { type: 'integer', format: 'int32', minimum: 0, maximum: 86_400 },
        },
        RateLimitLimit: {
          description:
            'Requests per second the caller’s key may make (its policy’s `rateLimit.perSecond`); on a 429, present when that rate (not the daily quota) was exceeded',
          schema: { type: 'integer', format: 'int32', minimum: 1, maximum: maxRequestsPerSecond },
        },
        RateLimitRemaining: {
          description: 'Requests the key has left in the current second',
          schema: { type: 'integer', format: 'int32', minimum: 0, maximum: maxRequestsPerSecond },
        },
        RateLimitReset: {
          description: 'Seconds until the current window ends and the allowance is whole again',
          schema: { type: 'integer', format: 'int32', minimum: 0, maximum: 86_400 },
        },
      },
      securitySchemes: {
        apiKey: {
          type: 'apiKey',
          in: 'header',
          name: 'x-api-key',
          description: 'The client’s API key (`npm start` prints a sandbox key that may call everything)',
        },
        adminApiKey: {
          type: 'apiKey',
          in: 'header',
          name: 'x-api-key',
          description:
            'The API key of a client with the `admin` scope: the admin API refuses (403) every other key',
        },
      },
    },
    'x-problem-types': Object.fromEntries(
      (Object.keys(problemCatalogue) as ProblemKind[]).map((kind) => [
        problemTypeUri(kind),
        {
          status: problemCatalogue[kind].status,
          title: problemCatalogue[kind].title,
          when: problemCatalogue[kind].meaning,
          whatToDo: problemCatalogue[kind].whatToDo,
        },
      ]),
    ),
  };
}
