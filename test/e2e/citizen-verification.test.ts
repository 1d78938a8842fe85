import { tables } from '../../infra/resources.js';
import {
  healRegistry,
  ledgerEntriesFor,
  localStack,
  registryCounters,
  setPopulationBehaviour,
  type StackAddresses,
} from '../support/local-stack.js';

const an = { personalId: '074095000123', fullName: 'Nguyễn Văn An', dateOfBirth: '1995-03-15' };
const envelope = { 'x-officer-id': 'CB-0042', 'x-purpose': '1.001234.000.00.00.H12' };

let stack: StackAddresses;

beforeAll(() => {
  stack = localStack();
});

afterEach(async () => {
  await healRegistry(stack, 'population', async () => (await verify(an)).response);
});

async function verify(body: unknown, headers: Record<string, string> = {}) {
  const started = performance.now();
  const response = await fetch(`${stack.gatewayUrl}/v1/citizens/verify`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-api-key': stack.sandboxApiKey,
      ...envelope,
      ...headers,
    },
    body: JSON.stringify(body),
  });
  const elapsedMs = performance.now() - started;
  const json = (await response.clone().json()) as Record<string, unknown>;
  return { response, json, elapsedMs };
}

describe('POST /v1/citizens/verify', () => {
  it('confirms a citizen whose id, name and date of birth match the registry', async () => {
    const { response, json } = await verify(an);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('server-timing')).toMatch(
      /^upstream;desc="1 registry call";dur=[\d.]+, gateway;dur=[\d.]+$/,
    );
    expect(json).toEqual({
      requestId: response.headers.get('x-request-id'),
      match: true,
      fields: { fullName: 'exact', dateOfBirth: 'match' },
      checkedAt: expect.any(String),
    });
  });

  it('answers match false for a wrong date of birth, and echoes no personal data', async () => {
    const { response, json } = await verify({ ...an, dateOfBirth: '1995-03-16' });
    expect(response.status).toBe(200);
    expect(json['match']).toBe(false);
    expect(json['fields']).toEqual({ fullName: 'exact', dateOfBirth: 'different' });
    expect(JSON.stringify(json)).not.toContain(an.personalId);
    expect(JSON.stringify(json)).not.toContain('Nguyễn');
  });

  it('grades a name written without diacritics as a weaker signal, never a match', async () => {
    const { json } = await verify({ ...an, fullName: 'NGUYEN VAN AN' });
    expect(json).toMatchObject({
      match: false,
      fields: { fullName: 'diacritics_insensitive', dateOfBirth: 'match' },
    });
  });

  it('rejects a date of birth that contradicts the personal id with 400, before asking the registry', async () => {
    const before = (await registryCounters(stack, 'population')).calls;
    const { response, json } = await verify({ ...an, dateOfBirth: '1996-03-15' });
    const after = (await registryCounters(stack, 'population')).calls;
    expect(response.status).toBe(400);
    expect(json['errors']).toEqual([
      expect.objectContaining({ field: 'personalId', rule: 'inconsistent_with_date_of_birth' }),
    ]);
    expect(after).toBe(before);
  });

  it('confirms a year-only birth given as a year', async () => {
    const { json } = await verify({
      personalId: '074152000777',
      fullName: 'Lê Thị Hoa',
      dateOfBirth: '1952',
    });
    expect(json['match']).toBe(true);
  });

  it('records exactly one ledger entry per verification, with officer, purpose and outcome', async () => {
    const { response } = await verify(an);
    const entries = await ledgerEntriesFor(stack, response.headers.get('x-request-id') as string);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      clientId: 'sandbox',
      officerId: 'CB-0042',
      purpose: '1.001234.000.00.00.H12',
      operation: 'population:verify',
      outcome: 'allowed',
      fieldsDisclosed: [],
    });
    expect(JSON.stringify(entries[0])).not.toContain(an.personalId);
  });

  it('refuses a request without an API key with 401 problem+json', async () => {
    const response = await fetch(`${stack.gatewayUrl}/v1/citizens/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...envelope },
      body: JSON.stringify(an),
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({
      type: 'https://lienthong.gov.vn/problems/unauthenticated',
      status: 401,
    });
  });

  it('refuses an unknown API key with 401', async () => {
    const { response } = await verify(an, { 'x-api-key': 'not-a-key' });
    expect(response.status).toBe(401);
  });

  it('rejects a malformed personal id with 400 naming personalId, before asking the registry', async () => {
    const before = (await registryCounters(stack, 'population')).calls;
    const { response, json } = await verify({ ...an, personalId: '12345' });
    expect((await registryCounters(stack, 'population')).calls).toBe(before);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(json['type']).toBe('https://lienthong.gov.vn/problems/invalid-request');
    expect(json['errors']).toEqual([expect.objectContaining({ field: 'personalId' })]);
  });

  it('names each missing purpose-envelope header', async () => {
    const response = await fetch(`${stack.gatewayUrl}/v1/citizens/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': stack.sandboxApiKey },
      body: JSON.stringify(an),
    });
    const json = (await response.json()) as { errors: { field: string; rule: string }[] };
    expect(response.status).toBe(400);
    expect(json.errors.map((e) => [e.field, e.rule])).toEqual([
      ['header:x-officer-id', 'required'],
      ['header:x-purpose', 'required'],
    ]);
  });

  it('rejects a body that is not JSON with 400 naming the body', async () => {
    const response = await fetch(`${stack.gatewayUrl}/v1/citizens/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': stack.sandboxApiKey, ...envelope },
      body: '{"personalId": ',
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: unknown[] }).errors).toEqual([
      { field: 'body', rule: 'json', message: 'The body is not valid JSON' },
    ]);
  });

  it('answers 504 within the deadline when the registry hangs, and still ledgers the attempt', async () => {
    await setPopulationBehaviour(stack, { faults: [{ mode: 'hang', rate: 1 }] });
    const { response, json, elapsedMs } = await verify(an);
    expect(response.status).toBe(504);
    expect(json['type']).toBe('https://lienthong.gov.vn/problems/upstream-timeout');
    // The stack runs with a 1.5 s registry deadline; allow for scheduling, not for a second attempt.
    expect(elapsedMs).toBeLessThan(5_000);
    // The access is recorded while the registry is asked; how it ended, in a second entry.
    const entries = await ledgerEntriesFor(stack, json['requestId'] as string);
    expect(sortedOutcomes(entries)).toEqual(['allowed', 'upstream-timeout']);
  });

  it('retries once when the registry drops the connection, then answers 502', async () => {
    await setPopulationBehaviour(stack, { faults: [{ mode: 'reset', rate: 1 }] });
    const before = (await registryCounters(stack, 'population')).byOperation['XacThucThongTinCongDan'] ?? 0;
    const { response, json } = await verify(an);
    const after = (await registryCounters(stack, 'population')).byOperation['XacThucThongTinCongDan'] ?? 0;
    expect(response.status).toBe(502);
    expect(json['type']).toBe('https://lienthong.gov.vn/problems/upstream-failed');
    expect(after - before).toBe(2);
    const entries = await ledgerEntriesFor(stack, json['requestId'] as string);
    expect(sortedOutcomes(entries)).toEqual(['allowed', 'upstream-failed']);
  });

  it('answers 503 with Retry-After when the registry’s quota is spent, without retrying', async () => {
    await setPopulationBehaviour(stack, { quotaPerSecond: 1 });
    await verify(an);
    const before = (await registryCounters(stack, 'population')).calls;
    const { response, json } = await verify(an);
    const after = (await registryCounters(stack, 'population')).calls;
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(json).toMatchObject({
      type: 'https://lienthong.gov.vn/problems/upstream-unavailable',
      retryAfterSeconds: 1,
    });
    expect(after - before).toBe(1);
  });

  it('opens the circuit after repeated failures and then answers 503 fast without calling the registry', async () => {
    await setPopulationBehaviour(stack, { faults: [{ mode: 'http-5xx', rate: 1 }], status: 500 });
    for (let i = 0; i < 5; i += 1) expect((await verify(an)).response.status).toBe(502);
    const before = (await registryCounters(stack, 'population')).calls;
    const { response, json, elapsedMs } = await verify(an);
    const after = (await registryCounters(stack, 'population')).calls;
    expect(response.status).toBe(503);
    expect(json['detail']).toContain('circuit open');
    expect(response.headers.get('retry-after')).toBe('1');
    expect(after).toBe(before);
    // Not waiting for the registry (the stack's deadline is 1.5 s).
    expect(elapsedMs).toBeLessThan(1_000);

    // The functions report the open circuit; the health endpoint, which never calls the registry, tells.
    const health = await waitForHealth(
      (report) => report.dependencies['registry:population']?.circuit === 'open',
    );
    expect(health.status).toBe('degraded');
    expect(health.dependencies['registry:population']).toMatchObject({ reachable: true, circuit: 'open' });
    expect(health.dependencies['registry:population']?.recentErrorRate).toBeGreaterThan(0);
  });

  it('answers 502 when the registry returns a server error', async () => {
    await setPopulationBehaviour(stack, { faults: [{ mode: 'http-5xx', rate: 1 }], status: 500 });
    const { response, json } = await verify(an);
    expect(response.status).toBe(502);
    expect(json['type']).toBe('https://lienthong.gov.vn/problems/upstream-failed');
    expect(JSON.stringify(json)).not.toMatch(/<html|stack|at Object\./i);
  });
});

describe('GET /v1/health', () => {
  it('reports every table of infra/resources.ts and the population registry as reachable', async () => {
    const response = await fetch(`${stack.gatewayUrl}/v1/health`);
    const json = (await response.json()) as {
      status: string;
      dependencies: Record<string, { reachable: boolean }>;
    };
    expect(response.status).toBe(200);
    expect(json.status).toBe('ok');
    expect(Object.keys(json.dependencies).sort()).toEqual(
      [
        'registry:business',
        'registry:land',
        'registry:population',
        ...Object.values(tables).map((table) => `table:${table.id}`),
      ].sort(),
    );
  });
});

describe('the local gateway', () => {
  it('answers an unknown route with 404 problem+json', async () => {
    const response = await fetch(`${stack.gatewayUrl}/v1/nothing-here`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
  });
});

interface HealthReport {
  status: string;
  dependencies: Record<string, { reachable: boolean; circuit?: string; recentErrorRate?: number | null }>;
}

/** Polls GET /v1/health until `until` holds (reports are written in the background), for at most 3 s. */
async function waitForHealth(until: (report: HealthReport) => boolean): Promise<HealthReport> {
  const deadline = Date.now() + 3_000;
  for (;;) {
    const report = (await (await fetch(`${stack.gatewayUrl}/v1/health`)).json()) as HealthReport;
    if (until(report) || Date.now() > deadline) return report;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The outcomes of a request's entries in the order they were recorded. */
function sortedOutcomes(entries: Record<string, unknown>[]): unknown[] {
  return [...entries]
    .sort(
      (a, b) =>
        String(a['recordedAt']).localeCompare(String(b['recordedAt'])) ||
        Number(a['sequence']) - Number(b['sequence']),
    )
    .map((entry) => entry['outcome']);
}
