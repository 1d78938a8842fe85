import { trustedCaller, unlimitedCounters } from '../../test/support/admission-fakes.js';
import type { BusinessRecord } from '../../schemas/business-records.js';
import { NotFoundError } from '../errors/not-found-error.js';
import type { BusinessRecordCache, CachedBusinessRecord } from '../ports/business-record-cache.js';
import type { BusinessRegistry } from '../ports/business-registry.js';
import { lookUpEnterprise, type LookUpEnterpriseDependencies } from './look-up-enterprise.js';

const record: BusinessRecord = {
  enterpriseCode: '3701234562',
  names: { vietnamese: 'CÔNG TY CỔ PHẦN ĐẦU TƯ XÂY DỰNG PHÚ CƯỜNG' },
  legalForm: { code: 'joint_stock_company', registryText: 'Công ty cổ phần' },
  foundedOn: '2012-04-09',
  status: { code: 'active', registryText: 'Đang hoạt động' },
  headOffice: {
    street: 'Số 26 đường Đoàn Trần Nghiệp',
    fullAddress: 'Số 26 đường Đoàn Trần Nghiệp, Phường Thủ Dầu Một',
    registeredCommune: { code: '25747', name: 'Phường Thủ Dầu Một', era: '2025' },
  },
  representatives: [{ fullName: 'Nguyễn Văn An', role: 'Tổng giám đốc' }],
  businessLines: [],
};

const now = new Date('2026-01-05T08:00:00.000Z');

class MemoryCache implements BusinessRecordCache {
  readonly entries = new Map<string, CachedBusinessRecord>();
  /** Codes read, in order. */
  readonly reads: string[] = [];
  async get(code: string) {
    this.reads.push(code);
    return this.entries.get(code);
  }
  async put(entry: CachedBusinessRecord) {
    this.entries.set(entry.record.enterpriseCode, entry);
  }
}

const failingCache: BusinessRecordCache = {
  get: () => Promise.reject(new Error('table unreachable')),
  put: () => Promise.reject(new Error('table unreachable')),
};

function registryAnswering(answer: () => Promise<BusinessRecord>) {
  const calls: string[] = [];
  const registry: BusinessRegistry = {
    lookUpEnterprise: (code) => {
      calls.push(code);
      return answer();
    },
  };
  return { registry, calls };
}

function dependencies(
  registry: BusinessRegistry,
  cache: BusinessRecordCache,
  failures: string[] = [],
): LookUpEnterpriseDependencies {
  return {
    businessRegistry: registry,
    cache,
    clock: { now: () => now },
    requestCounters: unlimitedCounters,
    onCacheFailure: (operation) => failures.push(operation),
  };
}

describe('lookUpEnterprise', () => {
  it('asks the registry on a cache miss and answers its record', async () => {
    const { registry, calls } = registryAnswering(async () => record);
    const lookup = await lookUpEnterprise(
      dependencies(registry, new MemoryCache()),
      '3701234562',
      trustedCaller,
    );
    expect(calls).toEqual(['3701234562']);
    expect(lookup).toEqual({
      record,
      retrievedAt: now.toISOString(),
      admission: { limit: 10, remaining: 9, resetSeconds: 1 },
      source: 'registry',
    });
  });

  it('stores the registry’s record with the time it was retrieved', async () => {
    const cache = new MemoryCache();
    const { registry } = registryAnswering(async () => record);
    await lookUpEnterprise(dependencies(registry, cache), '3701234562', trustedCaller);
    expect(cache.entries.get('3701234562')).toEqual({ record, retrievedAt: now.toISOString() });
  });

  it('answers a cached record without asking the registry', async () => {
    const cache = new MemoryCache();
    await cache.put({ record, retrievedAt: '2026-01-05T07:30:00.000Z' });
    const { registry, calls } = registryAnswering(async () => record);
    const lookup = await lookUpEnterprise(dependencies(registry, cache), '3701234562', trustedCaller);
    expect(calls).toEqual([]);
    expect(lookup).toEqual({
      record,
      retrievedAt: '2026-01-05T07:30:00.000Z',
      source: 'cache',
      admission: { limit: 10, remaining: 9, resetSeconds: 1 },
    });
  });

  it('goes to the registry when the cache cannot be read or written, and reports both failures', async () => {
    const failures: string[] = [];
    const { registry, calls } = registryAnswering(async () => record);
    const lookup = await lookUpEnterprise(
      dependencies(registry, failingCache, failures),
      '3701234562',
      trustedCaller,
    );
    expect(calls).toEqual(['3701234562']);
    expect(lookup.record).toEqual(record);
    expect(failures).toEqual(['read', 'write']);
  });

  it('passes the registry’s not-found on and caches nothing', async () => {
    const cache = new MemoryCache();
    const { registry } = registryAnswering(() => Promise.reject(new NotFoundError('enterprise')));
    await expect(
      lookUpEnterprise(dependencies(registry, cache), '0100233488', trustedCaller),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(cache.entries.size).toBe(0);
  });
});

describe('lookUpEnterprise admission', () => {
  it('reads the cache while the counters are counted, answering only once they admit the caller', async () => {
    const { registry } = registryAnswering(async () => record);
    const cache = new MemoryCache();
    await cache.put({ record, retrievedAt: '2026-01-04T00:00:00.000Z' });
    let admit: () => void = () => undefined;
    const heldCounters: LookUpEnterpriseDependencies['requestCounters'] = {
      count: (...args) =>
        new Promise((resolve) => {
          const previous = admit;
          admit = () => {
            previous();
            void unlimitedCounters.count(...args).then(resolve);
          };
        }),
      release: (...args) => unlimitedCounters.release(...args),
    };
    let answered = false;
    const lookup = lookUpEnterprise(
      { ...dependencies(registry, cache), requestCounters: heldCounters },
      '3701234562',
      trustedCaller,
    ).then((result) => {
      answered = true;
      return result;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(cache.reads).toEqual(['3701234562']);
    expect(answered).toBe(false);
    admit();
    await expect(lookup).resolves.toMatchObject({ source: 'cache', record });
  });

  it('answers nothing of the cache to a caller over its rate limit', async () => {
    const { registry } = registryAnswering(async () => record);
    const cache = new MemoryCache();
    await cache.put({ record, retrievedAt: '2026-01-04T00:00:00.000Z' });
    const refusing: LookUpEnterpriseDependencies['requestCounters'] = {
      count: async (_counter, windowStart, windowSeconds) => ({
        allowed: false,
        remaining: 0,
        resetAt: windowStart + windowSeconds,
      }),
      release: async () => undefined,
    };
    await expect(
      lookUpEnterprise(
        { ...dependencies(registry, cache), requestCounters: refusing },
        '3701234562',
        trustedCaller,
      ),
    ).rejects.toMatchObject({ kind: 'too-many-requests' });
  });

  it('refuses a client without the business:read scope before the cache or the registry', async () => {
    const { registry, calls } = registryAnswering(async () => record);
    const noBusiness = {
      ...trustedCaller,
      policy: { ...trustedCaller.policy, scopes: ['land:read' as const] },
    };
    const cache = new MemoryCache();
    await expect(
      lookUpEnterprise(dependencies(registry, cache), '3701234562', noBusiness),
    ).rejects.toMatchObject({ kind: 'forbidden' });
    expect(calls).toEqual([]);
    expect(cache.reads).toEqual([]);
  });
});
