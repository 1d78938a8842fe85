import { ForbiddenError } from '../errors/forbidden-error.js';
import type { Caller } from '../../schemas/clients.js';
import type { AccessEnvelope } from '../ports/access-envelope.js';
import type { AccessRecord } from '../ports/access-ledger.js';
import type { SubjectAccess, SubjectAccessIndex, SubjectAccessQuery } from '../ports/subject-access-index.js';
import { reportSubjectAccesses, type SubjectReportDependencies } from './subject-report.js';

const envelope: AccessEnvelope = {
  requestId: 'req-report',
  clientId: 'auditor',
  keyId: 'key-1',
  officerId: 'CB-0001',
  purpose: '2.000123.000.00.00.H12',
  unitCode: 'UNIT',
};

function callerWith(scopes: Caller['policy']['scopes']): Caller {
  return {
    clientId: 'auditor',
    keyId: 'key-1',
    unitCode: 'UNIT',
    policy: { scopes, fields: {}, rateLimit: { perSecond: 10 }, dailyQuota: 100 },
  };
}
const auditor = callerWith(['audit:subject-report']);

const earlierAccess: SubjectAccess = {
  recordedAt: '2026-11-27T01:00:00.000Z',
  requestId: 'req-1',
  clientId: 'one-stop-shop',
  officerId: 'CB-0042',
  purpose: '1.001234.000.00.00.H12',
  operation: 'population:verify',
  outcome: 'allowed',
  fieldsDisclosed: [],
};

function dependencies() {
  const recorded: AccessRecord[] = [];
  const queries: { subjectKey: string; query: SubjectAccessQuery }[] = [];
  const index: SubjectAccessIndex = {
    accessesOf: (subjectKey, query) => {
      queries.push({ subjectKey, query });
      return Promise.resolve({ accesses: [earlierAccess], nextCursor: 'next' });
    },
  };
  const deps: SubjectReportDependencies = {
    subjectAccessIndex: index,
    accessLedger: { record: (access) => Promise.resolve(void recorded.push(access)) },
    subjectKeys: { keyOf: (personalId) => `key-of-${personalId}` },
    requestCounters: {
      release: () => Promise.resolve(),
      count: () => Promise.resolve({ allowed: true, remaining: 9, resetAt: 1_795_824_001 }),
    },
    clock: { now: () => new Date('2026-11-28T00:00:00.000Z') },
  };
  return { deps, recorded, queries };
}

describe('the subject report', () => {
  it('lists the accesses the index holds for the subject key, with the next page’s cursor', async () => {
    const { deps, queries } = dependencies();
    const report = await reportSubjectAccesses(deps, { personalId: '074095000123' }, envelope, auditor, 100);
    expect(report).toMatchObject({
      accesses: [earlierAccess],
      nextCursor: 'next',
      generatedAt: '2026-11-28T00:00:00.000Z',
    });
    expect(queries).toEqual([{ subjectKey: 'key-of-074095000123', query: { limit: 100 } }]);
  });

  it('asks for the time range in UTC, whatever offset the caller wrote it with', async () => {
    const { deps, queries } = dependencies();
    await reportSubjectAccesses(
      deps,
      {
        personalId: '074095000123',
        from: '2026-11-27T08:00:00+07:00',
        to: '2026-11-27T23:00:00Z',
        cursor: 'c',
      },
      envelope,
      auditor,
      100,
    );
    expect(queries[0]?.query).toEqual({
      from: '2026-11-27T01:00:00.000Z',
      to: '2026-11-27T23:00:00.000Z',
      cursor: 'c',
      limit: 100,
    });
  });

  it('records the report itself as an access to the subject’s data', async () => {
    const { deps, recorded } = dependencies();
    await reportSubjectAccesses(deps, { personalId: '074095000123' }, envelope, auditor, 100);
    expect(recorded).toEqual([
      expect.objectContaining({
        requestId: 'req-report',
        clientId: 'auditor',
        officerId: 'CB-0001',
        purpose: '2.000123.000.00.00.H12',
        operation: 'audit:subject-report',
        subjectKeys: ['key-of-074095000123'],
        outcome: 'allowed',
        fieldsDisclosed: ['accessHistory'],
      }),
    ]);
  });

  it('refuses a caller without the audit:subject-report scope, without reading the index', async () => {
    const { deps, queries } = dependencies();
    const report = reportSubjectAccesses(
      deps,
      { personalId: '074095000123' },
      envelope,
      callerWith(['population:verify']),
      100,
    );
    await expect(report).rejects.toBeInstanceOf(ForbiddenError);
    expect(queries).toEqual([]);
  });

  it('records a refused report as a denied access', async () => {
    const { deps, recorded } = dependencies();
    await reportSubjectAccesses(deps, { personalId: '074095000123' }, envelope, callerWith([]), 100).catch(
      () => undefined,
    );
    expect(recorded).toEqual([
      expect.objectContaining({ operation: 'audit:subject-report', outcome: 'denied', fieldsDisclosed: [] }),
    ]);
  });
});
