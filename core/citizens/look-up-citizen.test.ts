import { trustedCaller, unlimitedCounters } from '../../test/support/admission-fakes.js';
import type { CitizenFieldName, CitizenRecord } from '../../schemas/citizen-records.js';
import { NotFoundError } from '../errors/not-found-error.js';
import type { Caller } from '../../schemas/clients.js';
import type { AccessRecord } from '../ports/access-ledger.js';
import { defaultCitizenFields, filterCitizenRecord } from './citizen-fields.js';
import { lookUpCitizen } from './look-up-citizen.js';

const record: CitizenRecord = {
  personalId: '074095000123',
  name: { family: 'Nguyễn', middle: 'Văn', given: 'An', full: 'Nguyễn Văn An' },
  dateOfBirth: { value: '1995-03-15', precision: 'day' },
  sex: 'male',
  religion: 'Không',
  ethnicity: 'Kinh',
  nationality: 'Việt Nam',
  addresses: {
    permanent: { detail: '12 Yersin', registryUnits: { era: 'pre2025' }, currentUnits: [] },
  },
  relatives: { father: { fullName: 'Nguyễn Văn Bình' } },
};
const envelope = { requestId: 'r', clientId: 'c', keyId: 'k', officerId: 'o', purpose: 'p', unitCode: 'u' };

function deps(found: CitizenRecord | Error) {
  const recorded: AccessRecord[] = [];
  return {
    recorded,
    deps: {
      populationRegistry: {
        verifyCitizen: async () => ({ exists: false }),
        lookUpCitizen: async () => (found instanceof Error ? Promise.reject(found) : found),
      },
      accessLedger: { record: async (access: AccessRecord) => void recorded.push(access) },
      subjectKeys: { keyOf: (id: string) => `key(${id.slice(-3)})` },
      clock: { now: () => new Date('2026-11-27T00:00:00.000Z') },
      requestCounters: unlimitedCounters,
    },
  };
}

const withFields = (citizen: CitizenFieldName[]): Caller => ({
  ...trustedCaller,
  policy: { ...trustedCaller.policy, fields: { citizen } },
});

describe('filterCitizenRecord', () => {
  it('keeps only allowed fields that the record has, and names them', () => {
    const { citizen, fieldsDisclosed } = filterCitizenRecord(record, defaultCitizenFields);
    expect(Object.keys(citizen).sort()).toEqual([
      'addresses',
      'dateOfBirth',
      'name',
      'nationality',
      'personalId',
      'sex',
    ]);
    expect(Object.keys(citizen.addresses ?? {})).toEqual(['permanent']);
    expect(fieldsDisclosed).toEqual(['name', 'dateOfBirth', 'sex', 'nationality', 'addresses.permanent']);
  });

  it('leaves out sensitive fields unless allowed', () => {
    expect(filterCitizenRecord(record, defaultCitizenFields).citizen).not.toHaveProperty('religion');
    expect(filterCitizenRecord(record, ['religion', 'relatives.father']).citizen).toEqual({
      personalId: '074095000123',
      religion: 'Không',
      relatives: { father: { fullName: 'Nguyễn Văn Bình' } },
    });
  });
});

describe('lookUpCitizen', () => {
  it('records the subject and exactly the disclosed fields', async () => {
    const { deps: d, recorded } = deps(record);
    const lookup = await lookUpCitizen(
      d,
      { personalId: record.personalId },
      envelope,
      withFields(['name', 'bloodType']),
    );
    expect(lookup.fieldsDisclosed).toEqual(['name']);
    expect(recorded).toMatchObject([
      {
        operation: 'population:lookup',
        outcome: 'allowed',
        fieldsDisclosed: ['name'],
        subjectKeys: ['key(123)'],
      },
    ]);
  });

  it('names the subject found by an old identity card number', async () => {
    const { deps: d, recorded } = deps(record);
    await lookUpCitizen(d, { oldIdNumber: '280123456' }, envelope, withFields(['name']));
    expect(recorded[0]?.subjectKeys).toEqual(['key(123)']);
  });

  it('records a lookup of an unknown citizen as not found', async () => {
    const { deps: d, recorded } = deps(new NotFoundError('citizen'));
    await expect(
      lookUpCitizen(d, { personalId: record.personalId }, envelope, withFields(['name'])),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(recorded).toMatchObject([{ outcome: 'not-found', fieldsDisclosed: [] }]);
  });
});

describe('lookUpCitizen field policy', () => {
  it('discloses the minimal default fields to a client whose policy names none', async () => {
    const { deps: d } = deps(record);
    const lookup = await lookUpCitizen(d, { personalId: record.personalId }, envelope, trustedCaller);
    expect(lookup.fieldsDisclosed).toEqual([
      'name',
      'dateOfBirth',
      'sex',
      'nationality',
      'addresses.permanent',
    ]);
  });
});
