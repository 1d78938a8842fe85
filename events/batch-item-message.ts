import { z } from 'zod';
import { batchItemSchema } from '../schemas/batches.js';
import { callerSchema } from '../schemas/clients.js';

/**
 * One item of a batch as it travels on the SQS lookup queue (encrypted at rest with SSE-KMS): the
 * public item schema of `POST /v1/batches` (`schemas/batches.ts`), where each kind reuses the
 * synchronous endpoint's request schema, so a batch item is validated exactly like the same request
 * made one at a time.
 */
export { batchItemSchema, type BatchItem } from '../schemas/batches.js';

/** The queue message: which batch and item, on whose behalf and why, and the item itself. */
export const batchItemMessageSchema = z.object({
  version: z.literal(1),
  batchId: z.string(),
  /** 0-based position in the submitted list (for CSV, the line number − 2: line 1 is the header). */
  itemIndex: z.number().int().min(0),
  caller: callerSchema,
  envelope: z.object({
    officerId: z.string(),
    purpose: z.string(),
    dossierId: z.string().optional(),
  }),
  item: batchItemSchema,
  /**
   * Attempts made on earlier messages of the same item: the worker hands an item over to a fresh
   * message (the queue's receive count starts again) rather than let the queue move it to the DLQ.
   */
  priorAttempts: z.number().int().min(0).optional(),
});
export type BatchItemMessage = z.infer<typeof batchItemMessageSchema>;
