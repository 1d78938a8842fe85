import type { FaultMode } from './behaviour.js';

/** What a simulated registry received, so tests can assert how many calls the gateway made. */
export interface CallCounters {
  /** Every registry call received (control and WSDL requests excluded). */
  calls: number;
  byOperation: Record<string, number>;
  /** Keyed by the credential the caller claimed (a service account name, never a person). */
  byCredential: Record<string, number>;
  /** Calls the registry itself answered (including its own faults, such as failed authentication). */
  answered: number;
  quotaExceeded: number;
  injected: Partial<Record<FaultMode, number>>;
}

export function emptyCounters(): CallCounters {
  return { calls: 0, byOperation: {}, byCredential: {}, answered: 0, quotaExceeded: 0, injected: {} };
}

export function increment(record: Record<string, number>, key: string): void {
  record[key] = (record[key] ?? 0) + 1;
}
