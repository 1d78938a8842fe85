import fc from 'fast-check';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoDbLedgerReader } from '../../adapters/dynamodb/dynamodb-ledger-reader.js';
import { verifyLedgerRange } from '../../core/access-ledger/verify-ledger.js';
import { gatewayRoutes, type GatewayRoute } from '../../infra/routes.js';
import { localStack, stackDocuments, type StackAddresses } from '../support/local-stack.js';

/**
 * Property-based requests against every route of the table: random and near-valid bodies, headers,
 * encodings, oversized and deeply nested JSON, wrong content types, invalid UTF-8. Whatever arrives,
 * the gateway answers within a bound, never with a 5xx, and every error is problem+json; every
 * personal-data access that got past validation is in the ledger, and the ledger has no gap.
 */
let stack: StackAddresses;
const startedAt = new Date().toISOString();
/** Request ids of answers that must have a ledger entry (personal data, not refused as malformed). */
const mustBeLedgered = new Map<string, number>();

beforeAll(() => {
  stack = localStack();
});

/** Runs per route; 19 routes × this many requests keep the suite near a minute on 2 cores. */
const numRuns = Number(process.env['FUZZ_RUNS'] ?? 20);
/** Far above every registry deadline (1.5 s in tests) and retry: an answer slower than this hung. */
const answerBoundMs = 10_000;

const citizen = { personalId: '074095000123', fullName: 'Nguyễn Văn An', dateOfBirth: '1995-03-15' };
const validBodies: Record<string, unknown> = {
  '/v1/citizens/verify': citizen,
  '/v1/citizens/lookup': { personalId: citizen.personalId },
  '/v1/audit/subject-report': { personalId: citizen.personalId },
  '/v1/admin/clients': { clientId: 'fuzz-client', name: 'Fuzz', unitCode: 'FUZZ', policy: { scopes: [] } },
};

/** Visible ASCII only: fetch refuses other header bytes before anything is sent. */
const headerText = fc.string({
  unit: fc.constantFrom(...' !#$%&*+-./0123456789:;=?@AZaz_|~"\'\\<>'.split('')),
  maxLength: 80,
});
const deeplyNested = fc
  .integer({ min: 1_000, max: 50_000 })
  .map((depth) => '['.repeat(depth) + ']'.repeat(depth));
const oversized = fc
  .integer({ min: 200_000, max: 2_000_000 })
  .map((size) => JSON.stringify({ personalId: 'x'.repeat(size) }));
const invalidUtf8 = fc
  .uint8Array({ minLength: 1, maxLength: 200 })
  .map((bytes) =>
    Buffer.concat([
      Buffer.from('{"fullName":"'),
      Buffer.from([0xc3, 0x28, 0xff, 0xfe]),
      Buffer.from(bytes),
      Buffer.from('"}'),
    ]),
  );

/** A valid body with one field changed to something else (wrong type, huge, empty, unicode). */
function nearValid(body: unknown): fc.Arbitrary<string> {
  if (typeof body !== 'object' || body === null) return fc.json();
  const keys = Object.keys(body);
  return fc
    .record({
      key: fc.constantFrom(...keys, '__proto__', 'extra'),
      value: fc.oneof(
        fc.jsonValue(),
        fc.string({ maxLength: 300 }),
        fc.string({ unit: 'binary', maxLength: 40 }),
      ),
    })
    .map(({ key, value }) => JSON.stringify({ ...body, [key]: value }));
}

function bodyFor(route: GatewayRoute): fc.Arbitrary<string | Uint8Array | undefined> {
  const valid = validBodies[route.path];
  return fc.oneof(
    fc.constant(undefined),
    fc.constant(JSON.stringify(valid ?? {})),
    nearValid(valid),
    fc.json(),
    fc.string({ maxLength: 200 }),
    deeplyNested,
    oversized,
    invalidUtf8.map((buffer) => new Uint8Array(buffer)),
  );
}

const contentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=latin1',
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/xml',
  'multipart/form-data; boundary=x',
  '',
);

/** Path parameters: random, sometimes empty-looking or encoded, never the sandbox's own ids. */
const pathParameter = fc
  .oneof(
    fc.string({ minLength: 1, maxLength: 40 }),
    fc.stringMatching(/^[0-9]{1,15}$/),
    fc.constantFrom('..', '%00', 'DA12345678'),
  )
  .filter((value) => !value.toLowerCase().includes('sandbox'));

function pathFor(route: GatewayRoute): fc.Arbitrary<string> {
  const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
  return fc
    .array(pathParameter, { minLength: names.length, maxLength: names.length })
    .map((values) =>
      names.reduce(
        (path, name, index) => path.replace(`{${name}}`, encodeURIComponent(values[index]!)),
        route.path,
      ),
    );
}

/** Headers the route does not expect: custom names and well-known ones with random values. */
const extraHeaders = fc.dictionary(
  fc.oneof(
    fc.stringMatching(/^x-[a-z0-9-]{1,24}$/),
    fc.constantFrom(
      'authorization',
      'cookie',
      'forwarded',
      'x-forwarded-for',
      'x-amzn-trace-id',
      'if-none-match',
    ),
  ),
  headerText,
  { maxKeys: 6 },
);

function headersFor(): fc.Arbitrary<Record<string, string>> {
  return fc
    .tuple(
      extraHeaders,
      fc.record(
        {
          'x-api-key': fc.oneof(fc.constant('valid'), headerText),
          'x-officer-id': fc.oneof(fc.constant('CB-0042'), headerText),
          'x-purpose': fc.oneof(fc.constant('1.001234.000.00.00.H12'), headerText),
          'x-dossier-id': headerText,
          'content-type': contentType,
          'content-encoding': fc.constantFrom('gzip', 'identity', 'br'),
          accept: fc.constantFrom('application/json', 'text/html', '*/*'),
        },
        { requiredKeys: ['x-api-key'] },
      ),
    )
    .map(([extra, known]) => ({ ...extra, ...known }));
}

/**
 * The hostile inputs every route meets on every run, whatever the random cases draw: with a valid key
 * and purpose envelope (so they reach the function), a body of invalid UTF-8, truncated JSON, one
 * nested 50,000 deep, one of 2 MB, a JSON body declared as another media type, and headers the route
 * does not expect.
 */
function hostileExamples(
  route: GatewayRoute,
): [string, Record<string, string>, string | Uint8Array | undefined][] {
  const path = route.path.replaceAll(/\{\w+\}/g, '1');
  const envelope = { 'x-api-key': 'valid', 'x-officer-id': 'CB-0042', 'x-purpose': '1.001234.000.00.00.H12' };
  const json = { ...envelope, 'content-type': 'application/json' };
  const valid = JSON.stringify(validBodies[route.path] ?? {});
  return [
    [
      path,
      json,
      new Uint8Array(
        Buffer.concat([
          Buffer.from('{"fullName":"'),
          Buffer.from([0xc3, 0x28, 0xff, 0xfe]),
          Buffer.from('"}'),
        ]),
      ),
    ],
    [path, json, '{"personalId": "0740'],
    [path, json, '['.repeat(50_000) + ']'.repeat(50_000)],
    [path, json, JSON.stringify({ personalId: 'x'.repeat(2_000_000) })],
    [path, { ...envelope, 'content-type': 'text/plain' }, valid],
    [path, { ...envelope, 'content-type': 'application/xml' }, '<?xml version="1.0"?><a/>'],
    [
      path,
      {
        ...json,
        'x-unexpected': '1',
        cookie: 'a=b',
        authorization: 'Bearer x',
        'x-forwarded-for': '1.2.3.4',
      },
      valid,
    ],
  ];
}

// Client management routes are fuzzed with the sandbox key too (it has every scope); their path never
// names the sandbox (see pathParameter), so random input cannot disable it under the other suites.
describe.each(gatewayRoutes.map((route) => [`${route.method} ${route.path}`, route] as const))(
  '%s under random input',
  (_name, route) => {
    it('answers within the bound, never a 5xx, every error as problem+json', async () => {
      await fc.assert(
        fc.asyncProperty(pathFor(route), headersFor(), bodyFor(route), async (path, headers, body) => {
          const sentHeaders: Record<string, string> = {
            ...headers,
            'x-api-key':
              headers['x-api-key'] === 'valid' ? stack.sandboxApiKey : (headers['x-api-key'] ?? ''),
          };
          const response = await fetch(`${stack.gatewayUrl}${path}`, {
            method: route.method,
            headers: sentHeaders,
            ...(route.method === 'GET' || body === undefined ? {} : { body }),
            signal: AbortSignal.timeout(answerBoundMs),
          });
          const text = await response.text();
          const requestId = response.headers.get('x-request-id');
          expect({ status: response.status, text: text.slice(0, 300) }).toEqual({
            status: expect.any(Number),
            text: expect.any(String),
          });
          expect(response.status).toBeLessThan(500);
          if (response.status >= 400) {
            expect(response.headers.get('content-type')).toBe('application/problem+json');
            expect(JSON.parse(text)).toMatchObject({ type: expect.any(String), status: response.status });
          }
          // A request without a key never reaches any code (API Gateway refuses it), so nothing ledgers it.
          // HTTP drops a header value's leading and trailing spaces: a key of spaces arrives empty.
          const reachedCode = (sentHeaders['x-api-key'] ?? '').trim() !== '';
          if (
            route.personalData &&
            requestId &&
            reachedCode &&
            ![400, 404, 405, 413, 415].includes(response.status)
          ) {
            mustBeLedgered.set(requestId, response.status);
          }
        }),
        { numRuns, endOnFailure: true, examples: hostileExamples(route) },
      );
    });
  },
);

describe('the ledger after the fuzzing', () => {
  it('holds an entry for every personal-data answer that got past validation', async () => {
    const ledgered = new Set<string>();
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await stackDocuments(stack).send(
        new ScanCommand({
          TableName: stack.tableNames['LEDGER_TABLE_NAME'],
          FilterExpression: 'begins_with(pk, :chain) AND recordedAt >= :from',
          ExpressionAttributeValues: { ':chain': 'CHAIN#', ':from': startedAt },
          ProjectionExpression: 'requestId',
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of page.Items ?? []) ledgered.add(String(item['requestId']));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    expect([...mustBeLedgered].filter(([id]) => !ledgered.has(id))).toEqual([]);
  });

  it('has no gap, changed or missing entry over the run', async () => {
    const reader = new DynamoDbLedgerReader(
      stackDocuments(stack),
      stack.tableNames['LEDGER_TABLE_NAME'] as string,
    );
    const verification = await verifyLedgerRange(reader, { from: startedAt, to: new Date().toISOString() });
    expect(verification.findings).toEqual([]);
  });
});
