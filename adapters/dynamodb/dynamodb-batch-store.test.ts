import {
  ConditionalCheckFailedException,
  DynamoDBClient,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import type { ItemResult } from '../../core/ports/batch-store.js';
import { DynamoDbBatchStore } from './dynamodb-batch-store.js';

const documents = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'ap-southeast-1' }));
const mock = mockClient(documents);
const store = new DynamoDbBatchStore(documents, { tableName: 'Batches', retentionDays: 30 });

const result = (itemIndex: number, outcome: ItemResult['outcome'] = 'succeeded'): ItemResult => ({
  itemIndex,
  kind: 'citizen-verify',
  outcome,
  attempts: 1,
  completedAt: '2026-07-01T02:00:00.000Z',
});

const cancelled = (codes: string[]) =>
  new TransactionCanceledException({
    message: 'cancelled',
    $metadata: {},
    CancellationReasons: codes.map((Code) => ({ Code })),
  });

beforeEach(() => mock.reset());

describe('DynamoDbBatchStore counters', () => {
  it('records a result and counts it in one transaction, on the counter shard of its item', async () => {
    mock.on(TransactWriteCommand).resolves({});
    expect(await store.recordResult('b-1', result(13, 'not_found'))).toEqual({ recorded: true });
    const [put, count] = mock.commandCalls(TransactWriteCommand)[0]?.args[0].input.TransactItems ?? [];
    expect(put?.Put).toEqual(
      expect.objectContaining({
        Item: expect.objectContaining({ pk: 'BATCH#b-1', sk: 'ITEM#000013', outcome: 'not_found' }),
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    expect(count?.Update).toEqual(
      expect.objectContaining({
        Key: { pk: 'BATCH#b-1', sk: 'COUNTER#5' },
        UpdateExpression: expect.stringContaining('ADD done :done, #outcome0 :count0'),
        ExpressionAttributeNames: { '#outcome0': 'not_found' },
      }),
    );
  });

  it('keeps a result already recorded and does not count it again', async () => {
    mock.on(TransactWriteCommand).rejects(cancelled(['ConditionalCheckFailed', 'None']));
    expect(await store.recordResult('b-1', result(1))).toEqual({ recorded: false });
    expect(mock.commandCalls(TransactWriteCommand)).toHaveLength(1);
  });

  it('tries again when another worker held the counter shard', async () => {
    mock
      .on(TransactWriteCommand)
      .rejectsOnce(cancelled(['None', 'TransactionConflict']))
      .resolves({});
    expect(await store.recordResult('b-1', result(2))).toEqual({ recorded: true });
    expect(mock.commandCalls(TransactWriteCommand)).toHaveLength(2);
  });

  it('writes results recorded close together in one transaction, counted with one update', async () => {
    mock.on(TransactWriteCommand).resolves({});
    const coalescing = new DynamoDbBatchStore(documents, {
      tableName: 'Batches',
      retentionDays: 30,
      coalesceResultsMs: 20,
    });
    const answers = await Promise.all([
      coalescing.recordResult('b-1', result(8)),
      coalescing.recordResult('b-1', result(9, 'failed')),
      coalescing.recordResult('b-1', result(10)),
    ]);
    expect(answers).toEqual([{ recorded: true }, { recorded: true }, { recorded: true }]);
    const calls = mock.commandCalls(TransactWriteCommand);
    expect(calls).toHaveLength(1);
    const items = calls[0]?.args[0].input.TransactItems ?? [];
    expect(items.map((item) => item.Put?.Item?.['sk'] ?? item.Update?.Key?.['sk'])).toEqual([
      'ITEM#000008',
      'ITEM#000009',
      'ITEM#000010',
      'COUNTER#0',
    ]);
    const update = items[3]?.Update;
    const valueOf = (outcome: string) => {
      const name = Object.entries(update?.ExpressionAttributeNames ?? {}).find(([, v]) => v === outcome)?.[0];
      return update?.ExpressionAttributeValues?.[`:count${name?.replace('#outcome', '')}`];
    };
    expect(update?.ExpressionAttributeValues?.[':done']).toBe(3);
    expect([valueOf('succeeded'), valueOf('failed')]).toEqual([2, 1]);
  });

  it('answers a result already recorded as such and writes the rest of its group again', async () => {
    mock
      .on(TransactWriteCommand)
      .rejectsOnce(cancelled(['None', 'ConditionalCheckFailed', 'None']))
      .resolves({});
    const coalescing = new DynamoDbBatchStore(documents, {
      tableName: 'Batches',
      retentionDays: 30,
      coalesceResultsMs: 20,
    });
    const answers = await Promise.all([
      coalescing.recordResult('b-1', result(1)),
      coalescing.recordResult('b-1', result(2)),
    ]);
    expect(answers).toEqual([{ recorded: true }, { recorded: false }]);
    const retried = mock.commandCalls(TransactWriteCommand)[1]?.args[0].input.TransactItems ?? [];
    expect(
      retried.map((item) => item.Put?.Item?.['sk'] ?? item.Update?.ExpressionAttributeValues?.[':done']),
    ).toEqual(['ITEM#000001', 1]);
  });

  it('adds the shards up into the batch progress', async () => {
    mock.on(QueryCommand).resolves({
      Items: [
        { sk: 'COUNTER#0', done: 3, succeeded: 2, failed: 1, firstResultAt: 'b', lastResultAt: 'c' },
        { sk: 'COUNTER#1', done: 2, succeeded: 1, not_found: 1, firstResultAt: 'a', lastResultAt: 'd' },
      ],
    });
    expect(await store.progress('b-1')).toEqual({
      done: 5,
      counts: { succeeded: 3, not_found: 1, rejected: 0, denied: 0, failed: 1 },
      firstResultAt: 'a',
      lastResultAt: 'd',
    });
  });
});

describe('DynamoDbBatchStore cancellation', () => {
  it('marks a batch cancelled once, and a second cancel keeps the first time', async () => {
    mock
      .on(UpdateCommand)
      .resolvesOnce({})
      .rejects(new ConditionalCheckFailedException({ message: 'already', $metadata: {} }));
    mock.on(GetCommand).resolves({
      Item: { pk: 'BATCH#b-1', sk: 'META', batchId: 'b-1', cancelledAt: 'first', total: 3 },
    });
    expect((await store.cancel('b-1', 'first')).cancelledAt).toBe('first');
    expect((await store.cancel('b-1', 'second')).cancelledAt).toBe('first');
    expect(mock.commandCalls(UpdateCommand)[0]?.args[0].input.ConditionExpression).toBe(
      'attribute_exists(pk) AND attribute_not_exists(cancelledAt)',
    );
  });
});

describe('DynamoDbBatchStore webhook delivery', () => {
  it('claims attempts one at a time under a lease, never after the delivery ended', async () => {
    mock
      .on(UpdateCommand)
      .resolvesOnce({ Attributes: { webhookAttempts: 2 } })
      .rejects(new ConditionalCheckFailedException({ message: 'leased', $metadata: {} }));
    expect(await store.claimWebhookAttempt('b-1', 't1', 't2')).toBe(2);
    expect(await store.claimWebhookAttempt('b-1', 't1', 't2')).toBeUndefined();
    expect(mock.commandCalls(UpdateCommand)[0]?.args[0].input.ConditionExpression).toEqual(
      expect.stringContaining('webhook.#status = :pending'),
    );
  });
});
