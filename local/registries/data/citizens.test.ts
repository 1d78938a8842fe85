import fc from 'fast-check';
import { isCommuneCode } from '../../../schemas/admin-units/index.js';
import { describePersonalId, personalIdSchema } from '../../../schemas/identifiers/personal-id.js';
import { generateCitizens, type Citizen } from './citizens.js';

describe('synthetic citizens', () => {
  const citizens = generateCitizens({ seed: 7, count: 10_000 });
  const byId = new Map(citizens.map((c) => [c.personalId, c]));

  it('are the same for the same seed', () => {
    expect(generateCitizens({ seed: 7, count: 10_000 })).toEqual(citizens);
  });

  it('differ for another seed', () => {
    const other = generateCitizens({ seed: 8, count: 100 });
    expect(other.slice(3).map((c) => c.personalId)).not.toEqual(
      citizens.slice(3, 103).map((c) => c.personalId),
    );
  });

  it('number the fixtures plus the count asked for', () => {
    expect(citizens).toHaveLength(10_003);
  });

  it('always include the three fixture citizens', () => {
    expect(
      generateCitizens({ seed: 123, count: 10 })
        .slice(0, 3)
        .map((c) => [c.personalId, c.fullName, c.dateOfBirth, c.sex]),
    ).toEqual([
      ['074095000123', 'Nguyễn Văn An', '1995-03-15', 'male'],
      ['079301001234', 'Trần Thị Bích Ngọc', '2001-09-02', 'female'],
      ['074152000777', 'Lê Thị Hoa', '1952', 'female'],
    ]);
  });

  it('are generated fast: 10,000 in well under three seconds', () => {
    const started = performance.now();
    generateCitizens({ seed: 99, count: 10_000 });
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('have unique personal ids', () => {
    expect(byId.size).toBe(citizens.length);
  });

  it('have unique 9-digit old id numbers where they have one', () => {
    const old = citizens.flatMap((c) => (c.oldIdNumber ? [c.oldIdNumber] : []));
    expect(old.every((id) => /^\d{9}$/.test(id))).toBe(true);
    expect(new Set(old).size).toBe(old.length);
  });

  it('include people whose birth date is the year alone', () => {
    expect(citizens.filter((c) => /^\d{4}$/.test(c.dateOfBirth)).length).toBeGreaterThan(50);
  });

  it('have valid calendar dates of birth', () => {
    const invalid = citizens.filter(
      (c) =>
        c.dateOfBirth.length === 10 &&
        new Date(`${c.dateOfBirth}T00:00:00Z`).toISOString().slice(0, 10) !== c.dateOfBirth,
    );
    expect(invalid).toEqual([]);
  });

  it('carry Vietnamese diacritics in NFC', () => {
    expect(citizens.every((c) => c.fullName === c.fullName.normalize('NFC'))).toBe(true);
    expect(citizens.filter((c) => /[^\x20-\x7e]/.test(c.fullName)).length).toBeGreaterThan(
      citizens.length / 2,
    );
  });

  it('draw surnames from a realistic distribution, Nguyễn first at about 38%', () => {
    const nguyen = citizens.filter((c) => c.name.family === 'Nguyễn').length / citizens.length;
    expect(nguyen).toBeGreaterThan(0.3);
    expect(nguyen).toBeLessThan(0.46);
  });

  it('record pre-2025 birth registrations and hometowns with pre-2025 commune codes', () => {
    const wrong = citizens.filter(
      (c) =>
        c.birthRegistration.districtCode !== undefined &&
        !(
          isCommuneCode(c.birthRegistration.communeCode, 'pre2025') &&
          isCommuneCode(c.hometown.communeCode, 'pre2025')
        ),
    );
    expect(wrong).toEqual([]);
  });

  it('record permanent and current addresses with 2025 commune codes', () => {
    const wrong = citizens.filter(
      (c) =>
        !isCommuneCode(c.permanentAddress.communeCode, '2025') ||
        !isCommuneCode(c.currentAddress.communeCode, '2025'),
    );
    expect(wrong).toEqual([]);
  });

  it('group people into households whose head is a registered citizen of the same household', () => {
    const wrong = citizens.filter(
      (c) => byId.get(c.household.headPersonalId)?.household.number !== c.household.number,
    );
    expect(wrong).toEqual([]);
  });

  it('link spouses both ways', () => {
    const wrong = citizens.filter(
      (c) => c.spouse?.personalId && byId.get(c.spouse.personalId)?.spouse?.personalId !== c.personalId,
    );
    expect(wrong).toEqual([]);
  });

  it('link children to registered parents older than them', () => {
    const children = citizens.filter((c) => c.father?.personalId || c.mother?.personalId);
    const wrong = children.filter((c) =>
      [c.father, c.mother].some(
        (p) => p?.personalId && (byId.get(p.personalId)?.dateOfBirth ?? '9999') >= c.dateOfBirth,
      ),
    );
    expect(children.length).toBeGreaterThan(1000);
    expect(wrong).toEqual([]);
  });
});

describe('generated personal ids (property)', () => {
  const birthYearOf = (c: Citizen) => Number(c.dateOfBirth.slice(0, 4));

  it('follow the structure rules for every seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        for (const citizen of generateCitizens({ seed, count: 300 })) {
          expect(personalIdSchema.safeParse(citizen.personalId).success).toBe(true);
        }
      }),
      { numRuns: 25 },
    );
  });

  it('agree with the holder’s sex, birth year and birth-registration province', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        for (const citizen of generateCitizens({ seed, count: 300 })) {
          expect(describePersonalId(citizen.personalId)).toEqual({
            birthRegistrationProvinceCode: citizen.birthRegistration.provinceCode,
            sex: citizen.sex,
            birthYear: birthYearOf(citizen),
          });
        }
      }),
      { numRuns: 25 },
    );
  });
});
