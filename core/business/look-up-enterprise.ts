import type { Caller } from '../../schemas/clients.js';
import {
  admitRequest,
  assertMayPerform,
  type Admission,
  type AdmissionDependencies,
} from '../access/admit-request.js';
import type { BusinessRecord } from '../../schemas/business-records.js';
import type { BusinessRecordCache } from '../ports/business-record-cache.js';
import type { BusinessRegistry } from '../ports/business-registry.js';
import type { Clock } from '../ports/clock.js';

export interface LookUpEnterpriseDependencies extends AdmissionDependencies {
  readonly businessRegistry: BusinessRegistry;
  readonly cache: BusinessRecordCache;
  readonly clock: Clock;
  /** Told when the cache could not be read or written; the lookup goes on without it. */
  readonly onCacheFailure: (operation: 'read' | 'write', error: unknown) => void;
}

export interface EnterpriseLookup {
  readonly record: BusinessRecord;
  /** When the registry gave this answer. */
  readonly retrievedAt: string;
  readonly source: 'cache' | 'registry';
  readonly admission: Admission;
}

/**
 * Looks up an enterprise (or branch, or household business) in the business registry.
 *
 * Business records are public registry data, not a processing of personal data the gateway must
 * account for: the issue puts only citizen and land answers in the access ledger, and this lookup
 * asks for no purpose envelope. The record does name representatives, but only by the name and role
 * the registry itself publishes; their personal id, birth date and the like never leave the adapter,
 * which is why the answer can be cached and is not ledgered.
 *
 * Primary course:
 *  0. Admit the caller: scope `business:read`, rate limit and quota (public data, but not free).
 *     The cache is read while the counters are counted (one round trip less on a cache hit); a
 *     caller the counters refuse is answered nothing of what was read.
 *  1. Answer from the cache when it holds an unexpired record for the code.
 *  2. Otherwise ask the registry (errors such as not-found propagate; nothing is cached for them).
 *  3. Store the record in the cache, then answer it.
 * A cache that fails to read or write is reported and bypassed: it never fails the lookup.
 */
export async function lookUpEnterprise(
  deps: LookUpEnterpriseDependencies,
  enterpriseCode: string,
  caller: Caller,
): Promise<EnterpriseLookup> {
  assertMayPerform(caller, 'business:read');
  const cacheRead = deps.cache.get(enterpriseCode).catch((error: unknown) => {
    deps.onCacheFailure('read', error);
    return undefined;
  });
  const admission = await admitRequest(deps, caller, 'business:read');
  const cached = await cacheRead;
  if (cached) return { record: cached.record, retrievedAt: cached.retrievedAt, source: 'cache', admission };

  const record = await deps.businessRegistry.lookUpEnterprise(enterpriseCode);
  const retrievedAt = deps.clock.now().toISOString();

  await deps.cache.put({ record, retrievedAt }).catch((error: unknown) => {
    deps.onCacheFailure('write', error);
  });
  return { record, retrievedAt, source: 'registry', admission };
}
