import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { CreateTableCommand, DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { DynamoDbAccessLedger, sequenceKey } from '../../../adapters/dynamodb/dynamodb-access-ledger.js';
import { DynamoDbLedgerReader } from '../../../adapters/dynamodb/dynamodb-ledger-reader.js';
import { verifyLedgerRange } from '../../../core/access-ledger/verify-ledger.js';
import type { AccessRecord } from '../../../core/ports/access-ledger.js';
import { localStack, stackDocuments, type StackAddresses } from '../../support/local-stack.js';

/**
 * The ledger against DynamoDB Local: written through the real adapter into a table of this test's own
 * (so tampering never touches the stack's ledger), then tampered with the way an operator with table
 * access could, and verified.
 */
let stack: StackAddresses;
let documents: DynamoDBDocumentClient;
let dynamoDb: DynamoDBClient;
let tableName: string;
let tableCount = 0;

beforeAll(() => {
  stack = localStack();
  documents = stackDocuments(stack);
  dynamoDb = new DynamoDBClient({
    region: 'ap-southeast-1',
    endpoint: stack.dynamoDbEndpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
});

beforeEach(async () => {
  tableName = `ledger-test-${process.pid}-${++tableCount}`;
  await dynamoDb.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
    }),
  );
});

afterEach(async () => {
  await dynamoDb.send(new DeleteTableCommand({ TableName: tableName }));
});

function access(index: number, subjectKeys: readonly string[] = [`subject-${index}`]): AccessRecord {
  return {
    requestId: `request-${index}`,
    recordedAt: new Date().toISOString(),
    clientId: 'sandbox',
    keyId: 'sandbox-key-1',
    officerId: 'CB-0042',
    purpose: `1.00000${index}.000.00.00.H12`,
    operation: 'population:verify',
    subjectKeys,
    outcome: 'allowed',
    fieldsDisclosed: [],
  };
}

/** Records `count` accesses through one adapter (one chain); returns the chain id and the time range. */
async function writeChain(count: number) {
  const from = new Date(Date.now() - 1000).toISOString();
  const ledger = new DynamoDbAccessLedger(documents, { tableName, retentionDays: 1 });
  for (let index = 1; index <= count; index += 1) await ledger.record(access(index));
  const to = new Date(Date.now() + 1000).toISOString();
  const reader = new DynamoDbLedgerReader(documents, tableName);
  const [witness] = await reader.witnessesBetween({ from, to });
  return { chainId: witness?.chainId as string, range: { from, to } };
}

function entryKey(chainId: string, sequence: number) {
  return { pk: `CHAIN#${chainId}`, sk: sequenceKey(sequence) };
}

async function findings(range: { from: string; to: string }) {
  const verification = await verifyLedgerRange(new DynamoDbLedgerReader(documents, tableName), range);
  return verification.findings.map(({ kind, sequence }) => ({ kind, sequence }));
}

describe('the DynamoDB access ledger', () => {
  it('writes each entry with a witness carrying its hash and an index item per subject', async () => {
    const { chainId } = await writeChain(1);
    const entry = (await documents.send(new GetCommand({ TableName: tableName, Key: entryKey(chainId, 1) })))
      .Item;
    const witnesses = await documents.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :day',
        ExpressionAttributeValues: { ':day': `DAY#${String(entry?.['recordedAt']).slice(0, 10)}` },
      }),
    );
    const subjectItems = await documents.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :subject',
        ExpressionAttributeValues: { ':subject': 'SUBJECT#subject-1' },
      }),
    );
    expect(witnesses.Items).toEqual([
      expect.objectContaining({ chainId, sequence: 1, entryHash: entry?.['entryHash'] }),
    ]);
    expect(subjectItems.Items).toEqual([
      expect.objectContaining({
        requestId: 'request-1',
        purpose: '1.000001.000.00.00.H12',
        outcome: 'allowed',
      }),
    ]);
  });

  it('verifies an untouched ledger as intact', async () => {
    const { range } = await writeChain(4);
    const verification = await verifyLedgerRange(new DynamoDbLedgerReader(documents, tableName), range);
    expect(verification).toMatchObject({ chains: 1, entries: 4, witnesses: 4, findings: [] });
  });

  it('detects a deleted entry, even the last of its chain', async () => {
    const { chainId, range } = await writeChain(4);
    await documents.send(new DeleteCommand({ TableName: tableName, Key: entryKey(chainId, 4) }));
    expect(await findings(range)).toEqual([{ kind: 'deleted-entry', sequence: 4 }]);
  });

  it('detects a deleted entry in the middle of its chain', async () => {
    const { chainId, range } = await writeChain(4);
    await documents.send(new DeleteCommand({ TableName: tableName, Key: entryKey(chainId, 2) }));
    expect(await findings(range)).toEqual([{ kind: 'deleted-entry', sequence: 2 }]);
  });

  it('detects an edited purpose', async () => {
    const { chainId, range } = await writeChain(3);
    await documents.send(
      new UpdateCommand({
        TableName: tableName,
        Key: entryKey(chainId, 2),
        UpdateExpression: 'SET purpose = :purpose',
        ExpressionAttributeValues: { ':purpose': '9.999999.000.00.00.H12' },
      }),
    );
    expect(await findings(range)).toEqual([{ kind: 'changed', sequence: 2 }]);
  });

  it('detects two entries swapped', async () => {
    const { chainId, range } = await writeChain(4);
    const get = async (sequence: number) =>
      (await documents.send(new GetCommand({ TableName: tableName, Key: entryKey(chainId, sequence) })))
        .Item as Record<string, unknown>;
    const [second, third] = [await get(2), await get(3)];
    await documents.send(new PutCommand({ TableName: tableName, Item: { ...third, sk: second['sk'] } }));
    await documents.send(new PutCommand({ TableName: tableName, Item: { ...second, sk: third['sk'] } }));
    expect(await findings(range)).toEqual([
      { kind: 'reordered', sequence: 2 },
      { kind: 'reordered', sequence: 3 },
      { kind: 'reordered', sequence: 4 },
    ]);
  });

  it('detects an entry whose witness was deleted', async () => {
    const { chainId, range } = await writeChain(2);
    const entry = (await documents.send(new GetCommand({ TableName: tableName, Key: entryKey(chainId, 2) })))
      .Item as Record<string, unknown>;
    const recordedAt = String(entry['recordedAt']);
    await documents.send(
      new DeleteCommand({
        TableName: tableName,
        Key: { pk: `DAY#${recordedAt.slice(0, 10)}`, sk: `${recordedAt}#${chainId}#${sequenceKey(2)}` },
      }),
    );
    expect(await findings(range)).toEqual([{ kind: 'missing-witness', sequence: 2 }]);
  });

  it('lists a subject’s accesses oldest first, a page at a time', async () => {
    const ledger = new DynamoDbAccessLedger(documents, { tableName, retentionDays: 1 });
    for (let index = 1; index <= 3; index += 1) await ledger.record(access(index, ['citizen']));
    const reader = new DynamoDbLedgerReader(documents, tableName);
    const first = await reader.accessesOf('citizen', { limit: 2 });
    const second = await reader.accessesOf('citizen', { limit: 2, cursor: first.nextCursor as string });
    expect(first.accesses.map((item) => item.requestId)).toEqual(['request-1', 'request-2']);
    expect(second.accesses.map((item) => item.requestId)).toEqual(['request-3']);
    expect(second.nextCursor).toBeUndefined();
  });

  it('npm run ledger:verify exits 0 on an intact range and 1 once an entry is deleted', async () => {
    const { chainId, range } = await writeChain(2);
    const cli = () => runVerifyCli(['--from', range.from, '--to', range.to]);
    const intact = await cli();
    await documents.send(new DeleteCommand({ TableName: tableName, Key: entryKey(chainId, 2) }));
    const tampered = await cli();
    expect(intact.code).toBe(0);
    expect(tampered.code).toBe(1);
    expect(tampered.stdout).toContain(`deleted-entry    chain ${chainId} #2`);
  }, 30_000);
});

async function runVerifyCli(args: readonly string[]): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await promisify(execFile)(
      path.resolve('node_modules/.bin/tsx'),
      ['scripts/verify-ledger.ts', ...args, '--endpoint', stack.dynamoDbEndpoint, '--table', tableName],
      { env: { ...process.env, AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local' } },
    );
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '' };
  }
}
