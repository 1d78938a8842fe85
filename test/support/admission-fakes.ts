import type { Caller } from '../../schemas/clients.js';
import type { RequestCounters } from '../../core/ports/request-counters.js';

/** A caller allowed every personal-data operation, for use-case tests that are not about admission. */
export const trustedCaller: Caller = {
  clientId: 'district-7',
  keyId: 'key-1',
  unitCode: 'UBND-Q7',
  policy: {
    scopes: ['population:verify', 'population:lookup', 'land:read', 'business:read', 'audit:subject-report'],
    fields: {},
    rateLimit: { perSecond: 10 },
    dailyQuota: 1000,
  },
};

/** Counters that never refuse. */
export const unlimitedCounters: RequestCounters = {
  release: async () => undefined,
  count: async (_counter, windowStart, windowSeconds) => ({
    allowed: true,
    remaining: 9,
    resetAt: windowStart + windowSeconds,
  }),
};
