import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { FaultMode } from '../../local/registries/behaviour/behaviour.js';
import {
  healRegistry,
  ledgerEntriesFor,
  localStack,
  registryCounters,
  setRegistryBehaviour,
  type StackAddresses,
} from '../support/local-stack.js';

/**
 * Every fault mode of the simulated registries against every endpoint that calls one: the mapped
 * status as problem+json, within the deadline (the test stack's registry deadline is 1.5 s), the
 * attempt ledgered for personal data, the gateway's memory bounded under hostile bodies, and the
 * circuit breaker opening after its threshold and closing again once the registry recovers.
 */
let stack: StackAddresses;

beforeAll(() => {
  stack = localStack();
});

const envelope = { 'x-officer-id': 'CB-0042', 'x-purpose': '1.001234.000.00.00.H12' };
const citizen = { personalId: '074095000123', fullName: 'Nguyễn Văn An', dateOfBirth: '1995-03-15' };

interface Endpoint {
  readonly name: string;
  readonly registry: 'population' | 'land' | 'business';
  readonly personalData: boolean;
  call(): Promise<Response>;
}

const endpoints: Endpoint[] = [
  {
    name: 'POST /v1/citizens/verify',
    registry: 'population',
    personalData: true,
    call: () => post('/v1/citizens/verify', citizen),
  },
  {
    name: 'POST /v1/citizens/lookup',
    registry: 'population',
    personalData: true,
    call: () => post('/v1/citizens/lookup', { personalId: citizen.personalId }),
  },
  {
    name: 'GET /v1/land/parcels/{communeCode}/{mapSheet}/{parcelNumber}',
    registry: 'land',
    personalData: true,
    call: () => get('/v1/land/parcels/25747/12/345'),
  },
  {
    name: 'GET /v1/land/certificates/{serial}',
    registry: 'land',
    personalData: true,
    call: () => get('/v1/land/certificates/DA12345678'),
  },
  {
    // A valid code the registry does not hold: answered 404 when healthy, so never cached.
    name: 'GET /v1/businesses/{enterpriseCode}',
    registry: 'business',
    personalData: false,
    call: () => get('/v1/businesses/0100233488'),
  },
];

function post(path: string, body: unknown): Promise<Response> {
  return fetch(`${stack.gatewayUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': stack.sandboxApiKey, ...envelope },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(15_000),
  });
}

function get(path: string): Promise<Response> {
  return fetch(`${stack.gatewayUrl}${path}`, {
    headers: { 'x-api-key': stack.sandboxApiKey, ...envelope },
    signal: AbortSignal.timeout(15_000),
  });
}

/** Each fault mode and the status it must map to: the registry failed (502) or did not answer (504). */
const faults: readonly (readonly [FaultMode, number])[] = [
  ['fault', 502],
  ['http-5xx', 502],
  ['hang', 504],
  ['reset', 502],
  ['malformed', 502],
  ['xxe', 502],
  ['entity-expansion', 502],
  ['oversized', 502],
  ['wrong-content-type', 502],
];

/** The deadline, a retry of a transient failure with its backoff, and scheduling on a busy machine. */
const answerBoundMs = 5_000;

/** Resident memory of the stack's Node process (the gateway and its functions), in MiB. */
function gatewayRssMiB(): number {
  const leader = Number(readFileSync(process.env['LIENTHONG_TEST_STACK_PID'] as string, 'utf8'));
  const pids = [
    leader,
    ...execFileSync('ps', ['-o', 'pid=', '--ppid', String(leader)], { encoding: 'utf8' })
      .split('\n')
      .map(Number)
      .filter(Boolean),
  ];
  const rss = pids.map((pid) => {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  });
  return Math.max(...rss);
}

describe.each(endpoints.map((endpoint) => [endpoint.name, endpoint] as const))('%s', (_name, endpoint) => {
  afterEach(async () => {
    await healRegistry(stack, endpoint.registry, endpoint.call);
  });

  it.each(faults)(
    'maps a registry answering %s to %i problem+json within the deadline',
    async (mode, status) => {
      await setRegistryBehaviour(stack, endpoint.registry, { faults: [{ mode, rate: 1 }] });
      const started = performance.now();
      const response = await endpoint.call();
      const body = (await response.json()) as Record<string, unknown>;
      const elapsedMs = performance.now() - started;

      // A parcel lookup may ask several predecessor communes, each retried once: its own failures can
      // reach the breaker's threshold, and then the circuit-open 503 is the right answer.
      const trippedBreaker = response.status === 503 && String(body['detail']).includes('circuit open');
      expect(trippedBreaker ? status : response.status).toBe(status);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(JSON.stringify(body)).not.toMatch(/ENTITY|SYSTEM|file:|\/etc\/|lol/i);
      expect(elapsedMs).toBeLessThan(answerBoundMs);
      if (endpoint.personalData) {
        const entries = await ledgerEntriesFor(stack, body['requestId'] as string);
        const outcome = trippedBreaker
          ? 'upstream-unavailable'
          : status === 504
            ? 'upstream-timeout'
            : 'upstream-failed';
        // A verification's access is recorded while the registry is asked; how it ended, after.
        expect(entries.map((entry) => entry['outcome']).sort()).toEqual(
          (endpoint.name === 'POST /v1/citizens/verify' ? ['allowed', outcome] : [outcome]).sort(),
        );
      }
    },
  );

  it('answers 503 with Retry-After when the registry’s quota is spent', async () => {
    await setRegistryBehaviour(stack, endpoint.registry, { quotaPerSecond: 1 });
    const responses = [];
    for (let i = 0; i < 3; i += 1) responses.push(await endpoint.call());
    const refused = responses.find((response) => response.status === 503);
    expect(refused?.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(refused?.headers.get('content-type')).toBe('application/problem+json');
  });

  it('keeps its memory bounded while the registry answers oversized and entity-expanding bodies', async () => {
    const before = gatewayRssMiB();
    for (const mode of ['oversized', 'entity-expansion'] as const) {
      await setRegistryBehaviour(stack, endpoint.registry, { faults: [{ mode, rate: 1 }] });
      for (let i = 0; i < 4; i += 1) {
        // 502, or 503 once the breaker opens (a land lookup may ask the registry more than once).
        expect([502, 503]).toContain((await endpoint.call()).status);
      }
      await healRegistry(stack, endpoint.registry, endpoint.call);
    }
    expect(gatewayRssMiB() - before).toBeLessThan(150);
  });

  it('opens the circuit after repeated failures (no registry call, fast 503), and closes it on recovery', async () => {
    await setRegistryBehaviour(stack, endpoint.registry, {
      faults: [{ mode: 'http-5xx', rate: 1 }],
      status: 500,
    });
    for (let i = 0; i < 5; i += 1) await (await endpoint.call()).body?.cancel();
    const before = (await registryCounters(stack, endpoint.registry)).calls;
    const open = await endpoint.call();
    const after = (await registryCounters(stack, endpoint.registry)).calls;
    expect(open.status).toBe(503);
    expect(((await open.json()) as { detail: string }).detail).toContain('circuit open');
    expect(after).toBe(before);

    // The registry recovers; after the half-open delay (1 s in the test stack) one trial call closes it.
    await fetch(`${stack.registries[endpoint.registry]?.controlUrl}/reset`, { method: 'POST' });
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    const trial = await endpoint.call();
    await trial.body?.cancel();
    expect(trial.status).toBeLessThan(500);
    const closed = await endpoint.call();
    await closed.body?.cancel();
    expect(closed.status).toBeLessThan(500);
    expect((await registryCounters(stack, endpoint.registry)).calls).toBeGreaterThan(0);
  });
});
