import {
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  ReceiveMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { queues } from '../../infra/resources.js';
import { localName } from '../../local/bootstrap.js';
import type { StackAddresses } from './local-stack.js';

/** The lookup queue and its DLQ on the stack's fauxqs, with a client to reach them. */
export interface LookupQueues {
  readonly sqs: SQSClient;
  readonly queueUrl: string;
  readonly deadLetterUrl: string;
  /** Messages on a queue: visible, in flight and delayed (a deferred item is delayed, not gone). */
  depth(url: string): Promise<number>;
  /**
   * Deletes the visible messages of a queue whose body is `body` (a test cleaning up what it parked
   * in the DLQ, so the suites after it find the stack's queues as they were); answers how many.
   */
  remove(url: string, body: string): Promise<number>;
}

export async function lookupQueues(stack: StackAddresses): Promise<LookupQueues> {
  const sqs = new SQSClient({
    region: 'ap-southeast-1',
    endpoint: stack.sqsEndpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const { QueueUrl: deadLetterUrl } = await sqs.send(
    new GetQueueUrlCommand({ QueueName: localName(queues.lookup.deadLetter.id) }),
  );
  return {
    sqs,
    queueUrl: stack.tableNames[queues.lookup.envVar] as string,
    deadLetterUrl: deadLetterUrl as string,
    depth: async (url) => {
      const { Attributes = {} } = await sqs.send(
        new GetQueueAttributesCommand({
          QueueUrl: url,
          AttributeNames: [
            'ApproximateNumberOfMessages',
            'ApproximateNumberOfMessagesNotVisible',
            'ApproximateNumberOfMessagesDelayed',
          ],
        }),
      );
      return Object.values(Attributes).reduce((sum, value) => sum + Number(value), 0);
    },
    remove: async (url, body) => {
      let removed = 0;
      for (;;) {
        const { Messages = [] } = await sqs.send(
          new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10, VisibilityTimeout: 5 }),
        );
        const matching = Messages.filter((message) => message.Body === body);
        if (matching.length === 0) return removed;
        for (const message of matching) {
          await sqs.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: message.ReceiptHandle }));
          removed += 1;
        }
      }
    },
  };
}

/** `POST /v1/batches` with a JSON body, or a CSV one when `body` is a string. */
export async function submitBatch(
  stack: StackAddresses,
  body: unknown,
  options: { readonly headers?: Record<string, string>; readonly apiKey?: string } = {},
): Promise<{ response: Response; json: Record<string, unknown> }> {
  const csv = typeof body === 'string';
  const response = await fetch(`${stack.gatewayUrl}/v1/batches`, {
    method: 'POST',
    headers: {
      'content-type': csv ? 'text/csv' : 'application/json',
      'x-api-key': options.apiKey ?? stack.sandboxApiKey,
      ...options.headers,
    },
    body: csv ? body : JSON.stringify(body),
  });
  return { response, json: (await response.json()) as Record<string, unknown> };
}

/**
 * Probes every 200 ms until `done` holds or the time is up, and answers the last value either way:
 * the test's own assertions on it say what was missing, rather than jest's timeout.
 */
export async function eventually<T>(
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
