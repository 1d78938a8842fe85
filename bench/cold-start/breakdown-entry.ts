/**
 * Bundled like a function, run in a fresh process: how long the pieces of a cold start take, one
 * after the other — loading zod and building the API's schemas, loading Powertools (with the X-Ray
 * SDK the tracer brings), loading the AWS SDK's DynamoDB client (external, as on Lambda) and making
 * the first DynamoDB call (client, credentials, endpoint, connection), loading node-soap, and parsing
 * each shipped WSDL into a client (what `SoapPopulationRegistry.create` and the land adapter do once
 * per container). Dynamic imports in one esbuild bundle are evaluated lazily, so each import is timed
 * by itself; what two steps share is counted in the first.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';

const timings: Record<string, number> = {};
async function timed<T>(label: string, step: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await step();
  timings[label] = performance.now() - started;
  return result;
}

const root = process.argv[2] ?? process.cwd();
await timed('load zod', () => import('zod'));
await timed('build the API schemas (schemas/*.ts)', () =>
  Promise.all([
    import('../../schemas/citizen-verification.js'),
    import('../../schemas/citizen-lookup.js'),
    import('../../schemas/land.js'),
    import('../../schemas/business-records.js'),
    import('../../schemas/audit.js'),
    import('../../schemas/clients.js'),
    import('../../schemas/problem.js'),
    import('../../schemas/purpose-envelope.js'),
  ]),
);
await timed('load Powertools (logger, metrics, tracer with the X-Ray SDK)', () =>
  Promise.all([
    import('@aws-lambda-powertools/logger'),
    import('@aws-lambda-powertools/metrics'),
    import('@aws-lambda-powertools/tracer'),
  ]),
);
const [{ DynamoDBClient }, { DynamoDBDocumentClient, GetCommand }] = await timed(
  'load the AWS SDK (client-dynamodb, lib-dynamodb)',
  () => Promise.all([import('@aws-sdk/client-dynamodb'), import('@aws-sdk/lib-dynamodb')]),
);
const countersTable = process.env['COUNTERS_TABLE_NAME'];
if (countersTable) {
  await timed('first DynamoDB call (client, credentials, endpoint, connection)', async () => {
    const documents = DynamoDBDocumentClient.from(new DynamoDBClient({}));
    await documents.send(new GetCommand({ TableName: countersTable, Key: { pk: 'cold-start-probe' } }));
  });
}
const soap = await timed('load node-soap', () => import('soap'));
await timed('parse population.wsdl into a client', () =>
  soap.createClientAsync(path.join(root, 'adapters/population/population.wsdl'), {
    endpoint: 'http://127.0.0.1:9/',
  }),
);
await timed('parse land.wsdl into a client', () =>
  soap.createClientAsync(path.join(root, 'adapters/land/land.wsdl'), { endpoint: 'http://127.0.0.1:9/' }),
);
writeFileSync(process.argv[3] ?? '/dev/stdout', JSON.stringify(timings));
process.exit(0);
