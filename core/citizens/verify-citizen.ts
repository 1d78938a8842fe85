import type { DateOfBirthMatch } from '../../schemas/citizen-verification.js';
import { compareNames, isNameMatch, type NameMatch } from '../../schemas/names.js';
import type { Caller, Scope } from '../../schemas/clients.js';
import { ledgeredAccessAlongside, type LedgerDependencies } from '../access-ledger/ledgered-access.js';
import { admitRequest, type Admission, type AdmissionDependencies } from '../access/admit-request.js';
import { NotFoundError } from '../errors/not-found-error.js';
import type { AccessEnvelope } from '../ports/access-envelope.js';
import type { CitizenClaim, PopulationRegistry } from '../ports/population-registry.js';

export interface VerifyCitizenDependencies extends LedgerDependencies, AdmissionDependencies {
  readonly populationRegistry: PopulationRegistry;
}

export interface CitizenVerification {
  readonly match: boolean;
  readonly fields: { readonly fullName: NameMatch; readonly dateOfBirth: DateOfBirthMatch };
  readonly checkedAt: string;
  readonly admission: Admission;
}

export const verifyOperation = 'population:verify' satisfies Scope;

/**
 * Verifies a citizen's identity against the population registry, graded per field.
 *
 * Primary course:
 *  0. Admit the caller: scope, purpose, rate limit and quota (a refusal is ledgered like any outcome).
 *  1. Ask the registry whether the claimed id, name and date of birth belong together (yes/no).
 *  2. On a no, find out which fact differs: compare the claim with the registry's record inside the
 *     gateway (nothing of the record leaves it), so a name that differs only in tone placement or
 *     diacritics, or a year-only birth, is told apart from a different person.
 *  3. Record the access — also when the registry failed — before anything is answered. The entry is
 *     written while the registry is asked (a verification discloses no field, so it is known in
 *     advance); a failed call adds its outcome in a second entry.
 */
export async function verifyCitizen(
  deps: VerifyCitizenDependencies,
  claim: CitizenClaim,
  envelope: AccessEnvelope,
  caller: Caller,
): Promise<CitizenVerification> {
  const { admitted, result, recordedAt } = await ledgeredAccessAlongside(
    deps,
    { envelope, operation: verifyOperation, subjects: [claim.personalId] },
    {
      admit: () => admitRequest(deps, caller, verifyOperation, envelope.purpose),
      call: () => gradeClaim(deps.populationRegistry, claim, envelope),
      disclosure: { fieldsDisclosed: [] },
    },
  );
  return { ...result, admission: admitted, checkedAt: recordedAt };
}

async function gradeClaim(registry: PopulationRegistry, claim: CitizenClaim, envelope: AccessEnvelope) {
  const { exists } = await registry.verifyCitizen(claim, envelope);
  // The registry compares names with case and spacing folded: its yes is the strongest grade there is.
  if (exists) return { match: true, fields: { fullName: 'exact' as const, dateOfBirth: 'match' as const } };

  const record = await registry
    .lookUpCitizen({ personalId: claim.personalId }, envelope)
    .catch((error: unknown) => {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    });
  // An unknown id is answered like a wrong one: the gateway does not reveal who exists.
  if (!record)
    return { match: false, fields: { fullName: 'different' as const, dateOfBirth: 'different' as const } };

  const fullName = compareNames(claim.fullName, record.name.full);
  const dateOfBirth = compareDatesOfBirth(claim.dateOfBirth, record.dateOfBirth.value);
  return { match: isNameMatch(fullName) && dateOfBirth === 'match', fields: { fullName, dateOfBirth } };
}

/** `YYYY-MM-DD` or `YYYY` on either side; a year alone can only ever match by year. */
export function compareDatesOfBirth(claimed: string, registered: string): DateOfBirthMatch {
  if (claimed === registered) return 'match';
  const yearOnly = claimed.length === 4 || registered.length === 4;
  return yearOnly && claimed.slice(0, 4) === registered.slice(0, 4) ? 'year_only_match' : 'different';
}
