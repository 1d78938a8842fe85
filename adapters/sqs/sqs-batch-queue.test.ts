import { SendMessageBatchCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { trustedCaller } from '../../test/support/admission-fakes.js';
import type { BatchItemMessage } from '../../events/batch-item-message.js';
import { SqsBatchQueue } from './sqs-batch-queue.js';

const sqs = new SQSClient({ region: 'ap-southeast-1' });
const mock = mockClient(sqs);
const queue = new SqsBatchQueue(sqs, { queueUrl: 'https://sqs.local/lookup', parallelCalls: 3 });

const messages = (count: number): BatchItemMessage[] =>
  Array.from({ length: count }, (_, itemIndex) => ({
    version: 1,
    batchId: 'b-1',
    itemIndex,
    caller: trustedCaller,
    envelope: { officerId: 'CB-1', purpose: '1.001234' },
    item: { kind: 'business', request: { enterpriseCode: '3701234562' } },
  }));

const sentIndexes = () =>
  mock
    .commandCalls(SendMessageBatchCommand)
    .map((call) =>
      (call.args[0].input.Entries ?? []).map((entry) => JSON.parse(entry.MessageBody ?? '').itemIndex),
    );

beforeEach(() => mock.reset());

describe('SqsBatchQueue', () => {
  it('sends ten messages per SendMessageBatch call, every item exactly once', async () => {
    mock.on(SendMessageBatchCommand).resolves({ Failed: [] });
    await queue.enqueue(messages(25));
    const calls = sentIndexes();
    expect(calls.map((entries) => entries.length).sort((a, b) => b - a)).toEqual([10, 10, 5]);
    expect(calls.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i));
  });

  it('sends again only the entries SQS refused in a call', async () => {
    mock
      .on(SendMessageBatchCommand)
      .resolvesOnce({
        Failed: [
          { Id: '3', Code: 'InternalError', SenderFault: false },
          { Id: '7', Code: 'InternalError', SenderFault: false },
        ],
      })
      .resolves({ Failed: [] });
    await queue.enqueue(messages(10));
    expect(sentIndexes()).toEqual([Array.from({ length: 10 }, (_, i) => i), [3, 7]]);
  });

  it('fails the submission when SQS keeps refusing an entry', async () => {
    mock
      .on(SendMessageBatchCommand)
      .resolves({ Failed: [{ Id: '0', Code: 'InternalError', SenderFault: false }] });
    await expect(queue.enqueue(messages(1))).rejects.toThrow('SQS refused 1 batch item messages');
    expect(mock.commandCalls(SendMessageBatchCommand)).toHaveLength(4);
  });

  it('hands an item over as a fresh message, delayed, carrying its earlier attempts', async () => {
    mock.on(SendMessageCommand).resolves({});
    await queue.handOver({ ...(messages(1)[0] as BatchItemMessage), priorAttempts: 4 }, 3);
    const input = mock.commandCalls(SendMessageCommand)[0]?.args[0].input;
    expect(input?.DelaySeconds).toBe(3);
    expect(JSON.parse(input?.MessageBody ?? '')).toEqual(
      expect.objectContaining({ itemIndex: 0, priorAttempts: 4 }),
    );
  });
});
