import { ledgeredAccess, type LedgerDependencies } from '../access-ledger/ledgered-access.js';
import type { AccessEnvelope } from '../ports/access-envelope.js';
import type { CitizenClaim, PopulationRegistry } from '../ports/population-registry.js';

export interface VerifyCitizenDependencies extends LedgerDependencies {
  readonly populationRegistry: PopulationRegistry;
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
 *  3. Answer the match; nothing of the citizen's record is disclosed.
 */
export async function verifyCitizen(
  deps: VerifyCitizenDependencies,
  claim: CitizenClaim,
  envelope: AccessEnvelope,
): Promise<CitizenVerification> {
  const { result, recordedAt } = await ledgeredAccess(
    deps,
    { envelope, operation: verifyOperation, subjects: [claim.personalId] },
    () => deps.populationRegistry.verifyCitizen(claim, envelope),
    () => ({ fieldsDisclosed: [] }),
  );
  return { match: result.exists, checkedAt: recordedAt };
}
