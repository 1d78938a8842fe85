/**
 * `npm run clients -- <command>`: manage clients and API keys in the clients table, locally or on AWS
 * (the same use cases as the admin API, straight against the table). `helpText` is the manual.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoDbClientRegistry } from '../adapters/dynamodb/dynamodb-client-registry.js';
import { ApiKeyHasher } from '../adapters/keys/api-key-hasher.js';
import { RandomApiKeyMinter } from '../adapters/keys/api-key-minter.js';
import {
  createClient,
  issueApiKey,
  listClients,
  revokeApiKey,
  setClientStatus,
  showClient,
  updateClientPolicy,
  type ClientManagementDependencies,
} from '../core/clients/manage-clients.js';
import type { ApiKeyMinter } from '../core/ports/api-key-minter.js';
import { systemClock } from '../core/ports/clock.js';
import { clientKeyPathSchema, clientPathSchema, createClientRequestSchema } from '../schemas/admin.js';
import { clientPolicySchema, type ClientPolicy } from '../schemas/clients.js';
import { localStackFile, type LocalStackFile } from '../local/stack-file.js';

class UsageError extends Error {}

const options = {
  id: { type: 'string' },
  name: { type: 'string' },
  unit: { type: 'string' },
  scopes: { type: 'string' },
  purposes: { type: 'string' },
  'any-purpose': { type: 'boolean' },
  rate: { type: 'string' },
  daily: { type: 'string' },
  'citizen-fields': { type: 'string' },
  'default-citizen-fields': { type: 'boolean' },
  disabled: { type: 'boolean' },
  label: { type: 'string' },
  table: { type: 'string' },
  endpoint: { type: 'string' },
  region: { type: 'string' },
  'pepper-secret-id': { type: 'string' },
  'stack-file': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>['values'];

const helpText = `npm run clients -- <command> [options]

Commands:
  create --id <id> --name <name> --unit <code> --scopes a,b [--purposes x,y] [--rate 20]
         [--daily 50000] [--citizen-fields name,dateOfBirth] [--disabled]
  list [--json]
  show <clientId>
  set-policy <clientId> [--scopes a,b] [--purposes x,y | --any-purpose] [--rate n] [--daily n]
         [--citizen-fields a,b | --default-citizen-fields]      (options not given keep their value)
  add-key <clientId> [--label <text>]    prints the new key once; only its keyed hash is stored
  revoke-key <clientId> <keyId>
  disable <clientId>
  enable <clientId>

Scopes: population:verify, population:lookup, land:read, business:read, batch:submit,
        audit:subject-report, admin

Where:
  --table <name>       the clients table (or CLIENTS_TABLE_NAME)
  --endpoint <url>     DynamoDB endpoint (or AWS_ENDPOINT_URL_DYNAMODB); none for AWS, which uses
                       the usual AWS credentials and AWS_REGION (or --region)
  KEY_PEPPER, or --pepper-secret-id <arn> (or KEY_PEPPER_SECRET_ID): the key pepper, for add-key
  With none of these, the stack \`npm start\` runs is used, from .local/stack.json (or --stack-file).

Revoked keys answer 401, disabled clients 403, within the authorizer's cache time: at most 60 s on
AWS, at once locally.`;

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  const [command, ...args] = positionals;
  if (values.help || command === undefined) {
    console.log(helpText);
    return;
  }
  const deps = await dependencies(values, command === 'add-key');
  const print = (value: unknown) => console.log(JSON.stringify(value, null, 2));

  switch (command) {
    case 'create': {
      const input = createClientRequestSchema.safeParse({
        clientId: values.id,
        name: values.name,
        unitCode: values.unit,
        ...(values.disabled ? { status: 'disabled' } : {}),
        policy: policyFromOptions(values, { scopes: [] }),
      });
      if (!input.success) throw new UsageError(describeIssues(input.error.issues));
      print(await createClient(deps, input.data));
      return;
    }
    case 'list': {
      const clients = await listClients(deps);
      if (values.json) return print(clients);
      if (clients.length === 0) return console.log('No clients.');
      for (const client of clients) {
        console.log(
          `${client.clientId.padEnd(24)} ${client.status.padEnd(9)} ${client.unitCode.padEnd(12)} ${client.policy.scopes.join(',')}`,
        );
      }
      return;
    }
    case 'show':
      print(await showClient(deps, clientIdArg(args)));
      return;
    case 'set-policy': {
      const clientId = clientIdArg(args, 1);
      const current = await showClient(deps, clientId);
      const policy = clientPolicySchema.safeParse(policyFromOptions(values, current.policy));
      if (!policy.success) throw new UsageError(describeIssues(policy.error.issues));
      print(await updateClientPolicy(deps, clientId, policy.data));
      return;
    }
    case 'disable':
    case 'enable':
      print(await setClientStatus(deps, clientIdArg(args), command === 'disable' ? 'disabled' : 'active'));
      return;
    case 'add-key': {
      const { key, apiKey } = await issueApiKey(deps, clientIdArg(args), values.label);
      if (values.json) return print({ ...key, apiKey });
      console.log(
        [
          `New API key for ${key.clientId} (key id ${key.keyId}${key.label ? `, "${key.label}"` : ''}):`,
          '',
          `  ${apiKey}`,
          '',
          'Store it now: only its keyed hash is kept, it cannot be shown again.',
        ].join('\n'),
      );
      return;
    }
    case 'revoke-key': {
      const path = clientKeyPathSchema.safeParse({ clientId: args[0], keyId: args[1] });
      if (!path.success || args.length !== 2) throw new UsageError('usage: revoke-key <clientId> <keyId>');
      print(await revokeApiKey(deps, path.data.clientId, path.data.keyId));
      return;
    }
    default:
      throw new UsageError(`unknown command ${command}; see npm run clients -- --help`);
  }
}

function clientIdArg(args: string[], count = 1): string {
  const parsed = clientPathSchema.safeParse({ clientId: args[0] });
  if (!parsed.success || args.length !== count)
    throw new UsageError('give one client id (e.g. show tay-ninh-hcc)');
  return parsed.data.clientId;
}

const list = (text: string | undefined) =>
  text === undefined
    ? undefined
    : text
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean);

/** A policy from the options, each missing option keeping `base`'s value. */
function policyFromOptions(values: Values, base: Partial<ClientPolicy>): unknown {
  const number = (text: string | undefined, name: string) => {
    if (text === undefined) return undefined;
    if (!/^\d+$/.test(text)) throw new UsageError(`--${name} must be a whole number`);
    return Number(text);
  };
  const citizenFields = values['default-citizen-fields']
    ? undefined
    : (list(values['citizen-fields']) ?? base.fields?.citizen);
  const purposes = values['any-purpose'] ? undefined : (list(values.purposes) ?? base.allowedPurposes);
  const rate = number(values.rate, 'rate') ?? base.rateLimit?.perSecond;
  const daily = number(values.daily, 'daily') ?? base.dailyQuota;
  return {
    scopes: list(values.scopes) ?? base.scopes,
    fields: citizenFields === undefined ? {} : { citizen: citizenFields },
    ...(purposes === undefined ? {} : { allowedPurposes: purposes }),
    ...(rate === undefined ? {} : { rateLimit: { perSecond: rate } }),
    ...(daily === undefined ? {} : { dailyQuota: daily }),
  };
}

const optionOf: Record<string, string> = {
  clientId: '--id',
  name: '--name',
  unitCode: '--unit',
  'policy.scopes': '--scopes',
  scopes: '--scopes',
  'policy.allowedPurposes': '--purposes',
  allowedPurposes: '--purposes',
  'policy.fields.citizen': '--citizen-fields',
  'fields.citizen': '--citizen-fields',
  'policy.rateLimit.perSecond': '--rate',
  'rateLimit.perSecond': '--rate',
  'policy.dailyQuota': '--daily',
  dailyQuota: '--daily',
};

function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues
    .map((issue) => {
      const path = issue.path.filter((part) => typeof part === 'string').join('.');
      return `${optionOf[path] ?? (path || 'input')}: ${issue.message}`;
    })
    .join('\n');
}

/** The clients table (local or AWS) and, for add-key, the pepper. */
async function dependencies(values: Values, needsPepper: boolean): Promise<ClientManagementDependencies> {
  const table = values.table ?? process.env['CLIENTS_TABLE_NAME'];
  const stack = table === undefined ? readStackFile(values['stack-file'] ?? localStackFile) : undefined;
  const tableName = table ?? stack?.tableNames['CLIENTS_TABLE_NAME'];
  if (tableName === undefined) throw new UsageError('no clients table: give --table or CLIENTS_TABLE_NAME');
  const endpoint = values.endpoint ?? process.env['AWS_ENDPOINT_URL_DYNAMODB'] ?? stack?.dynamoDbEndpoint;
  const local = endpoint !== undefined && /^https?:\/\/(127\.0\.0\.1|localhost)\b/.test(endpoint);
  const region = values.region ?? process.env['AWS_REGION'] ?? (local ? 'ap-southeast-1' : undefined);
  const credentials = local ? { accessKeyId: 'local', secretAccessKey: 'local' } : undefined;
  const dynamoDb = new DynamoDBClient({
    ...(region === undefined ? {} : { region }),
    ...(endpoint === undefined ? {} : { endpoint }),
    ...(credentials === undefined ? {} : { credentials }),
  });
  const documents = DynamoDBDocumentClient.from(dynamoDb, {
    marshallOptions: { removeUndefinedValues: true },
  });

  let minter: ApiKeyMinter | undefined;
  if (needsPepper) {
    const pepper = await resolvePepper(values, stack, region);
    minter = new RandomApiKeyMinter(new ApiKeyHasher(pepper));
  }
  return {
    clientRegistry: new DynamoDbClientRegistry(documents, tableName),
    keyMinter: minter ?? {
      mint: () => {
        throw new Error('no pepper');
      },
    },
    clock: systemClock,
  };
}

async function resolvePepper(
  values: Values,
  stack: LocalStackFile | undefined,
  region: string | undefined,
): Promise<string> {
  const direct = process.env['KEY_PEPPER'];
  if (direct) return direct;
  const secretId = values['pepper-secret-id'] ?? process.env['KEY_PEPPER_SECRET_ID'];
  if (secretId) {
    const secrets = new SecretsManagerClient(region === undefined ? {} : { region });
    const { SecretString } = await secrets.send(new GetSecretValueCommand({ SecretId: secretId }));
    if (!SecretString) throw new UsageError(`secret ${secretId} holds no string`);
    return SecretString;
  }
  if (stack?.keyPepper) return stack.keyPepper;
  throw new UsageError('no key pepper: set KEY_PEPPER, or --pepper-secret-id / KEY_PEPPER_SECRET_ID');
}

function readStackFile(file: string): LocalStackFile {
  if (!existsSync(file)) {
    throw new UsageError(
      `no clients table given and no local stack at ${file}: start one with npm start, or give --table (and --endpoint)`,
    );
  }
  return JSON.parse(readFileSync(file, 'utf8')) as LocalStackFile;
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const usageError =
    error instanceof UsageError ||
    (error instanceof TypeError && String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS'));
  // Gateway errors (unknown client, taken id) and usage errors carry safe messages; so do SDK errors.
  console.error(`error: ${(error as Error).message}`);
  process.exitCode = usageError ? 2 : 1;
});
