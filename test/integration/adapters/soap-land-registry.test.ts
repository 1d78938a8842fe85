import path from 'node:path';
import { NotFoundError } from '../../../core/errors/not-found-error.js';
import { UpstreamFailedError } from '../../../core/errors/upstream-failed-error.js';
import { UpstreamRejectedError } from '../../../core/errors/upstream-rejected-error.js';
import { UpstreamTimeoutError } from '../../../core/errors/upstream-timeout-error.js';
import { UpstreamUnavailableError } from '../../../core/errors/upstream-unavailable-error.js';
import type { AccessEnvelope } from '../../../core/ports/access-envelope.js';
import { systemClock, type Clock } from '../../../core/ports/clock.js';
import { SoapLandRegistry } from '../../../adapters/land/soap-land-registry.js';
import { freePort } from '../../../local/emulators/free-port.js';
import { generateLandRegistryData, type LandRegistryData } from '../../../local/registries/land/data.js';
import {
  defaultLandCredentials,
  startLandRegistry,
  type RunningLandRegistry,
} from '../../../local/registries/land/server.js';
import { certificateRecordSchema, parcelRecordSchema } from '../../../schemas/land-records.js';

const wsdlPath = path.resolve('adapters/land/land.wsdl');
const envelope: AccessEnvelope = {
  requestId: 'it-land-1',
  clientId: 'c',
  keyId: 'k',
  officerId: 'CB-1',
  purpose: '1.001234',
  unitCode: 'UBND',
};
const urbanKey = { communeCode: '25747', mapSheet: 12, parcelNumber: 345 };
const orchardKey = { communeCode: '25753', mapSheet: 7, parcelNumber: 89 };

let data: LandRegistryData;
let registry: RunningLandRegistry;
let shortLived: RunningLandRegistry;

beforeAll(async () => {
  data = generateLandRegistryData({ parcelCount: 50 });
  [registry, shortLived] = await Promise.all([
    startLandRegistry({ port: 0, data }),
    startLandRegistry({ port: 0, data, tokenTtlSeconds: 1 }),
  ]);
});
afterAll(() => Promise.all([registry.stop(), shortLived.stop()]));
afterEach(() => {
  registry.registry.reset();
  shortLived.registry.reset();
});

const adapter = (overrides: Partial<Parameters<typeof SoapLandRegistry.create>[0]> = {}) =>
  SoapLandRegistry.create({
    wsdlPath,
    endpoint: registry.url,
    credentials: defaultLandCredentials,
    deadlineMs: 1_000,
    clock: systemClock,
    ...overrides,
  });

const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error,
  );

describe('SoapLandRegistry against the simulated land registry', () => {
  it('looks up the urban fixture parcel with its certificate and owner, in the English schema', async () => {
    const record = await (await adapter()).lookUpParcel(urbanKey, envelope);
    expect(parcelRecordSchema.parse(record)).toEqual(record);
    expect(record.parcel).toMatchObject({
      commune: {
        former: { code: '25747', name: 'Phường Phú Cường', era: 'pre2025' },
        current: { code: '25747', name: 'Phường Thủ Dầu Một', era: '2025' },
      },
      mapSheet: 12,
      parcelNumber: 345,
      areaM2: 120.5,
      landUse: { code: 'ODT', meaning: 'Urban residential land' },
      mapScale: '1:500',
    });
    expect(record.certificates).toEqual([
      expect.objectContaining({
        serial: 'DA 12345678',
        issuedOn: '2024-10-15',
        registryNumber: 'CS12345',
        owners: [
          expect.objectContaining({
            fullName: 'Nguyễn Văn An',
            idDocument: { type: 'citizen-id', number: '074095000123' },
          }),
        ],
      }),
    ]);
  });

  it('looks up a certificate by serial with its parcel', async () => {
    const record = await (await adapter()).lookUpCertificate('BX 123456', envelope);
    expect(certificateRecordSchema.parse(record)).toEqual(record);
    expect(record.certificate).toMatchObject({ serial: 'BX 123456', issuedOn: '2013-10-15' });
    expect(record.certificate.owners.map((o) => o.fullName)).toEqual(['Lê Thị Hoa']);
    expect(record.parcel).toMatchObject({
      commune: { former: { code: '25753' }, current: { code: '25747' } },
      areaM2: 1500,
      landUse: { code: 'CLN', meaning: 'Land for perennial crops' },
    });
  });

  it('logs in once and reuses the token for later calls', async () => {
    const client = await adapter();
    await client.lookUpParcel(urbanKey, envelope);
    await client.lookUpCertificate('DA 12345678', envelope);
    expect(registry.registry.counters().byOperation).toEqual({
      DangNhap: 1,
      TraCuuThuaDat: 1,
      TraCuuGiayChungNhan: 1,
    });
  });

  it('shares one login between concurrent calls', async () => {
    const client = await adapter();
    await Promise.all(Array.from({ length: 5 }, () => client.lookUpParcel(urbanKey, envelope)));
    expect(registry.registry.counters().byOperation['DangNhap']).toBe(1);
  });

  it('logs in again once when the registry says the token expired', async () => {
    // A clock that never moves: the adapter believes its token fresh, the registry knows better.
    const frozen: Clock = { now: () => new Date('2026-01-01T00:00:00Z') };
    const client = await adapter({ endpoint: shortLived.url, clock: frozen });
    await client.lookUpParcel(urbanKey, envelope);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await expect(client.lookUpParcel(orchardKey, envelope)).resolves.toMatchObject({
      parcel: { parcelNumber: 89 },
    });
    expect(shortLived.registry.counters().byOperation).toEqual({ DangNhap: 2, TraCuuThuaDat: 3 });
  });

  it('renews a token that is about to expire before using it', async () => {
    const client = await adapter({ endpoint: shortLived.url });
    await client.lookUpParcel(urbanKey, envelope);
    await new Promise((resolve) => setTimeout(resolve, 950));
    await client.lookUpParcel(urbanKey, envelope);
    expect(shortLived.registry.counters().byOperation).toEqual({ DangNhap: 2, TraCuuThuaDat: 2 });
  });

  it('maps KHONG_TIM_THAY to NotFoundError', async () => {
    const error = await failureOf(
      (await adapter()).lookUpParcel({ ...orchardKey, communeCode: '25747' }, envelope),
    );
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).toBe('No parcel was found');
  });

  it('maps an unknown certificate to NotFoundError', async () => {
    const error = await failureOf((await adapter()).lookUpCertificate('ZZ 000001', envelope));
    expect(error).toBeInstanceOf(NotFoundError);
  });

  it('maps DU_LIEU_KHONG_HOP_LE to UpstreamRejectedError', async () => {
    const error = await failureOf((await adapter()).lookUpCertificate('not a serial', envelope));
    expect(error).toBeInstanceOf(UpstreamRejectedError);
  });

  it('maps a wrong password to UpstreamFailedError without echoing the fault text', async () => {
    const wrong = await adapter({ credentials: { user: 'lienthong-sandbox', password: 'wrong' } });
    const error = await failureOf(wrong.lookUpParcel(urbanKey, envelope));
    expect(error).toBeInstanceOf(UpstreamFailedError);
    expect((error as Error).message).toBe('The land registry failed: registry fault XAC_THUC_THAT_BAI');
  });

  it('maps the quota-exceeded fault to UpstreamUnavailableError with a retry delay, without retrying', async () => {
    registry.registry.setBehaviour({ quotaPerSecond: 2 });
    const client = await adapter();
    await client.lookUpParcel(urbanKey, envelope); // login + lookup use up the second
    const error = await failureOf(client.lookUpParcel(urbanKey, envelope));
    expect(error).toBeInstanceOf(UpstreamUnavailableError);
    expect(error).toMatchObject({ reason: 'quota exceeded', retryAfterSeconds: 1 });
    expect(registry.registry.counters().byOperation['TraCuuThuaDat']).toBe(2);
  });

  it('maps the registry’s internal fault to UpstreamFailedError', async () => {
    registry.registry.setBehaviour({ faults: [{ mode: 'fault', rate: 1 }] });
    const error = await failureOf((await adapter()).lookUpCertificate('DA 12345678', envelope));
    expect(error).toBeInstanceOf(UpstreamFailedError);
    expect((error as Error).message).toBe('The land registry failed: registry fault LOI_HE_THONG');
  });

  it('maps an HTTP 5xx page to UpstreamFailedError', async () => {
    registry.registry.setBehaviour({ faults: [{ mode: 'http-5xx', rate: 1 }] });
    const error = await failureOf((await adapter()).lookUpCertificate('DA 12345678', envelope));
    expect(error).toBeInstanceOf(UpstreamFailedError);
  });

  it('maps a reset connection to UpstreamFailedError', async () => {
    registry.registry.setBehaviour({ faults: [{ mode: 'reset', rate: 1 }] });
    const error = await failureOf((await adapter()).lookUpCertificate('DA 12345678', envelope));
    expect(error).toBeInstanceOf(UpstreamFailedError);
  });

  it.each(['xxe', 'entity-expansion', 'malformed', 'oversized', 'wrong-content-type'] as const)(
    'refuses a %s answer as an upstream failure, never as an answer, and echoes none of it',
    async (mode) => {
      registry.registry.setBehaviour({ faults: [{ mode, rate: 1 }], oversizedBytes: 2 * 1024 * 1024 });
      const error = await failureOf((await adapter()).lookUpCertificate('DA 12345678', envelope));
      expect(error).toBeInstanceOf(UpstreamFailedError);
      expect((error as Error).message).not.toMatch(/root:|lol|ENTITY|<|passwd/);
    },
  );

  it('gives up at the deadline when the registry hangs', async () => {
    registry.registry.setBehaviour({ faults: [{ mode: 'hang', rate: 1 }] });
    const started = performance.now();
    const error = await failureOf(
      (await adapter({ deadlineMs: 300 })).lookUpCertificate('DA 12345678', envelope),
    );
    expect(error).toBeInstanceOf(UpstreamTimeoutError);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('reports a registry that is not listening as unavailable', async () => {
    const closed = await adapter({ endpoint: `http://127.0.0.1:${await freePort()}/datdai` });
    await expect(closed.lookUpCertificate('DA 12345678', envelope)).rejects.toBeInstanceOf(
      UpstreamUnavailableError,
    );
  });
});
