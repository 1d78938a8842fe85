/** How an access to personal data ended. */
export type AccessOutcome =
  | 'allowed'
  | 'unauthenticated'
  | 'denied'
  | 'rate-limited'
  | 'invalid'
  | 'not-found'
  | 'upstream-failed'
  | 'upstream-unavailable'
  | 'upstream-timeout'
  | 'failed';

/** One access to personal data, as the ledger keeps it. Subjects are keyed hashes, never personal ids. */
export interface AccessRecord {
  readonly requestId: string;
  readonly recordedAt: string;
  readonly clientId: string;
  readonly keyId: string;
  readonly officerId: string;
  readonly purpose: string;
  readonly dossierId?: string;
  /** e.g. `population:verify`. */
  readonly operation: string;
  /** Keyed hashes of the data subjects' personal ids (none when the request named nobody and failed). */
  readonly subjectKeys: readonly string[];
  readonly outcome: AccessOutcome;
  /** Names of the fields of personal data the answer disclosed (empty for yes/no answers). */
  readonly fieldsDisclosed: readonly string[];
}

/** The append-only access ledger. `record` resolves only once the record is durable. */
export interface AccessLedger {
  record(access: AccessRecord): Promise<void>;
}
