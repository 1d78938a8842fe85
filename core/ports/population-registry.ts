import type { CitizenRecord } from '../../schemas/citizen-records.js';
import type { AccessEnvelope } from './access-envelope.js';

/** What the gateway asks the population registry to confirm: all three facts together. */
export interface CitizenClaim {
  readonly personalId: string;
  readonly fullName: string;
  /** `YYYY-MM-DD`, or `YYYY` for a year-only birth. */
  readonly dateOfBirth: string;
}

/** How a lookup names the citizen. */
export type CitizenKey = { readonly personalId: string } | { readonly oldIdNumber: string };

/** The national population database, as the gateway's use cases see it. */
export interface PopulationRegistry {
  /** Asks the registry whether a citizen with exactly these facts exists: a yes/no, no personal data back. */
  verifyCitizen(claim: CitizenClaim, envelope: AccessEnvelope): Promise<{ readonly exists: boolean }>;
  /** The citizen's whole record; rejects with `NotFoundError` when the registry has none. */
  lookUpCitizen(key: CitizenKey, envelope: AccessEnvelope): Promise<CitizenRecord>;
}
