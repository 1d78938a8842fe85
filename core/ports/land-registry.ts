import type { ParcelKey } from '../../schemas/land.js';
import type { CertificateRecord, ParcelRecord } from '../../schemas/land-records.js';
import type { AccessEnvelope } from './access-envelope.js';

/**
 * The national land database, as the gateway's use cases see it. A parcel is asked for under its
 * pre-2025 commune code (the numbering it belongs to); resolving a 2025 code is the use case's job.
 * Both lookups reject with `NotFoundError` when the registry holds nothing under the key.
 */
export interface LandRegistry {
  lookUpParcel(key: ParcelKey, envelope: AccessEnvelope): Promise<ParcelRecord>;
  /** `serial` in canonical form (`certificateSerialSchema`). */
  lookUpCertificate(serial: string, envelope: AccessEnvelope): Promise<CertificateRecord>;
}
