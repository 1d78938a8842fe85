import { z } from 'zod';

/**
 * The completion notice of a batch, on the lookup queue beside its items: the worker that sees the
 * last result puts it there, and the worker that receives it delivers the `batch.completed` webhook.
 * As a message of its own, a delivery that fails or a worker that crashes half-way leaves it on the
 * queue, to be tried again after a backoff; nothing is lost with a container.
 */
export const batchCompletionMessageSchema = z.object({
  version: z.literal(1),
  type: z.literal('batch-completion'),
  batchId: z.string(),
});
export type BatchCompletionMessage = z.infer<typeof batchCompletionMessageSchema>;
