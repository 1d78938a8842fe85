import type { Caller, Scope } from '../../schemas/clients.js';
import { ForbiddenError } from '../errors/forbidden-error.js';
import { refuseDisabledClient } from './authenticate-client.js';
import { RateLimitedError } from '../errors/rate-limited-error.js';
import type { Clock } from '../ports/clock.js';
import type { RequestCounters } from '../ports/request-counters.js';

export interface AdmissionDependencies {
  readonly requestCounters: RequestCounters;
  readonly clock: Clock;
  /**
   * `batch-item`: the request is one item of an accepted batch, run by the batch worker. Scope and
   * purpose are checked as for any request (a client allowed only `population:verify` never gets a
   * record through a batch), but neither the key's per-second rate limit nor the daily quota applies:
   * the whole batch was counted against the daily quota when it was submitted (`admitBatch`), and the
   * worker's pace is the registry's quota, not the client's rate. A per-key rate check here would only
   * make the worker fail and retry items the client has already been allowed.
   */
  readonly admissionMode?: 'request' | 'batch-item';
}

/** What the caller has left after this request, for the RateLimit response headers. */
export interface Admission {
  readonly limit: number;
  readonly remaining: number;
  readonly resetSeconds: number;
}

/** Vietnam's calendar day (UTC+7) decides when a daily quota starts over. */
const vietnamOffsetSeconds = 7 * 3600;
const daySeconds = 86_400;

function dayStartOf(now: number): number {
  return Math.floor((now + vietnamOffsetSeconds) / daySeconds) * daySeconds - vietnamOffsetSeconds;
}

/**
 * Steps 1 and 2 of `admitRequest` on their own, with no round trip: the client is enabled, the
 * operation among its scopes and the purpose, if its purposes are restricted, among them. A use case
 * that overlaps other work with the counting checks this first, so that a caller refused here causes
 * no work at all.
 */
export function assertMayPerform(caller: Caller, operation: Scope, purpose?: string): void {
  refuseDisabledClient(caller);
  const { policy } = caller;
  if (!policy.scopes.includes(operation)) {
    throw new ForbiddenError('scope', `This client may not perform ${operation}`);
  }
  if (purpose !== undefined && policy.allowedPurposes && !policy.allowedPurposes.includes(purpose)) {
    throw new ForbiddenError(
      'purpose',
      'This client may not access personal data for the stated purpose (x-purpose)',
    );
  }
}

/**
 * Decides whether a known caller may make this request.
 *
 * Primary course:
 *  1. The operation must be among the client's scopes.
 *  2. The stated purpose, if the client's purposes are restricted, must be one of them.
 *  3. The request must fit the key's rate limit (per second) and the client's daily quota.
 */
export async function admitRequest(
  deps: AdmissionDependencies,
  caller: Caller,
  operation: Scope,
  purpose?: string,
): Promise<Admission> {
  assertMayPerform(caller, operation, purpose);
  const { policy } = caller;

  if (deps.admissionMode === 'batch-item') {
    return { limit: policy.rateLimit.perSecond, remaining: policy.rateLimit.perSecond, resetSeconds: 1 };
  }

  const now = Math.floor(deps.clock.now().getTime() / 1000);
  const dayStart = dayStartOf(now);
  // Both counters at once (one round trip on the request's path); a request the rate limit refuses
  // gives its daily count back, so that only admitted requests spend the quota.
  const rateCounter = `rate#${caller.keyId}`;
  const dayCounter = `day#${caller.clientId}`;
  const [perSecond, perDay] = await Promise.all([
    deps.requestCounters.count(rateCounter, now, 1, policy.rateLimit.perSecond),
    deps.requestCounters.count(dayCounter, dayStart, daySeconds, policy.dailyQuota),
  ]);
  if (!perSecond.allowed) {
    if (perDay.allowed) await deps.requestCounters.release(dayCounter, dayStart);
    throw new RateLimitedError('rate', 1, policy.rateLimit.perSecond);
  }
  if (!perDay.allowed) {
    throw new RateLimitedError('daily-quota', Math.max(1, perDay.resetAt - now), policy.dailyQuota);
  }
  return {
    limit: policy.rateLimit.perSecond,
    remaining: perSecond.remaining,
    resetSeconds: Math.max(1, perSecond.resetAt - now),
  };
}

/**
 * Admits a batch at submission: scope `batch:submit`, the scope of every kind of item it holds, the
 * purpose, and the whole batch counted against the client's daily quota at once (all or nothing), so
 * its items are not counted again when the worker runs them (see `admissionMode`). The key's
 * per-second rate limit applies to the submission request itself, like any request.
 */
export async function admitBatch(
  deps: AdmissionDependencies,
  caller: Caller,
  operations: readonly Scope[],
  purpose: string,
  items: number,
): Promise<void> {
  await admitRequest({ ...deps, admissionMode: 'batch-item' }, caller, 'batch:submit', purpose);
  for (const operation of new Set(operations)) {
    await admitRequest({ ...deps, admissionMode: 'batch-item' }, caller, operation, purpose);
  }
  const { policy } = caller;
  const now = Math.floor(deps.clock.now().getTime() / 1000);
  const perSecond = await deps.requestCounters.count(
    `rate#${caller.keyId}`,
    now,
    1,
    policy.rateLimit.perSecond,
  );
  if (!perSecond.allowed) throw new RateLimitedError('rate', 1, policy.rateLimit.perSecond);
  const perDay = await deps.requestCounters.count(
    `day#${caller.clientId}`,
    dayStartOf(now),
    daySeconds,
    policy.dailyQuota,
    items,
  );
  if (!perDay.allowed) {
    throw new RateLimitedError('daily-quota', Math.max(1, perDay.resetAt - now), policy.dailyQuota);
  }
}
