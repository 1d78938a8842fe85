import fc from 'fast-check';
import { z } from 'zod';
import { provinceCodes } from '../admin-units/provinces.js';
import { dateOfBirthSchema } from '../date-of-birth.js';
import {
  centurySexDigit,
  checkPersonalIdConsistency,
  describePersonalId,
  oldIdCardNumberSchema,
  personalIdConsistency,
  personalIdSchema,
  personalIdViolation,
  sexSchema,
} from './personal-id.js';
import { ruleOfIssue } from '../rule-issue.js';

const today = '2026-07-01';
const ruleOf = (id: string) => personalIdViolation(id, today)?.rule;

const sex = fc.constantFrom('male' as const, 'female' as const);
const provinceCode = fc.constantFrom(...provinceCodes('pre2025'));
const birthYear = fc.integer({ min: 1900, max: 2026 });
const serial = fc.integer({ min: 0, max: 999_999 }).map((n) => String(n).padStart(6, '0'));

/** A valid id built from its parts, the way a registry issues it. */
const issuedId = fc.record({ provinceCode, birthYear, sex, serial }).map((parts) => ({
  ...parts,
  id: `0${parts.provinceCode}${centurySexDigit(parts.birthYear, parts.sex)}${String(parts.birthYear % 100).padStart(2, '0')}${parts.serial}`,
}));

describe('centurySexDigit', () => {
  it.each([
    [1990, 'male', 0],
    [1990, 'female', 1],
    [2005, 'male', 2],
    [2005, 'female', 3],
    [2100, 'male', 4],
    [2399, 'female', 9],
  ] as const)('is %i %s → %i', (year, sexOfHolder, digit) => {
    expect(centurySexDigit(year, sexOfHolder)).toBe(digit);
  });

  it('throws for a year no digit can express', () => {
    expect(() => centurySexDigit(1899, 'male')).toThrow(RangeError);
  });
});

describe('describePersonalId', () => {
  it('reads the birth-registration province, sex and four-digit birth year', () => {
    expect(describePersonalId('074305001234')).toEqual({
      birthRegistrationProvinceCode: '74',
      sex: 'female',
      birthYear: 2005,
    });
  });

  it('round-trips the parts an id was built from', () => {
    fc.assert(
      fc.property(issuedId, ({ id, provinceCode: province, birthYear: year, sex: holderSex }) => {
        expect(describePersonalId(id)).toEqual({
          birthRegistrationProvinceCode: province,
          sex: holderSex,
          birthYear: year,
        });
      }),
    );
  });
});

describe('personal id structure', () => {
  it('accepts every id built from a known province, a past birth year and a sex', () => {
    fc.assert(fc.property(issuedId, ({ id }) => personalIdViolation(id, today) === undefined));
  });

  it.each([
    ['07420300123', 'length'],
    ['0742030012345', 'length'],
    ['07420300123a', 'format'],
    [' 074203001234', 'format'],
    ['003203001234', 'province_code'], // 03 was never a province code
    ['174203001234', 'province_code'], // digit 1 is always 0 (codes 001–096)
    ['097203001234', 'province_code'],
    ['074403001234', 'century_sex_digit'], // 2100s
    ['074927001234', 'century_sex_digit'],
    ['074227001234', 'future_date'], // 2027, after `today`
  ])('rejects %s with rule %s', (id, rule) => {
    expect(ruleOf(id)).toBe(rule);
  });

  it('accepts Bình Dương (074) and HCMC (079) ids: issued numbers outlive the 2025 merger', () => {
    expect(ruleOf('074090001234')).toBeUndefined();
    expect(ruleOf('079190001234')).toBeUndefined();
  });

  it('catches any corruption of the province digits into a code that is not on the list', () => {
    const known = new Set(provinceCodes('pre2025'));
    fc.assert(
      fc.property(issuedId, fc.integer({ min: 0, max: 99 }), ({ id }, code) => {
        const province = String(code).padStart(2, '0');
        const corrupted = `0${province}${id.slice(3)}`;
        return known.has(province) ? ruleOf(corrupted) === undefined : ruleOf(corrupted) === 'province_code';
      }),
    );
  });

  it('reports failures through the schema with the rule in params', () => {
    expect(personalIdSchema.safeParse('097203001234').error?.issues).toEqual([
      {
        code: 'custom',
        path: [],
        message: 'Personal id digits 1-3 (097) are not a province code',
        params: { rule: 'province_code' },
      },
    ]);
  });

  it('parses a valid id unchanged', () => {
    expect(personalIdSchema.parse('001099012345')).toBe('001099012345');
  });
});

describe('old id card number', () => {
  it('accepts nine digits', () => {
    expect(oldIdCardNumberSchema.parse('280123456')).toBe('280123456');
  });

  it.each([
    ['28012345', 'length'],
    ['28012345a', 'format'],
  ])('rejects %s with rule %s', (value, rule) => {
    expect(oldIdCardNumberSchema.safeParse(value).error?.issues.map(ruleOfIssue)[0]).toBe(rule);
  });
});

describe('consistency with a stated date of birth and sex', () => {
  it('finds nothing to report when the id was built from the same facts', () => {
    fc.assert(
      fc.property(issuedId, fc.boolean(), ({ id, birthYear: year, sex: holderSex }, yearOnly) => {
        const dateOfBirth = yearOnly ? String(year) : `${year}-06-15`;
        expect(checkPersonalIdConsistency(id, { dateOfBirth, sex: holderSex })).toEqual([]);
      }),
    );
  });

  it('reports a birth year that digits 4-6 contradict, including a wrong century', () => {
    expect(checkPersonalIdConsistency('074090001234', { dateOfBirth: '2090-01-01' })).toEqual([
      {
        rule: 'inconsistent_with_date_of_birth',
        message: 'Personal id digits 4-6 give birth year 1990, but the date of birth is in 2090',
      },
    ]);
  });

  it('reports a sex that digit 4 contradicts', () => {
    expect(checkPersonalIdConsistency('074090001234', { sex: 'female' })).toEqual([
      {
        rule: 'inconsistent_with_sex',
        message: 'Personal id digit 4 says male, but the stated sex is female',
      },
    ]);
  });

  it('catches every stated year other than the one the id encodes', () => {
    fc.assert(
      fc.property(issuedId, birthYear, ({ id, birthYear: year }, statedYear) => {
        const violations = checkPersonalIdConsistency(id, { dateOfBirth: String(statedYear) });
        return violations.length === (statedYear === year ? 0 : 1);
      }),
    );
  });

  it('turns a mismatch in a request into an issue on the personal id field', () => {
    const verifyRequest = z
      .object({ personalId: personalIdSchema, dateOfBirth: dateOfBirthSchema, sex: sexSchema.optional() })
      .superRefine(
        personalIdConsistency({ personalId: 'personalId', dateOfBirth: 'dateOfBirth', sex: 'sex' }),
      );
    const issues = verifyRequest.safeParse({
      personalId: '074190001234',
      dateOfBirth: '1991-03-02',
      sex: 'male',
    }).error?.issues;
    expect(issues?.map((issue) => ({ field: issue.path.join('.'), rule: ruleOfIssue(issue) }))).toEqual([
      { field: 'personalId', rule: 'inconsistent_with_date_of_birth' },
      { field: 'personalId', rule: 'inconsistent_with_sex' },
    ]);
  });
});
