import type { CitizenFieldName } from '../../schemas/citizen-records.js';
import { ledgeredAccess, type LedgerDependencies } from '../access-ledger/ledgered-access.js';
import type { AccessEnvelope } from '../ports/access-envelope.js';
import type { CitizenKey, PopulationRegistry } from '../ports/population-registry.js';
import { filterCitizenRecord, type DisclosedCitizen } from './citizen-fields.js';

export interface LookUpCitizenDependencies extends LedgerDependencies {
  readonly populationRegistry: PopulationRegistry;
}

export interface CitizenLookup {
  readonly citizen: DisclosedCitizen;
  readonly fieldsDisclosed: readonly CitizenFieldName[];
  readonly retrievedAt: string;
}

export const lookupOperation = 'population:lookup';

/**
 * Looks a citizen up in the population registry and discloses only the fields the client may see.
 *
 * Primary course:
 *  1. Fetch the record by personal id or old identity card number.
 *  2. Keep only the fields the client's policy allows.
 *  3. Record the access — subject, purpose, and exactly which fields left — before answering.
 */
export async function lookUpCitizen(
  deps: LookUpCitizenDependencies,
  key: CitizenKey,
  envelope: AccessEnvelope,
  allowedFields: readonly CitizenFieldName[],
): Promise<CitizenLookup> {
  const { result, recordedAt } = await ledgeredAccess(
    deps,
    { envelope, operation: lookupOperation, subjects: 'personalId' in key ? [key.personalId] : [] },
    async () =>
      filterCitizenRecord(await deps.populationRegistry.lookUpCitizen(key, envelope), allowedFields),
    (disclosed) => ({ subjects: [disclosed.citizen.personalId], fieldsDisclosed: disclosed.fieldsDisclosed }),
  );
  return { ...result, retrievedAt: recordedAt };
}
