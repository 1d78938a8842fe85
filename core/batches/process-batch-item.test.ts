import { InMemoryBatchStore, manualClock } from '../../test/support/batch-fakes.js';
import { trustedCaller, unlimitedCounters } from '../../test/support/admission-fakes.js';
import type { BatchItemMessage } from '../../events/batch-item-message.js';
import { UpstreamTimeoutError } from '../errors/upstream-timeout-error.js';
import { UpstreamUnavailableError } from '../errors/upstream-unavailable-error.js';
import type { AccessRecord } from '../ports/access-ledger.js';
import type { BatchRecord } from '../ports/batch-store.js';
import type { PopulationRegistry } from '../ports/population-registry.js';
import {
  ItemDeferredError,
  processBatchItem,
  RetryableItemError,
  type BatchItemDependencies,
} from './process-batch-item.js';

const claim = { personalId: '074095000123', fullName: 'Nguyễn Văn An', dateOfBirth: '1995-03-15' };
const batch: BatchRecord = {
  batchId: 'b-1',
  clientId: trustedCaller.clientId,
  keyId: trustedCaller.keyId,
  officerId: 'CB-1',
  purpose: '1.001234',
  total: 3,
  createdAt: '2026-07-01T01:00:00.000Z',
  requestHash: 'h',
};
const message: BatchItemMessage = {
  version: 1,
  batchId: 'b-1',
  itemIndex: 2,
  caller: trustedCaller,
  envelope: { officerId: 'CB-1', purpose: '1.001234' },
  item: { kind: 'citizen-verify', request: claim },
};

function dependencies(verify: PopulationRegistry['verifyCitizen']) {
  const batchStore = new InMemoryBatchStore();
  const ledger: AccessRecord[] = [];
  let calls = 0;
  const clock = manualClock();
  const population = {
    populationRegistry: {
      verifyCitizen: async (...args: Parameters<PopulationRegistry['verifyCitizen']>) => {
        calls += 1;
        return verify(...args);
      },
      lookUpCitizen: async () => Promise.reject(new Error('not expected')),
    },
    accessLedger: { record: async (access: AccessRecord) => void ledger.push(access) },
    subjectKeys: { keyOf: (id: string) => `key-${id.length}` },
    requestCounters: unlimitedCounters,
    clock,
    admissionMode: 'batch-item' as const,
  };
  const deps: BatchItemDependencies = {
    population: async () => population,
    land: async () => Promise.reject(new Error('not expected')),
    business: async () => Promise.reject(new Error('not expected')),
    batchStore,
    clock,
  };
  return { deps, batchStore, ledger, calls: () => calls };
}

const timeout = () => Promise.reject(new UpstreamTimeoutError('population', 8000));

describe('processBatchItem', () => {
  it('records a success once, with its attempt number, and ledgers it under <batch>:<item>', async () => {
    const { deps, batchStore, ledger } = dependencies(async () => ({ exists: true }));
    const processed = await processBatchItem(deps, message, batch, { attempt: 2, maxAttempts: 4 });
    expect(processed).toEqual(expect.objectContaining({ recorded: true }));
    expect((await batchStore.results('b-1', undefined, 10)).results).toEqual([
      expect.objectContaining({ itemIndex: 2, outcome: 'succeeded', attempts: 2 }),
    ]);
    expect(ledger.map((entry) => entry.requestId)).toEqual(['b-1:2']);
  });

  it('gives a transient failure back to the queue before the last attempt', async () => {
    const { deps, batchStore } = dependencies(timeout);
    await expect(
      processBatchItem(deps, message, batch, { attempt: 3, maxAttempts: 4 }),
    ).rejects.toBeInstanceOf(RetryableItemError);
    expect(await batchStore.hasResult('b-1', 2)).toBe(false);
  });

  it('ends an item that keeps failing as failed with the reason on its last attempt', async () => {
    const { deps, batchStore } = dependencies(timeout);
    const processed = await processBatchItem(deps, message, batch, { attempt: 4, maxAttempts: 4 });
    expect(processed.recorded).toBe(true);
    const [result] = (await batchStore.results('b-1', undefined, 10)).results;
    expect(result).toEqual(
      expect.objectContaining({
        outcome: 'failed',
        attempts: 4,
        error: { kind: 'upstream-timeout', detail: expect.stringContaining('did not answer') },
      }),
    );
    expect((await batchStore.progress('b-1')).counts.failed).toBe(1);
  });

  it('never fails an item for a quota refusal, even on its last attempt', async () => {
    const { deps, batchStore } = dependencies(() =>
      Promise.reject(new UpstreamUnavailableError('population', 'quota exceeded', 3)),
    );
    const error = await processBatchItem(deps, message, batch, { attempt: 4, maxAttempts: 4 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ItemDeferredError);
    expect((error as ItemDeferredError).retryAfterSeconds).toBe(3);
    expect(await batchStore.hasResult('b-1', 2)).toBe(false);
  });

  it('does not run a redelivered item whose result is already recorded', async () => {
    const { deps, batchStore, ledger, calls } = dependencies(async () => ({ exists: true }));
    await processBatchItem(deps, message, batch, { attempt: 1, maxAttempts: 4 });
    const again = await processBatchItem(deps, message, batch, {
      attempt: 2,
      maxAttempts: 4,
      mayHaveRun: true,
    });
    expect(again).toEqual({ recorded: false, alreadyDone: true });
    expect(calls()).toBe(1);
    expect(ledger).toHaveLength(1);
    expect((await batchStore.progress('b-1')).done).toBe(1);
  });

  it('drops the items of a cancelled batch without running them', async () => {
    const { deps, batchStore, calls } = dependencies(async () => ({ exists: true }));
    const processed = await processBatchItem(
      deps,
      message,
      { ...batch, cancelledAt: '2026-07-01T01:30:00.000Z' },
      { attempt: 1, maxAttempts: 4 },
    );
    expect(processed).toEqual({ recorded: false });
    expect(calls()).toBe(0);
    expect(await batchStore.hasResult('b-1', 2)).toBe(false);
  });
});
