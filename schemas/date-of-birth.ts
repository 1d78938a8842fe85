import { z } from 'zod';

/** A date of birth as the API accepts it: a full date `YYYY-MM-DD`, or a year alone `YYYY`. */
export const dateOfBirthSchema = z
  .string({ error: 'dateOfBirth must be a string' })
  .regex(/^\d{4}(-\d{2}-\d{2})?$/, { error: 'dateOfBirth must be YYYY-MM-DD or YYYY' });

export type DateOfBirth = z.infer<typeof dateOfBirthSchema>;
