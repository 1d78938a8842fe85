import type { CertificateRecord, LandPersonalField } from '../../schemas/land-records.js';
import type { Caller } from '../../schemas/clients.js';
import { ledgeredAccess, type LedgerDependencies } from '../access-ledger/ledgered-access.js';
import { admitRequest, type Admission, type AdmissionDependencies } from '../access/admit-request.js';
import type { AccessEnvelope } from '../ports/access-envelope.js';
import type { LandRegistry } from '../ports/land-registry.js';
import { landDisclosureOf, landReadOperation } from './land-disclosure.js';

export interface LookUpCertificateDependencies extends LedgerDependencies, AdmissionDependencies {
  readonly landRegistry: LandRegistry;
}

export interface CertificateLookup extends CertificateRecord {
  readonly admission: Admission;
  readonly fieldsDisclosed: readonly LandPersonalField[];
  readonly retrievedAt: string;
}

/**
 * Looks a land-use certificate up by its serial.
 *
 * Primary course:
 *  0. Admit the caller: scope, purpose, rate limit and quota (a refusal is ledgered like any outcome).
 *  1. Ask the registry for the certificate (serial in canonical form) with its parcel and owners.
 *  2. Record the access in the ledger — the owners as subjects, failures too — before answering.
 *  3. Answer the certificate, its parcel and owners.
 */
export async function lookUpCertificate(
  deps: LookUpCertificateDependencies,
  serial: string,
  envelope: AccessEnvelope,
  caller: Caller,
): Promise<CertificateLookup> {
  const { result, recordedAt } = await ledgeredAccess(
    deps,
    { envelope, operation: landReadOperation, subjects: [] },
    async () => {
      const admission = await admitRequest(deps, caller, landReadOperation, envelope.purpose);
      return { ...(await deps.landRegistry.lookUpCertificate(serial, envelope)), admission };
    },
    (record) => landDisclosureOf([record.certificate]),
  );
  const { fieldsDisclosed } = landDisclosureOf([result.certificate]);
  return { ...result, fieldsDisclosed, retrievedAt: recordedAt };
}
