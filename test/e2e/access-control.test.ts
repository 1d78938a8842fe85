import type { Scope } from '../../schemas/clients.js';
import {
  ledgerEntriesFor,
  localStack,
  registerTestClient,
  type StackAddresses,
} from '../support/local-stack.js';

const envelope = { 'x-officer-id': 'CB-0007', 'x-purpose': '1.001234.000.00.00.H12' };
const an = { personalId: '074095000123', fullName: 'Nguyễn Văn An', dateOfBirth: '1995-03-15' };

/** One request per operation, as a client would make it. */
const operations: Record<
  string,
  { scope: Scope; personalData: boolean; request: () => [string, RequestInit] }
> = {
  verify: {
    scope: 'population:verify',
    personalData: true,
    request: () => ['/v1/citizens/verify', { method: 'POST', body: JSON.stringify(an) }],
  },
  lookup: {
    scope: 'population:lookup',
    personalData: true,
    request: () => [
      '/v1/citizens/lookup',
      { method: 'POST', body: JSON.stringify({ personalId: an.personalId }) },
    ],
  },
  parcel: { scope: 'land:read', personalData: true, request: () => ['/v1/land/parcels/25747/12/345', {}] },
  certificate: {
    scope: 'land:read',
    personalData: true,
    request: () => ['/v1/land/certificates/DA12345678', {}],
  },
};

let stack: StackAddresses;
const keys = new Map<string, string>();

beforeAll(async () => {
  stack = localStack();
  for (const [name, operation] of Object.entries(operations)) {
    keys.set(
      name,
      await registerTestClient(stack, {
        clientId: `only-${name}`,
        name: `Client allowed only ${operation.scope}`,
        unitCode: 'UBND-TEST',
        status: 'active',
        policy: { scopes: [operation.scope] },
      }),
    );
  }
});

async function call(
  operation: keyof typeof operations,
  apiKey: string,
  headers: Record<string, string> = {},
) {
  const [path, init] = operations[operation]!.request();
  const response = await fetch(`${stack.gatewayUrl}${path}`, {
    ...init,
    headers: { 'content-type': 'application/json', 'x-api-key': apiKey, ...envelope, ...headers },
  });
  const body = (await response.json()) as Record<string, unknown>;
  return { response, body, requestId: response.headers.get('x-request-id') as string };
}

describe('scopes', () => {
  const matrix = Object.keys(operations).flatMap((client) =>
    Object.keys(operations).map((operation) => [client, operation] as const),
  );

  it.each(matrix)('a client allowed only %s calling %s', async (client, operation) => {
    const allowed = operations[client]!.scope === operations[operation]!.scope;
    const { response, body, requestId } = await call(operation, keys.get(client)!);
    expect(response.status).toBe(allowed ? 200 : 403);
    if (!allowed) expect(body['type']).toBe('https://lienthong.gov.vn/problems/forbidden');
    const entries = await ledgerEntriesFor(stack, requestId);
    if (!operations[operation]!.personalData) {
      // Public business records are not ledgered, allowed or not.
      expect(entries).toEqual([]);
      return;
    }
    expect(entries.map((entry) => entry['outcome'])).toEqual([allowed ? 'allowed' : 'denied']);
    expect(entries[0]).toMatchObject({ clientId: `only-${client}`, operation: operations[operation]!.scope });
  });
});

describe('purposes', () => {
  it('refuses a purpose outside the client’s list with 403, and ledgers the denial', async () => {
    const apiKey = await registerTestClient(stack, {
      clientId: 'social-support-only',
      name: 'Social support app',
      unitCode: 'UBND-TEST',
      status: 'active',
      policy: { scopes: ['population:verify'], allowedPurposes: ['2.000286.000.00.00.H12'] },
    });
    const refused = await call('verify', apiKey);
    expect(refused.response.status).toBe(403);
    expect((await ledgerEntriesFor(stack, refused.requestId)).map((e) => e['outcome'])).toEqual(['denied']);
    const allowed = await call('verify', apiKey, { 'x-purpose': '2.000286.000.00.00.H12' });
    expect(allowed.response.status).toBe(200);
  });
});

describe('field policy', () => {
  it('discloses only the fields the client’s policy lists', async () => {
    const apiKey = await registerTestClient(stack, {
      clientId: 'names-only',
      name: 'Name check app',
      unitCode: 'UBND-TEST',
      status: 'active',
      policy: { scopes: ['population:lookup'], fields: { citizen: ['name'] } },
    });
    const { body, requestId } = await call('lookup', apiKey);
    expect(Object.keys(body['citizen'] as object).sort()).toEqual(['name', 'personalId']);
    expect((await ledgerEntriesFor(stack, requestId))[0]?.['fieldsDisclosed']).toEqual(['name']);
  });
});

describe('rate limit and daily quota', () => {
  it('answers 429 with Retry-After and RateLimit headers beyond the per-second rate', async () => {
    const apiKey = await registerTestClient(stack, {
      clientId: 'slow-client',
      name: 'One request per second',
      unitCode: 'UBND-TEST',
      status: 'active',
      policy: { scopes: ['population:verify'], rateLimit: { perSecond: 1 } },
    });
    // Three requests within well under a second span at most two one-second windows.
    const results = await Promise.all([1, 2, 3].map(() => call('verify', apiKey)));
    const limited = results.filter((r) => r.response.status === 429);
    expect(results.filter((r) => r.response.status === 200).length).toBeLessThanOrEqual(2);
    expect(limited.length).toBeGreaterThanOrEqual(1);
    for (const { response, body, requestId } of limited) {
      expect(response.headers.get('retry-after')).toBe('1');
      expect(response.headers.get('ratelimit-limit')).toBe('1');
      expect(response.headers.get('ratelimit-remaining')).toBe('0');
      expect(body['type']).toBe('https://lienthong.gov.vn/problems/too-many-requests');
      expect((await ledgerEntriesFor(stack, requestId)).map((e) => e['outcome'])).toEqual(['rate-limited']);
    }
  });

  it('answers 429 once the daily quota is spent, telling when it starts over', async () => {
    const apiKey = await registerTestClient(stack, {
      clientId: 'two-a-day',
      name: 'Two requests a day',
      unitCode: 'UBND-TEST',
      status: 'active',
      policy: { scopes: ['population:verify'], dailyQuota: 2 },
    });
    expect((await call('verify', apiKey)).response.status).toBe(200);
    expect((await call('verify', apiKey)).response.status).toBe(200);
    const { response, requestId } = await call('verify', apiKey);
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await ledgerEntriesFor(stack, requestId)).map((e) => e['outcome'])).toEqual(['rate-limited']);
  });

  it('tells an admitted caller what is left of its rate limit', async () => {
    const { response } = await call('verify', keys.get('verify')!);
    expect(response.headers.get('ratelimit-limit')).toBe('20');
    expect(Number(response.headers.get('ratelimit-remaining'))).toBeLessThan(20);
  });
});

describe('unknown keys', () => {
  it('answers 401 to an unknown key on a personal-data route and ledgers the attempt', async () => {
    const { response, body, requestId } = await call('verify', 'no-such-key');
    expect(response.status).toBe(401);
    expect(body['type']).toBe('https://lienthong.gov.vn/problems/unauthenticated');
    const entries = await ledgerEntriesFor(stack, requestId);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      outcome: 'unauthenticated',
      clientId: 'unknown',
      officerId: 'CB-0007',
      purpose: '1.001234.000.00.00.H12',
      operation: 'population:verify',
      subjectKeys: [],
    });
  });

  it('never echoes the key it refused', async () => {
    const { body } = await call('verify', 'secret-looking-key-123');
    expect(JSON.stringify(body)).not.toContain('secret-looking-key-123');
  });
});

describe('revoked keys and disabled clients', () => {
  async function admin(method: string, path: string, body?: unknown) {
    const response = await fetch(`${stack.gatewayUrl}/v1/admin${path}`, {
      method,
      headers: { 'content-type': 'application/json', 'x-api-key': stack.sandboxApiKey },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return (await response.json()) as Record<string, unknown>;
  }

  it('answers a revoked key with 401 and ledgers the attempt', async () => {
    await admin('POST', '/clients', {
      clientId: 'revoked-key-client',
      name: 'R',
      unitCode: 'U',
      policy: { scopes: ['population:verify'] },
    });
    const issued = await admin('POST', '/clients/revoked-key-client/keys', { label: 'soon revoked' });
    await admin('DELETE', `/clients/revoked-key-client/keys/${issued['keyId'] as string}`);
    const { response, requestId } = await call('verify', issued['apiKey'] as string);
    expect(response.status).toBe(401);
    expect((await ledgerEntriesFor(stack, requestId)).map((e) => [e['outcome'], e['clientId']])).toEqual([
      ['unauthenticated', 'unknown'],
    ]);
  });

  it('answers a disabled client’s key with 403 and ledgers the denial under the client', async () => {
    const apiKey = await registerTestClient(stack, {
      clientId: 'disabled-client',
      name: 'Disabled',
      unitCode: 'UBND-TEST',
      status: 'disabled',
      policy: { scopes: ['population:verify'] },
    });
    const { response, body, requestId } = await call('verify', apiKey);
    expect(response.status).toBe(403);
    expect(body['type']).toBe('https://lienthong.gov.vn/problems/forbidden');
    expect(await ledgerEntriesFor(stack, requestId)).toEqual([
      expect.objectContaining({
        outcome: 'denied',
        clientId: 'disabled-client',
        operation: 'population:verify',
      }),
    ]);
  });
});
