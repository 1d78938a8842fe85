import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { trustedCaller } from '../test/support/admission-fakes.js';
import { InMemoryBatchQueue } from '../test/support/batch-fakes.js';
import type { BatchItemMessage } from '../events/batch-item-message.js';

const batchQueue = new InMemoryBatchQueue();
const sent: unknown[] = [];

jest.mock('./commons/batch-composition.js', () => ({
  batchWorkerDependencies: async () => ({
    maxReceiveCount: 5,
    maxAttempts: 4,
    maxBackoffSeconds: 8,
    queueUrl: 'https://sqs.local/lookup',
    batchQueue,
  }),
  sqs: { send: async (command: unknown) => void sent.push(command) },
}));

// middy is ESM-only, which jest's CommonJS cannot load; the test calls the bare handler anyway.
jest.mock(
  '@middy/core',
  () => ({
    __esModule: true,
    default: (handler: object) => {
      const wrapped = Object.assign(handler, { use: () => wrapped });
      return wrapped;
    },
  }),
  { virtual: true },
);

// Imported after the mocks are in place.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { batchWorkerHandler } = require('./batch-worker.js') as typeof import('./batch-worker.js');

const message: BatchItemMessage = {
  version: 1,
  batchId: 'b-1',
  itemIndex: 7,
  caller: trustedCaller,
  envelope: { officerId: 'CB-1', purpose: '1.001234' },
  item: { kind: 'business', request: { enterpriseCode: '3701234562' } },
};

const record = (body: unknown, receipts: number): SQSRecord =>
  ({
    messageId: `m-${receipts}`,
    receiptHandle: 'r',
    body: typeof body === 'string' ? body : JSON.stringify(body),
    attributes: { ApproximateReceiveCount: String(receipts) },
  }) as unknown as SQSRecord;

const context = { getRemainingTimeInMillis: () => 30_000 } as unknown as Context;
const handle = (...records: SQSRecord[]) => batchWorkerHandler({ Records: records } as SQSEvent, context);

beforeEach(() => {
  batchQueue.handedOver.length = 0;
  batchQueue.completionNotices.length = 0;
  sent.length = 0;
});

describe('batch worker: the DLQ is for unparseable messages only', () => {
  it('hands an item received as often as the queue allows over to a fresh message, carrying its attempts', async () => {
    const response = await handle(
      record(message, 5),
      record({ ...message, itemIndex: 8, priorAttempts: 2 }, 5),
    );
    expect(response.batchItemFailures).toEqual([]);
    expect(batchQueue.handedOver).toEqual([
      { message: { ...message, priorAttempts: 4 }, delaySeconds: 0 },
      { message: { ...message, itemIndex: 8, priorAttempts: 6 }, delaySeconds: 0 },
    ]);
  });

  it('hands a completion notice received as often as the queue allows over to a fresh notice', async () => {
    const response = await handle(record({ version: 1, type: 'batch-completion', batchId: 'b-1' }, 5));
    expect(response.batchItemFailures).toEqual([]);
    expect(batchQueue.completionNotices).toEqual(['b-1']);
  });

  it('fails a message it cannot parse every time, so that the queue moves it to the DLQ', async () => {
    const response = await handle(record('{"not": "a batch item"', 5));
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'm-5' }]);
    expect(batchQueue.handedOver).toEqual([]);
  });
});
