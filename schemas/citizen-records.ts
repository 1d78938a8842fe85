import { z } from 'zod';

/** An administrative unit as a record names it. */
const unitSchema = z.object({ code: z.string(), name: z.string().optional() });

/**
 * An address as the population registry holds it: the registry's own unit codes (of whichever era it
 * recorded them in) and the 2025 commune(s) they belong to now. A pre-2025 commune split in 2025
 * resolves to several current communes, each marked `whole` or `partial`.
 */
export const citizenAddressSchema = z.object({
  detail: z.string().optional(),
  country: z.string().optional(),
  registryUnits: z.object({
    era: z.enum(['pre2025', '2025', 'unknown']),
    province: unitSchema.optional(),
    district: unitSchema.optional(),
    commune: unitSchema.optional(),
  }),
  currentUnits: z.array(
    z.object({
      commune: unitSchema,
      province: unitSchema,
      merge: z.enum(['whole', 'partial', 'unchanged']),
    }),
  ),
});

const relativeSchema = z.object({ personalId: z.string().optional(), fullName: z.string().optional() });

/** A citizen's record in the gateway's English schema, before any field filtering. */
export const citizenRecordSchema = z.object({
  personalId: z.string(),
  oldIdNumber: z.string().optional(),
  name: z.object({
    family: z.string(),
    middle: z.string().optional(),
    given: z.string(),
    full: z.string(),
  }),
  dateOfBirth: z.object({
    value: z.string().describe('`YYYY-MM-DD`, or `YYYY` when only the year is registered'),
    precision: z.enum(['day', 'year']),
  }),
  sex: z.enum(['male', 'female']),
  ethnicity: z.string().optional(),
  religion: z.string().optional(),
  maritalStatus: z.string().optional(),
  bloodType: z.string().optional(),
  nationality: z.string().optional(),
  addresses: z.object({
    birthRegistration: citizenAddressSchema.optional(),
    hometown: citizenAddressSchema.optional(),
    permanent: citizenAddressSchema.optional(),
    current: citizenAddressSchema.optional(),
  }),
  relatives: z.object({
    father: relativeSchema.optional(),
    mother: relativeSchema.optional(),
    spouse: relativeSchema.optional(),
  }),
  household: z
    .object({
      bookNumber: z.string().optional(),
      head: relativeSchema.optional(),
      relationToHead: z.string().optional(),
    })
    .optional(),
});

export type CitizenRecord = z.infer<typeof citizenRecordSchema>;
export type CitizenAddress = z.infer<typeof citizenAddressSchema>;

/**
 * The fields of a citizen record a client can be allowed to receive, by name. `personalId` is always
 * returned (the caller sent it). Sensitive fields (religion, ethnicity, blood type, relatives) are
 * separate so that policies can leave them out.
 */
export const citizenFieldNames = [
  'oldIdNumber',
  'name',
  'dateOfBirth',
  'sex',
  'ethnicity',
  'religion',
  'maritalStatus',
  'bloodType',
  'nationality',
  'addresses.birthRegistration',
  'addresses.hometown',
  'addresses.permanent',
  'addresses.current',
  'relatives.father',
  'relatives.mother',
  'relatives.spouse',
  'household',
] as const;

export const citizenFieldNameSchema = z.enum(citizenFieldNames);
export type CitizenFieldName = z.infer<typeof citizenFieldNameSchema>;
