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
 * `BENCH_INVOCATIONS` (default 1000) sets the invocations after the first.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build, type BuildOptions } from 'esbuild';
import { esmRequireBanner } from '../infra/constructs/gateway-function.js';
import { gatewayFunctions, gatewayRoutes, type GatewayFunctionName } from '../infra/routes.js';
import { authorizerEvent, proxyEvent, type IncomingRequest } from '../local/gateway/api-gateway-event.js';
import { defaultBusinessClients } from '../local/registries/business/server.js';
import { defaultLandCredentials } from '../local/registries/land/server.js';
import { defaultPopulationCredentials } from '../local/registries/population/server.js';
import { registerTestClient } from '../test/support/local-stack.js';
import { ms, printTable, writeResults } from './support/results.js';
import { startBenchStack } from './support/stack-process.js';

const invocations = Number(process.env['BENCH_INVOCATIONS'] ?? 1000);
const workDirectory = path.resolve('.local/bench/cold-start');
const node = path.resolve('node_modules/.bin/node');

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
      'first invocation ms',
      'load + first ms',
      'warm mean ms',
      'peak RSS MiB',
      'statuses',
    ],
  ];
  const results: Record<string, unknown>[] = [];
  for (const name of Object.keys(gatewayFunctions) as GatewayFunctionName[]) {
    if (!requests[name]) {
      rows.push([name, '-', '-', '-', '-', '-', '-', 'not measured: no API Gateway request for it here']);
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
      [path.resolve('bench/cold-start/harness.mjs'), bundle, eventFile, String(invocations), resultFile],
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
      firstInvocationMs: number;
      firstStatus: number;
      meanWarmInvocationMs: number;
      statuses: Record<string, number>;
      peakRssMiB: number;
    };
    const bundleKiB = statSync(bundle).size / 1024;
    results.push({ function: name, bundleKiB, ...result });
    rows.push([
      name,
      Math.round(bundleKiB),
      ms(result.loadMs),
      ms(result.firstInvocationMs),
      ms(result.loadMs + result.firstInvocationMs),
      ms(result.meanWarmInvocationMs),
      Math.round(result.peakRssMiB),
      `first ${result.firstStatus}; ${Object.entries(result.statuses)
        .map(([status, n]) => `${n}×${status}`)
        .join(' ')}`,
    ]);
    console.error(`  ${name}: done`);
  }
  printTable(
    `Cold start per function (production bundle, fresh Node ${process.version} process, then ${invocations} invocations; targets: load + first ≤ 250 ms, peak RSS ≤ 256 MB)`,
    rows,
  );

  const breakdownBundle = path.join(workDirectory, 'breakdown', 'index.mjs');
  await build({
    ...productionSettings,
    entryPoints: [path.resolve('bench/cold-start/breakdown-entry.ts')],
    outfile: breakdownBundle,
  });
  const breakdownFile = path.join(workDirectory, 'breakdown', 'result.json');
  const breakdownRun = spawnSync(node, [breakdownBundle, process.cwd(), breakdownFile], {
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: 60_000,
  });
  if (breakdownRun.status !== 0)
    throw new Error(`breakdown failed: ${String(breakdownRun.stderr).slice(-2000)}`);
  const breakdown = JSON.parse(readFileSync(breakdownFile, 'utf8')) as Record<string, number>;
  printTable('Parts of a cold start, each timed alone in a fresh process (same bundling)', [
    ['step', 'ms'],
    ...Object.entries(breakdown).map(([step, value]) => [step, ms(value)]),
  ]);
  writeResults('cold-start', { invocations, functions: results, breakdown });
} finally {
  await stack.stop();
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
