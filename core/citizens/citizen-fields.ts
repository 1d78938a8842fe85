import type { CitizenFieldName, CitizenRecord } from '../../schemas/citizen-records.js';

/**
 * What a client sees of a citizen record when its policy says nothing more specific: enough to
 * identify and reach the person, none of the sensitive fields (ethnicity, religion, blood type,
 * relatives, household).
 */
export const defaultCitizenFields: readonly CitizenFieldName[] = [
  'name',
  'dateOfBirth',
  'sex',
  'nationality',
  'addresses.permanent',
  'addresses.current',
];

export type DisclosedCitizen = Partial<CitizenRecord> & { personalId: string };

/**
 * Keeps only the allowed fields of a record (`personalId` always: the caller sent it) and names the
 * fields actually disclosed, for the ledger.
 */
export function filterCitizenRecord(
  record: CitizenRecord,
  allowed: readonly CitizenFieldName[],
): { citizen: DisclosedCitizen; fieldsDisclosed: CitizenFieldName[] } {
  const citizen: Record<string, unknown> = { personalId: record.personalId };
  const fieldsDisclosed: CitizenFieldName[] = [];
  for (const field of allowed) {
    const [group, member] = field.split('.') as [keyof CitizenRecord, string | undefined];
    const value =
      member === undefined ? record[group] : (record[group] as Record<string, unknown> | undefined)?.[member];
    if (value === undefined) continue;
    fieldsDisclosed.push(field);
    if (member === undefined) citizen[group] = value;
    else citizen[group] = { ...(citizen[group] as object | undefined), [member]: value };
  }
  return { citizen: citizen as DisclosedCitizen, fieldsDisclosed };
}
