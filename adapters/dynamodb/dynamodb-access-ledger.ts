import { randomUUID } from 'node:crypto';
import { PutCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { chainGenesisHash, entryHash } from '../../core/access-ledger/chain.js';
import type { AccessLedger, AccessRecord } from '../../core/ports/access-ledger.js';

export interface DynamoDbAccessLedgerOptions {
  readonly tableName: string;
  readonly retentionDays: number;
}

/**
 * The access ledger in DynamoDB. Each writer (one per Lambda container) appends to its own hash chain
 * (`pk = CHAIN#<id>`, `sk = <sequence>`), so concurrent containers never contend for a chain head.
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
    // One index item per subject, in the same transaction: the entry and its index appear together or not at all.
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
      if (subjectIndex.length === 0) await this.documents.send(new PutCommand(entry));
      else
        await this.documents.send(
          new TransactWriteCommand({ TransactItems: [entry, ...subjectIndex].map((Put) => ({ Put })) }),
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
