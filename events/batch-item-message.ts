import { z } from 'zod';
import { citizenLookupRequestSchema } from '../schemas/citizen-lookup.js';
import { citizenVerificationRequestSchema } from '../schemas/citizen-verification.js';
import { callerSchema } from '../schemas/clients.js';
import { certificateSerialSchema, parcelKeySchema } from '../schemas/land.js';
import { enterpriseCodeSchema } from '../schemas/identifiers/tax-code.js';

/**
 * One item of a batch as it travels on the SQS lookup queue (encrypted at rest with SSE-KMS). Each
 * kind reuses the synchronous endpoint's request schema, so a batch item is validated exactly like
 * the same request made one at a time.
 */
export const batchItemSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('citizen-verify'), request: citizenVerificationRequestSchema }),
  z.object({ kind: z.literal('citizen-lookup'), request: citizenLookupRequestSchema }),
  z.object({ kind: z.literal('business'), request: z.object({ enterpriseCode: enterpriseCodeSchema }) }),
  z.object({ kind: z.literal('land-parcel'), request: parcelKeySchema }),
  z.object({ kind: z.literal('land-certificate'), request: z.object({ serial: certificateSerialSchema }) }),
]);
export type BatchItem = z.infer<typeof batchItemSchema>;

/** The queue message: which batch and item, on whose behalf and why, and the item itself. */
export const batchItemMessageSchema = z.object({
  version: z.literal(1),
  batchId: z.string(),
  /** 0-based position in the submitted list (row number − 1 for CSV). */
  itemIndex: z.number().int().min(0),
  caller: callerSchema,
  envelope: z.object({
    officerId: z.string(),
    purpose: z.string(),
    dossierId: z.string().optional(),
  }),
  item: batchItemSchema,
});
export type BatchItemMessage = z.infer<typeof batchItemMessageSchema>;
