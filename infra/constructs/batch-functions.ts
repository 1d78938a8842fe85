/**
 * The batch API function and the batch worker (SQS event source with partial batch responses), with
 * their environment and least-privilege grants. Built by the stateless stack.
 */
import { Duration } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { queues, tables as tableDefinitions } from '../resources.js';
import { gatewayFunctions } from '../routes.js';
import { GatewayFunction, type GatewayFunctionProps } from './gateway-function.js';

/** The worker's timeout; the lookup queue's visibility timeout must be at least six times this. */
export const batchWorkerTimeout = Duration.seconds(30);

/** The event source: records per invocation, how long to gather them, invocations at once. */
export const batchWorkerEventSource = {
  batchSize: 10,
  maxBatchingWindowSeconds: 1,
  maxConcurrency: 10,
} as const;

export interface BatchFunctionsProps {
  readonly common: Pick<
    GatewayFunctionProps,
    'logLevel' | 'logRetention' | 'removalPolicy' | 'vpc' | 'vpcSubnets' | 'securityGroups'
  >;
  readonly key: kms.IKey;
  readonly tables: Record<
    'ledger' | 'requestCounters' | 'registryCache' | 'batches' | 'idempotency' | 'registryQuota',
    dynamodb.ITable
  >;
  readonly queue: sqs.IQueue;
  readonly keyPepper: secretsmanager.ISecret;
  /** Ledger table, retention and pepper secret id, as every ledgering function gets them. */
  readonly ledgerEnvironment: Record<string, string>;
  /** Every registry's endpoint, deadline and credentials secret id. */
  readonly registryEnvironment: Record<string, string>;
  readonly registryCredentials: readonly secretsmanager.ISecret[];
  /** Each registry's quota (requests per second, from the stage config) the workers pace themselves to, together. */
  readonly registryQuotas: Readonly<Record<'population' | 'land' | 'business', number>>;
}

function grantItems(fn: GatewayFunction, table: dynamodb.ITable, key: kms.IKey, actions: string[]): void {
  fn.addToRolePolicy(
    new iam.PolicyStatement({ actions: actions.map((a) => `dynamodb:${a}`), resources: [table.tableArn] }),
  );
  key.grant(fn, 'kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey', 'kms:DescribeKey');
}

export function batchFunctions(scope: Construct, props: BatchFunctionsProps) {
  const { common, key, tables } = props;
  const batchEnvironment = {
    [tableDefinitions.batches.envVar]: tables.batches.tableName,
    [queues.lookup.envVar]: props.queue.queueUrl,
    [tableDefinitions.requestCounters.envVar]: tables.requestCounters.tableName,
    ...props.ledgerEnvironment,
  };

  // The API: batches table (items, counters, results; transactions), queue SendMessage, admission
  // counters, the pepper (webhook secrets). It never calls a registry nor writes the ledger.
  const batches = new GatewayFunction(scope, 'Batches', {
    ...common,
    entry: gatewayFunctions.batches.entry,
    assets: gatewayFunctions.batches.shippedFiles,
    description: 'POST/GET/DELETE /v1/batches: submit, follow, read and cancel batches of lookups',
    serviceName: 'batches',
    timeout: Duration.seconds(29),
    memorySize: 1024,
    environment: batchEnvironment,
  });
  grantItems(batches, tables.batches, key, [
    'GetItem',
    'Query',
    'PutItem',
    'UpdateItem',
    'ConditionCheckItem',
  ]);
  batches.grantUpdateItem(tables.requestCounters, key);
  batches.grantSecretRead(props.keyPepper);
  // SendMessage (SendMessageBatch is authorised by it) with the queue key's exact actions, rather than
  // grantSendMessages, whose KMS actions are wildcards (GenerateDataKey*, ReEncrypt*).
  batches.addToRolePolicy(
    new iam.PolicyStatement({
      actions: ['sqs:SendMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl'],
      resources: [props.queue.queueArn],
    }),
  );
  key.grant(batches, 'kms:GenerateDataKey', 'kms:Decrypt');

  // The worker: the use cases' own grants (ledger PutItem only, counters, registry cache, credentials)
  // plus results and counters, Powertools idempotency records and the shared registry schedule.
  const batchWorker = new GatewayFunction(scope, 'BatchWorker', {
    ...common,
    entry: gatewayFunctions.batchWorker.entry,
    assets: gatewayFunctions.batchWorker.shippedFiles,
    description: 'Batch worker: runs each queued item through its use case, paced to the registry quota',
    serviceName: 'batch-worker',
    timeout: batchWorkerTimeout,
    memorySize: 1024,
    environment: {
      ...batchEnvironment,
      ...props.registryEnvironment,
      [tableDefinitions.idempotency.envVar]: tables.idempotency.tableName,
      [tableDefinitions.registryQuota.envVar]: tables.registryQuota.tableName,
      [tableDefinitions.registryCache.envVar]: tables.registryCache.tableName,
      REGISTRY_QUOTAS: JSON.stringify(props.registryQuotas),
    },
  });
  batchWorker.grantPutItem(tables.ledger, key);
  batchWorker.grantUpdateItem(tables.requestCounters, key);
  batchWorker.grantUpdateItem(tables.registryQuota, key);
  grantItems(batchWorker, tables.batches, key, [
    'GetItem',
    'Query',
    'PutItem',
    'UpdateItem',
    'ConditionCheckItem',
  ]);
  grantItems(batchWorker, tables.idempotency, key, ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem']);
  batchWorker.grantReadItems(tables.registryCache, key);
  batchWorker.grantPutItem(tables.registryCache, key);
  batchWorker.grantSecretRead(props.keyPepper, ...props.registryCredentials);
  // Back onto its own queue only: an item handed over to a fresh message before the DLQ would take
  // it, one deferred by a quota refusal, a batch's completion notice.
  batchWorker.addToRolePolicy(
    new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: [props.queue.queueArn] }),
  );
  key.grant(batchWorker, 'kms:GenerateDataKey', 'kms:Decrypt');
  batchWorker.addEventSource(
    new SqsEventSource(props.queue, {
      batchSize: batchWorkerEventSource.batchSize,
      maxBatchingWindow: Duration.seconds(batchWorkerEventSource.maxBatchingWindowSeconds),
      maxConcurrency: batchWorkerEventSource.maxConcurrency,
      reportBatchItemFailures: true,
    }),
  );
  return { batches, batchWorker };
}
