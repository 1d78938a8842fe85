import { z } from 'zod';

/** Personal id (số định danh cá nhân): 12 digits, no check digit. */
export const personalIdSchema = z
  .string({ error: 'personalId must be a string of 12 digits' })
  .regex(/^\d{12}$/, { error: 'personalId must be exactly 12 digits' });

export type PersonalId = z.infer<typeof personalIdSchema>;
