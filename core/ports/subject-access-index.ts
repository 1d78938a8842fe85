import type { AccessOutcome } from './access-ledger.js';

/** One access to a data subject's personal data, as the subject index keeps it. */
export interface SubjectAccess {
  readonly recordedAt: string;
  readonly requestId: string;
  readonly clientId: string;
  readonly officerId: string;
  readonly purpose: string;
  readonly dossierId?: string;
  readonly operation: string;
  readonly outcome: AccessOutcome;
  readonly fieldsDisclosed: readonly string[];
}

export interface SubjectAccessQuery {
  /** ISO-8601 UTC instants, inclusive. */
  readonly from?: string;
  readonly to?: string;
  /** Where the previous page ended (opaque, from `nextCursor`). */
  readonly cursor?: string;
  readonly limit: number;
}

export interface SubjectAccessPage {
  readonly accesses: readonly SubjectAccess[];
  readonly nextCursor?: string;
}

/** The ledger's index by data subject: every access to one subject, oldest first. */
export interface SubjectAccessIndex {
  /** Throws `InvalidRequestError` for a cursor it did not hand out. */
  accessesOf(subjectKey: string, query: SubjectAccessQuery): Promise<SubjectAccessPage>;
}
