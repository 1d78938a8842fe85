import { DynamoDbBusinessRecordCache } from '../../../adapters/dynamodb/dynamodb-business-record-cache.js';
import type { Clock } from '../../../core/ports/clock.js';
import { tables } from '../../../infra/resources.js';
import type { BusinessRecord } from '../../../schemas/business-records.js';
import { localStack, stackDocuments } from '../../support/local-stack.js';
import { PutCommand } from '@aws-sdk/lib-dynamodb';

const record: BusinessRecord = {
  enterpriseCode: '0314409058',
  names: { vietnamese: 'CÔNG TY THỬ NGHIỆM BỘ ĐỆM' },
  legalForm: { code: 'single_member_llc', registryText: 'Công ty trách nhiệm hữu hạn một thành viên' },
  foundedOn: '2016-06-01',
  status: { code: 'active', registryText: 'Đang hoạt động' },
  headOffice: {
    street: 'Số 1',
    fullAddress: 'Số 1, Phường Thủ Dầu Một',
    registeredCommune: { code: '25747', name: 'Phường Thủ Dầu Một', era: '2025' },
  },
  representatives: [{ fullName: 'Trần Thị Bình', role: 'Giám đốc' }],
  businessLines: [{ vsicCode: '6201', name: 'Lập trình máy vi tính', main: true }],
};

const stack = localStack();
const documents = stackDocuments(stack);
const tableName = stack.tableNames[tables.registryCache.envVar] as string;

/** A clock the test moves by hand. */
function movableClock(start: string): Clock & { advanceSeconds(seconds: number): void } {
  let now = new Date(start).getTime();
  return {
    now: () => new Date(now),
    advanceSeconds: (seconds) => {
      now += seconds * 1000;
    },
  };
}

/** Each test its own code, so tests never read each other's items. */
let codeCounter = 0;
const freshRecord = (): BusinessRecord => ({
  ...record,
  enterpriseCode: `0314409058-${String(++codeCounter).padStart(3, '0')}`,
});

describe('DynamoDbBusinessRecordCache against DynamoDB Local', () => {
  it('answers a stored record with the time it was retrieved', async () => {
    const cache = new DynamoDbBusinessRecordCache(documents, {
      tableName,
      ttlSeconds: 3600,
      clock: movableClock('2026-01-05T08:00:00Z'),
    });
    const stored = freshRecord();
    await cache.put({ record: stored, retrievedAt: '2026-01-05T08:00:00.000Z' });
    await expect(cache.get(stored.enterpriseCode)).resolves.toEqual({
      record: stored,
      retrievedAt: '2026-01-05T08:00:00.000Z',
    });
  });

  it('answers nothing for a code it never stored', async () => {
    const cache = new DynamoDbBusinessRecordCache(documents, {
      tableName,
      ttlSeconds: 3600,
      clock: movableClock('2026-01-05T08:00:00Z'),
    });
    await expect(cache.get('0100233488-999')).resolves.toBeUndefined();
  });

  it('writes the TTL attribute ttlSeconds ahead, and ignores the item once that has passed', async () => {
    const clock = movableClock('2026-01-05T08:00:00Z');
    const cache = new DynamoDbBusinessRecordCache(documents, { tableName, ttlSeconds: 60, clock });
    const stored = freshRecord();
    await cache.put({ record: stored, retrievedAt: '2026-01-05T08:00:00.000Z' });
    clock.advanceSeconds(59);
    await expect(cache.get(stored.enterpriseCode)).resolves.toBeDefined();
    clock.advanceSeconds(1);
    // DynamoDB Local never deletes expired items: the adapter must not serve them.
    await expect(cache.get(stored.enterpriseCode)).resolves.toBeUndefined();
  });

  it('treats an item that no longer fits the record schema as a miss', async () => {
    const cache = new DynamoDbBusinessRecordCache(documents, {
      tableName,
      ttlSeconds: 3600,
      clock: movableClock('2026-01-05T08:00:00Z'),
    });
    const code = freshRecord().enterpriseCode;
    await documents.send(
      new PutCommand({
        TableName: tableName,
        Item: {
          pk: `BUSINESS#${code}`,
          record: { enterpriseCode: code },
          retrievedAt: '2026-01-05T08:00:00.000Z',
          expiresAt: Math.floor(Date.parse('2026-01-05T09:00:00Z') / 1000),
        },
      }),
    );
    await expect(cache.get(code)).resolves.toBeUndefined();
  });
});
