/**
 * Batch benchmark: 10,000 verify items through POST /v1/batches, the lookup queue and the batch worker
 * against the population simulator with a quota of 200 requests/s.
 *
 * 1. Clean run: completion time against the ideal 50 s, quota refusals the simulator counted (target
 *    0), and the workers' CPU time per item.
 * 2. 5 % transient upstream faults and one worker process killed (SIGKILL) mid-run, a replacement
 *    started: every item must end in exactly one result, no duplicates, and ledger entries per item
 *    are counted (one per registry access: a failed attempt is an access too).
 *
 * The stack runs in this process without its own poller; the workers are separate processes
 * (`local/batch-worker.ts`), as Lambda containers would be. Writes bench/results/batch.json.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { startLocalStack } from '../local/local-stack.js';
import { citizenDirectory } from '../local/registries/data/citizens.js';
import { printTable, writeResults } from './support/results.js';

const items = Number(process.env['BATCH_BENCH_ITEMS'] ?? 10_000);
const quota = 200;
const workers = 2;
const workerConcurrency = 4;
const envelope = { 'x-officer-id': 'CB-BENCH', 'x-purpose': '1.001234.000.00.00.H12' };

const stack = await startLocalStack({
  gatewayPort: 0,
  registryPorts: { population: 0, land: 0, business: 0 },
  batchWorker: false,
  functionEnvironment: {
    REGISTRY_QUOTAS: JSON.stringify({ population: quota }),
    POWERTOOLS_LOG_LEVEL: process.env['BATCH_BENCH_LOG_LEVEL'] ?? 'ERROR',
    BATCH_RETRY_MAX_BACKOFF_SECONDS: '8',
  },
});
const control = stack.registries['population']?.controlUrl as string;
const documents = DynamoDBDocumentClient.from(
  new DynamoDBClient({ region: 'ap-southeast-1', endpoint: stack.dynamoDbEndpoint }),
);

// Citizens that exist with their registered name and birth date: one registry call per verify.
const citizens = citizenDirectory()
  .citizens.filter((c) => c.dateOfBirth.length === 10)
  .slice(0, items);
const batchItems = Array.from({ length: items }, (_, i) => {
  const c = citizens[i % citizens.length]!;
  return {
    kind: 'citizen-verify',
    request: { personalId: c.personalId, fullName: c.fullName, dateOfBirth: c.dateOfBirth },
  };
});

function startWorker(visibilitySeconds: number): { child: ChildProcess; cpu: Promise<number | undefined> } {
  // The worker's own node process (not a tsx wrapper), so that SIGKILL really kills the worker.
  // BATCH_BENCH_CPU_PROFILE=<dir> writes each worker's V8 CPU profile there (open it in Chrome DevTools).
  const profile = process.env['BATCH_BENCH_CPU_PROFILE'];
  const profiling = profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [];
  const child = spawn(process.execPath, [...profiling, '--import', 'tsx', 'local/batch-worker.ts'], {
    env: {
      ...process.env,
      BATCH_WORKER_CONCURRENCY: String(workerConcurrency),
      BATCH_WORKER_VISIBILITY_SECONDS: String(visibilitySeconds),
      // Figures come from the tables and the simulator's counters, not from CloudWatch metrics.
      POWERTOOLS_METRICS_DISABLED: 'true',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const cpu = new Promise<number | undefined>((resolve) =>
    child.on('exit', () => {
      const line = output.split('\n').find((l) => l.startsWith('{'));
      resolve(line ? (JSON.parse(line) as { cpuMicros: number }).cpuMicros : undefined);
    }),
  );
  return { child, cpu };
}

async function behaviour(body: unknown) {
  await fetch(`${control}/reset`, { method: 'POST' });
  await fetch(`${control}/behaviour`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function counters(): Promise<Record<string, unknown>> {
  return (await (await fetch(`${control}/counters`)).json()) as Record<string, unknown>;
}

async function submit(): Promise<string> {
  const response = await fetch(`${stack.gatewayUrl}/v1/batches`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': stack.sandboxApiKey, ...envelope },
    body: JSON.stringify({ items: batchItems }),
  });
  if (response.status !== 202)
    throw new Error(`submission answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { batchId: string }).batchId;
}

async function status(batchId: string) {
  return (await (
    await fetch(`${stack.gatewayUrl}/v1/batches/${batchId}`, {
      headers: { 'x-api-key': stack.sandboxApiKey },
    })
  ).json()) as { done: number; total: number; status: string; counts: Record<string, number> };
}

async function scan(filter: string, values: Record<string, unknown>, table: string) {
  const found: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await documents.send(
      new ScanCommand({
        TableName: table,
        FilterExpression: filter,
        ExpressionAttributeValues: values,
        ExclusiveStartKey: startKey,
      }),
    );
    found.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return found;
}

/** DynamoDB Local's process (a JVM of its own), found by its port, for its CPU time. */
const dynamoDbPid = execFileSync(
  'pgrep',
  ['-f', `DynamoDBLocal.jar .*-port ${new URL(stack.dynamoDbEndpoint).port}$`],
  { encoding: 'utf8' },
)
  .trim()
  .split('\n')[0];

/** CPU time (ms) a process has used so far, from /proc (user + system clock ticks, 100 per second). */
function processCpuMs(pid: string | undefined): number | undefined {
  if (!pid) return undefined;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

const perItem = (ms: number | undefined) => (ms === undefined ? null : Math.round((ms / items) * 100) / 100);

async function run(name: string, options: { faults: boolean; crash: boolean }) {
  await behaviour({
    quotaPerSecond: quota,
    ...(options.faults ? { faults: [{ mode: 'fault', rate: 0.05 }], seed: 11 } : {}),
  });
  // Visibility 60 s (the local stand-in for 6× the worker timeout): a crashed worker's messages return after it.
  const pool = Array.from({ length: workers }, () => startWorker(60));
  await new Promise((resolve) => setTimeout(resolve, 4_000)); // workers load their handler
  const started = performance.now();
  const dynamoDbCpuBefore = processCpuMs(dynamoDbPid);
  const stackCpuBefore = process.cpuUsage();
  const batchId = await submit();
  const submittedMs = performance.now() - started;
  let crashed = false;
  let current = await status(batchId);
  while (current.done < current.total) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    current = await status(batchId);
    if (options.crash && !crashed && current.done >= current.total * 0.4) {
      crashed = true;
      pool[0]!.child.kill('SIGKILL');
      pool.push(startWorker(60));
    }
    // Reported as it stands rather than thrown: the invariants still say whether anything was lost.
    if (performance.now() - started > 600_000) break;
  }
  const seconds = (performance.now() - started) / 1000;
  const dynamoDbCpuMs = (processCpuMs(dynamoDbPid) ?? NaN) - (dynamoDbCpuBefore ?? NaN);
  const stackCpu = process.cpuUsage(stackCpuBefore);
  for (const worker of pool) worker.child.kill('SIGTERM');
  const cpuMicros = (await Promise.all(pool.map((worker) => worker.cpu))).reduce<number>(
    (sum, cpu) => sum + (cpu ?? 0),
    0,
  );
  const registry = await counters();

  const results = await scan(
    'pk = :pk AND begins_with(sk, :item)',
    { ':pk': `BATCH#${batchId}`, ':item': 'ITEM#' },
    stack.tableNames['BATCHES_TABLE_NAME'] as string,
  );
  const distinct = new Set(results.map((r) => r['itemIndex'])).size;
  const ledger = await scan(
    'begins_with(pk, :chain) AND begins_with(requestId, :batch)',
    { ':chain': 'CHAIN#', ':batch': `${batchId}:` },
    stack.tableNames['LEDGER_TABLE_NAME'] as string,
  );
  const ledgerPerItem = new Map<string, number>();
  for (const entry of ledger)
    ledgerPerItem.set(
      entry['requestId'] as string,
      (ledgerPerItem.get(entry['requestId'] as string) ?? 0) + 1,
    );
  const allowedEntries = ledger.filter((e) => e['outcome'] === 'allowed').length;
  return {
    name,
    items,
    seconds: Math.round(seconds * 10) / 10,
    idealSeconds: items / quota,
    submitMs: Math.round(submittedMs),
    registryCalls: registry['calls'],
    quotaRefusals: registry['quotaExceeded'],
    counts: current.counts,
    results: results.length,
    distinctResults: distinct,
    ledgerEntries: ledger.length,
    itemsLedgered: ledgerPerItem.size,
    ledgerAllowedEntries: allowedEntries,
    workerCpuMsPerItem: cpuMicros ? Math.round((cpuMicros / 1000 / items) * 100) / 100 : null,
    // The rest of the machine's work per item: DynamoDB Local's JVM, and this process (gateway,
    // fauxqs, the registry simulator, the status polls).
    dynamoDbCpuMsPerItem: Number.isNaN(dynamoDbCpuMs) ? null : perItem(dynamoDbCpuMs),
    stackCpuMsPerItem: perItem((stackCpu.user + stackCpu.system) / 1000),
    crashed,
    finished: current.done >= current.total,
  };
}

try {
  const clean = await run('clean', { faults: false, crash: false });
  console.log(JSON.stringify(clean));
  const faulty = await run('5% faults + worker crash', { faults: true, crash: true });
  console.log(JSON.stringify(faulty));
  printTable(`Batch of ${items} verify items, registry quota ${quota}/s (ideal ${items / quota} s)`, [
    [
      'run',
      'seconds',
      'registry calls',
      'results',
      'distinct',
      'ledger entries',
      'items ledgered',
      'worker CPU ms/item',
      'DynamoDB CPU ms/item',
      'stack CPU ms/item',
    ],
    ...[clean, faulty].map((r) => [
      r.name,
      r.seconds,
      Number(r.registryCalls),
      r.results,
      r.distinctResults,
      r.ledgerEntries,
      r.itemsLedgered,
      r.workerCpuMsPerItem ?? 'n/a',
      r.dynamoDbCpuMsPerItem ?? 'n/a',
      r.stackCpuMsPerItem ?? 'n/a',
    ]),
  ]);
  console.log(
    'quota refusals (simulator counters):',
    JSON.stringify(clean.quotaRefusals),
    '/',
    JSON.stringify(faulty.quotaRefusals),
  );
  console.log('outcomes:', JSON.stringify(clean.counts), '/', JSON.stringify(faulty.counts));
  writeResults('batch', { clean, faulty });
} finally {
  await stack.stop();
}
