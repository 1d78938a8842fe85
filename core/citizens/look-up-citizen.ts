import type { CitizenFieldName } from '../../schemas/citizen-records.js';
import type { Caller, Scope } from '../../schemas/clients.js';
import { ledgeredAccess, type LedgerDependencies } from '../access-ledger/ledgered-access.js';
import { admitRequest, type Admission, type AdmissionDependencies } from '../access/admit-request.js';
import type { AccessEnvelope } from '../ports/access-envelope.js';
import type { CitizenKey, PopulationRegistry } from '../ports/population-registry.js';
import { defaultCitizenFields, filterCitizenRecord, type DisclosedCitizen } from './citizen-fields.js';

export interface LookUpCitizenDependencies extends LedgerDependencies, AdmissionDependencies {
  readonly populationRegistry: PopulationRegistry;
}

export interface CitizenLookup {
  readonly citizen: DisclosedCitizen;
  readonly fieldsDisclosed: readonly CitizenFieldName[];
  readonly retrievedAt: string;
  readonly admission: Admission;
}

export const lookupOperation = 'population:lookup' satisfies Scope;

/**
 * Looks a citizen up in the population registry and discloses only the fields the client may see.
 *
 * Primary course:
 *  0. Admit the caller: scope, purpose, rate limit and quota (a refusal is ledgered like any outcome).
 *  1. Fetch the record by personal id or old identity card number.
 *  2. Keep only the fields the client's policy allows (the minimal default set if it names none).
 *  3. Record the access — subject, purpose, and exactly which fields left — before answering.
 */
export async function lookUpCitizen(
  deps: LookUpCitizenDependencies,
  key: CitizenKey,
  envelope: AccessEnvelope,
  caller: Caller,
): Promise<CitizenLookup> {
  const allowedFields = caller.policy.fields.citizen ?? defaultCitizenFields;
  const { result, recordedAt } = await ledgeredAccess(
    deps,
    { envelope, operation: lookupOperation, subjects: 'personalId' in key ? [key.personalId] : [] },
    async () => {
      const admission = await admitRequest(deps, caller, lookupOperation, envelope.purpose);
      const record = await deps.populationRegistry.lookUpCitizen(key, envelope);
      return { ...filterCitizenRecord(record, allowedFields), admission };
    },
    (disclosed) => ({ subjects: [disclosed.citizen.personalId], fieldsDisclosed: disclosed.fieldsDisclosed }),
  );
  return { ...result, retrievedAt: recordedAt };
}
