import type { BusinessRecord } from '../../schemas/business-records.js';

/** A business record as the registry answered it, and when. */
export interface CachedBusinessRecord {
  readonly record: BusinessRecord;
  /** ISO date-time of the registry's answer. */
  readonly retrievedAt: string;
}

/**
 * Recently answered business records, kept for a configured time so repeated lookups spare the
 * registry's quota. Only public records belong here: citizen and land answers are never cached.
 */
export interface BusinessRecordCache {
  /** The record stored under the code, or undefined when there is none or it has expired. */
  get(enterpriseCode: string): Promise<CachedBusinessRecord | undefined>;
  put(entry: CachedBusinessRecord): Promise<void>;
}
