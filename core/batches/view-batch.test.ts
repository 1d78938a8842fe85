import { trustedCaller } from '../../test/support/admission-fakes.js';
import { InMemoryBatchStore, manualClock } from '../../test/support/batch-fakes.js';
import type { BatchRecord, ItemResult } from '../ports/batch-store.js';
import { cancelBatch, viewBatch } from './view-batch.js';

const batch: BatchRecord = {
  batchId: 'b-1',
  clientId: trustedCaller.clientId,
  keyId: trustedCaller.keyId,
  officerId: 'CB-1',
  purpose: '1.001234',
  total: 3,
  createdAt: '2026-07-01T01:59:00.000Z',
  requestHash: 'h',
};
const result = (itemIndex: number, outcome: ItemResult['outcome'], completedAt: string): ItemResult => ({
  itemIndex,
  kind: 'citizen-verify',
  outcome,
  attempts: 1,
  completedAt,
});

function setUp() {
  const batchStore = new InMemoryBatchStore();
  const clock = manualClock('2026-07-01T02:00:00.000Z');
  void batchStore.create(batch);
  return { deps: { batchStore, clock }, batchStore, clock };
}

describe('batch status', () => {
  it('goes from queued to running to completed as results come in, with an estimate while running', async () => {
    const { deps, batchStore, clock } = setUp();
    expect((await viewBatch(deps, 'b-1', trustedCaller)).status).toBe('queued');
    await batchStore.recordResult('b-1', result(0, 'succeeded', '2026-07-01T02:00:00.000Z'));
    await batchStore.recordResult('b-1', result(1, 'not_found', '2026-07-01T02:00:01.000Z'));
    clock.advance(2_000);
    const running = await viewBatch(deps, 'b-1', trustedCaller);
    expect(running).toEqual(expect.objectContaining({ status: 'running', estimatedSecondsRemaining: 1 }));
    await batchStore.recordResult('b-1', result(2, 'succeeded', '2026-07-01T02:00:02.000Z'));
    const done = await viewBatch(deps, 'b-1', trustedCaller);
    expect(done.status).toBe('completed');
    expect(done.progress.counts).toEqual({ succeeded: 2, not_found: 1, rejected: 0, denied: 0, failed: 0 });
  });

  it('is completed_with_errors when an item failed, was rejected or denied', async () => {
    const { deps, batchStore } = setUp();
    for (const [index, outcome] of (['succeeded', 'failed', 'succeeded'] as const).entries())
      await batchStore.recordResult('b-1', result(index, outcome, '2026-07-01T02:00:00.000Z'));
    expect((await viewBatch(deps, 'b-1', trustedCaller)).status).toBe('completed_with_errors');
  });
});

describe('cancelBatch', () => {
  it('cancels a batch with items left, keeping the results already in', async () => {
    const { deps, batchStore } = setUp();
    await batchStore.recordResult('b-1', result(0, 'succeeded', '2026-07-01T02:00:00.000Z'));
    const view = await cancelBatch(deps, 'b-1', trustedCaller);
    expect(view.status).toBe('cancelled');
    expect(view.batch.cancelledAt).toBe('2026-07-01T02:00:00.000Z');
    expect(view.progress.done).toBe(1);
  });

  it('leaves a finished batch as it is', async () => {
    const { deps, batchStore } = setUp();
    for (const index of [0, 1, 2])
      await batchStore.recordResult('b-1', result(index, 'succeeded', '2026-07-01T02:00:00.000Z'));
    const view = await cancelBatch(deps, 'b-1', trustedCaller);
    expect(view.status).toBe('completed');
    expect(view.batch.cancelledAt).toBeUndefined();
  });

  it('answers not found to another client, which cannot cancel it', async () => {
    const { deps, batchStore } = setUp();
    const other = { ...trustedCaller, clientId: 'district-1' };
    await expect(cancelBatch(deps, 'b-1', other)).rejects.toThrow();
    expect((await batchStore.get('b-1'))?.cancelledAt).toBeUndefined();
  });
});
