import { LedgerUnavailableError } from '../errors/ledger-unavailable-error.js';
import { RateLimitedError } from '../errors/rate-limited-error.js';
import { UpstreamFailedError } from '../errors/upstream-failed-error.js';
import type { AccessRecord } from '../ports/access-ledger.js';
import { ledgeredAccessAlongside, type LedgerDependencies, type PlannedAccess } from './ledgered-access.js';

const planned: PlannedAccess = {
  envelope: {
    requestId: 'req-1',
    clientId: 'district-7',
    keyId: 'key-1',
    officerId: 'CB-1',
    purpose: '1.001234',
    unitCode: 'UBND-Q7',
  },
  operation: 'population:verify',
  subjects: ['074095000123'],
};

/** A ledger whose writes fail from the `failFrom`-th on (1-based); every step is logged in order. */
function setUp(failFrom = Number.POSITIVE_INFINITY) {
  const events: string[] = [];
  const recorded: AccessRecord[] = [];
  const deps: LedgerDependencies = {
    accessLedger: {
      record: async (access) => {
        events.push(`ledger:${access.outcome}`);
        if (recorded.length + 1 >= failFrom) throw new Error('table unavailable');
        recorded.push(access);
      },
    },
    subjectKeys: { keyOf: () => 'subject-hash' },
    clock: { now: () => new Date('2026-11-27T01:02:03.000Z') },
  };
  return { deps, events, recorded };
}

describe('ledgeredAccessAlongside', () => {
  it('writes the allowed entry and makes the call side by side, after admission', async () => {
    const { deps, events, recorded } = setUp();
    const answer = await ledgeredAccessAlongside(deps, planned, {
      admit: async () => {
        events.push('admit');
        return 'admitted';
      },
      call: async (admitted) => {
        events.push(`call:${admitted}`);
        return 42;
      },
      disclosure: { fieldsDisclosed: [] },
    });
    expect(answer).toEqual({ admitted: 'admitted', result: 42, recordedAt: '2026-11-27T01:02:03.000Z' });
    expect(events).toEqual(['admit', 'ledger:allowed', 'call:admitted']);
    expect(recorded).toEqual([
      expect.objectContaining({ requestId: 'req-1', outcome: 'allowed', subjectKeys: ['subject-hash'] }),
    ]);
  });

  it('records a refused admission with its outcome, once, and never makes the call', async () => {
    const { deps, events, recorded } = setUp();
    const refusal = new RateLimitedError('rate', 1, 10);
    await expect(
      ledgeredAccessAlongside(deps, planned, {
        admit: () => Promise.reject(refusal),
        call: async () => events.push('call'),
        disclosure: { fieldsDisclosed: [] },
      }),
    ).rejects.toBe(refusal);
    expect(events).toEqual(['ledger:rate-limited']);
    expect(recorded).toHaveLength(1);
  });

  it('answers 503 ledger-unavailable, discarding the result, when the entry cannot be written', async () => {
    const { deps, events } = setUp(1);
    await expect(
      ledgeredAccessAlongside(deps, planned, {
        admit: async () => undefined,
        call: async () => {
          events.push('call');
          return 'personal data';
        },
        disclosure: { fieldsDisclosed: [] },
      }),
    ).rejects.toMatchObject({ kind: 'ledger-unavailable' });
    expect(events).toEqual(['ledger:allowed', 'call']);
  });

  it('waits for a slow entry even when the call has failed, then records the failure in a second entry', async () => {
    const { deps, recorded } = setUp();
    const failure = new UpstreamFailedError('population', 'answer without TonTai');
    await expect(
      ledgeredAccessAlongside(deps, planned, {
        admit: async () => undefined,
        call: () => Promise.reject(failure),
        disclosure: { fieldsDisclosed: [] },
      }),
    ).rejects.toBe(failure);
    expect(recorded.map((r) => r.outcome)).toEqual(['allowed', 'upstream-failed']);
  });

  it('answers 503 when the failed call’s outcome cannot be recorded', async () => {
    const { deps } = setUp(2);
    await expect(
      ledgeredAccessAlongside(deps, planned, {
        admit: async () => undefined,
        call: () => Promise.reject(new UpstreamFailedError('population', 'boom')),
        disclosure: { fieldsDisclosed: [] },
      }),
    ).rejects.toBeInstanceOf(LedgerUnavailableError);
  });
});
