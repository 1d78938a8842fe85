import { DynamoDbLedgerReader } from '../../adapters/dynamodb/dynamodb-ledger-reader.js';
import { verifyLedgerRange } from '../../core/access-ledger/verify-ledger.js';
import {
  localStack,
  registerTestClient,
  stackDocuments,
  type StackAddresses,
} from '../support/local-stack.js';
import { unheldPersonalId } from '../support/personal-ids.js';

const an = { personalId: '074095000123', fullName: 'Nguyễn Văn An', dateOfBirth: '1995-03-15' };
/** A well-formed personal id nobody in the sandbox holds, fresh for this run, so nobody has accessed it. */
const nobody = unheldPersonalId();

const purposes = {
  verify: '1.001234.000.00.00.H12',
  lookup: '1.004227.000.00.00.H12',
  mismatch: '2.002189.000.00.00.H12',
  audit: '1.000999.000.00.00.H12',
};

let stack: StackAddresses;

beforeAll(() => {
  stack = localStack();
});

function post(path: string, body: unknown, purpose: string, headers: Record<string, string> = {}) {
  return fetch(`${stack.gatewayUrl}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-api-key': stack.sandboxApiKey,
      'x-officer-id': 'CB-0042',
      'x-purpose': purpose,
      ...headers,
    },
    body: JSON.stringify(body),
  });
}

async function report(body: Record<string, unknown>, headers: Record<string, string> = {}) {
  const response = await post('/v1/audit/subject-report', body, purposes.audit, headers);
  return { response, json: (await response.json()) as Record<string, unknown> };
}

/** Accesses to An made by one test, each with its own purpose; returns their request ids in order. */
async function accessAn(): Promise<string[]> {
  const responses = [
    await post('/v1/citizens/verify', an, purposes.verify),
    await post('/v1/citizens/lookup', { personalId: an.personalId }, purposes.lookup, {
      'x-dossier-id': 'HS-2026-0077',
    }),
    await post('/v1/citizens/verify', { ...an, dateOfBirth: '1995-03-16' }, purposes.mismatch),
  ];
  for (const response of responses) expect(response.status).toBe(200);
  return responses.map((response) => response.headers.get('x-request-id') as string);
}

describe('POST /v1/audit/subject-report', () => {
  it('lists exactly the accesses made to the citizen since a time, oldest first, with their purposes', async () => {
    const from = new Date().toISOString();
    const requestIds = await accessAn();
    const { response, json } = await report({ personalId: an.personalId, from });
    expect(response.status).toBe(200);
    expect(json['accesses']).toEqual([
      {
        recordedAt: expect.any(String),
        requestId: requestIds[0],
        clientId: 'sandbox',
        officerId: 'CB-0042',
        purpose: purposes.verify,
        operation: 'population:verify',
        outcome: 'allowed',
        fieldsDisclosed: [],
      },
      {
        recordedAt: expect.any(String),
        requestId: requestIds[1],
        clientId: 'sandbox',
        officerId: 'CB-0042',
        purpose: purposes.lookup,
        dossierId: 'HS-2026-0077',
        operation: 'population:lookup',
        outcome: 'allowed',
        fieldsDisclosed: expect.arrayContaining(['name', 'dateOfBirth']),
      },
      {
        recordedAt: expect.any(String),
        requestId: requestIds[2],
        clientId: 'sandbox',
        officerId: 'CB-0042',
        purpose: purposes.mismatch,
        operation: 'population:verify',
        outcome: 'allowed',
        fieldsDisclosed: [],
      },
    ]);
    expect(json['nextCursor']).toBeUndefined();
  });

  it('answers an empty report for a citizen nobody accessed', async () => {
    const { response, json } = await report({ personalId: nobody });
    expect(response.status).toBe(200);
    expect(json).toEqual({
      requestId: response.headers.get('x-request-id'),
      accesses: [],
      generatedAt: expect.any(String),
    });
  });

  it('records the report itself, so the next report shows it', async () => {
    const from = new Date().toISOString();
    const first = await report({ personalId: nobody, from });
    const second = await report({ personalId: nobody, from });
    expect(second.json['accesses']).toEqual([
      expect.objectContaining({
        requestId: first.response.headers.get('x-request-id'),
        purpose: purposes.audit,
        operation: 'audit:subject-report',
        outcome: 'allowed',
        fieldsDisclosed: ['accessHistory'],
      }),
    ]);
  });

  it('echoes no personal id in the report', async () => {
    await accessAn();
    const { json } = await report({ personalId: an.personalId });
    expect(JSON.stringify(json)).not.toContain(an.personalId);
  });

  it('refuses a client without the audit:subject-report scope with 403, and records the refusal', async () => {
    const apiKey = await registerTestClient(stack, {
      clientId: 'verifier-only',
      name: 'A client that may only verify',
      unitCode: 'UNIT-1',
      status: 'active',
      policy: { scopes: ['population:verify'] },
    });
    const from = new Date().toISOString();
    const { response, json } = await report({ personalId: nobody, from }, { 'x-api-key': apiKey });
    const audit = await report({ personalId: nobody, from });
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(json).toMatchObject({ type: 'https://lienthong.gov.vn/problems/forbidden', status: 403 });
    expect(audit.json['accesses']).toEqual([
      expect.objectContaining({
        clientId: 'verifier-only',
        operation: 'audit:subject-report',
        outcome: 'denied',
      }),
    ]);
  });

  it('rejects a range that ends before it starts with 400 naming the field', async () => {
    const { response, json } = await report({
      personalId: an.personalId,
      from: '2026-11-27T00:00:00Z',
      to: '2026-11-26T00:00:00Z',
    });
    expect(response.status).toBe(400);
    expect(json['errors']).toEqual([expect.objectContaining({ field: 'to', rule: 'not_before_from' })]);
  });

  it('rejects a cursor it did not hand out with 400', async () => {
    const { response, json } = await report({ personalId: an.personalId, cursor: 'not-a-cursor' });
    expect(response.status).toBe(400);
    expect(json['errors']).toEqual([expect.objectContaining({ field: 'cursor', rule: 'cursor' })]);
  });

  it('pages a long history: 100 accesses a page, and a cursor for the rest', async () => {
    const from = new Date().toISOString();
    for (let batch = 0; batch < 7; batch += 1) {
      await Promise.all(
        Array.from({ length: 15 }, () =>
          post('/v1/citizens/verify', an, purposes.verify).then((r) => r.body?.cancel()),
        ),
      );
    }
    const first = await report({ personalId: an.personalId, from });
    const second = await report({ personalId: an.personalId, from, cursor: first.json['nextCursor'] });
    const rest = second.json['accesses'] as { operation: string }[];
    expect(first.json['accesses']).toHaveLength(100);
    // The other 5 verifications, then the first page's report: it is an access too.
    expect(rest.map((access) => access.operation)).toEqual([
      ...Array<string>(5).fill('population:verify'),
      'audit:subject-report',
    ]);
    expect(second.json['nextCursor']).toBeUndefined();
  }, 60_000);

  it('leaves a ledger that verifies as intact', async () => {
    const from = new Date(Date.now() - 1000).toISOString();
    await accessAn();
    await report({ personalId: an.personalId, from });
    const reader = new DynamoDbLedgerReader(
      stackDocuments(stack),
      stack.tableNames['LEDGER_TABLE_NAME'] as string,
    );
    const verification = await verifyLedgerRange(reader, {
      from,
      to: new Date(Date.now() + 1000).toISOString(),
    });
    expect(verification.entries).toBeGreaterThanOrEqual(4);
    expect(verification.findings).toEqual([]);
  });
});
