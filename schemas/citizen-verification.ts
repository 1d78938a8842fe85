import { z } from 'zod';
import { dateOfBirthSchema } from './date-of-birth.js';
import { personalIdConsistency, personalIdSchema } from './identifiers/personal-id.js';
import { fullNameSchema, nameMatchSchema } from './names.js';

export const citizenVerificationRequestSchema = z
  .strictObject({
    personalId: personalIdSchema,
    fullName: fullNameSchema,
    dateOfBirth: dateOfBirthSchema,
  })
  // A personal id carries the birth year: a contradiction is the caller's mistake, caught here.
  .superRefine(personalIdConsistency({ personalId: 'personalId', dateOfBirth: 'dateOfBirth' }));

export const dateOfBirthMatchSchema = z
  .enum(['match', 'year_only_match', 'different'])
  .describe('`year_only_match`: only the years agree, because one side has a year alone');

export const citizenVerificationResponseSchema = z.object({
  requestId: z.string(),
  match: z
    .boolean()
    .describe(
      'True when the registry confirms the id, name and date of birth belong together, or when the name differs only in form (case, spacing, tone placement)',
    ),
  fields: z.object({
    fullName: nameMatchSchema.describe('`diacritics_insensitive` is a weaker signal and never a match'),
    dateOfBirth: dateOfBirthMatchSchema,
  }),
  checkedAt: z.iso.datetime(),
});

export type CitizenVerificationRequest = z.infer<typeof citizenVerificationRequestSchema>;
export type CitizenVerificationResponse = z.infer<typeof citizenVerificationResponseSchema>;
export type DateOfBirthMatch = z.infer<typeof dateOfBirthMatchSchema>;
