import fc from 'fast-check';
import {
  cardDateOfBirthSchema,
  dateOfBirthSchema,
  dateOfBirthViolation,
  fromCardDate,
  fromRegistryDate,
  registryDateOfBirthSchema,
  toCardDate,
  toDisplayDate,
  toRegistryDate,
  vietnamToday,
} from './date-of-birth.js';
import { ruleOfIssue } from './rule-issue.js';

const today = '2026-07-01';

/** Any calendar date from 1900 up to `today`, in the API form. */
const pastDate = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date(`${today}T00:00:00Z`), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

describe('dateOfBirthViolation', () => {
  it.each(['1990-05-17', '1990', '1900-01-01', '1900', '2024-02-29', today, '2026'])(
    'accepts %s',
    (value) => {
      expect(dateOfBirthViolation(value, today)).toBeUndefined();
    },
  );

  it.each([
    ['17/05/1990', 'format'],
    ['1990-5-17', 'format'],
    ['90', 'format'],
    ['1990-02-30', 'calendar_date'],
    ['2023-02-29', 'calendar_date'],
    ['1990-13-01', 'calendar_date'],
    ['1899-12-31', 'before_1900'],
    ['1899', 'before_1900'],
    ['2026-07-02', 'future_date'],
    ['2027', 'future_date'],
  ])('rejects %s with rule %s', (value, rule) => {
    expect(dateOfBirthViolation(value, today)?.rule).toBe(rule);
  });
});

describe('dateOfBirthSchema', () => {
  it('reports a failure as a custom issue whose params name the rule', () => {
    expect(dateOfBirthSchema.safeParse('1899-12-31').error?.issues).toEqual([
      {
        code: 'custom',
        path: [],
        message: 'Date of birth must not be before 1900',
        params: { rule: 'before_1900' },
      },
    ]);
  });

  it('rejects tomorrow in Vietnam as in the future', () => {
    const tomorrow = new Date(Date.parse(`${vietnamToday()}T00:00:00Z`) + 86_400_000)
      .toISOString()
      .slice(0, 10);
    expect(dateOfBirthSchema.safeParse(tomorrow).error?.issues.map(ruleOfIssue)[0]).toBe('future_date');
  });
});

describe('vietnamToday', () => {
  it('is already the next day in Vietnam at 17:00 UTC', () => {
    expect(vietnamToday(new Date('2026-03-31T17:00:00Z'))).toBe('2026-04-01');
    expect(vietnamToday(new Date('2026-03-31T16:59:59Z'))).toBe('2026-03-31');
  });
});

describe('registry form', () => {
  it('writes a full date as Nam and NgayThangNam, a year alone as Nam only', () => {
    expect(toRegistryDate('1990-05-17')).toEqual({ Nam: '1990', NgayThangNam: '19900517' });
    expect(toRegistryDate('1990')).toEqual({ Nam: '1990' });
  });

  it('round-trips full dates and years', () => {
    fc.assert(
      fc.property(pastDate, fc.boolean(), (date, yearOnly) => {
        const dateOfBirth = yearOnly ? date.slice(0, 4) : date;
        return fromRegistryDate(toRegistryDate(dateOfBirth)) === dateOfBirth;
      }),
    );
  });

  it('reads a numeric Nam and an empty NgayThangNam as a year-only birth', () => {
    expect(fromRegistryDate({ Nam: 1975, NgayThangNam: '' })).toBe('1975');
  });

  it.each([
    [{ Nam: '1990', NgayThangNam: '19910517' }, 'inconsistent_year', 'NgayThangNam'],
    [{ Nam: '1990', NgayThangNam: '1990-05-17' }, 'format', 'NgayThangNam'],
    [{ Nam: '90' }, 'format', 'Nam'],
    [{ Nam: '1990', NgayThangNam: '19900230' }, 'calendar_date', ''],
  ])('rejects %j with rule %s at %j', (value, rule, field) => {
    const issue = registryDateOfBirthSchema.safeParse(value).error?.issues[0];
    expect({ rule: ruleOfIssue(issue), field: issue?.path.join('.') }).toEqual({ rule, field });
  });
});

describe('card form', () => {
  it('reads ddMMyyyy', () => {
    expect(fromCardDate('17051990')).toBe('1990-05-17');
  });

  it('round-trips full dates', () => {
    fc.assert(fc.property(pastDate, (date) => fromCardDate(toCardDate(date)!) === date));
  });

  it('has no form for a year-only birth', () => {
    expect(toCardDate('1990')).toBeUndefined();
  });

  it.each([
    ['1990-05-17', 'format'],
    ['31021990', 'calendar_date'],
    ['01011899', 'before_1900'],
  ])('rejects %s with rule %s', (value, rule) => {
    expect(cardDateOfBirthSchema.safeParse(value).error?.issues.map(ruleOfIssue)[0]).toBe(rule);
  });
});

describe('toDisplayDate', () => {
  it('shows dd/MM/yyyy, or the year alone', () => {
    expect(toDisplayDate('1990-05-17')).toBe('17/05/1990');
    expect(toDisplayDate('1990')).toBe('1990');
  });
});
