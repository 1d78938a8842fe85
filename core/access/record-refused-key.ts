import type { AccessLedger } from '../ports/access-ledger.js';
import type { Clock } from '../ports/clock.js';

export interface RefusedKeyAttempt {
  readonly requestId: string;
  readonly operation: string;
  /** Who the caller claimed to be, if it said; only well-formed values are kept. */
  readonly officerId?: string;
  readonly purpose?: string;
  readonly dossierId?: string;
}

/**
 * Records an attempt on a personal-data route with a missing, unknown or revoked key. Nothing was
 * disclosed and the subject is unknown (the request body is never read for a refused key), but the
 * attempt itself is part of the record the law asks for.
 */
export async function recordRefusedKey(
  deps: { readonly accessLedger: AccessLedger; readonly clock: Clock },
  attempt: RefusedKeyAttempt,
): Promise<void> {
  await deps.accessLedger.record({
    requestId: attempt.requestId,
    recordedAt: deps.clock.now().toISOString(),
    clientId: 'unknown',
    keyId: 'unknown',
    officerId: attempt.officerId ?? 'unstated',
    purpose: attempt.purpose ?? 'unstated',
    ...(attempt.dossierId === undefined ? {} : { dossierId: attempt.dossierId }),
    operation: attempt.operation,
    subjectKeys: [],
    outcome: 'unauthenticated',
    fieldsDisclosed: [],
  });
}
