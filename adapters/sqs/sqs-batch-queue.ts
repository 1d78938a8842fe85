import { SendMessageBatchCommand, SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { BatchCompletionMessage } from '../../events/batch-completion-message.js';
import type { BatchItemMessage } from '../../events/batch-item-message.js';
import type { BatchQueue } from '../../core/ports/batch-queue.js';

export interface SqsBatchQueueOptions {
  readonly queueUrl: string;
  /** SendMessageBatch calls in flight at once. */
  readonly parallelCalls?: number;
}

/** Entries SQS refused in a SendMessageBatch are sent again this many times before giving up. */
const maxSendAttempts = 4;

/** The lookup queue: `SendMessageBatch` with 10 messages per call, several calls in parallel. */
export class SqsBatchQueue implements BatchQueue {
  constructor(
    private readonly sqs: SQSClient,
    private readonly options: SqsBatchQueueOptions,
  ) {}

  async enqueue(messages: readonly BatchItemMessage[]): Promise<void> {
    const chunks: BatchItemMessage[][] = [];
    for (let start = 0; start < messages.length; start += 10) chunks.push(messages.slice(start, start + 10));
    let next = 0;
    const sender = async () => {
      while (next < chunks.length) await this.sendChunk(chunks[next++] as BatchItemMessage[]);
    };
    await Promise.all(
      Array.from({ length: Math.min(this.options.parallelCalls ?? 10, chunks.length) }, sender),
    );
  }

  async handOver(message: BatchItemMessage, delaySeconds: number): Promise<void> {
    await this.sqs.send(
      new SendMessageCommand({
        QueueUrl: this.options.queueUrl,
        MessageBody: JSON.stringify(message),
        // SQS delays a message by 15 minutes at most.
        DelaySeconds: Math.min(900, Math.max(0, Math.round(delaySeconds))),
      }),
    );
  }

  async enqueueCompletionNotice(batchId: string): Promise<void> {
    const notice: BatchCompletionMessage = { version: 1, type: 'batch-completion', batchId };
    await this.sqs.send(
      new SendMessageCommand({ QueueUrl: this.options.queueUrl, MessageBody: JSON.stringify(notice) }),
    );
  }

  private async sendChunk(chunk: readonly BatchItemMessage[]): Promise<void> {
    let pending = chunk.map((message) => ({
      Id: String(message.itemIndex),
      MessageBody: JSON.stringify(message),
    }));
    for (let attempt = 1; pending.length > 0; attempt += 1) {
      const { Failed = [] } = await this.sqs.send(
        new SendMessageBatchCommand({ QueueUrl: this.options.queueUrl, Entries: pending }),
      );
      if (Failed.length === 0) return;
      if (attempt >= maxSendAttempts) {
        throw new Error(
          `SQS refused ${Failed.length} batch item messages: ${Failed.map((f) => f.Code).join(', ')}`,
        );
      }
      const failedIds = new Set(Failed.map((failure) => failure.Id));
      pending = pending.filter((entry) => failedIds.has(entry.Id));
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}
