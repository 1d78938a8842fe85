import path from 'node:path';
import { UpstreamFailedError } from '../../../core/errors/upstream-failed-error.js';
import { UpstreamTimeoutError } from '../../../core/errors/upstream-timeout-error.js';
import { UpstreamUnavailableError } from '../../../core/errors/upstream-unavailable-error.js';
import type { AccessEnvelope } from '../../../core/ports/access-envelope.js';
import { systemClock } from '../../../core/ports/clock.js';
import { SoapPopulationRegistry } from '../../../adapters/population/soap-population-registry.js';
import { freePort } from '../../../local/emulators/free-port.js';
import {
  defaultPopulationCredentials,
  startPopulationRegistry,
  type RunningPopulationRegistry,
} from '../../../local/registries/population/server.js';

const wsdlPath = path.resolve('adapters/population/population.wsdl');
const an = { personalId: '074095000123', fullName: 'Nguyễn Văn An', dateOfBirth: '1995-03-15' };
const envelope: AccessEnvelope = {
  requestId: 'it-1',
  clientId: 'c',
  keyId: 'k',
  officerId: 'CB-1',
  purpose: '1.001234',
  unitCode: 'UBND',
};

let registry: RunningPopulationRegistry;

beforeAll(async () => {
  registry = await startPopulationRegistry({ port: 0, citizenCount: 100 });
});
afterAll(() => registry.stop());
afterEach(() => registry.reset());

const adapter = (overrides: Partial<Parameters<typeof SoapPopulationRegistry.create>[0]> = {}) =>
  SoapPopulationRegistry.create({
    wsdlPath,
    endpoint: registry.url,
    credentials: defaultPopulationCredentials,
    deadlineMs: 1_000,
    clock: systemClock,
    ...overrides,
  });

describe('SoapPopulationRegistry against the simulated registry', () => {
  it('verifies a fixture citizen over SOAP with the signing dialect', async () => {
    await expect((await adapter()).verifyCitizen(an, envelope)).resolves.toEqual({ exists: true });
    expect(registry.counters().byOperation).toEqual({ XacThucThongTinCongDan: 1 });
  });

  it('sends a year-only birth as the year', async () => {
    const hoa = { personalId: '074152000777', fullName: 'Lê Thị Hoa', dateOfBirth: '1952' };
    await expect((await adapter()).verifyCitizen(hoa, envelope)).resolves.toEqual({ exists: true });
  });

  it('maps an authentication fault to UpstreamFailedError without echoing the fault text', async () => {
    const wrong = await adapter({ credentials: { user: 'lienthong-sandbox', secret: 'wrong' } });
    const error = await wrong.verifyCitizen(an, envelope).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamFailedError);
    expect((error as Error).message).toBe('The population registry failed: registry fault XAC_THUC_THAT_BAI');
  });

  it('maps the quota-exceeded fault to UpstreamUnavailableError with a retry delay', async () => {
    registry.setBehaviour({ quotaPerSecond: 1 });
    const client = await adapter();
    await client.verifyCitizen(an, envelope);
    const error = await client.verifyCitizen(an, envelope).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamUnavailableError);
    expect(error).toMatchObject({ reason: 'quota exceeded', retryAfterSeconds: 1 });
  });

  it.each(['xxe', 'entity-expansion', 'malformed', 'oversized', 'wrong-content-type'] as const)(
    'refuses a %s answer as an upstream failure, never as an answer',
    async (mode) => {
      registry.setBehaviour({ faults: [{ mode, rate: 1 }], oversizedBytes: 2 * 1024 * 1024 });
      const error = await (await adapter()).verifyCitizen(an, envelope).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UpstreamFailedError);
      expect((error as Error).message).not.toMatch(/root:|lol|ENTITY/);
    },
  );

  it('gives up at the deadline when the registry hangs', async () => {
    registry.setBehaviour({ faults: [{ mode: 'hang', rate: 1 }] });
    const started = performance.now();
    const error = await (
      await adapter({ deadlineMs: 300 })
    )
      .verifyCitizen(an, envelope)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamTimeoutError);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('answers from an open circuit without calling the registry or waiting out its deadline', async () => {
    registry.setBehaviour({ faults: [{ mode: 'http-5xx', rate: 1 }], status: 500 });
    const client = await adapter({ resilience: { breakerThreshold: 2, halfOpenAfterMs: 60_000 } });
    for (let i = 0; i < 2; i += 1) {
      await expect(client.verifyCitizen(an, envelope)).rejects.toBeInstanceOf(UpstreamFailedError);
    }
    const before = registry.counters().calls;
    const started = performance.now();
    const refusal = await client.verifyCitizen(an, envelope).catch((e: unknown) => e);
    const elapsedMs = performance.now() - started;
    expect(refusal).toMatchObject({ reason: 'circuit open', retryAfterSeconds: 60 });
    expect(registry.counters().calls).toBe(before);
    // A bound on waiting, not a speed figure: well below the adapter's 1 s deadline.
    expect(elapsedMs).toBeLessThan(500);
  });

  it('reports a registry that is not listening as unavailable', async () => {
    const closed = await adapter({ endpoint: `http://127.0.0.1:${await freePort()}/dancu` });
    await expect(closed.verifyCitizen(an, envelope)).rejects.toBeInstanceOf(UpstreamUnavailableError);
  });
});
