import { trustedCaller, unlimitedCounters } from '../../test/support/admission-fakes.js';
import type { CitizenRecord } from '../../schemas/citizen-records.js';
import { LedgerUnavailableError } from '../errors/ledger-unavailable-error.js';
import { NotFoundError } from '../errors/not-found-error.js';
import { UpstreamTimeoutError } from '../errors/upstream-timeout-error.js';
import type { AccessEnvelope } from '../ports/access-envelope.js';
import type { Caller } from '../../schemas/clients.js';
import type { AccessRecord } from '../ports/access-ledger.js';
import type { PopulationRegistry } from '../ports/population-registry.js';
import { compareDatesOfBirth, verifyCitizen, type VerifyCitizenDependencies } from './verify-citizen.js';

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
const anRecord = {
  personalId: '074095000123',
  name: { family: 'Nguyễn', middle: 'Văn', given: 'An', full: 'Nguyễn Văn An' },
  dateOfBirth: { value: '1995-03-15', precision: 'day' },
  sex: 'male',
  addresses: {},
  relatives: {},
} satisfies CitizenRecord;

function registry(exists: boolean | Error, record: CitizenRecord | Error = anRecord): PopulationRegistry {
  return {
    verifyCitizen: async () => (exists instanceof Error ? Promise.reject(exists) : { exists }),
    lookUpCitizen: async () => (record instanceof Error ? Promise.reject(record) : record),
  };
}

function dependencies(populationRegistry: PopulationRegistry, ledgerFails = false) {
  const recorded: AccessRecord[] = [];
  const events: string[] = [];
  const deps: VerifyCitizenDependencies = {
    populationRegistry: {
      verifyCitizen: async (...args) => {
        events.push('verify');
        return populationRegistry.verifyCitizen(...args);
      },
      lookUpCitizen: async (...args) => {
        events.push('lookup');
        return populationRegistry.lookUpCitizen(...args);
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
    requestCounters: unlimitedCounters,
  };
  return { deps, recorded, events };
}

describe('verifyCitizen', () => {
  it('answers the registry’s yes as a full match, recording the access while the registry is asked', async () => {
    const { deps, recorded, events } = dependencies(registry(true));
    await expect(verifyCitizen(deps, claim, envelope, trustedCaller)).resolves.toEqual({
      match: true,
      fields: { fullName: 'exact', dateOfBirth: 'match' },
      checkedAt: '2026-11-27T01:02:03.000Z',
      admission: { limit: 10, remaining: 9, resetSeconds: 1 },
    });
    expect(events).toEqual(['ledger', 'verify']);
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

  it('grades a wrong date of birth as different, with the name still exact', async () => {
    const { deps, events } = dependencies(registry(false));
    await expect(
      verifyCitizen(deps, { ...claim, dateOfBirth: '1995-03-16' }, envelope, trustedCaller),
    ).resolves.toMatchObject({
      match: false,
      fields: { fullName: 'exact', dateOfBirth: 'different' },
    });
    expect(events).toEqual(['ledger', 'verify', 'lookup']);
  });

  it('counts a name that differs only in tone placement as a match', async () => {
    const hoa = { ...anRecord, name: { family: 'Lê', middle: 'Thị', given: 'Hòa', full: 'Lê Thị Hòa' } };
    const { deps } = dependencies(registry(false, hoa));
    await expect(
      verifyCitizen(deps, { ...claim, fullName: 'Lê Thị Hoà' }, envelope, trustedCaller),
    ).resolves.toMatchObject({
      match: true,
      fields: { fullName: 'normalized', dateOfBirth: 'match' },
    });
  });

  it('never counts a name equal only without diacritics as a match', async () => {
    const { deps } = dependencies(registry(false));
    await expect(
      verifyCitizen(deps, { ...claim, fullName: 'Nguyen Van An' }, envelope, trustedCaller),
    ).resolves.toMatchObject({
      match: false,
      fields: { fullName: 'diacritics_insensitive', dateOfBirth: 'match' },
    });
  });

  it('grades a year given for a full date of birth as a year-only match, not a match', async () => {
    const { deps } = dependencies(registry(false));
    await expect(
      verifyCitizen(deps, { ...claim, dateOfBirth: '1995' }, envelope, trustedCaller),
    ).resolves.toMatchObject({
      match: false,
      fields: { dateOfBirth: 'year_only_match' },
    });
  });

  it('answers an unknown personal id like a different person, revealing nothing more', async () => {
    const { deps } = dependencies(registry(false, new NotFoundError('citizen')));
    await expect(verifyCitizen(deps, claim, envelope, trustedCaller)).resolves.toMatchObject({
      match: false,
      fields: { fullName: 'different', dateOfBirth: 'different' },
    });
  });

  it('records a failed registry call with its outcome after the access itself, and rethrows the failure', async () => {
    const timeout = new UpstreamTimeoutError('population', 8000);
    const { deps, recorded } = dependencies(registry(timeout));
    await expect(verifyCitizen(deps, claim, envelope, trustedCaller)).rejects.toBe(timeout);
    expect(recorded.map((r) => r.outcome)).toEqual(['allowed', 'upstream-timeout']);
    expect(recorded.map((r) => r.requestId)).toEqual(['req-1', 'req-1']);
  });

  it('withholds the registry’s answer when the ledger cannot record the access', async () => {
    const { deps, events } = dependencies(registry(true), true);
    await expect(verifyCitizen(deps, claim, envelope, trustedCaller)).rejects.toBeInstanceOf(
      LedgerUnavailableError,
    );
    expect(events).toEqual(['ledger', 'verify']);
  });

  it('asks the registry while the entry is written, and answers only once the entry is written', async () => {
    const { deps, events, recorded } = dependencies(registry(true));
    let finishWrite: () => void = () => undefined;
    const slowLedger = deps.accessLedger;
    const held: VerifyCitizenDependencies = {
      ...deps,
      accessLedger: {
        record: (access) =>
          new Promise<void>((resolve) => {
            finishWrite = () => void slowLedger.record(access).then(resolve);
          }),
      },
    };
    let answered = false;
    const verification = verifyCitizen(held, claim, envelope, trustedCaller).then((result) => {
      answered = true;
      return result;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(events).toEqual(['verify']); // the registry has answered; the entry is still being written
    expect(answered).toBe(false);
    finishWrite();
    await expect(verification).resolves.toMatchObject({ match: true });
    expect(recorded.map((r) => r.outcome)).toEqual(['allowed']);
  });

  it('never puts the personal id into the ledger record', async () => {
    const { deps, recorded } = dependencies(registry(true));
    await verifyCitizen(deps, claim, envelope, trustedCaller);
    expect(JSON.stringify(recorded)).not.toContain(claim.personalId);
  });
});

describe('compareDatesOfBirth', () => {
  it.each([
    ['1995-03-15', '1995-03-15', 'match'],
    ['1952', '1952', 'match'],
    ['1995', '1995-03-15', 'year_only_match'],
    ['1952-05-01', '1952', 'year_only_match'],
    ['1995-03-16', '1995-03-15', 'different'],
    ['1996', '1995-03-15', 'different'],
  ])('grades claimed %s against registered %s as %s', (claimed, registered, grade) => {
    expect(compareDatesOfBirth(claimed, registered)).toBe(grade);
  });
});

describe('verifyCitizen admission', () => {
  it('refuses a trustedCaller without the verify scope, without asking the registry, and ledgers the denial', async () => {
    const { deps, recorded, events } = dependencies(registry(true));
    const lookupOnly: Caller = {
      ...trustedCaller,
      policy: { ...trustedCaller.policy, scopes: ['population:lookup'] },
    };
    await expect(verifyCitizen(deps, claim, envelope, lookupOnly)).rejects.toMatchObject({
      kind: 'forbidden',
    });
    expect(events).toEqual(['ledger']);
    expect(recorded.map((r) => r.outcome)).toEqual(['denied']);
  });
});
