import type { BatchItemMessage } from '../../events/batch-item-message.js';
import { verifyCitizen, type VerifyCitizenDependencies } from '../citizens/verify-citizen.js';
import { lookUpCitizen, type LookUpCitizenDependencies } from '../citizens/look-up-citizen.js';
import { lookUpParcel, type LookUpParcelDependencies } from '../land/look-up-parcel.js';
import { lookUpCertificate, type LookUpCertificateDependencies } from '../land/look-up-certificate.js';
import { lookUpEnterprise, type LookUpEnterpriseDependencies } from '../business/look-up-enterprise.js';
import { ForbiddenError } from '../errors/forbidden-error.js';
import { GatewayError } from '../errors/gateway-error.js';
import { InvalidRequestError } from '../errors/invalid-request-error.js';
import { NotFoundError } from '../errors/not-found-error.js';
import { UpstreamRejectedError } from '../errors/upstream-rejected-error.js';
import type { AccessEnvelope } from '../ports/access-envelope.js';
import type { BatchRecord, BatchStore, ItemOutcome, ItemResult } from '../ports/batch-store.js';
import type { Clock } from '../ports/clock.js';
import { isQuotaRefusal } from './paced-registry.js';

/**
 * What the worker needs to run any kind of item: each use case's own dependencies, built with
 * `admissionMode: 'batch-item'` and paced registries by the composition.
 */
export interface BatchItemDependencies {
  readonly population: () => Promise<VerifyCitizenDependencies & LookUpCitizenDependencies>;
  readonly land: () => Promise<LookUpParcelDependencies & LookUpCertificateDependencies>;
  readonly business: () => Promise<LookUpEnterpriseDependencies>;
  readonly batchStore: BatchStore;
  readonly clock: Clock;
}

/** The item failed in a way another attempt may cure (registry down or slow; ledger down). */
export class RetryableItemError extends Error {
  constructor(override readonly cause: unknown) {
    super('The item failed and will be tried again', { cause });
  }
}

/**
 * The registry refused the item's call as over its quota: not the item's failure and not one of its
 * attempts; it runs again once the registry's retry-after has passed.
 */
export class ItemDeferredError extends Error {
  constructor(
    override readonly cause: unknown,
    readonly retryAfterSeconds: number,
  ) {
    super('The registry is over its quota; the item will run later', { cause });
  }
}

export type ItemAnswer = Pick<ItemResult, 'outcome' | 'result' | 'error'>;

/** The purpose envelope of one item: the batch's, with a request id per item (`<batch>:<item>`). */
export function itemEnvelope(message: BatchItemMessage): AccessEnvelope {
  return {
    requestId: `${message.batchId}:${message.itemIndex}`,
    clientId: message.caller.clientId,
    keyId: message.caller.keyId,
    unitCode: message.caller.unitCode,
    officerId: message.envelope.officerId,
    purpose: message.envelope.purpose,
    ...(message.envelope.dossierId === undefined ? {} : { dossierId: message.envelope.dossierId }),
  };
}

/**
 * Runs one item through the synchronous endpoint's own use case: the same admission (scope and
 * purpose per item, so a verify-only client never gets a record), the same registry call and the same
 * ledger entry, with the batch's purpose. Answers the item's result; throws what the use case threw.
 */
export async function runItem(deps: BatchItemDependencies, message: BatchItemMessage): Promise<ItemAnswer> {
  const envelope = itemEnvelope(message);
  const { caller, item } = message;
  switch (item.kind) {
    case 'citizen-verify': {
      const { admission: _a, ...result } = await verifyCitizen(
        await deps.population(),
        item.request,
        envelope,
        caller,
      );
      return { outcome: 'succeeded', result };
    }
    case 'citizen-lookup': {
      const { admission: _a, ...result } = await lookUpCitizen(
        await deps.population(),
        item.request,
        envelope,
        caller,
      );
      return { outcome: 'succeeded', result };
    }
    case 'land-parcel': {
      const { admission: _a, ...result } = await lookUpParcel(
        await deps.land(),
        item.request,
        envelope,
        caller,
      );
      return { outcome: 'succeeded', result };
    }
    case 'land-certificate': {
      const { admission: _a, ...result } = await lookUpCertificate(
        await deps.land(),
        item.request.serial,
        envelope,
        caller,
      );
      return { outcome: 'succeeded', result };
    }
    case 'business': {
      // Public registry data: admitted by scope like GET /v1/businesses, not ledgered (see lookUpEnterprise).
      const lookup = await lookUpEnterprise(await deps.business(), item.request.enterpriseCode, caller);
      return { outcome: 'succeeded', result: { business: lookup.record, retrievedAt: lookup.retrievedAt } };
    }
  }
}

/** How a use case's failure ends an item, or undefined when another attempt may cure it. */
export function terminalOutcomeOf(error: unknown): ItemOutcome | undefined {
  if (error instanceof NotFoundError) return 'not_found';
  if (error instanceof UpstreamRejectedError || error instanceof InvalidRequestError) return 'rejected';
  if (error instanceof ForbiddenError) return 'denied';
  return undefined;
}

export interface ProcessItemOptions {
  /** How many times this message has been received (SQS ApproximateReceiveCount). */
  readonly attempt: number;
  /** From this attempt on, a failure that could be transient ends the item as `failed`. */
  readonly maxAttempts: number;
  /**
   * The item may have run before (a redelivery): a result already recorded is looked for first, so an
   * earlier run that recorded its result but died before its idempotency record was completed is not
   * run a second time.
   */
  readonly mayHaveRun?: boolean;
}

/**
 * Processes one item and records its result exactly once.
 *
 * Primary course:
 *  1. A cancelled or unknown batch: the item is dropped (nothing runs, nothing is recorded).
 *  2. Run the item's use case (admission, paced registry call, ledger entry).
 *  3. A not-found, rejected or denied item is a result like a success; a failure that may be
 *     transient is thrown as `RetryableItemError` (the queue tries again later), except on the last
 *     attempt, where it ends the item as `failed` with the reason. A quota refusal is never the
 *     item's failure, whatever the attempt: it is thrown as `ItemDeferredError`.
 *  4. Record the result and count it (atomically; a result already recorded is kept).
 */
export async function processBatchItem(
  deps: BatchItemDependencies,
  message: BatchItemMessage,
  batch: BatchRecord | undefined,
  options: ProcessItemOptions,
): Promise<{ answer?: ItemAnswer; recorded: boolean; alreadyDone?: boolean }> {
  if (!batch || batch.cancelledAt !== undefined) return { recorded: false };
  if (options.mayHaveRun && (await deps.batchStore.hasResult(message.batchId, message.itemIndex)))
    return { recorded: false, alreadyDone: true };
  let answer: ItemAnswer;
  try {
    answer = await runItem(deps, message);
  } catch (error) {
    const outcome = terminalOutcomeOf(error);
    if (outcome === undefined && isQuotaRefusal(error))
      throw new ItemDeferredError(error, error.retryAfterSeconds);
    if (outcome === undefined && options.attempt < options.maxAttempts) throw new RetryableItemError(error);
    answer = {
      outcome: outcome ?? 'failed',
      error: {
        kind: error instanceof GatewayError ? error.kind : 'internal',
        detail: error instanceof GatewayError ? error.message : 'The gateway failed on this item',
      },
    };
  }
  const { recorded } = await deps.batchStore.recordResult(message.batchId, {
    itemIndex: message.itemIndex,
    kind: message.item.kind,
    ...answer,
    attempts: options.attempt,
    completedAt: deps.clock.now().toISOString(),
  });
  return { answer, recorded };
}
