import { LedgerUnavailableError } from '../errors/ledger-unavailable-error.js';
import { UpstreamTimeoutError } from '../errors/upstream-timeout-error.js';
import type { AccessEnvelope } from '../ports/access-envelope.js';
import type { AccessRecord } from '../ports/access-ledger.js';
import type { PopulationRegistry } from '../ports/population-registry.js';
import { verifyCitizen, type VerifyCitizenDependencies } from './verify-citizen.js';

const claim = { personalId: '074095000123', fullName: 'Nguyễn Văn An', dateOfBirth: '1995-03-15' };
const envelope: AccessEnvelope = {
  requestId: 'req-1',
  clientId: 'district-7',
  keyId: 'key-1',
  officerId: 'CB-1',
  purpose: '1.001234',
  unitCode: 'UBND-Q7',
  dossierId: 'HS-9',
};
const now = new Date('2026-11-27T01:02:03.000Z');

function dependencies(registry: PopulationRegistry, ledgerFails = false) {
  const recorded: AccessRecord[] = [];
  const events: string[] = [];
  const deps: VerifyCitizenDependencies = {
    populationRegistry: {
      verifyCitizen: async (...args) => {
        events.push('registry');
        return registry.verifyCitizen(...args);
      },
    },
    accessLedger: {
      record: async (access) => {
        events.push('ledger');
        if (ledgerFails) throw new Error('table unavailable');
        recorded.push(access);
      },
    },
    subjectKeys: { keyOf: (id) => `hash-of-${id.length}-digits` },
    clock: { now: () => now },
  };
  return { deps, recorded, events };
}

describe('verifyCitizen', () => {
  it('answers the registry’s yes and records the access before answering', async () => {
    const { deps, recorded, events } = dependencies({ verifyCitizen: async () => ({ exists: true }) });
    await expect(verifyCitizen(deps, claim, envelope)).resolves.toEqual({
      match: true,
      checkedAt: '2026-11-27T01:02:03.000Z',
    });
    expect(events).toEqual(['registry', 'ledger']);
    expect(recorded).toEqual([
      {
        requestId: 'req-1',
        recordedAt: '2026-11-27T01:02:03.000Z',
        clientId: 'district-7',
        keyId: 'key-1',
        officerId: 'CB-1',
        purpose: '1.001234',
        dossierId: 'HS-9',
        operation: 'population:verify',
        subjectKeys: ['hash-of-12-digits'],
        outcome: 'allowed',
        fieldsDisclosed: [],
      },
    ]);
  });

  it('answers the registry’s no', async () => {
    const { deps } = dependencies({ verifyCitizen: async () => ({ exists: false }) });
    await expect(verifyCitizen(deps, claim, envelope)).resolves.toMatchObject({ match: false });
  });

  it('records a failed registry call with its outcome and rethrows the failure', async () => {
    const timeout = new UpstreamTimeoutError('population', 8000);
    const { deps, recorded } = dependencies({ verifyCitizen: async () => Promise.reject(timeout) });
    await expect(verifyCitizen(deps, claim, envelope)).rejects.toBe(timeout);
    expect(recorded.map((r) => r.outcome)).toEqual(['upstream-timeout']);
  });

  it('withholds the answer when the ledger cannot record the access', async () => {
    const { deps } = dependencies({ verifyCitizen: async () => ({ exists: true }) }, true);
    await expect(verifyCitizen(deps, claim, envelope)).rejects.toBeInstanceOf(LedgerUnavailableError);
  });

  it('never puts the personal id into the ledger record', async () => {
    const { deps, recorded } = dependencies({ verifyCitizen: async () => ({ exists: true }) });
    await verifyCitizen(deps, claim, envelope);
    expect(JSON.stringify(recorded)).not.toContain(claim.personalId);
  });
});
