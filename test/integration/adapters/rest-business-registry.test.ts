import { NotFoundError } from '../../../core/errors/not-found-error.js';
import { UpstreamFailedError } from '../../../core/errors/upstream-failed-error.js';
import { UpstreamRejectedError } from '../../../core/errors/upstream-rejected-error.js';
import { UpstreamTimeoutError } from '../../../core/errors/upstream-timeout-error.js';
import { UpstreamUnavailableError } from '../../../core/errors/upstream-unavailable-error.js';
import { systemClock, type Clock } from '../../../core/ports/clock.js';
import {
  RestBusinessRegistry,
  type RestBusinessRegistryOptions,
} from '../../../adapters/business/rest-business-registry.js';
import { freePort } from '../../../local/emulators/free-port.js';
import {
  generateBusinessRegistryData,
  type BusinessRegistryData,
} from '../../../local/registries/business/data.js';
import {
  defaultBusinessClients,
  startBusinessRegistry,
  type RunningBusinessRegistry,
} from '../../../local/registries/business/server.js';
import { businessRecordSchema } from '../../../schemas/business-records.js';

const sandbox = defaultBusinessClients[0];
const lookupOperation = 'GET /api/doanh-nghiep/{msdn}';
const tokenOperation = 'POST /oauth/token';

let data: BusinessRegistryData;
let registry: RunningBusinessRegistry;
let shortLived: RunningBusinessRegistry;

beforeAll(async () => {
  data = generateBusinessRegistryData({ businessCount: 50 });
  [registry, shortLived] = await Promise.all([
    startBusinessRegistry({ port: 0, data }),
    startBusinessRegistry({ port: 0, data, tokenTtlSeconds: 1 }),
  ]);
});
afterAll(() => Promise.all([registry.stop(), shortLived.stop()]));
afterEach(() => {
  registry.registry.reset();
  shortLived.registry.reset();
});

const adapter = (overrides: Partial<RestBusinessRegistryOptions> = {}) =>
  new RestBusinessRegistry({
    endpoint: registry.url,
    credentials: sandbox,
    deadlineMs: 1_000,
    clock: systemClock,
    ...overrides,
  });

/** An adapter that already holds a token, so a fault set afterwards meets the lookup itself. */
async function adapterWithToken(overrides: Partial<RestBusinessRegistryOptions> = {}) {
  const client = adapter(overrides);
  await client.lookUpEnterprise('3701234562');
  return client;
}

const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error,
  );

describe('RestBusinessRegistry against the simulated business registry', () => {
  it('looks up the active joint-stock fixture in the English schema', async () => {
    const record = await adapter().lookUpEnterprise('3701234562');
    expect(businessRecordSchema.parse(record)).toEqual(record);
    expect(record).toMatchObject({
      enterpriseCode: '3701234562',
      names: { vietnamese: 'CÔNG TY CỔ PHẦN ĐẦU TƯ XÂY DỰNG PHÚ CƯỜNG', short: 'PHU CUONG JSC' },
      legalForm: { code: 'joint_stock_company', registryText: 'Công ty cổ phần' },
      status: { code: 'active', registryText: 'Đang hoạt động' },
      charterCapitalVnd: 25_000_000_000,
      headOffice: {
        registeredCommune: { code: '25747', name: 'Phường Thủ Dầu Một', era: '2025' },
        current: { commune: { code: '25747' }, province: { code: '79' } },
      },
      representatives: [{ fullName: 'Nguyễn Văn An', role: 'Tổng giám đốc' }],
    });
    expect(record.businessLines.map((line) => [line.vsicCode, line.main])).toEqual([
      ['4101', true],
      ['4102', false],
      ['7110', false],
    ]);
  });

  it("never passes on a representative's personal id or birth date", async () => {
    const text = JSON.stringify(await adapter().lookUpEnterprise('3701234562'));
    expect(text).not.toContain('074095000123');
    expect(text).not.toContain('1995-03-15');
  });

  it('looks up the branch in Dĩ An with its parent enterprise', async () => {
    const record = await adapter().lookUpEnterprise('3701234562-001');
    expect(record).toMatchObject({
      enterpriseCode: '3701234562-001',
      parentEnterpriseCode: '3701234562',
      legalForm: { code: 'branch', registryText: 'Chi nhánh' },
      headOffice: { current: { commune: { code: '25942', name: 'Phường Dĩ An' } } },
    });
  });

  it('looks up the dissolved fixture with its status code and wording', async () => {
    const record = await adapter().lookUpEnterprise('3700987651');
    expect(record.status).toEqual({
      code: 'dissolved',
      registryText: 'Đã giải thể, phá sản, chấm dứt tồn tại',
    });
    expect(record.legalForm.code).toBe('multi_member_llc');
  });

  it('gets a token once and reuses it for later lookups', async () => {
    const client = adapter();
    await client.lookUpEnterprise('3701234562');
    await client.lookUpEnterprise('3700987651');
    expect(registry.registry.counters().byOperation).toEqual({ [tokenOperation]: 1, [lookupOperation]: 2 });
  });

  it('shares one token request between concurrent lookups', async () => {
    const client = adapter();
    await Promise.all(Array.from({ length: 5 }, () => client.lookUpEnterprise('3701234562')));
    expect(registry.registry.counters().byOperation[tokenOperation]).toBe(1);
  });

  it('authenticates with the client credentials in the form body when configured so', async () => {
    const record = await adapter({ clientAuthentication: 'body' }).lookUpEnterprise('3701234562');
    expect(record.enterpriseCode).toBe('3701234562');
  });

  it('renews a token that is about to expire before using it', async () => {
    const client = adapter({ endpoint: shortLived.url });
    await client.lookUpEnterprise('3701234562');
    await new Promise((resolve) => setTimeout(resolve, 950));
    await client.lookUpEnterprise('3701234562');
    expect(shortLived.registry.counters().byOperation).toEqual({
      [tokenOperation]: 2,
      [lookupOperation]: 2,
    });
  });

  it('gets a new token once when the registry answers TOKEN_EXPIRED', async () => {
    // A clock that never moves: the adapter believes its token fresh, the registry knows better.
    const frozen: Clock = { now: () => new Date('2026-01-01T00:00:00Z') };
    const client = adapter({ endpoint: shortLived.url, clock: frozen });
    await client.lookUpEnterprise('3701234562');
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await expect(client.lookUpEnterprise('3700987651')).resolves.toMatchObject({
      enterpriseCode: '3700987651',
    });
    expect(shortLived.registry.counters().byOperation).toEqual({
      [tokenOperation]: 2,
      [lookupOperation]: 3,
    });
  });

  it('maps NOT_FOUND to NotFoundError', async () => {
    const error = await failureOf(adapter().lookUpEnterprise('0100233488'));
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).toBe('No enterprise was found');
  });

  it('maps INVALID_ENTERPRISE_CODE to UpstreamRejectedError', async () => {
    const error = await failureOf(adapter().lookUpEnterprise('37012345'));
    expect(error).toBeInstanceOf(UpstreamRejectedError);
    expect(error).toMatchObject({ registry: 'business' });
  });

  it('maps refused client credentials to UpstreamFailedError without a lookup', async () => {
    const wrong = adapter({ credentials: { clientId: sandbox.clientId, clientSecret: 'wrong' } });
    const error = await failureOf(wrong.lookUpEnterprise('3701234562'));
    expect(error).toBeInstanceOf(UpstreamFailedError);
    expect((error as Error).message).toBe(
      'The business registry failed: the token endpoint refused the client credentials',
    );
    expect(registry.registry.counters().byOperation[lookupOperation]).toBeUndefined();
  });

  it('maps QUOTA_EXCEEDED to UpstreamUnavailableError with a retry delay, without retrying', async () => {
    registry.registry.setBehaviour({ quotaPerSecond: 2 });
    const client = adapter();
    await client.lookUpEnterprise('3701234562'); // token + lookup use up the second
    const error = await failureOf(client.lookUpEnterprise('3701234562'));
    expect(error).toBeInstanceOf(UpstreamUnavailableError);
    expect(error).toMatchObject({ reason: 'quota exceeded', retryAfterSeconds: 1 });
    expect(registry.registry.counters().quotaExceeded).toBe(1);
  });

  it('maps the registry’s INTERNAL_ERROR to UpstreamFailedError', async () => {
    const client = await adapterWithToken();
    registry.registry.setBehaviour({ faults: [{ mode: 'fault', rate: 1 }] });
    const error = await failureOf(client.lookUpEnterprise('3701234562'));
    expect(error).toBeInstanceOf(UpstreamFailedError);
    expect((error as Error).message).toBe('The business registry failed: HTTP 500 INTERNAL_ERROR');
  });

  it('maps an HTML 503 page to UpstreamFailedError after one retry', async () => {
    const client = await adapterWithToken();
    registry.registry.setBehaviour({ faults: [{ mode: 'http-5xx', rate: 1 }], status: 503 });
    const before = registry.registry.counters().byOperation[lookupOperation] ?? 0;
    const error = await failureOf(client.lookUpEnterprise('3701234562'));
    expect(error).toBeInstanceOf(UpstreamFailedError);
    expect((error as Error).message).toBe('The business registry failed: HTTP 503');
    expect((registry.registry.counters().byOperation[lookupOperation] ?? 0) - before).toBe(2);
  });

  it('maps a reset connection to UpstreamFailedError', async () => {
    const client = await adapterWithToken();
    registry.registry.setBehaviour({ faults: [{ mode: 'reset', rate: 1 }] });
    const error = await failureOf(client.lookUpEnterprise('3701234562'));
    expect(error).toBeInstanceOf(UpstreamFailedError);
    expect(error).toMatchObject({ reason: 'connection dropped' });
  });

  it.each(['entity-expansion', 'malformed', 'oversized', 'wrong-content-type'] as const)(
    'refuses a %s answer as an upstream failure and echoes none of it',
    async (mode) => {
      const client = await adapterWithToken();
      registry.registry.setBehaviour({ faults: [{ mode, rate: 1 }], oversizedBytes: 2 * 1024 * 1024 });
      const error = await failureOf(client.lookUpEnterprise('3701234562'));
      expect(error).toBeInstanceOf(UpstreamFailedError);
      expect((error as Error).message).not.toMatch(/\[\[|CÔNG TY|<html/u);
    },
  );

  it('reads a prototype-pollution answer as plain data and pollutes nothing', async () => {
    const client = await adapterWithToken();
    registry.registry.setBehaviour({ faults: [{ mode: 'xxe', rate: 1 }] });
    const record = await client.lookUpEnterprise('3701234562');
    expect(record.enterpriseCode).toBe('3701234562');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.keys(record)).not.toContain('__proto__');
  });

  it('gives up at the deadline when the registry hangs', async () => {
    const client = await adapterWithToken({ deadlineMs: 300 });
    registry.registry.setBehaviour({ faults: [{ mode: 'hang', rate: 1 }] });
    const started = performance.now();
    const error = await failureOf(client.lookUpEnterprise('3701234562'));
    expect(error).toBeInstanceOf(UpstreamTimeoutError);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('reports a registry that is not listening as unavailable', async () => {
    const closed = adapter({ endpoint: `http://127.0.0.1:${await freePort()}` });
    await expect(closed.lookUpEnterprise('3701234562')).rejects.toBeInstanceOf(UpstreamUnavailableError);
  });
});
