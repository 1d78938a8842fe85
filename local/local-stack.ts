import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gatewayFunctions, gatewayRoutes, type GatewayFunctionName } from '../infra/routes.js';
import { queues, tables } from '../infra/resources.js';
import { createQueues, createTables } from './bootstrap.js';
import { startDynamoDbLocal } from './emulators/dynamodb-local.js';
import { startSqsLocal } from './emulators/sqs-local.js';
import { startLocalGateway } from './gateway/local-gateway.js';
import { startSqsPoller, type SqsHandler } from './sqs-poller.js';
import { defaultBusinessClients } from './registries/business/server.js';
import { defaultLandCredentials } from './registries/land/server.js';
import { defaultPopulationCredentials } from './registries/population/server.js';
import { startRegistries } from './registries/registries.js';
import { generateApiKey, registerSandboxClient } from './sandbox-client.js';

export interface LocalStackOptions {
  /** Gateway port; 0 picks a free one. */
  readonly gatewayPort: number;
  /** Registry ports; 0 picks free ones, undefined the fixed defaults (8101–8103). */
  readonly registryPorts?: {
    readonly population?: number;
    readonly land?: number;
    readonly business?: number;
  };
  readonly sandboxApiKey?: string;
  /** Overrides of the functions' environment (e.g. a shorter registry deadline in tests). */
  readonly functionEnvironment?: Record<string, string>;
  /**
   * The SQS poller that plays the batch worker's event source mapping (on by default); `false` leaves
   * the queue to workers started elsewhere (the benchmark runs them in their own processes).
   */
  readonly batchWorker?:
    false | { readonly concurrency?: number; readonly visibilityTimeoutSeconds?: number };
}

export interface LocalStack {
  readonly gatewayUrl: string;
  readonly sandboxApiKey: string;
  readonly dynamoDbEndpoint: string;
  readonly sqsEndpoint: string;
  /** Each simulated registry's endpoint and control URL, by name (`population`, ...). */
  readonly registries: Record<string, { readonly url: string; readonly controlUrl: string }>;
  /** The environment the functions run with (table names, endpoints; no secrets). */
  readonly tableNames: Record<string, string>;
  /**
   * `PUT` `{"running": false}` here pauses the stack's own batch worker (the SQS poller), `true` resumes
   * it: the chaos suite pauses it while workers in processes of their own, which it can kill, take over.
   */
  readonly batchWorkerControlUrl?: string;
  stop(): Promise<void>;
}

const localRegion = 'ap-southeast-1';

/**
 * The whole gateway on one machine, all on 127.0.0.1: DynamoDB Local and fauxqs with the tables and
 * queues of `infra/resources.ts`, the simulated registries, and the local gateway running the real
 * Lambda handlers. Everything started is stopped by `stop()`, also when start-up fails half-way.
 */
export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const stoppers: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const stopOne of stoppers.reverse()) await stopOne().catch(() => undefined);
  };
  try {
    const [dynamo, sqs, registries] = await Promise.all([
      startDynamoDbLocal(),
      startSqsLocal(),
      startRegistries({ ...(options.registryPorts ? { ports: options.registryPorts } : {}) }),
    ]);
    stoppers.push(dynamo.stop, sqs.stop, registries.stop);

    // A fixed pepper may be given (tests use one to register clients); otherwise a fresh one per start.
    const pepper = process.env['KEY_PEPPER'] || randomBytes(32).toString('hex');
    Object.assign(process.env, {
      AWS_REGION: localRegion,
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
      AWS_ENDPOINT_URL_SQS: sqs.endpoint,
      KEY_PEPPER: pepper,
      POPULATION_ENDPOINT: registries.population.url,
      POPULATION_CREDENTIALS: JSON.stringify(defaultPopulationCredentials),
      LAND_ENDPOINT: registries.land.url,
      LAND_CREDENTIALS: JSON.stringify(defaultLandCredentials),
      BUSINESS_ENDPOINT: registries.business.url,
      BUSINESS_CREDENTIALS: JSON.stringify(defaultBusinessClients[0]),
      POWERTOOLS_SERVICE_NAME: 'lienthong-local',
      POWERTOOLS_TRACE_ENABLED: 'false',
      POWERTOOLS_METRICS_DISABLED: 'true',
      POWERTOOLS_DEV: 'false',
      // Batch worker pacing (the simulators' quotas are off unless set through their control endpoint).
      REGISTRY_QUOTAS: JSON.stringify({ population: 200, land: 100, business: 100 }),
      BATCH_CALLBACK_ALLOW_HTTP: 'true',
      ...options.functionEnvironment,
    });

    const dynamoDb = new DynamoDBClient({ region: localRegion, endpoint: dynamo.endpoint });
    const sqsClient = new SQSClient({ region: localRegion, endpoint: sqs.endpoint });
    const tableNames = await createTables(dynamoDb);
    const queueUrls = await createQueues(sqsClient);
    Object.assign(process.env, tableNames, queueUrls);

    const sandboxApiKey = options.sandboxApiKey || generateApiKey();
    await registerSandboxClient(
      DynamoDBDocumentClient.from(dynamoDb),
      tableNames[tables.clients.envVar] as string,
      pepper,
      sandboxApiKey,
    );

    // Handlers read their configuration when first loaded, so they are imported only now.
    const handlers = Object.fromEntries(
      await Promise.all(
        Object.entries(gatewayFunctions).map(async ([name, { entry }]) => {
          const module = (await import(pathToFileURL(path.resolve(entry)).href)) as { handler: unknown };
          return [name, module.handler] as const;
        }),
      ),
    ) as Record<GatewayFunctionName, never>;
    const gateway = await startLocalGateway({
      port: options.gatewayPort,
      routes: gatewayRoutes,
      authorizer: handlers.authorizer,
      handlers,
      // As the CDK stages configure API Gateway (60 s); the test suites ask for 0 to see revocations at once.
      authorizerCacheTtlSeconds: Number(process.env['AUTHORIZER_CACHE_TTL_SECONDS'] ?? 60),
    });
    stoppers.push(gateway.stop);

    let batchWorkerControlUrl: string | undefined;
    if (options.batchWorker !== false) {
      const poller = await startSqsPoller({
        sqs: sqsClient,
        queueUrl: queueUrls[queues.lookup.envVar] as string,
        handler: handlers.batchWorker as unknown as SqsHandler,
        batchSize: 10,
        concurrency: options.batchWorker?.concurrency ?? 4,
        ...(options.batchWorker?.visibilityTimeoutSeconds === undefined
          ? {}
          : { visibilityTimeoutSeconds: options.batchWorker.visibilityTimeoutSeconds }),
        functionTimeoutMs: 60_000,
        maxBatchingWindowMs: 1_000,
        onError: (error) =>
          console.error('batch worker poller:', (error as Error).name, (error as Error).message),
      });
      stoppers.push(poller.stop);
      const control = createServer((request, response) => {
        let body = '';
        request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
        request.on('end', () => {
          const running = (() => {
            try {
              return (JSON.parse(body) as { running?: unknown }).running;
            } catch {
              return undefined;
            }
          })();
          if (request.method !== 'PUT' || typeof running !== 'boolean') {
            response.writeHead(400, { 'content-type': 'text/plain' }).end('PUT {"running": true|false}');
            return;
          }
          if (running) {
            poller.resume();
            response.writeHead(204).end();
          } else {
            // Answers once the worker is idle (a long poll under way may take up to its wait).
            void poller.pause().then(() => response.writeHead(204).end());
          }
        });
      });
      await new Promise<void>((resolve) => control.listen(0, '127.0.0.1', resolve));
      stoppers.push(() => new Promise<void>((resolve) => control.close(() => resolve())));
      batchWorkerControlUrl = `http://127.0.0.1:${(control.address() as AddressInfo).port}/__control/batch-worker`;
    }

    return {
      gatewayUrl: gateway.url,
      sandboxApiKey,
      dynamoDbEndpoint: dynamo.endpoint,
      sqsEndpoint: sqs.endpoint,
      registries: registries.endpoints,
      tableNames: { ...tableNames, ...queueUrls },
      ...(batchWorkerControlUrl === undefined ? {} : { batchWorkerControlUrl }),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
