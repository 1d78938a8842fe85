/**
 * Overhead: the same verification and business lookup called (a) directly against the simulated
 * registry with a plain client and (b) through the local gateway (authorizer, validation, admission,
 * ledger, mapping), at 1, 8 and 32 concurrent clients. Reports p50/p95/p99, throughput, the
 * gateway's added latency and the throughput ratio gateway/direct.
 *
 * Where the gateway's time goes: the stack runs with `SERVER_TIMING_STAGES=true`, so every answer's
 * `Server-Timing` names the admission counters, the registry call and the ledger write; the rest of
 * the function's time is its own work (parsing, mapping, middleware), and what the client saw beyond
 * the function is the local gateway and HTTP.
 *
 * `BENCH_DURATION_MS` (default 4000) sets each measured run; every run has a 1 s warm-up first.
 * Before any run, the stack itself is warmed up (`BENCH_STACK_WARM_UP_MS`, default 15000, split over
 * the scenarios, through the gateway at 8 clients): DynamoDB Local is a JVM, which compiles its hot
 * paths over its first few thousand requests — on this machine a fresh stack's first 400
 * verifications took 18.8 ms at p50 and the same stack's 2,000th to 2,400th 9.9 ms — while the
 * DynamoDB a deployed gateway talks to is always warm. The whole benchmark takes about the stack
 * warm-up plus 12 × (1 s + duration) plus the stack's start.
 */
import path from 'node:path';
import { createClientAsync, type Client } from 'soap';
import { signPopulationRequest } from '../adapters/population/request-signature.js';
import { defaultBusinessClients } from '../local/registries/business/server.js';
import { defaultPopulationCredentials } from '../local/registries/population/server.js';
import { registerTestClient } from '../test/support/local-stack.js';
import { measureDynamoDbRoundTrips } from './support/dynamodb-round-trips.js';
import { runClosedLoop, type LoadResult } from './support/load.js';
import { ms, printTable, writeResults } from './support/results.js';
import { startBenchStack } from './support/stack-process.js';

const durationMs = Number(process.env['BENCH_DURATION_MS'] ?? 4000);
const warmUpMs = 1000;
const stackWarmUpMs = Number(process.env['BENCH_STACK_WARM_UP_MS'] ?? 15_000);
const concurrencies = [1, 8, 32];

const citizen = { personalId: '074095000123', fullName: 'Nguyễn Văn An', dateOfBirth: '1995-03-15' };
const envelope = { officerId: 'CB-0042', purpose: '1.001234.000.00.00.H12', unitCode: 'BENCH' };
const enterpriseCode = '3701234562';

/**
 * The parts of each answer's `Server-Timing` (`admission`, `upstream`, `ledger`, `gateway` = the
 * function's total) and the latency the client saw, collected over a run; medians per part.
 */
class StageTimings {
  private readonly samples = new Map<string, number[]>();

  note(serverTiming: string | null, clientMs: number): void {
    const parts = new Map<string, number>();
    for (const part of (serverTiming ?? '').split(',')) {
      const match = /^\s*([\w-]+)[^,]*?dur=([\d.]+)/.exec(part);
      if (match) parts.set(match[1]!, Number(match[2]));
    }
    const functionMs = parts.get('gateway');
    if (functionMs === undefined) return;
    // Ledger and upstream overlap: the function's own work is what neither explains.
    const waited =
      (parts.get('admission') ?? 0) + Math.max(parts.get('upstream') ?? 0, parts.get('ledger') ?? 0);
    const derived = {
      client: clientMs,
      'function, other': Math.max(0, functionMs - waited),
      'local gateway + HTTP': Math.max(0, clientMs - functionMs),
    };
    for (const [name, value] of [...parts, ...Object.entries(derived)]) {
      const list = this.samples.get(name) ?? [];
      list.push(value);
      this.samples.set(name, list);
    }
  }

  medians(): Record<string, number> {
    return Object.fromEntries(
      [...this.samples].map(([name, values]) => {
        const sorted = [...values].sort((a, b) => a - b);
        return [name, sorted[Math.floor((sorted.length - 1) / 2)]!];
      }),
    );
  }
}

const stack = await startBenchStack('overhead', { SERVER_TIMING_STAGES: 'true' });
try {
  process.env['LIENTHONG_TEST_KEY_PEPPER'] = stack.keyPepper;
  const { addresses } = stack;
  // A client whose limits the benchmark never reaches: admission is still checked and counted.
  const apiKey = await registerTestClient(addresses, {
    clientId: 'bench',
    name: 'Benchmark',
    unitCode: 'BENCH',
    status: 'active',
    policy: {
      scopes: ['population:verify', 'business:read'],
      rateLimit: { perSecond: 10_000 },
      dailyQuota: 100_000_000,
    },
  });
  const gatewayHeaders = {
    'x-api-key': apiKey,
    'x-officer-id': envelope.officerId,
    'x-purpose': envelope.purpose,
  };

  // (a) Direct: node-soap from the shipped WSDL with the registry's signing, and fetch with a token.
  const populationUrl = addresses.registries['population']!.url;
  const soap: Client = await createClientAsync(path.resolve('adapters/population/population.wsdl'), {
    endpoint: populationUrl,
  });
  const verifyDirect = async () => {
    const [answer] = (await soap['XacThucThongTinCongDanAsync'](
      {
        MaYeuCau: crypto.randomUUID(),
        MaDVC: envelope.purpose,
        MaCanBo: envelope.officerId,
        MaDonVi: envelope.unitCode,
        SoDinhDanh: citizen.personalId,
        HoVaTen: citizen.fullName,
        NgayThangNamSinh: citizen.dateOfBirth.replaceAll('-', ''),
      },
      {},
      signPopulationRequest(populationUrl, defaultPopulationCredentials, new Date()),
    )) as [{ TonTai?: unknown }];
    if (answer.TonTai === undefined) throw new Error('no TonTai');
  };
  const businessUrl = addresses.registries['business']!.url;
  const businessClient = defaultBusinessClients[0]!;
  const tokenResponse = await fetch(`${businessUrl}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: businessClient.clientId,
      client_secret: businessClient.clientSecret,
    }),
  });
  const { access_token: token } = (await tokenResponse.json()) as { access_token: string };
  const businessDirect = async () => {
    const response = await fetch(`${businessUrl}/api/doanh-nghiep/${enterpriseCode}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    await expectOk(response);
  };

  // (b) Through the gateway, noting each answer's stages.
  let stages = new StageTimings();
  const verifyThroughGateway = async () => {
    const started = performance.now();
    const response = await fetch(`${addresses.gatewayUrl}/v1/citizens/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...gatewayHeaders },
      body: JSON.stringify(citizen),
    });
    await expectOk(response);
    stages.note(response.headers.get('server-timing'), performance.now() - started);
  };
  const businessThroughGateway = async () => {
    const started = performance.now();
    const response = await fetch(`${addresses.gatewayUrl}/v1/businesses/${enterpriseCode}`, {
      headers: gatewayHeaders,
    });
    await expectOk(response);
    stages.note(response.headers.get('server-timing'), performance.now() - started);
  };

  const scenarios = [
    { name: 'verify', direct: verifyDirect, gateway: verifyThroughGateway },
    { name: 'business (cache hit)', direct: businessDirect, gateway: businessThroughGateway },
  ];
  for (const scenario of scenarios) {
    await runClosedLoop(scenario.gateway, {
      concurrency: 8,
      durationMs: stackWarmUpMs / scenarios.length,
      warmUpMs: 0,
    });
  }
  console.error(`  stack warmed up (${stackWarmUpMs / 1000} s through the gateway)`);

  const results: {
    scenario: string;
    direct: LoadResult;
    gateway: LoadResult;
    stages: Record<string, number>;
  }[] = [];
  for (const scenario of scenarios) {
    for (const concurrency of concurrencies) {
      const options = { concurrency, durationMs, warmUpMs };
      const direct = await runClosedLoop(scenario.direct, options);
      const gateway = await runClosedLoop(scenario.gateway, {
        ...options,
        onMeasuredStart: () => (stages = new StageTimings()),
      });
      results.push({ scenario: scenario.name, direct, gateway, stages: stages.medians() });
      console.error(`  ${scenario.name} c=${concurrency}: done`);
    }
  }

  const rows: (string | number)[][] = [
    ['scenario', 'c', 'path', 'p50 ms', 'p95 ms', 'p99 ms', 'req/s', 'errors'],
  ];
  for (const { scenario, direct, gateway } of results) {
    for (const [label, run] of [
      ['direct', direct],
      ['gateway', gateway],
    ] as const) {
      rows.push([
        scenario,
        run.concurrency,
        label,
        ms(run.p50),
        ms(run.p95),
        ms(run.p99),
        Math.round(run.throughput),
        run.errors,
      ]);
    }
  }
  printTable(
    `Overhead and scaling (closed loop, ${durationMs / 1000} s per run after ${warmUpMs / 1000} s of warm-up, loopback; stack warmed up for ${stackWarmUpMs / 1000} s first)`,
    rows,
  );

  const summary = results.map(({ scenario, direct, gateway }) => ({
    scenario,
    concurrency: direct.concurrency,
    addedP50: ms(gateway.p50 - direct.p50),
    addedP99: ms(gateway.p99 - direct.p99),
    throughputRatio: Math.round((gateway.throughput / direct.throughput) * 100) / 100,
  }));
  printTable(
    'Gateway cost (gateway − direct; targets at c=1: p50 ≤ 2 ms, p99 ≤ 10 ms; at c=8: ratio ≥ 0.5)',
    [
      ['scenario', 'c', 'added p50 ms', 'added p99 ms', 'throughput gateway/direct'],
      ...summary.map((row) => [
        row.scenario,
        row.concurrency,
        row.addedP50,
        row.addedP99,
        row.throughputRatio,
      ]),
    ],
  );

  const stageNames = ['admission', 'upstream', 'ledger', 'function, other', 'local gateway + HTTP'];
  printTable(
    'Where a gateway request’s time goes (median of each part over the measured run, ms; from Server-Timing)',
    [
      ['scenario', 'c', 'client saw', ...stageNames],
      ...results.map(({ scenario, gateway, stages: parts }) => [
        scenario,
        gateway.concurrency,
        ms(parts['client'] ?? NaN),
        ...stageNames.map((name) => (parts[name] === undefined ? '-' : ms(parts[name]))),
      ]),
    ],
  );
  console.log(
    'admission = the rate and quota counters (2 UpdateItem side by side); ledger = 1 TransactWriteItems,\n' +
      'written while the registry is asked (so ledger and upstream overlap); function, other = the\n' +
      'function’s time beyond those (parsing, mapping, middleware, the business cache read).',
  );

  // Where the time goes: each request makes DynamoDB round trips one after the other.
  const roundTrips = await measureDynamoDbRoundTrips(
    addresses.dynamoDbEndpoint,
    // A scratch partition of this throwaway stack's ledger table (its key is pk + sk).
    addresses.tableNames['LEDGER_TABLE_NAME'] as string,
  );
  printTable('DynamoDB Local round trip from a client on this machine (200 sequential calls each)', [
    ['operation', 'p50 ms', 'p99 ms'],
    ...roundTrips.map((row) => [row.operation, row.p50, row.p99]),
  ]);
  console.log(
    'Per request through the gateway: the authorizer reads the key (2 GetItem; cached per key for 60 s\n' +
      'by API Gateway and by the local gateway alike, so not in these runs), admission counts the\n' +
      'per-second and the daily counter (2 UpdateItem, side by side), then the upstream call and, at\n' +
      'the same time, the ledger (1 TransactWriteItems: entry, witness, subject index) for a\n' +
      'verification, or the registry cache (1 GetItem) for businesses.',
  );
  writeResults('overhead', {
    durationMs,
    warmUpMs,
    stackWarmUpMs,
    runs: results,
    summary,
    dynamoDbRoundTrips: roundTrips,
  });
} finally {
  await stack.stop();
}

async function expectOk(response: Response): Promise<void> {
  const text = await response.text();
  if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${text.slice(0, 200)}`);
}
