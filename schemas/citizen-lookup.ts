import { z } from 'zod';
import { citizenFieldNameSchema, citizenRecordSchema } from './citizen-records.js';
import { oldIdCardNumberSchema, personalIdSchema } from './identifiers/personal-id.js';

/** A lookup names the citizen by personal id, or by the old 9-digit identity card number. */
export const citizenLookupRequestSchema = z.union(
  [z.strictObject({ personalId: personalIdSchema }), z.strictObject({ oldIdNumber: oldIdCardNumberSchema })],
  { error: 'Give either personalId (12 digits) or oldIdNumber (9 digits)' },
);

/** The record as the client may see it: every field but `personalId` is present only if allowed. */
export const citizenLookupResponseSchema = z.object({
  requestId: z.string(),
  citizen: citizenRecordSchema.partial().extend({ personalId: z.string() }),
  fieldsDisclosed: z.array(citizenFieldNameSchema),
  retrievedAt: z.iso.datetime(),
});

export type CitizenLookupRequest = z.infer<typeof citizenLookupRequestSchema>;
export type CitizenLookupResponse = z.infer<typeof citizenLookupResponseSchema>;
