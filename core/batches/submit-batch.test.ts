import { trustedCaller, unlimitedCounters } from '../../test/support/admission-fakes.js';
import { InMemoryBatchQueue, InMemoryBatchStore, manualClock } from '../../test/support/batch-fakes.js';
import type { BatchItem } from '../../schemas/batches.js';
import type { Caller } from '../../schemas/clients.js';
import { InvalidRequestError } from '../errors/invalid-request-error.js';
import { RateLimitedError } from '../errors/rate-limited-error.js';
import type { AccessEnvelope } from '../ports/access-envelope.js';
import { submitBatch } from './submit-batch.js';

const caller: Caller = {
  ...trustedCaller,
  policy: { ...trustedCaller.policy, scopes: [...trustedCaller.policy.scopes, 'batch:submit'] },
};
const envelope: AccessEnvelope = {
  requestId: 'req-1',
  clientId: caller.clientId,
  keyId: caller.keyId,
  unitCode: caller.unitCode,
  officerId: 'CB-1',
  purpose: '1.001234',
};
const verify = (personalId: string): BatchItem => ({
  kind: 'citizen-verify',
  request: { personalId, fullName: 'Nguyễn Văn An', dateOfBirth: '1995-03-15' },
});

function setUp() {
  const batchStore = new InMemoryBatchStore();
  const batchQueue = new InMemoryBatchQueue();
  let next = 0;
  const deps = {
    batchStore,
    batchQueue,
    requestCounters: unlimitedCounters,
    clock: manualClock(),
    newBatchId: () => `batch-${(next += 1)}`,
  };
  return { deps, batchStore, batchQueue };
}

describe('submitBatch', () => {
  it('stores the batch and puts every item on the queue with its index, caller and purpose', async () => {
    const { deps, batchQueue } = setUp();
    const { batch, created } = await submitBatch(
      deps,
      { items: [verify('074095000123'), verify('079301001234')] },
      envelope,
      caller,
    );
    expect(created).toBe(true);
    expect(batch).toEqual(
      expect.objectContaining({ batchId: 'batch-1', total: 2, enqueuedAt: expect.any(String) }),
    );
    expect(batchQueue.messages.map((m) => [m.batchId, m.itemIndex, m.envelope.purpose])).toEqual([
      ['batch-1', 0, '1.001234'],
      ['batch-1', 1, '1.001234'],
    ]);
  });

  it('answers the same batch for the same Idempotency-Key and body, queueing nothing again', async () => {
    const { deps, batchQueue } = setUp();
    const submission = { items: [verify('074095000123')], idempotencyKey: 'k-1' };
    const first = await submitBatch(deps, submission, envelope, caller);
    const again = await submitBatch(deps, submission, envelope, caller);
    expect(again).toEqual({
      batch: expect.objectContaining({ batchId: first.batch.batchId }),
      created: false,
    });
    expect(batchQueue.messages).toHaveLength(1);
  });

  it('refuses the same Idempotency-Key for a different body', async () => {
    const { deps } = setUp();
    await submitBatch(deps, { items: [verify('074095000123')], idempotencyKey: 'k-1' }, envelope, caller);
    const error = await submitBatch(
      deps,
      { items: [verify('079301001234')], idempotencyKey: 'k-1' },
      envelope,
      caller,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as InvalidRequestError).fieldErrors).toEqual([
      expect.objectContaining({ field: 'header:idempotency-key', rule: 'reused' }),
    ]);
  });

  it('queues again the items of a batch whose first submission never finished queueing', async () => {
    const { deps, batchQueue, batchStore } = setUp();
    const submission = { items: [verify('074095000123')], idempotencyKey: 'k-1' };
    const failing = {
      ...deps,
      batchQueue: Object.assign(new InMemoryBatchQueue(), {
        enqueue: () => Promise.reject(new Error('SQS down')),
      }),
    };
    await expect(submitBatch(failing, submission, envelope, caller)).rejects.toThrow('SQS down');
    expect((await batchStore.get('batch-1'))?.enqueuedAt).toBeUndefined();

    const resumed = await submitBatch(deps, submission, envelope, caller);
    expect(resumed.batch.batchId).toBe('batch-1');
    expect(batchQueue.messages.map((m) => m.batchId)).toEqual(['batch-1']);
    expect((await batchStore.get('batch-1'))?.enqueuedAt).toEqual(expect.any(String));
  });

  it('counts the whole batch against the daily quota: over it, nothing is stored or queued', async () => {
    const { deps, batchQueue, batchStore } = setUp();
    const quota = {
      ...deps,
      requestCounters: {
        ...unlimitedCounters,
        count: async (
          counter: string,
          windowStart: number,
          windowSeconds: number,
          limit: number,
          amount = 1,
        ) => ({
          allowed: !counter.startsWith('day#') || amount <= 2,
          remaining: 0,
          resetAt: windowStart + windowSeconds + limit * 0,
        }),
      },
    };
    const items = [verify('074095000123'), verify('079301001234'), verify('074095000123')];
    await expect(submitBatch(quota, { items }, envelope, caller)).rejects.toBeInstanceOf(RateLimitedError);
    expect(batchQueue.messages).toHaveLength(0);
    expect(batchStore.batches.size).toBe(0);
  });
});
