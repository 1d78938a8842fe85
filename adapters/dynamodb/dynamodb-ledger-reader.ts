import { QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { InvalidRequestError } from '../../core/errors/invalid-request-error.js';
import type { AccessOutcome, AccessRecord } from '../../core/ports/access-ledger.js';
import type { ChainedEntry, EntryWitness, LedgerReader, TimeRange } from '../../core/ports/ledger-reader.js';
import type {
  SubjectAccess,
  SubjectAccessIndex,
  SubjectAccessPage,
  SubjectAccessQuery,
} from '../../core/ports/subject-access-index.js';
import { witnessPartition } from './dynamodb-access-ledger.js';

/** Attributes of a chain item that are the ledger's bookkeeping; every other attribute is the access. */
const bookkeeping = new Set(['pk', 'sk', 'chainId', 'sequence', 'previousHash', 'entryHash', 'expiresAt']);

/** Sorts after every character a sort key holds, so `<instant>\uffff` bounds every key of that instant. */
const highest = '\uffff';

/**
 * Reads the access ledger (written by `DynamoDbAccessLedger`) back with queries only: witnesses by
 * day, entries by chain, accesses by subject. Never a scan, never a write.
 */
export class DynamoDbLedgerReader implements LedgerReader, SubjectAccessIndex {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async witnessesBetween(range: TimeRange): Promise<EntryWitness[]> {
    const witnesses: EntryWitness[] = [];
    for (const day of daysOf(range)) {
      const items = await this.queryAll({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :day AND sk BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':day': day, ':from': range.from, ':to': range.to + highest },
      });
      witnesses.push(
        ...items.map((item) => ({
          chainId: String(item['chainId']),
          sequence: Number(item['sequence']),
          recordedAt: String(item['recordedAt']),
          entryHash: String(item['entryHash']),
        })),
      );
    }
    return witnesses;
  }

  async chainEntries(chainId: string): Promise<ChainedEntry[]> {
    const items = await this.queryAll({
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :chain',
      ExpressionAttributeValues: { ':chain': `CHAIN#${chainId}` },
    });
    return items.map((item) => ({
      chainId,
      position: Number(item['sk']),
      sequence: Number(item['sequence']),
      previousHash: String(item['previousHash']),
      entryHash: String(item['entryHash']),
      access: Object.fromEntries(
        Object.entries(item).filter(([name]) => !bookkeeping.has(name)),
      ) as unknown as AccessRecord,
    }));
  }

  async accessesOf(subjectKey: string, query: SubjectAccessQuery): Promise<SubjectAccessPage> {
    const lower = query.from;
    const upper = query.to === undefined ? undefined : query.to + highest;
    const condition =
      lower !== undefined && upper !== undefined
        ? ' AND sk BETWEEN :from AND :to'
        : lower !== undefined
          ? ' AND sk >= :from'
          : upper !== undefined
            ? ' AND sk <= :to'
            : '';
    const startKey = query.cursor === undefined ? undefined : cursorKey(query.cursor);
    const pk = `SUBJECT#${subjectKey}`;
    // One more than a page: whether it comes back says whether a next page exists.
    const page = await this.documents.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: `pk = :pk${condition}`,
        ExpressionAttributeValues: {
          ':pk': pk,
          ...(lower === undefined ? {} : { ':from': lower }),
          ...(upper === undefined ? {} : { ':to': upper }),
        },
        ...(startKey === undefined ? {} : { ExclusiveStartKey: { pk, sk: startKey } }),
        Limit: query.limit + 1,
      }),
    );
    const items = page.Items ?? [];
    const accesses = items.slice(0, query.limit).map(subjectAccessOf);
    const last = items.length > query.limit ? items[query.limit - 1] : undefined;
    return {
      accesses,
      ...(last === undefined ? {} : { nextCursor: Buffer.from(String(last['sk'])).toString('base64url') }),
    };
  }

  private async queryAll(input: QueryCommandInput): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.documents.send(new QueryCommand({ ...input, ExclusiveStartKey: startKey }));
      items.push(...(page.Items ?? []));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return items;
  }
}

/** The day partitions a range spans (UTC days, as the witnesses are filed). */
export function daysOf(range: TimeRange): string[] {
  const days: string[] = [];
  const last = witnessPartition(range.to);
  for (
    let day = new Date(`${range.from.slice(0, 10)}T00:00:00.000Z`);
    ;
    day.setUTCDate(day.getUTCDate() + 1)
  ) {
    const partition = witnessPartition(day.toISOString());
    if (partition > last) return days;
    days.push(partition);
  }
}

/** A cursor is the sort key of the last access handed out; anything else is refused. */
function cursorKey(cursor: string): string {
  const key = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^\d{4}-\d{2}-\d{2}T[0-9:.]+Z#[\x21-\x7e]{1,200}$/.test(key)) {
    throw new InvalidRequestError([
      { field: 'cursor', rule: 'cursor', message: 'cursor must be the nextCursor of a previous page' },
    ]);
  }
  return key;
}

function subjectAccessOf(item: Record<string, unknown>): SubjectAccess {
  return {
    recordedAt: String(item['recordedAt']),
    requestId: String(item['requestId']),
    clientId: String(item['clientId']),
    officerId: String(item['officerId']),
    purpose: String(item['purpose']),
    ...(typeof item['dossierId'] === 'string' ? { dossierId: item['dossierId'] } : {}),
    operation: String(item['operation']),
    outcome: item['outcome'] as AccessOutcome,
    fieldsDisclosed: Array.isArray(item['fieldsDisclosed']) ? item['fieldsDisclosed'].map(String) : [],
  };
}
