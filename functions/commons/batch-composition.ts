import { randomUUID } from 'node:crypto';
import { SQSClient } from '@aws-sdk/client-sqs';
import { SoapLandRegistry } from '../../adapters/land/soap-land-registry.js';
import { SoapPopulationRegistry } from '../../adapters/population/soap-population-registry.js';
import { DynamoDbBatchStore } from '../../adapters/dynamodb/dynamodb-batch-store.js';
import { DynamoDbRegistryPacer } from '../../adapters/dynamodb/dynamodb-registry-pacer.js';
import { SqsBatchQueue } from '../../adapters/sqs/sqs-batch-queue.js';
import { HttpWebhookSender } from '../../adapters/webhooks/http-webhook-sender.js';
import { pacedRegistry } from '../../core/batches/paced-registry.js';
import type { BatchItemDependencies } from '../../core/batches/process-batch-item.js';
import { systemClock } from '../../core/ports/clock.js';
import { queues } from '../../infra/resources.js';
import { documents } from './aws-clients.js';
import { businessLookupDependencies } from './business-composition.js';
import { resilienceSettings, once, personalDataAccess, shippedFile } from './composition.js';
import {
  batchWorkerConfigSchema,
  batchesConfigSchema,
  landConfigSchema,
  landCredentialsSchema,
  ledgerConfigSchema,
  loadConfig,
  populationConfigSchema,
  populationCredentialsSchema,
} from './config.js';
import { resolveJsonSecret, resolveSecret } from './secrets.js';
import { tracer } from './powertools.js';

/**
 * One SQS client per container. With an endpoint override (fauxqs locally), requests go to that
 * endpoint rather than to the host named in the queue URL.
 */
export const sqs = tracer.captureAWSv3Client(
  new SQSClient(process.env['AWS_ENDPOINT_URL_SQS'] ? { useQueueUrlAsEndpoint: false } : {}),
);

const pepper = once(async () => {
  const config = loadConfig(ledgerConfigSchema);
  return resolveSecret(config.KEY_PEPPER, config.KEY_PEPPER_SECRET_ID);
});

/** The batch API: the store, the queue and admission (the daily quota is counted at submission). */
export const batchApiDependencies = once(async () => {
  const config = loadConfig(batchesConfigSchema);
  const access = await personalDataAccess();
  return {
    ...access,
    batchStore: new DynamoDbBatchStore(documents, {
      tableName: config.BATCHES_TABLE_NAME,
      retentionDays: config.BATCH_RETENTION_DAYS,
    }),
    batchQueue: new SqsBatchQueue(sqs, { queueUrl: config.LOOKUP_QUEUE_URL, parallelCalls: 10 }),
    newBatchId: () => randomUUID(),
    allowHttpCallbacks: config.BATCH_CALLBACK_ALLOW_HTTP === 'true',
    pepper: await pepper(),
  };
});

/**
 * The batch worker. Its registry adapters are its own (not the synchronous functions'): they make one
 * attempt per call, because a transient failure is retried through the queue (visibility-timeout
 * backoff), and each call waits for the shared pacer, which a retry inside the adapter would bypass.
 * Admission runs in `batch-item` mode: scope and purpose per item, no per-key rate, no second count
 * against the daily quota.
 */
export const batchWorkerDependencies = once(async () => {
  const config = loadConfig(batchWorkerConfigSchema);
  const batches = loadConfig(batchesConfigSchema);
  const pacer = new DynamoDbRegistryPacer(documents, {
    tableName: config.REGISTRY_QUOTA_TABLE_NAME,
    quotas: config.REGISTRY_QUOTAS,
    utilisation: config.REGISTRY_QUOTA_UTILISATION,
  });
  const batchStore = new DynamoDbBatchStore(documents, {
    tableName: batches.BATCHES_TABLE_NAME,
    retentionDays: batches.BATCH_RETENTION_DAYS,
    // Results finishing within 25 ms of each other share one transaction: the items of an invocation
    // finish a few pacer slots apart, and each round trip saved is DynamoDB work saved per item.
    coalesceResultsMs: 25,
  });
  const singleAttempt = { ...resilienceSettings(), maxAttempts: 1, concurrency: 64, queue: 256 };
  const access = once(async () => ({
    ...(await personalDataAccess()),
    admissionMode: 'batch-item' as const,
  }));

  const population = once(async () => {
    const populationConfig = loadConfig(populationConfigSchema);
    const credentials = await resolveJsonSecret(
      populationCredentialsSchema,
      populationConfig.POPULATION_CREDENTIALS,
      populationConfig.POPULATION_CREDENTIALS_SECRET_ID,
    );
    const registry = await SoapPopulationRegistry.create({
      wsdlPath: shippedFile('adapters/population/population.wsdl'),
      endpoint: populationConfig.POPULATION_ENDPOINT,
      credentials,
      deadlineMs: populationConfig.POPULATION_DEADLINE_MS,
      clock: systemClock,
      resilience: singleAttempt,
    });
    return { ...(await access()), populationRegistry: pacedRegistry(registry, 'population', pacer) };
  });
  const land = once(async () => {
    const landConfig = loadConfig(landConfigSchema);
    const credentials = await resolveJsonSecret(
      landCredentialsSchema,
      landConfig.LAND_CREDENTIALS,
      landConfig.LAND_CREDENTIALS_SECRET_ID,
    );
    const registry = await SoapLandRegistry.create({
      wsdlPath: shippedFile('adapters/land/land.wsdl'),
      endpoint: landConfig.LAND_ENDPOINT,
      credentials,
      deadlineMs: landConfig.LAND_DEADLINE_MS,
      clock: systemClock,
      resilience: singleAttempt,
    });
    return { ...(await access()), landRegistry: pacedRegistry(registry, 'land', pacer) };
  });
  const business = once(async () => {
    const { businessRegistry, cache } = await businessLookupDependencies();
    return {
      ...(await access()),
      businessRegistry: pacedRegistry(businessRegistry, 'business', pacer),
      cache,
      onCacheFailure: () => undefined,
    };
  });

  const items: BatchItemDependencies = { population, land, business, batchStore, clock: systemClock };
  const batchQueue = new SqsBatchQueue(sqs, { queueUrl: batches.LOOKUP_QUEUE_URL });
  const { maxReceiveCount } = queues.lookup.deadLetter;
  return {
    items,
    batchQueue,
    idempotencyTableName: config.IDEMPOTENCY_TABLE_NAME,
    /** The queue's redrive policy: a message received once more than this goes to the DLQ. */
    maxReceiveCount,
    // An item's last attempt comes at the latest one receipt before the DLQ would take it.
    maxAttempts: Math.min(config.BATCH_ITEM_MAX_ATTEMPTS ?? maxReceiveCount - 1, maxReceiveCount - 1),
    maxBackoffSeconds: config.BATCH_RETRY_MAX_BACKOFF_SECONDS,
    queueUrl: batches.LOOKUP_QUEUE_URL,
    notify: {
      batchStore,
      batchQueue,
      webhookSender: new HttpWebhookSender({ pepper: await pepper() }),
      clock: systemClock,
    },
  };
});
