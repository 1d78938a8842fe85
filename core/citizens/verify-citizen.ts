import { GatewayError } from '../errors/gateway-error.js';
import { LedgerUnavailableError } from '../errors/ledger-unavailable-error.js';
import type { AccessEnvelope } from '../ports/access-envelope.js';
import type { AccessLedger, AccessOutcome } from '../ports/access-ledger.js';
import type { Clock } from '../ports/clock.js';
import type { CitizenClaim, PopulationRegistry } from '../ports/population-registry.js';
import type { SubjectKeys } from '../ports/subject-keys.js';

export interface VerifyCitizenDependencies {
  readonly populationRegistry: PopulationRegistry;
  readonly accessLedger: AccessLedger;
  readonly subjectKeys: SubjectKeys;
  readonly clock: Clock;
}

export interface CitizenVerification {
  readonly match: boolean;
  readonly checkedAt: string;
}

export const verifyOperation = 'population:verify';

/**
 * Verifies a citizen's identity against the population registry.
 *
 * Primary course:
 *  1. Ask the registry whether the claimed id, name and date of birth belong together (yes/no only).
 *  2. Record the access in the ledger — also when the registry failed — before anything is answered.
 *  3. Answer the match; if the ledger could not record the access, answer nothing.
 */
export async function verifyCitizen(
  deps: VerifyCitizenDependencies,
  claim: CitizenClaim,
  envelope: AccessEnvelope,
): Promise<CitizenVerification> {
  const attempt = await deps.populationRegistry.verifyCitizen(claim, envelope).then(
    (answer) => ({ answer, outcome: 'allowed' as AccessOutcome }),
    (error: unknown) => ({ error, outcome: outcomeOf(error) }),
  );

  const checkedAt = deps.clock.now().toISOString();
  try {
    await deps.accessLedger.record({
      requestId: envelope.requestId,
      recordedAt: checkedAt,
      clientId: envelope.clientId,
      keyId: envelope.keyId,
      officerId: envelope.officerId,
      purpose: envelope.purpose,
      ...(envelope.dossierId === undefined ? {} : { dossierId: envelope.dossierId }),
      operation: verifyOperation,
      subjectKey: deps.subjectKeys.keyOf(claim.personalId),
      outcome: attempt.outcome,
      fieldsDisclosed: [],
    });
  } catch (cause) {
    throw new LedgerUnavailableError(cause);
  }

  if ('error' in attempt) throw attempt.error;
  return { match: attempt.answer.exists, checkedAt };
}

function outcomeOf(error: unknown): AccessOutcome {
  if (!(error instanceof GatewayError)) return 'failed';
  switch (error.kind) {
    case 'upstream-failed':
    case 'upstream-unavailable':
    case 'upstream-timeout':
      return error.kind;
    default:
      return 'failed';
  }
}
