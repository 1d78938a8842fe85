import { trustedCaller } from '../../test/support/admission-fakes.js';
import { InMemoryBatchQueue, InMemoryBatchStore, manualClock } from '../../test/support/batch-fakes.js';
import type { BatchRecord } from '../ports/batch-store.js';
import { deliverCompletion, noticeIfComplete, webhookLeaseMs } from './notify-completion.js';

const batch: BatchRecord = {
  batchId: 'b-1',
  clientId: trustedCaller.clientId,
  keyId: trustedCaller.keyId,
  officerId: 'CB-1',
  purpose: '1.001234',
  total: 1,
  createdAt: '2026-07-01T01:59:00.000Z',
  requestHash: 'h',
  callbackUrl: 'https://hooks.example.vn/batches',
};

function setUp(answers: (number | undefined)[]) {
  const batchStore = new InMemoryBatchStore();
  const batchQueue = new InMemoryBatchQueue();
  const clock = manualClock();
  const sent: { url: string; body: string }[] = [];
  const webhookSender = {
    send: async (url: string, body: string) => {
      sent.push({ url, body });
      return answers.shift();
    },
  };
  void batchStore.create(batch);
  void batchStore.recordResult('b-1', {
    itemIndex: 0,
    kind: 'citizen-verify',
    outcome: 'succeeded',
    attempts: 1,
    completedAt: '2026-07-01T02:00:00.000Z',
  });
  return { deps: { batchStore, batchQueue, webhookSender, clock }, batchStore, batchQueue, sent, clock };
}

describe('completion notice', () => {
  it('is queued once the last result is in, and only once', async () => {
    const { deps, batchQueue, batchStore } = setUp([]);
    expect(await noticeIfComplete(deps, await batchStore.get('b-1'))).toBe(true);
    expect(await noticeIfComplete(deps, await batchStore.get('b-1'))).toBe(false);
    expect(batchQueue.completionNotices).toEqual(['b-1']);
  });

  it('is not queued while items are missing, nor for a batch without a callback', async () => {
    const { deps, batchQueue } = setUp([]);
    expect(await noticeIfComplete(deps, { ...batch, total: 2 })).toBe(false);
    const { callbackUrl: _c, ...withoutCallback } = batch;
    expect(await noticeIfComplete(deps, withoutCallback)).toBe(false);
    expect(batchQueue.completionNotices).toEqual([]);
  });
});

describe('deliverCompletion', () => {
  it('delivers the batch.completed webhook and records the delivery', async () => {
    const { deps, batchStore, sent } = setUp([204]);
    expect(await deliverCompletion(deps, 'b-1')).toEqual({});
    expect(JSON.parse(sent[0]?.body as string)).toEqual(
      expect.objectContaining({ type: 'batch.completed', batchId: 'b-1', status: 'completed', total: 1 }),
    );
    expect((await batchStore.get('b-1'))?.webhook).toEqual(
      expect.objectContaining({ status: 'delivered', attempts: 1, lastStatusCode: 204 }),
    );
    // A second notice of the same batch sends nothing more.
    expect(await deliverCompletion(deps, 'b-1')).toEqual({});
    expect(sent).toHaveLength(1);
  });

  it('comes back after 1, 2 and 4 s while the receiver fails, recording each attempt, and gives up after the 4th', async () => {
    const { deps, batchStore, sent } = setUp([500, undefined, 503, 502]);
    const backoffs: (number | undefined)[] = [];
    for (let receipt = 0; receipt < 4; receipt += 1) {
      backoffs.push((await deliverCompletion(deps, 'b-1')).retryAfterMs);
      if (receipt === 0)
        expect((await batchStore.get('b-1'))?.webhook).toEqual(
          expect.objectContaining({ status: 'pending', attempts: 1, lastStatusCode: 500 }),
        );
    }
    expect(backoffs).toEqual([1_000, 2_000, 4_000, undefined]);
    expect((await batchStore.get('b-1'))?.webhook).toEqual(
      expect.objectContaining({ status: 'failed', attempts: 4, lastStatusCode: 502 }),
    );
    expect(await deliverCompletion(deps, 'b-1')).toEqual({});
    expect(sent).toHaveLength(4);
  });

  it('takes over an attempt whose worker crashed once its lease has run out', async () => {
    const { deps, batchStore, sent, clock } = setUp([204]);
    // A worker claimed attempt 1 and died before sending.
    const at = clock.now();
    await batchStore.claimWebhookAttempt(
      'b-1',
      at.toISOString(),
      new Date(at.getTime() + webhookLeaseMs).toISOString(),
    );
    expect(await deliverCompletion(deps, 'b-1')).toEqual({ retryAfterMs: webhookLeaseMs });
    expect(sent).toHaveLength(0);
    clock.advance(webhookLeaseMs + 1);
    expect(await deliverCompletion(deps, 'b-1')).toEqual({});
    expect((await batchStore.get('b-1'))?.webhook).toEqual(
      expect.objectContaining({ status: 'delivered', attempts: 2 }),
    );
  });
});
