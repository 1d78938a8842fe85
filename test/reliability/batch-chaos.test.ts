/**
 * Batch pipeline under chaos: a worker killed mid-batch, the registry down mid-batch, every message
 * delivered twice, DynamoDB unresponsive mid-batch. After each, every item has exactly one terminal
 * result (nothing lost, nothing twice), nothing is left on the queue, nothing is added to the DLQ,
 * and the ledger holds one `allowed` entry per attempt the results report.
 *
 * The stack's own worker is paused for this suite (its control hook); the items are run by workers
 * in processes of their own (`local/batch-worker.ts`, as Lambda containers would be), which the
 * suite can kill with SIGKILL. They run with a 5 s function timeout (in-progress idempotency records
 * expire within it) and a 6 s visibility timeout, so a killed worker's items come back quickly.
 *
 * DynamoDB Local runs in memory in the shared stack: restarting it would lose every table, so the
 * suite cannot restart it. It freezes it instead (SIGSTOP, then SIGCONT after 3 s): every DynamoDB
 * call hangs as in a network partition, then goes on.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import { QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { BatchItemMessage } from '../../events/batch-item-message.js';
import { queues } from '../../infra/resources.js';
import { citizenDirectory } from '../../local/registries/data/citizens.js';
import { defaultBusinessClients } from '../../local/registries/business/server.js';
import { defaultLandCredentials } from '../../local/registries/land/server.js';
import { defaultPopulationCredentials } from '../../local/registries/population/server.js';
import { sandboxClient } from '../../local/sandbox-client.js';
import {
  localStack,
  registryCounters,
  setRegistryBehaviour,
  stackDocuments,
  type StackAddresses,
} from '../support/local-stack.js';
import { eventually, lookupQueues, submitBatch, type LookupQueues } from '../support/batches.js';

// A suite that loses items waits out its bounds (45 s for the results, 20 s for the queue) and fails on them.
jest.setTimeout(90_000);

const envelope = { 'x-officer-id': 'CB-CHAOS', 'x-purpose': '1.001234.000.00.00.H12' };
const quota = 200;
const citizens = citizenDirectory().citizens.filter((c) => c.dateOfBirth.length === 10);

let stack: StackAddresses;
let lookup: LookupQueues;
const workers = new Set<ChildProcess>();

beforeAll(async () => {
  stack = localStack();
  lookup = await lookupQueues(stack);
  await stackWorker(false);
  await Promise.all([startWorker(), startWorker()]);
});

afterAll(async () => {
  for (const worker of workers) worker.kill('SIGKILL');
  await stackWorker(true);
  await fetch(`${stack.registries['population']?.controlUrl}/reset`, { method: 'POST' });
});

/** The DLQ as each test found it (what earlier suites left there is not this suite's doing). */
let deadLettersAtStart = 0;

beforeEach(async () => {
  deadLettersAtStart = await lookup.depth(lookup.deadLetterUrl);
  await fetch(`${stack.registries['population']?.controlUrl}/reset`, { method: 'POST' });
  await setRegistryBehaviour(stack, 'population', { quotaPerSecond: quota });
});

async function stackWorker(running: boolean): Promise<void> {
  const url = stack.batchWorkerControlUrl;
  if (!url) throw new Error('the test stack has no batch worker control hook');
  const response = await fetch(url, { method: 'PUT', body: JSON.stringify({ running }) });
  expect(response.status).toBe(204);
}

/** A batch worker in a process of its own, with the functions' environment; resolves once it polls. */
async function startWorker(): Promise<ChildProcess> {
  const url = (name: string) => stack.registries[name]?.url as string;
  const child = spawn(process.execPath, ['--import', 'tsx', 'local/batch-worker.ts'], {
    env: {
      PATH: process.env['PATH'],
      ...stack.tableNames,
      AWS_REGION: 'ap-southeast-1',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      AWS_ENDPOINT_URL_DYNAMODB: stack.dynamoDbEndpoint,
      AWS_ENDPOINT_URL_SQS: stack.sqsEndpoint,
      KEY_PEPPER: process.env['LIENTHONG_TEST_KEY_PEPPER'],
      POPULATION_ENDPOINT: url('population'),
      POPULATION_CREDENTIALS: JSON.stringify(defaultPopulationCredentials),
      POPULATION_DEADLINE_MS: '1500',
      LAND_ENDPOINT: url('land'),
      LAND_CREDENTIALS: JSON.stringify(defaultLandCredentials),
      BUSINESS_ENDPOINT: url('business'),
      BUSINESS_CREDENTIALS: JSON.stringify(defaultBusinessClients[0]),
      UPSTREAM_BREAKER_HALF_OPEN_MS: '1000',
      REGISTRY_QUOTAS: JSON.stringify({ population: quota }),
      BATCH_RETRY_MAX_BACKOFF_SECONDS: '4',
      POWERTOOLS_SERVICE_NAME: 'lienthong-chaos',
      POWERTOOLS_TRACE_ENABLED: 'false',
      POWERTOOLS_METRICS_DISABLED: 'true',
      POWERTOOLS_LOG_LEVEL: 'ERROR',
      BATCH_WORKER_CONCURRENCY: '3',
      BATCH_WORKER_VISIBILITY_SECONDS: '6',
      BATCH_WORKER_FUNCTION_TIMEOUT_MS: '5000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  workers.add(child);
  child.on('exit', () => workers.delete(child));
  await new Promise<void>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('ready')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`the batch worker exited (${code}) before it was ready`)));
  });
  return child;
}

function verifyItems(count: number, offset: number) {
  return Array.from({ length: count }, (_, i) => {
    const c = citizens[(offset + i) % citizens.length]!;
    return {
      kind: 'citizen-verify' as const,
      request: { personalId: c.personalId, fullName: c.fullName, dateOfBirth: c.dateOfBirth },
    };
  });
}

async function submit(items: ReturnType<typeof verifyItems>): Promise<string> {
  const { response, json } = await submitBatch(stack, { items }, { headers: envelope });
  expect(response.status).toBe(202);
  return json['batchId'] as string;
}

/** Results recorded so far, straight from the counters (the gateway may be frozen with DynamoDB). */
async function done(batchId: string): Promise<number> {
  const { Items = [] } = await stackDocuments(stack).send(
    new QueryCommand({
      TableName: stack.tableNames['BATCHES_TABLE_NAME'],
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :counter)',
      ExpressionAttributeValues: { ':pk': `BATCH#${batchId}`, ':counter': 'COUNTER#' },
      ConsistentRead: true,
    }),
  );
  return Items.reduce((sum, item) => sum + Number(item['done'] ?? 0), 0);
}

/** Waits until the condition holds or the time is up; the assertions that follow say what was missing. */
async function until(condition: () => Promise<boolean>, timeoutMs = 45_000): Promise<void> {
  await eventually(condition, (holds) => holds, timeoutMs);
}

async function scanAll(table: string, filter: string, values: Record<string, unknown>) {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await stackDocuments(stack).send(
      new ScanCommand({
        TableName: table,
        FilterExpression: filter,
        ExpressionAttributeValues: values,
        ExclusiveStartKey: startKey,
      }),
    );
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}

/** Waits for the batch to finish and the queue to drain, then answers what the tables hold. */
async function settle(batchId: string, total: number) {
  await until(async () => (await done(batchId)) >= total);
  await until(async () => (await lookup.depth(lookup.queueUrl)) === 0, 20_000);
  const results = await scanAll(
    stack.tableNames['BATCHES_TABLE_NAME'] as string,
    'pk = :pk AND begins_with(sk, :item)',
    { ':pk': `BATCH#${batchId}`, ':item': 'ITEM#' },
  );
  const ledger = await scanAll(
    stack.tableNames['LEDGER_TABLE_NAME'] as string,
    'begins_with(pk, :chain) AND begins_with(requestId, :batch)',
    { ':chain': 'CHAIN#', ':batch': `${batchId}:` },
  );
  const allowed = ledger.filter((entry) => entry['outcome'] === 'allowed');
  const status = (await (
    await fetch(`${stack.gatewayUrl}/v1/batches/${batchId}`, {
      headers: { 'x-api-key': stack.sandboxApiKey },
    })
  ).json()) as { status: string; done: number; counts: Record<string, number> };
  return {
    status,
    results,
    itemIndexes: [...new Set(results.map((result) => result['itemIndex'] as number))].sort((a, b) => a - b),
    attemptsReported: results.reduce((sum, result) => sum + Number(result['attempts']), 0),
    allowedEntries: allowed.length,
    itemsLedgered: new Set(allowed.map((entry) => entry['requestId'])).size,
    queued: await lookup.depth(lookup.queueUrl),
    deadLetters: (await lookup.depth(lookup.deadLetterUrl)) - deadLettersAtStart,
    registryCalls: (await registryCounters(stack, 'population')).calls,
  };
}

const everyIndex = (total: number) => Array.from({ length: total }, (_, i) => i);

describe('batch chaos', () => {
  it('a worker killed mid-batch: its items come back and each ends exactly once', async () => {
    const total = 300;
    const batchId = await submit(verifyItems(total, 0));
    await until(async () => (await done(batchId)) >= total * 0.3);
    const [victim] = [...workers];
    victim?.kill('SIGKILL');
    await startWorker();

    const outcome = await settle(batchId, total);
    expect(outcome.status).toEqual(expect.objectContaining({ status: 'completed', done: total }));
    expect(outcome.results).toHaveLength(total);
    expect(outcome.itemIndexes).toEqual(everyIndex(total));
    expect(outcome.status.counts['succeeded']).toBe(total);
    expect(outcome.itemsLedgered).toBe(total);
    expect({ queued: outcome.queued, deadLetters: outcome.deadLetters }).toEqual({
      queued: 0,
      deadLetters: 0,
    });
    // The killed worker's items in flight (at most 3 invocations of 10) may have reached the registry
    // and the ledger without a result; they ran again. Every other call is one ledgered attempt.
    expect(Math.abs(outcome.allowedEntries - outcome.attemptsReported)).toBeLessThanOrEqual(30);
    expect(Math.abs(outcome.registryCalls - outcome.allowedEntries)).toBeLessThanOrEqual(30);
  });

  it('the registry down mid-batch: items retried with backoff end succeeded or failed with the reason', async () => {
    const total = 300;
    const batchId = await submit(verifyItems(total, 300));
    await until(async () => (await done(batchId)) >= total * 0.3);
    await setRegistryBehaviour(stack, 'population', {
      quotaPerSecond: quota,
      faults: [{ mode: 'fault', rate: 1 }],
    });
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    await setRegistryBehaviour(stack, 'population', { quotaPerSecond: quota });

    const outcome = await settle(batchId, total);
    expect(outcome.results).toHaveLength(total);
    expect(outcome.itemIndexes).toEqual(everyIndex(total));
    const { succeeded = 0, failed = 0 } = outcome.status.counts;
    expect(succeeded + failed).toBe(total);
    expect(succeeded).toBeGreaterThan(total * 0.3);
    for (const result of outcome.results.filter((r) => r['outcome'] === 'failed')) {
      expect(result['error']).toEqual({
        kind: expect.stringMatching(/^upstream-/),
        detail: expect.any(String),
      });
      expect(result['attempts']).toBe(queues.lookup.deadLetter.maxReceiveCount - 1);
    }
    expect(outcome.results.some((r) => Number(r['attempts']) > 1)).toBe(true);
    expect({ queued: outcome.queued, deadLetters: outcome.deadLetters }).toEqual({
      queued: 0,
      deadLetters: 0,
    });
    // One allowed entry per attempt; an open circuit answers some attempts without calling the registry.
    expect(outcome.allowedEntries).toBe(outcome.attemptsReported);
    expect(outcome.registryCalls).toBeLessThanOrEqual(outcome.allowedEntries);
    expect(outcome.itemsLedgered).toBe(total);
  });

  it('every message delivered twice: one result, one registry call and one ledger entry per item', async () => {
    const total = 200;
    const items = verifyItems(total, 600);
    const batchId = await submit(items);
    await until(async () => (await done(batchId)) >= total * 0.5);
    const caller = {
      clientId: sandboxClient.clientId,
      keyId: 'sandbox-key-1',
      unitCode: sandboxClient.unitCode,
      policy: sandboxClient.policy,
    };
    const messages: BatchItemMessage[] = items.map((item, itemIndex) => ({
      version: 1,
      batchId,
      itemIndex,
      caller,
      envelope: { officerId: envelope['x-officer-id'], purpose: envelope['x-purpose'] },
      item,
    }));
    for (let start = 0; start < total; start += 10) {
      await lookup.sqs.send(
        new SendMessageBatchCommand({
          QueueUrl: lookup.queueUrl,
          Entries: messages.slice(start, start + 10).map((message) => ({
            Id: String(message.itemIndex),
            MessageBody: JSON.stringify(message),
          })),
        }),
      );
    }

    const outcome = await settle(batchId, total);
    expect(outcome.status).toEqual(expect.objectContaining({ status: 'completed', done: total }));
    expect(outcome.results).toHaveLength(total);
    expect(outcome.itemIndexes).toEqual(everyIndex(total));
    expect(outcome.registryCalls).toBe(total);
    expect(outcome.allowedEntries).toBe(total);
    expect(outcome.attemptsReported).toBe(total);
    expect({ queued: outcome.queued, deadLetters: outcome.deadLetters }).toEqual({
      queued: 0,
      deadLetters: 0,
    });
  });

  it('DynamoDB frozen mid-batch for 3 s: every item still ends exactly once', async () => {
    const port = new URL(stack.dynamoDbEndpoint).port;
    const pid = execFileSync('pgrep', ['-f', `DynamoDBLocal.jar .*-port ${port}$`], { encoding: 'utf8' })
      .trim()
      .split('\n')[0];
    expect(pid).toMatch(/^\d+$/);
    const total = 300;
    const batchId = await submit(verifyItems(total, 800));
    await until(async () => (await done(batchId)) >= total * 0.3);
    process.kill(Number(pid), 'SIGSTOP');
    try {
      await new Promise((resolve) => setTimeout(resolve, 3_000));
    } finally {
      process.kill(Number(pid), 'SIGCONT');
    }

    const outcome = await settle(batchId, total);
    expect(outcome.status).toEqual(expect.objectContaining({ done: total }));
    expect(outcome.results).toHaveLength(total);
    expect(outcome.itemIndexes).toEqual(everyIndex(total));
    expect(outcome.itemsLedgered).toBe(total);
    expect({ queued: outcome.queued, deadLetters: outcome.deadLetters }).toEqual({
      queued: 0,
      deadLetters: 0,
    });
    expect(outcome.allowedEntries).toBe(outcome.attemptsReported);
    expect(outcome.registryCalls).toBeLessThanOrEqual(outcome.allowedEntries);
  });
});
