import { randomUUID } from 'node:crypto';
import {
  DeleteMessageBatchCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  type Message,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';

export type SqsHandler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse | void>;

export interface SqsPollerOptions {
  readonly sqs: SQSClient;
  readonly queueUrl: string;
  readonly handler: SqsHandler;
  /** Records per invocation (the event source's BatchSize, at most 10 here). */
  readonly batchSize?: number;
  /** Invocations at once (the event source's MaximumConcurrency). */
  readonly concurrency?: number;
  /** Overrides the queue's visibility timeout for received messages (e.g. a short one in tests). */
  readonly visibilityTimeoutSeconds?: number;
  /** The function's timeout: what `context.getRemainingTimeInMillis()` counts down from. */
  readonly functionTimeoutMs?: number;
  readonly functionName?: string;
  /**
   * The event source's MaximumBatchingWindow: after a receive that did not fill a batch, how long to
   * keep gathering records before invoking (0: invoke with what the first receive brought).
   */
  readonly maxBatchingWindowMs?: number;
  readonly onError?: (error: unknown) => void;
}

export interface SqsPoller {
  /** Invocations completed so far. */
  readonly invocations: () => number;
  /**
   * Stops receiving; resolves once every poller is idle: a long poll under way is let finish and
   * whatever it brings is invoked, so no message is left in flight with nobody to finish it.
   * `resume` starts again (and settles a pause still waiting).
   */
  pause(): Promise<void>;
  resume(): void;
  stop(): Promise<void>;
}

/**
 * Plays the Lambda SQS event source mapping against fauxqs: `concurrency` pollers each receive up to
 * `batchSize` messages, invoke the handler with an `SQSEvent` and a Lambda context, then delete only
 * the messages not listed in `batchItemFailures` (ReportBatchItemFailures). A handler that throws
 * deletes nothing: every message comes back after its visibility timeout, as on AWS. Messages
 * received more often than the redrive policy allows are moved to the DLQ by the queue itself.
 */
export async function startSqsPoller(options: SqsPollerOptions): Promise<SqsPoller> {
  const { sqs, queueUrl } = options;
  const { Attributes } = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }),
  );
  const queueArn = Attributes?.['QueueArn'] ?? queueUrl;
  const functionTimeoutMs = options.functionTimeoutMs ?? 60_000;
  let running = true;
  let paused = false;
  let invocations = 0;
  const batchSize = Math.min(10, options.batchSize ?? 10);
  const batchingWindowMs = options.maxBatchingWindowMs ?? 0;
  const abort = new AbortController();

  const invoke = async (messages: Message[]) => {
    const started = Date.now();
    const event: SQSEvent = { Records: messages.map((message) => recordOf(message, queueArn)) };
    const context = {
      callbackWaitsForEmptyEventLoop: false,
      functionName: options.functionName ?? 'batchWorker',
      functionVersion: '$LATEST',
      invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${options.functionName ?? 'batchWorker'}`,
      memoryLimitInMB: '1024',
      awsRequestId: randomUUID(),
      logGroupName: '/local/batchWorker',
      logStreamName: 'local',
      getRemainingTimeInMillis: () => Math.max(0, functionTimeoutMs - (Date.now() - started)),
      done: () => undefined,
      fail: () => undefined,
      succeed: () => undefined,
    } satisfies Context;
    let failed: Set<string>;
    try {
      const response = await options.handler(event, context);
      failed = new Set((response?.batchItemFailures ?? []).map((failure) => failure.itemIdentifier));
    } catch (error) {
      options.onError?.(error);
      return; // the whole batch comes back after its visibility timeout
    } finally {
      invocations += 1;
    }
    const done = messages.filter((message) => !failed.has(message.MessageId as string));
    if (done.length > 0) {
      await sqs.send(
        new DeleteMessageBatchCommand({
          QueueUrl: queueUrl,
          Entries: done.map((message, index) => ({
            Id: String(index),
            ReceiptHandle: message.ReceiptHandle as string,
          })),
        }),
      );
    }
  };

  const receive = async (maxMessages: number, waitSeconds: number) => {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: maxMessages,
        WaitTimeSeconds: waitSeconds,
        MessageSystemAttributeNames: ['All'],
        MessageAttributeNames: ['All'],
        ...(options.visibilityTimeoutSeconds === undefined
          ? {}
          : { VisibilityTimeout: options.visibilityTimeoutSeconds }),
      }),
      { abortSignal: abort.signal },
    );
    return Messages;
  };

  // Pollers between a receive and the end of its invocation. Pausing never aborts a long poll:
  // fauxqs does not notice a closed connection, so an aborted receive would still take messages
  // and leave them invisible for the whole visibility timeout.
  let busy = 0;
  const idle = new Set<() => void>();
  const poll = async () => {
    while (running) {
      if (paused) {
        if (busy === 0) for (const resolve of idle) resolve();
        await new Promise((resolve) => setTimeout(resolve, 50));
        continue;
      }
      busy += 1;
      try {
        // Long polling, as the event source mapping does: an empty queue costs one request per 5 s.
        const messages = await receive(batchSize, 5);
        // Within the batching window, gather more records until the batch is full.
        const windowEnds = Date.now() + batchingWindowMs;
        while (messages.length > 0 && messages.length < batchSize && Date.now() < windowEnds) {
          const more = await receive(batchSize - messages.length, 0).catch(() => []);
          if (more.length === 0) await new Promise((resolve) => setTimeout(resolve, 50));
          messages.push(...more);
        }
        if (messages.length > 0) await invoke(messages);
      } catch (error) {
        if (!running) return;
        options.onError?.(error);
        await new Promise((resolve) => setTimeout(resolve, 500));
      } finally {
        busy -= 1;
      }
    }
  };
  const pollers = Array.from({ length: options.concurrency ?? 4 }, poll);

  return {
    invocations: () => invocations,
    pause: () => {
      paused = true;
      return new Promise<void>((resolve) => {
        const settled = () => {
          idle.delete(settled);
          resolve();
        };
        idle.add(settled);
      });
    },
    resume: () => {
      paused = false;
      // A pause still waiting for its pollers to go idle is superseded: its caller is not left waiting.
      for (const resolve of idle) resolve();
    },
    stop: async () => {
      running = false;
      abort.abort();
      await Promise.allSettled(pollers);
    },
  };
}

function recordOf(message: Message, queueArn: string): SQSRecord {
  const attributes = message.Attributes ?? {};
  return {
    messageId: message.MessageId as string,
    receiptHandle: message.ReceiptHandle as string,
    body: message.Body ?? '',
    attributes: {
      ApproximateReceiveCount: attributes['ApproximateReceiveCount'] ?? '1',
      SentTimestamp: attributes['SentTimestamp'] ?? String(Date.now()),
      SenderId: attributes['SenderId'] ?? 'local',
      ApproximateFirstReceiveTimestamp: attributes['ApproximateFirstReceiveTimestamp'] ?? String(Date.now()),
    },
    messageAttributes: {},
    md5OfBody: message.MD5OfBody ?? '',
    eventSource: 'aws:sqs',
    eventSourceARN: queueArn,
    awsRegion: 'ap-southeast-1',
  };
}
