import type { BatchItemMessage } from '../../events/batch-item-message.js';

/** Where batch items wait for the worker. */
export interface BatchQueue {
  /** Puts every message on the queue (several at once); resolves when all are accepted. */
  enqueue(messages: readonly BatchItemMessage[]): Promise<void>;
}
