import type { AccessRecord } from './access-ledger.js';

/** A span of time, as ISO-8601 instants, both ends included. */
export interface TimeRange {
  readonly from: string;
  readonly to: string;
}

/** A ledger entry as stored in its chain. */
export interface ChainedEntry {
  readonly chainId: string;
  /** Where the entry is stored in its chain (its key); `sequence` is what the entry itself claims. */
  readonly position: number;
  readonly sequence: number;
  readonly previousHash: string;
  readonly entryHash: string;
  readonly access: AccessRecord;
}

/**
 * The independent record, written in the same transaction as the entry, that an entry exists: found by
 * time, so a deleted entry (even a chain's last one) leaves its witness behind.
 */
export interface EntryWitness {
  readonly chainId: string;
  readonly sequence: number;
  readonly recordedAt: string;
  readonly entryHash: string;
}

/** Reads the ledger back for verification. */
export interface LedgerReader {
  /** The witnesses of the entries recorded within the range, in time order. */
  witnessesBetween(range: TimeRange): Promise<EntryWitness[]>;
  /** Every entry stored in a chain, in position order. */
  chainEntries(chainId: string): Promise<ChainedEntry[]>;
}
