/**
 * Cold start and memory per function: each function's production bundle (esbuild with the settings
 * of `infra/constructs/gateway-function.ts`) loaded by a fresh Node 24 process, which serves one
 * invocation and then 1,000 more against the local stack; bundle size, module load time, first
 * invocation, peak RSS. Then the parts of a cold start on their own: zod and the API's schemas,
 * node-soap, and parsing each WSDL.
 *
 * The AWS SDK stays external, as in production, where the Node.js 24 runtime provides it: the
 * bundles are written under `.local/bench/` inside the repository, so Node resolves `@aws-sdk/*`
 * from the repository's node_modules as the runtime resolves it from its own (ESM ignores
 * NODE_PATH, so the bundle has to live below node_modules' parent). The SDK's load time is therefore
 * counted, as it is on Lambda.
 *
 * Each harness process runs with `--enable-source-maps`, as `GatewayFunction` sets NODE_OPTIONS for
 * every function, so its cost is counted as on Lambda (and shown on its own below), and with
 * `--expose-gc`, so that it can report the live heap after a full collection beside the peak RSS.
 *
 * Before the first function, the stack is warmed up through the gateway on every measured route
 * (`BENCH_STACK_WARM_UP_MS`, default 10000): a deployed function's cold start meets a warm DynamoDB
 * and warm registries, while a fresh DynamoDB Local (a JVM) answers its first thousands of requests
 * several times slower, which would be counted against whichever function came first.
 *
 * `BENCH_INVOCATIONS` (default 1000) sets the invocations after the first; `BENCH_FUNCTIONS`
 * (comma-separated names) measures only those functions; `BENCH_HARNESS_NODE_FLAGS` adds flags to
 * every harness process (e.g. `--max-old-space-size=460`, to see how a heap limit changes the RSS).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type BuildOptions } from 'esbuild';
import { esmRequireBanner } from '../infra/constructs/gateway-function.js';
import { gatewayFunctions, gatewayRoutes, type GatewayFunctionName } from '../infra/routes.js';
import { authorizerEvent, proxyEvent, type IncomingRequest } from '../local/gateway/api-gateway-event.js';
import { defaultBusinessClients } from '../local/registries/business/server.js';
import { defaultLandCredentials } from '../local/registries/land/server.js';
import { defaultPopulationCredentials } from '../local/registries/population/server.js';
import { registerTestClient } from '../test/support/local-stack.js';
import { runClosedLoop } from './support/load.js';
import { ms, printTable, writeResults } from './support/results.js';
import { startBenchStack } from './support/stack-process.js';

const invocations = Number(process.env['BENCH_INVOCATIONS'] ?? 1000);
const workDirectory = path.resolve('.local/bench/cold-start');
const node = path.resolve('node_modules/.bin/node');
/** What `GatewayFunction` puts in NODE_OPTIONS for every function. */
const productionNodeOptions = ['--enable-source-maps'];
const onlyFunctions = process.env['BENCH_FUNCTIONS']?.split(',').filter(Boolean);
const stackWarmUpMs = Number(process.env['BENCH_STACK_WARM_UP_MS'] ?? 10_000);
const extraHarnessFlags = process.env['BENCH_HARNESS_NODE_FLAGS']?.split(' ').filter(Boolean) ?? [];

/** The production bundling settings of the house construct (see GatewayFunction's `bundling`). */
const productionSettings: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  mainFields: ['module', 'main'],
  minify: true,
  charset: 'utf8',
  sourcemap: true,
  sourcesContent: false,
  banner: { js: esmRequireBanner },
  external: ['@aws-sdk/*'],
  logLevel: 'warning',
};

/** One representative request per function: the route it serves and what a caller sends. */
const citizen = { personalId: '074095000123', fullName: 'Nguyễn Văn An', dateOfBirth: '1995-03-15' };
/** Functions without an entry here (queue consumers, ...) are listed as not measured. */
const requests: Partial<
  Record<GatewayFunctionName, { path: string; body?: unknown; route: string; method?: string }>
> = {
  authorizer: { route: '/v1/citizens/verify', path: '/v1/citizens/verify', method: 'POST' },
  health: { route: '/v1/health', path: '/v1/health' },
  subjectReport: {
    route: '/v1/audit/subject-report',
    path: '/v1/audit/subject-report',
    method: 'POST',
    body: { personalId: citizen.personalId },
  },
  verifyCitizen: { route: '/v1/citizens/verify', path: '/v1/citizens/verify', method: 'POST', body: citizen },
  citizenLookup: {
    route: '/v1/citizens/lookup',
    path: '/v1/citizens/lookup',
    method: 'POST',
    body: { personalId: citizen.personalId },
  },
  landParcel: {
    route: '/v1/land/parcels/{communeCode}/{mapSheet}/{parcelNumber}',
    path: '/v1/land/parcels/25747/12/345',
  },
  landCertificate: { route: '/v1/land/certificates/{serial}', path: '/v1/land/certificates/DA12345678' },
  businessLookup: { route: '/v1/businesses/{enterpriseCode}', path: '/v1/businesses/3701234562' },
  adminClients: { route: '/v1/admin/clients', path: '/v1/admin/clients' },
  apiDocs: { route: '/openapi.json', path: '/openapi.json' },
};

rmSync(workDirectory, { recursive: true, force: true });
mkdirSync(workDirectory, { recursive: true });
const stack = await startBenchStack('cold-start');
try {
  process.env['LIENTHONG_TEST_KEY_PEPPER'] = stack.keyPepper;
  const { addresses } = stack;
  const policy = {
    scopes: [
      'population:verify',
      'population:lookup',
      'land:read',
      'business:read',
      'audit:subject-report',
      'admin',
    ] as const,
    rateLimit: { perSecond: 10_000 },
    dailyQuota: 100_000_000,
  };
  const apiKey = await registerTestClient(addresses, {
    clientId: 'bench-cold-start',
    name: 'Benchmark',
    unitCode: 'BENCH',
    status: 'active',
    policy: { ...policy, scopes: [...policy.scopes] },
  });
  // Every measured route through the gateway in turn, so DynamoDB Local and the registries are warm.
  // (The authorizer's entry is verify's route without a body: verify's own entry warms it.)
  const warmUpRoutes = Object.entries(requests)
    .filter(([name]) => name !== 'authorizer')
    .map(([, request]) => request!);
  const warmUpAnswers = new Map<string, number>();
  let nextRoute = 0;
  await runClosedLoop(
    async () => {
      const request = warmUpRoutes[nextRoute++ % warmUpRoutes.length]!;
      const response = await fetch(`${addresses.gatewayUrl}${request.path}`, {
        method: request.method ?? 'GET',
        headers: {
          'content-type': 'application/json',
          'x-api-key': apiKey,
          'x-officer-id': 'CB-0042',
          'x-purpose': '1.001234.000.00.00.H12',
        },
        ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
      });
      await response.arrayBuffer();
      const answer = `${request.method ?? 'GET'} ${request.path} ${response.status}`;
      warmUpAnswers.set(answer, (warmUpAnswers.get(answer) ?? 0) + 1);
    },
    { concurrency: 4, durationMs: stackWarmUpMs, warmUpMs: 0 },
  );
  console.error(
    `  stack warmed up for ${stackWarmUpMs / 1000} s: ${[...warmUpAnswers].map(([answer, count]) => `${count}× ${answer}`).join(', ')}`,
  );

  // What the local stack gives its functions (see local/local-stack.ts), for the harness processes.
  const functionEnvironment = {
    PATH: process.env['PATH'] ?? '',
    AWS_REGION: 'ap-southeast-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_DYNAMODB: addresses.dynamoDbEndpoint,
    AWS_ENDPOINT_URL_SQS: addresses.sqsEndpoint,
    KEY_PEPPER: stack.keyPepper,
    POPULATION_ENDPOINT: addresses.registries['population']!.url,
    POPULATION_CREDENTIALS: JSON.stringify(defaultPopulationCredentials),
    LAND_ENDPOINT: addresses.registries['land']!.url,
    LAND_CREDENTIALS: JSON.stringify(defaultLandCredentials),
    BUSINESS_ENDPOINT: addresses.registries['business']!.url,
    BUSINESS_CREDENTIALS: JSON.stringify(defaultBusinessClients[0]),
    POWERTOOLS_SERVICE_NAME: 'lienthong-bench',
    POWERTOOLS_TRACE_ENABLED: 'false',
    POWERTOOLS_METRICS_DISABLED: 'true',
    POWERTOOLS_LOG_LEVEL: 'WARN',
    ...addresses.tableNames,
  };

  const rows: (string | number)[][] = [
    [
      'function',
      'bundle KiB',
      'load ms',
      'load CPU ms',
      'first invocation ms',
      'load + first ms',
      'warm mean ms',
      'peak RSS MiB',
      'statuses',
    ],
  ];
  const memoryRows: (string | number)[][] = [
    [
      'function',
      'bare process',
      'after load',
      'after first',
      `after ${invocations}`,
      'peak',
      'after full GC',
      'live heap after GC',
      'heap reserved after GC',
      'external after GC',
    ],
  ];
  const results: Record<string, unknown>[] = [];
  for (const name of Object.keys(gatewayFunctions) as GatewayFunctionName[]) {
    if (onlyFunctions && !onlyFunctions.includes(name)) continue;
    if (!requests[name]) {
      rows.push([
        name,
        '-',
        '-',
        '-',
        '-',
        '-',
        '-',
        '-',
        'not measured: no API Gateway request for it here',
      ]);
      continue;
    }
    const directory = path.join(workDirectory, name);
    const bundle = path.join(directory, 'index.mjs');
    await build({
      ...productionSettings,
      entryPoints: [path.resolve(gatewayFunctions[name].entry)],
      outfile: bundle,
    });
    for (const file of gatewayFunctions[name].shippedFiles) {
      mkdirSync(path.dirname(path.join(directory, file)), { recursive: true });
      copyFileSync(path.resolve(file), path.join(directory, file));
    }
    const eventFile = path.join(directory, 'event.json');
    writeFileSync(eventFile, JSON.stringify(eventFor(name, apiKey, policy)));
    const resultFile = path.join(directory, 'result.json');
    const run = spawnSync(
      node,
      [
        '--expose-gc',
        ...productionNodeOptions,
        ...extraHarnessFlags,
        path.resolve('bench/cold-start/harness.mjs'),
        bundle,
        eventFile,
        String(invocations),
        resultFile,
      ],
      {
        cwd: directory,
        env: { ...functionEnvironment, LAMBDA_TASK_ROOT: directory },
        stdio: ['ignore', 'ignore', 'pipe'],
        timeout: 300_000,
      },
    );
    if (run.status !== 0) {
      throw new Error(
        `${name}: the harness failed (${run.status ?? run.signal}): ${String(run.stderr).slice(-2000)}`,
      );
    }
    const result = JSON.parse(readFileSync(resultFile, 'utf8')) as {
      loadMs: number;
      loadCpuMs: number;
      firstInvocationMs: number;
      firstStatus: number;
      meanWarmInvocationMs: number;
      statuses: Record<string, number>;
      peakRssMiB: number;
      rssBeforeLoadMiB: number;
      rssAfterLoadMiB: number;
      rssAfterFirstMiB: number;
      rssAfterWarmMiB: number;
      rssAfterGcMiB: number;
      heapUsedAfterGcMiB: number;
      heapTotalAfterGcMiB: number;
      externalAfterGcMiB: number;
    };
    const bundleKiB = statSync(bundle).size / 1024;
    results.push({ function: name, bundleKiB, ...result });
    rows.push([
      name,
      Math.round(bundleKiB),
      ms(result.loadMs),
      ms(result.loadCpuMs),
      ms(result.firstInvocationMs),
      ms(result.loadMs + result.firstInvocationMs),
      ms(result.meanWarmInvocationMs),
      Math.round(result.peakRssMiB),
      `first ${result.firstStatus}; ${Object.entries(result.statuses)
        .map(([status, n]) => `${n}×${status}`)
        .join(' ')}`,
    ]);
    memoryRows.push([
      name,
      ...[
        result.rssBeforeLoadMiB,
        result.rssAfterLoadMiB,
        result.rssAfterFirstMiB,
        result.rssAfterWarmMiB,
        result.peakRssMiB,
        result.rssAfterGcMiB,
        result.heapUsedAfterGcMiB,
        result.heapTotalAfterGcMiB,
        result.externalAfterGcMiB,
      ].map((value) => Math.round(value)),
    ]);
    console.error(`  ${name}: done`);
  }
  printTable(
    `Cold start per function (production bundle, fresh Node ${process.version} process, then ${invocations} invocations; targets: load + first ≤ 250 ms, peak RSS ≤ 256 MB)`,
    rows,
  );
  printTable(
    'Memory of each harness process, MiB (RSS unless named; "bare process" is Node and the harness alone)',
    memoryRows,
  );
  console.log(
    'Live heap after a full GC is what the function holds; the RSS above it is V8 keeping the heap it\n' +
      'grew to (young generation and old-space headroom sized from this machine’s memory) and native\n' +
      'memory. With BENCH_HARNESS_NODE_FLAGS=--max-old-space-size=128, V8 works within the old space it\n' +
      'sizes by default on a machine of 512 MB (a quarter of its memory), as in a 512 MB function.',
  );

  // Source maps: the same bundle loaded with and without --enable-source-maps (median of 5 loads each).
  const sourceMapRows: (string | number)[][] = [['verifyCitizen bundle loaded', 'wall ms', 'CPU ms']];
  const sourceMapCost: Record<string, { wallMs: number; cpuMs: number }> = {};
  for (const [label, flags] of [
    ['without --enable-source-maps', []],
    ['with --enable-source-maps (production)', productionNodeOptions],
  ] as const) {
    const loads = Array.from({ length: 5 }, () =>
      loadOnly(path.join(workDirectory, 'verifyCitizen', 'index.mjs'), flags, functionEnvironment),
    );
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[2]!;
    sourceMapCost[label] = {
      wallMs: median(loads.map((load) => load.wallMs)),
      cpuMs: median(loads.map((load) => load.cpuMs)),
    };
    sourceMapRows.push([label, ms(sourceMapCost[label].wallMs), ms(sourceMapCost[label].cpuMs)]);
  }
  printTable('What --enable-source-maps costs a cold start', sourceMapRows);

  const breakdownBundle = path.join(workDirectory, 'breakdown', 'index.mjs');
  await build({
    ...productionSettings,
    entryPoints: [path.resolve('bench/cold-start/breakdown-entry.ts')],
    outfile: breakdownBundle,
  });
  const breakdownFile = path.join(workDirectory, 'breakdown', 'result.json');
  const breakdownRun = spawnSync(node, [breakdownBundle, process.cwd(), breakdownFile], {
    cwd: path.dirname(breakdownBundle),
    env: functionEnvironment,
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: 60_000,
  });
  if (breakdownRun.status !== 0)
    throw new Error(`breakdown failed: ${String(breakdownRun.stderr).slice(-2000)}`);
  const breakdown = JSON.parse(readFileSync(breakdownFile, 'utf8')) as Record<string, number>;
  printTable('Parts of a cold start, one after the other in a fresh process (same bundling)', [
    ['step', 'ms'],
    ...Object.entries(breakdown).map(([step, value]) => [step, ms(value)]),
  ]);
  writeResults('cold-start', {
    invocations,
    harnessNodeFlags: ['--expose-gc', ...productionNodeOptions, ...extraHarnessFlags],
    functions: results,
    breakdown,
    sourceMapCost,
  });
} finally {
  await stack.stop();
}

/** Loads a bundle in a fresh process and nothing else: wall and CPU time of the import. */
function loadOnly(bundle: string, flags: readonly string[], environment: Record<string, string>) {
  const script = `const c = process.cpuUsage(), s = performance.now();
await import(${JSON.stringify(pathToFileURL(bundle).href)});
const u = process.cpuUsage(c);
console.log(JSON.stringify({ wallMs: performance.now() - s, cpuMs: (u.user + u.system) / 1000 }));
process.exit(0);`;
  const run = spawnSync(node, [...flags, '--input-type=module', '-e', script], {
    cwd: path.dirname(bundle),
    env: { ...environment, LAMBDA_TASK_ROOT: path.dirname(bundle) },
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (run.status !== 0) throw new Error(`loading ${bundle} failed: ${run.stderr.slice(-2000)}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as { wallMs: number; cpuMs: number };
}

function eventFor(name: GatewayFunctionName, apiKey: string, policy: object) {
  const request = requests[name]!;
  const method = request.method ?? 'GET';
  const route = gatewayRoutes.find(
    (candidate) => candidate.path === request.route && candidate.method === method,
  );
  if (!route) throw new Error(`no route ${method} ${request.route}`);
  const url = new URL(`http://127.0.0.1${request.path}`);
  const routeParts = route.path.split('/');
  const parameters = Object.fromEntries(
    url.pathname
      .split('/')
      .map((part, index) => [routeParts[index] ?? '', part] as const)
      .filter(([template]) => template.startsWith('{'))
      .map(([template, part]) => [template.slice(1, -1), decodeURIComponent(part)]),
  );
  const incoming: IncomingRequest = {
    method,
    url,
    headers: {
      'content-type': 'application/json',
      'user-agent': 'lienthong-bench',
      'x-api-key': apiKey,
      'x-officer-id': 'CB-0042',
      'x-purpose': '1.001234.000.00.00.H12',
    },
    body: Buffer.from(request.body === undefined ? '' : JSON.stringify(request.body)),
    sourceIp: '127.0.0.1',
  };
  if (name === 'authorizer') return authorizerEvent(incoming, route, parameters, 'cold-start');
  return proxyEvent(incoming, route, parameters, 'cold-start', {
    clientId: 'bench-cold-start',
    keyId: 'bench-cold-start-key',
    unitCode: 'BENCH',
    policy: JSON.stringify(policy),
  });
}
