import type { BatchItemMessage } from '../../events/batch-item-message.js';

/** Where batch items wait for the worker. */
export interface BatchQueue {
  /** Puts every message on the queue (several at once); resolves when all are accepted. */
  enqueue(messages: readonly BatchItemMessage[]): Promise<void>;
  /**
   * Puts one item back on the queue as a new message, visible after `delaySeconds`: its receive count
   * starts again, so an item still being worked on never reaches the dead-letter queue.
   */
  handOver(message: BatchItemMessage, delaySeconds: number): Promise<void>;
  /** Puts a batch's completion notice on the queue (its webhook is delivered from there). */
  enqueueCompletionNotice(batchId: string): Promise<void>;
}
