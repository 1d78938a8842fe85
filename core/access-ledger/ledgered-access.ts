import { GatewayError } from '../errors/gateway-error.js';
import { LedgerUnavailableError } from '../errors/ledger-unavailable-error.js';
import type { AccessEnvelope } from '../ports/access-envelope.js';
import type { AccessLedger, AccessOutcome } from '../ports/access-ledger.js';
import type { Clock } from '../ports/clock.js';
import type { SubjectKeys } from '../ports/subject-keys.js';

export interface LedgerDependencies {
  readonly accessLedger: AccessLedger;
  readonly subjectKeys: SubjectKeys;
  readonly clock: Clock;
}

export interface PlannedAccess {
  readonly envelope: AccessEnvelope;
  /** e.g. `population:verify`, `land:read`. */
  readonly operation: string;
  /** Personal ids the request itself names (the subject of a verification or lookup). */
  readonly subjects: readonly string[];
}

export interface Disclosure {
  /** Personal ids found in the answer (owners of a parcel, ...), besides those the request named. */
  readonly subjects?: readonly string[];
  /** Names of the personal-data fields the answer discloses. */
  readonly fieldsDisclosed: readonly string[];
}

/**
 * Runs one access to personal data and records it in the ledger before the caller may answer.
 *
 * Primary course:
 *  1. Make the registry call.
 *  2. Record who asked, why, about whom and how it ended — also when the call failed.
 *  3. Hand back the result; if the ledger could not record it, there is no result to hand back.
 */
export async function ledgeredAccess<T>(
  deps: LedgerDependencies,
  planned: PlannedAccess,
  call: () => Promise<T>,
  disclosureOf: (result: T) => Disclosure,
): Promise<{ result: T; recordedAt: string }> {
  const attempt = await call().then(
    (result) => ({ ok: true as const, result, disclosure: disclosureOf(result) }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  const recordedAt = deps.clock.now().toISOString();
  await recordOrWithhold(deps, planned, recordedAt, attempt);
  if (!attempt.ok) throw attempt.error;
  return { result: attempt.result, recordedAt };
}

/**
 * Runs one access whose disclosure is known before it is made (a verification discloses no field
 * and names only the person asked about) with its ledger entry written while the registry is asked,
 * not after: the ledger's round trip no longer adds to the registry's.
 *
 * Primary course:
 *  1. Admit the caller. A refusal is recorded with its outcome, the registry is never asked.
 *  2. Ask the registry and, at the same time, record the access as allowed with its disclosure.
 *  3. Hand back the result only once both have ended: if the entry could not be written, there is
 *     no result to hand back (whatever the registry answered is discarded).
 * Alternative course: the registry call fails. Its entry is already written as allowed (the person
 * was asked about), so the failure's outcome is recorded in a second entry for the same request
 * before the error goes on; if that cannot be written, there is no answer either.
 */
export async function ledgeredAccessAlongside<A, T>(
  deps: LedgerDependencies,
  planned: PlannedAccess,
  steps: {
    readonly admit: () => Promise<A>;
    readonly call: (admitted: A) => Promise<T>;
    readonly disclosure: Disclosure;
  },
): Promise<{ admitted: A; result: T; recordedAt: string }> {
  let admitted: A;
  try {
    admitted = await steps.admit();
  } catch (error) {
    await recordOrWithhold(deps, planned, deps.clock.now().toISOString(), { ok: false, error });
    throw error;
  }
  const recordedAt = deps.clock.now().toISOString();
  // Started before the call, so the write is on its way while the registry answers.
  const allowedEntry = recordOrWithhold(deps, planned, recordedAt, {
    ok: true,
    disclosure: steps.disclosure,
  });
  const [written, answered] = await Promise.allSettled([allowedEntry, steps.call(admitted)]);
  if (written.status === 'rejected') throw written.reason;
  if (answered.status === 'fulfilled') return { admitted, result: answered.value, recordedAt };
  await recordOrWithhold(deps, planned, deps.clock.now().toISOString(), {
    ok: false,
    error: answered.reason,
  });
  throw answered.reason;
}

type Attempt =
  { readonly ok: true; readonly disclosure: Disclosure } | { readonly ok: false; readonly error: unknown };

/** Writes the entry for one attempt; a ledger that cannot write it withholds the answer (503). */
async function recordOrWithhold(
  deps: LedgerDependencies,
  planned: PlannedAccess,
  recordedAt: string,
  attempt: Attempt,
): Promise<void> {
  const subjects = new Set([...planned.subjects, ...(attempt.ok ? (attempt.disclosure.subjects ?? []) : [])]);
  const { envelope } = planned;
  try {
    await deps.accessLedger.record({
      requestId: envelope.requestId,
      recordedAt,
      clientId: envelope.clientId,
      keyId: envelope.keyId,
      officerId: envelope.officerId,
      purpose: envelope.purpose,
      ...(envelope.dossierId === undefined ? {} : { dossierId: envelope.dossierId }),
      operation: planned.operation,
      subjectKeys: [...subjects].map((id) => deps.subjectKeys.keyOf(id)),
      outcome: attempt.ok ? 'allowed' : outcomeOf(attempt.error),
      fieldsDisclosed: attempt.ok ? attempt.disclosure.fieldsDisclosed : [],
    });
  } catch (cause) {
    throw new LedgerUnavailableError(cause);
  }
}

/** How a failed access is recorded: by the kind of gateway error, `failed` for anything else. */
export function outcomeOf(error: unknown): AccessOutcome {
  if (!(error instanceof GatewayError)) return 'failed';
  switch (error.kind) {
    case 'upstream-failed':
    case 'upstream-unavailable':
    case 'upstream-timeout':
    case 'not-found':
      return error.kind;
    case 'upstream-rejected':
      return 'invalid';
    case 'unauthenticated':
      return 'unauthenticated';
    case 'forbidden':
      return 'denied';
    case 'too-many-requests':
      return 'rate-limited';
    default:
      return 'failed';
  }
}
