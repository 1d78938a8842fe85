import type { Scope } from '../../schemas/clients.js';
import type { Certificate, LandPersonalField } from '../../schemas/land-records.js';

/** The access every land answer is ledgered under: land answers name their owners. */
export const landReadOperation = 'land:read' satisfies Scope;

/**
 * What a land answer discloses about people: the owners (and spouses) named on its certificates are
 * the data subjects, and the owner fields present are the personal data that left.
 */
export function landDisclosureOf(certificates: readonly Certificate[]): {
  subjects: string[];
  fieldsDisclosed: LandPersonalField[];
} {
  const owners = certificates.flatMap((certificate) => certificate.owners);
  const people = owners.flatMap((owner) => (owner.spouse ? [owner, owner.spouse] : [owner]));
  const fields: LandPersonalField[] =
    owners.length === 0
      ? []
      : ['owners.fullName', 'owners.idDocument', 'owners.address', 'owners.nationality'];
  if (owners.some((owner) => owner.spouse !== undefined)) fields.push('owners.spouse');
  return {
    subjects: [...new Set(people.map((person) => person.idDocument.number))],
    fieldsDisclosed: fields,
  };
}
