import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SQSClient } from '@aws-sdk/client-sqs';
import { gatewayFunctions } from '../infra/routes.js';
import { startSqsPoller, type SqsHandler } from './sqs-poller.js';

/**
 * The batch worker in a process of its own, as one more Lambda container would be: polls the lookup
 * queue of a running local stack (whose environment it is given: table names, queue URL, endpoints,
 * registry settings) and runs the same handler. The benchmark and the chaos suite start several and
 * kill one to play a crashed container (`BATCH_WORKER_FUNCTION_TIMEOUT_MS` sets the function timeout
 * the handler sees, within which its in-progress idempotency records expire). On SIGTERM it stops
 * polling and prints its CPU time as JSON.
 */
const concurrency = Number(process.env['BATCH_WORKER_CONCURRENCY'] ?? 3);
// Results are read from the tables and counters, not from metrics: nothing to publish, nothing to say.
process.env['POWERTOOLS_METRICS_DISABLED'] ??= 'true';
const visibility = process.env['BATCH_WORKER_VISIBILITY_SECONDS'];
const { handler } = (await import(pathToFileURL(path.resolve(gatewayFunctions.batchWorker.entry)).href)) as {
  handler: SqsHandler;
};
const poller = await startSqsPoller({
  sqs: new SQSClient({ useQueueUrlAsEndpoint: false }),
  queueUrl: process.env['LOOKUP_QUEUE_URL'] as string,
  handler,
  batchSize: 10,
  concurrency,
  ...(visibility === undefined ? {} : { visibilityTimeoutSeconds: Number(visibility) }),
  functionTimeoutMs: Number(process.env['BATCH_WORKER_FUNCTION_TIMEOUT_MS'] ?? 30_000),
  maxBatchingWindowMs: 1_000,
  onError: (error) => console.error('batch worker:', (error as Error).name, (error as Error).message),
});
process.stdout.write('ready\n');
process.on('SIGTERM', () => {
  void poller.stop().then(() => {
    const { user, system } = process.cpuUsage();
    process.stdout.write(
      `${JSON.stringify({ cpuMicros: user + system, invocations: poller.invocations() })}\n`,
    );
    process.exit(0);
  });
});
