import { z } from 'zod';
import { dateOfBirthSchema } from './date-of-birth.js';
import { personalIdSchema } from './identifiers/personal-id.js';

export const citizenVerificationRequestSchema = z.strictObject({
  personalId: personalIdSchema,
  fullName: z
    .string({ error: 'fullName must be a string' })
    .trim()
    .min(1, { error: 'fullName must not be empty' })
    .max(100, { error: 'fullName must be at most 100 characters' }),
  dateOfBirth: dateOfBirthSchema,
});

export const citizenVerificationResponseSchema = z.object({
  requestId: z.string(),
  match: z
    .boolean()
    .describe('True when the registry confirms the id, name and date of birth belong together'),
  checkedAt: z.iso.datetime(),
});

export type CitizenVerificationRequest = z.infer<typeof citizenVerificationRequestSchema>;
export type CitizenVerificationResponse = z.infer<typeof citizenVerificationResponseSchema>;
