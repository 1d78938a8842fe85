import { randomUUID } from 'node:crypto';
import { TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { chainGenesisHash, entryHash } from '../../core/access-ledger/chain.js';
import type { AccessLedger, AccessRecord } from '../../core/ports/access-ledger.js';
import { timeStage } from '../resilience/upstream-timing.js';

export interface DynamoDbAccessLedgerOptions {
  readonly tableName: string;
  readonly retentionDays: number;
}

/**
 * The access ledger in DynamoDB. Each writer (one per Lambda container) appends to its own hash chain
 * (`pk = CHAIN#<id>`, `sk = <sequence>`), so concurrent containers never contend for a chain head.
 * Beside each entry, in the same transaction: a witness by day (`pk = DAY#<yyyy-mm-dd>`,
 * `sk = <recordedAt>#<chainId>#<sequence>`, carrying the entry's hash), so that deleting an entry —
 * even a chain's last one — is detected, and one index item per data subject.
 * Writes are conditional puts only: the application never updates or deletes an entry.
 */
export class DynamoDbAccessLedger implements AccessLedger {
  private chainId = randomUUID();
  private sequence = 0;
  private previousHash = chainGenesisHash;

  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly options: DynamoDbAccessLedgerOptions,
  ) {}

  async record(access: AccessRecord): Promise<void> {
    // Claim the chain position synchronously, so concurrent requests in one process never share it.
    const chainId = this.chainId;
    const sequence = ++this.sequence;
    const previousHash = this.previousHash;
    const hash = entryHash(previousHash, sequence, access);
    this.previousHash = hash;

    const expiresAt = Math.floor(Date.parse(access.recordedAt) / 1000) + this.options.retentionDays * 86_400;
    const entry = {
      TableName: this.options.tableName,
      Item: {
        pk: `CHAIN#${chainId}`,
        sk: sequenceKey(sequence),
        chainId,
        sequence,
        previousHash,
        entryHash: hash,
        expiresAt,
        ...access,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    };
    const witness = {
      TableName: this.options.tableName,
      Item: {
        pk: witnessPartition(access.recordedAt),
        sk: witnessSortKey(access.recordedAt, chainId, sequence),
        chainId,
        sequence,
        recordedAt: access.recordedAt,
        entryHash: hash,
        expiresAt,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    };
    // One index item per subject, in the same transaction: the entry, its witness and its index appear
    // together or not at all.
    const subjectIndex = access.subjectKeys.map((subjectKey) => ({
      TableName: this.options.tableName,
      Item: {
        pk: `SUBJECT#${subjectKey}`,
        sk: `${access.recordedAt}#${access.requestId}`,
        chainId,
        sequence,
        expiresAt,
        ...subjectReportFields(access),
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    }));
    try {
      await timeStage('ledger', () =>
        this.documents.send(
          new TransactWriteCommand({
            TransactItems: [entry, witness, ...subjectIndex].map((Put) => ({ Put })),
          }),
        ),
      );
    } catch (error) {
      // A failed write leaves a hole in this chain; start a fresh chain so the hole is not mistaken
      // for tampering, and let the caller withhold its answer.
      this.startNewChain();
      throw error;
    }
  }

  private startNewChain(): void {
    this.chainId = randomUUID();
    this.sequence = 0;
    this.previousHash = chainGenesisHash;
  }
}

/** Zero-padded so that string order is sequence order. */
export function sequenceKey(sequence: number): string {
  return String(sequence).padStart(12, '0');
}

/** The day partition of the witnesses (UTC day of the entry's time). */
export function witnessPartition(recordedAt: string): string {
  return `DAY#${recordedAt.slice(0, 10)}`;
}

export function witnessSortKey(recordedAt: string, chainId: string, sequence: number): string {
  return `${recordedAt}#${chainId}#${sequenceKey(sequence)}`;
}

/** What a subject report shows of an access: who, when, why, what, and how it ended. */
function subjectReportFields(access: AccessRecord) {
  return {
    requestId: access.requestId,
    recordedAt: access.recordedAt,
    clientId: access.clientId,
    officerId: access.officerId,
    purpose: access.purpose,
    ...(access.dossierId === undefined ? {} : { dossierId: access.dossierId }),
    operation: access.operation,
    outcome: access.outcome,
    fieldsDisclosed: access.fieldsDisclosed,
  };
}
