import type { Caller } from '../../schemas/clients.js';
import { ForbiddenError } from '../errors/forbidden-error.js';
import { RateLimitedError } from '../errors/rate-limited-error.js';
import type { RequestCounters } from '../ports/request-counters.js';
import { admitRequest } from './admit-request.js';

const caller: Caller = {
  clientId: 'district-7',
  keyId: 'key-1',
  unitCode: 'UBND-Q7',
  policy: {
    scopes: ['population:verify'],
    fields: {},
    allowedPurposes: ['1.001234'],
    rateLimit: { perSecond: 2 },
    dailyQuota: 3,
  },
};

/** In-memory counters with the same semantics as the DynamoDB ones: refused requests don't count. */
function memoryCounters(): RequestCounters & { keys: () => string[] } {
  const counts = new Map<string, number>();
  return {
    keys: () => [...counts.keys()],
    release: async (counter, windowStart, amount = 1) => {
      const key = `${counter}#${windowStart}`;
      counts.set(key, (counts.get(key) ?? 0) - amount);
    },
    count: async (counter, windowStart, windowSeconds, limit) => {
      const key = `${counter}#${windowStart}`;
      const current = counts.get(key) ?? 0;
      if (current >= limit) return { allowed: false, remaining: 0, resetAt: windowStart + windowSeconds };
      counts.set(key, current + 1);
      return { allowed: true, remaining: limit - current - 1, resetAt: windowStart + windowSeconds };
    },
  };
}

// 2026-11-27T10:00:00+07:00
const at = (seconds: number) => ({ now: () => new Date(Date.UTC(2026, 10, 27, 3, 0, 0) + seconds * 1000) });

describe('admitRequest', () => {
  it('admits an allowed operation and purpose, reporting what is left of the rate limit', async () => {
    const deps = { requestCounters: memoryCounters(), clock: at(0) };
    await expect(admitRequest(deps, caller, 'population:verify', '1.001234')).resolves.toEqual({
      limit: 2,
      remaining: 1,
      resetSeconds: 1,
    });
  });

  it('refuses an operation outside the client’s scopes', async () => {
    const deps = { requestCounters: memoryCounters(), clock: at(0) };
    const refusal = admitRequest(deps, caller, 'population:lookup', '1.001234');
    await expect(refusal).rejects.toBeInstanceOf(ForbiddenError);
    await expect(refusal).rejects.toMatchObject({ reason: 'scope' });
  });

  it('refuses a purpose the client may not state', async () => {
    const deps = { requestCounters: memoryCounters(), clock: at(0) };
    await expect(admitRequest(deps, caller, 'population:verify', '2.000001')).rejects.toMatchObject({
      reason: 'purpose',
    });
  });

  it('refuses the request beyond the per-second rate, and admits again in the next second', async () => {
    const counters = memoryCounters();
    await admitRequest({ requestCounters: counters, clock: at(0) }, caller, 'population:verify');
    await admitRequest({ requestCounters: counters, clock: at(0) }, caller, 'population:verify');
    const refusal = admitRequest({ requestCounters: counters, clock: at(0) }, caller, 'population:verify');
    await expect(refusal).rejects.toBeInstanceOf(RateLimitedError);
    await expect(refusal).rejects.toMatchObject({ limit: 'rate', retryAfterSeconds: 1 });
    await expect(
      admitRequest({ requestCounters: counters, clock: at(1) }, caller, 'population:verify'),
    ).resolves.toBeDefined();
  });

  it('refuses beyond the daily quota until Vietnam’s next midnight', async () => {
    const counters = memoryCounters();
    for (const second of [0, 1, 2]) {
      await admitRequest({ requestCounters: counters, clock: at(second) }, caller, 'population:verify');
    }
    const refusal = admitRequest({ requestCounters: counters, clock: at(3) }, caller, 'population:verify');
    // 10:00:03 in Vietnam: 13 h 59 min 57 s to midnight.
    await expect(refusal).rejects.toMatchObject({ limit: 'daily-quota', retryAfterSeconds: 14 * 3600 - 3 });
  });
});
