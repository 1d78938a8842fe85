import fc from 'fast-check';
import { enterpriseCodeSchema, isValidTaxCode, parseTaxCode, taxCodeCheckDigit } from './tax-code.js';
import { ruleOfIssue } from '../rule-issue.js';

const ruleOf = (input: string) => enterpriseCodeSchema.safeParse(input).error?.issues.map(ruleOfIssue)[0];

/** Nine leading digits with N3–N9 not all zero and a check digit that exists, completed to 10 digits. */
const validTenDigitCode = fc
  .array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 })
  .map((digits) => digits.join(''))
  .filter((first9) => !/^\d\d0{7}$/.test(first9) && taxCodeCheckDigit(first9) !== null)
  .map((first9) => `${first9}${taxCodeCheckDigit(first9)}`);

const branchSuffix = fc.integer({ min: 1, max: 999 }).map((n) => String(n).padStart(3, '0'));

describe('known public examples', () => {
  it.each(['0100233488', '0314409058', '0100112437', '0312687878'])('accepts enterprise code %s', (code) => {
    expect(enterpriseCodeSchema.parse(code)).toBe(code);
  });

  it('accepts the branch code 0314409058-002', () => {
    expect(enterpriseCodeSchema.parse('0314409058-002')).toBe('0314409058-002');
  });

  it('rejects 0100233480 on its checksum', () => {
    expect(ruleOf('0100233480')).toBe('checksum');
    expect(enterpriseCodeSchema.safeParse('0100233480').error?.issues[0]?.message).toBe(
      'Tax code check digit must be 8, not 0',
    );
  });
});

describe('taxCodeCheckDigit', () => {
  it('computes 10 − (Σ wᵢ·Nᵢ mod 11) with weights 31, 29, 23, 19, 17, 13, 7, 5, 3', () => {
    // 0·31 + 1·29 + 0·23 + 0·19 + 2·17 + 3·13 + 3·7 + 4·5 + 8·3 = 167; 167 mod 11 = 2; 10 − 2 = 8.
    expect(taxCodeCheckDigit('010023348')).toBe(8);
  });

  it('returns null when the sum is divisible by 11, since the check digit would be 10', () => {
    // 1·5 + 2·3 = 11.
    expect(taxCodeCheckDigit('000000012')).toBeNull();
  });

  it('returns 0 when the sum leaves remainder 10', () => {
    // 1·29 + 1·3 = 32 ≡ 10 (mod 11).
    expect(taxCodeCheckDigit('010000001')).toBe(0);
  });

  it('throws on input that is not nine digits', () => {
    expect(() => taxCodeCheckDigit('12345678')).toThrow(RangeError);
  });
});

describe('enterpriseCodeSchema rules', () => {
  it.each([
    ['', 'format'],
    ['01002334881', 'length'],
    ['010023348', 'length'],
    ['01002334a8', 'format'],
    ['0100000008', 'format'],
    ['0000000129', 'checksum'],
    ['0100233480', 'checksum'],
    ['0314409058-000', 'branch_suffix'],
    ['0314409059-002', 'checksum'],
    ['0314409058-02', 'format'],
    ['999203001234', 'province_code'],
  ])('rejects %j with rule %s', (input, rule) => {
    expect(ruleOf(input)).toBe(rule);
  });

  it('reports the failure as a custom issue whose params name the rule', () => {
    expect(enterpriseCodeSchema.safeParse('0314409058-000').error?.issues).toEqual([
      {
        code: 'custom',
        path: [],
        message: 'Branch suffix must be 001 to 999, not 000',
        params: { rule: 'branch_suffix' },
      },
    ]);
  });

  it('rejects a non-string as a type error', () => {
    expect(enterpriseCodeSchema.safeParse(100233488).error?.issues[0]?.code).toBe('invalid_type');
  });

  it('accepts a 12-digit personal id as an individual’s tax code, unchanged', () => {
    expect(enterpriseCodeSchema.parse('079203001234')).toBe('079203001234');
  });

  it.each([
    '0314409058002',
    '0314409058 002',
    '0314409058 - 002',
    '0314409058.002',
    '0314409058/002',
    ' 0314409058–002 ',
    '０３１４４０９０５８-００２',
  ])('canonicalises the branch code written %j to 0314409058-002', (input) => {
    expect(enterpriseCodeSchema.parse(input)).toBe('0314409058-002');
  });
});

describe('properties', () => {
  it('accepts every code built with taxCodeCheckDigit, unchanged', () => {
    fc.assert(fc.property(validTenDigitCode, (code) => enterpriseCodeSchema.parse(code) === code));
  });

  it('catches every single-digit change to a valid 10-digit code by the checksum: none yields another valid code', () => {
    // Every weight is non-zero mod 11 and a change is 1–9, so the expected check digit always moves.
    fc.assert(
      fc.property(validTenDigitCode, (code) => {
        for (let position = 0; position < 10; position++) {
          for (let digit = 0; digit <= 9; digit++) {
            if (String(digit) === code[position]) continue;
            const changed = `${code.slice(0, position)}${digit}${code.slice(position + 1)}`;
            const result = parseTaxCode(changed);
            if (!('violation' in result)) return false;
            // The one other possible rule: a change that zeroes all of N3–N9.
            if (result.violation.rule !== 'checksum' && result.violation.rule !== 'format') return false;
          }
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });

  it('does not catch a single-digit change in a branch suffix: the suffix has no check digit', () => {
    // Stated, not hidden: 0314409058-002 and 0314409058-003 are both valid branch codes.
    fc.assert(
      fc.property(
        validTenDigitCode,
        branchSuffix,
        fc.integer({ min: 0, max: 2 }),
        (code, suffix, position) => {
          const digit = (Number(suffix[position]) + 1) % 10;
          const changed = `${suffix.slice(0, position)}${digit}${suffix.slice(position + 1)}`;
          return isValidTaxCode(`${code}-${changed}`) === (changed !== '000');
        },
      ),
    );
  });

  it('round-trips canonical branch codes, whatever separator they were written with', () => {
    fc.assert(
      fc.property(
        validTenDigitCode,
        branchSuffix,
        fc.constantFrom('', '-', ' ', ' - ', '.', '/', '_', '–'),
        (code, suffix, separator) => {
          const canonical = enterpriseCodeSchema.parse(`${code}${separator}${suffix}`);
          return canonical === `${code}-${suffix}` && enterpriseCodeSchema.parse(canonical) === canonical;
        },
      ),
    );
  });
});
