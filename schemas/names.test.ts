import fc from 'fast-check';
import {
  compareNames,
  fullNameSchema,
  isNameMatch,
  normalizeTonePlacement,
  normalizeVietnameseName,
  splitVietnameseName,
  stripVietnameseDiacritics,
} from './names.js';
import { ruleOfIssue } from './rule-issue.js';

/** Syllables of real names, several with the tone-placement variants seen in official texts. */
const syllable = fc.constantFrom(
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Đặng',
  'Thị',
  'Văn',
  'Hoà',
  'Hòa',
  'Thuý',
  'Thúy',
  'Thuỳ',
  'Thùy',
  'Khoẻ',
  'Khỏe',
  'Hoàng',
  'Quý',
  'Ngọc',
  'Dương',
  'Người',
  'Giang',
  'Xoá',
  'Huệ',
  'Tuỵ',
  'Đức',
  'Ánh',
);
const vietnameseName = fc.array(syllable, { minLength: 1, maxLength: 5 }).map((words) => words.join(' '));

const withOtherTonePlacement = (name: string) =>
  name.replace(
    /Hoà|Hòa|Thuý|Thúy|Khoẻ|Khỏe|Thuỳ|Thùy|Xoá|Tuỵ/gu,
    (word) =>
      ({
        Hoà: 'Hòa',
        Hòa: 'Hoà',
        Thuý: 'Thúy',
        Thúy: 'Thuý',
        Khoẻ: 'Khỏe',
        Khỏe: 'Khoẻ',
        Thuỳ: 'Thùy',
        Thùy: 'Thuỳ',
        Xoá: 'Xóa',
        Tuỵ: 'Tụy',
      })[word] ?? word,
  );

describe('normalizeVietnameseName', () => {
  it('folds NFD, case, spacing and tone placement into one form', () => {
    expect(normalizeVietnameseName('  NGUYỄN   Thị\tThuý '.normalize('NFD'))).toBe('nguyễn thị thúy');
  });

  it.each([
    ['Hoà', 'hòa'],
    ['Thanh Hoá', 'thanh hóa'],
    ['Thuỳ', 'thùy'],
    ['khoẻ', 'khỏe'],
    ['cuả', 'của'],
    ['Quý', 'quý'],
    ['Hoàng', 'hoàng'],
    ['Thuyết', 'thuyết'],
    ['Ngoài', 'ngoài'],
    ['Giữ', 'giữ'],
    ['Người', 'người'],
    ['Khuỷu', 'khuỷu'],
  ])('writes %s as %s', (name, normalized) => {
    expect(normalizeVietnameseName(name)).toBe(normalized);
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(
        fc.string(),
        (s) => normalizeVietnameseName(normalizeVietnameseName(s)) === normalizeVietnameseName(s),
      ),
    );
  });
});

describe('normalizeTonePlacement', () => {
  it('moves only the tone mark and keeps the case', () => {
    expect(normalizeTonePlacement('THANH HOÁ, Thuý')).toBe('THANH HÓA, Thúy');
  });

  it('leaves words that are not single Vietnamese syllables alone', () => {
    expect(normalizeTonePlacement('Ksor H’Hen Niê')).toBe('Ksor H’Hen Niê');
  });
});

describe('compareNames', () => {
  it('grades identical strings as exact', () => {
    expect(compareNames('Nguyễn Văn An', 'Nguyễn Văn An')).toBe('exact');
  });

  it('grades NFC against NFD as normalized', () => {
    fc.assert(
      fc.property(vietnameseName, (name) => {
        const nfd = name.normalize('NFD');
        return nfd === name || compareNames(name, nfd) === 'normalized';
      }),
    );
  });

  it('grades case and spacing variants as normalized', () => {
    fc.assert(
      fc.property(vietnameseName, (name) => {
        const variant = ` ${name.toUpperCase().replaceAll(' ', '  ')}`;
        return compareNames(name, variant) === 'normalized';
      }),
    );
  });

  it('grades tone-placement variants ("Hoà"/"Hòa", "Thuý"/"Thúy") as normalized', () => {
    expect(compareNames('Lê Thị Thuý Hoà', 'Lê Thị Thúy Hòa')).toBe('normalized');
    fc.assert(
      fc.property(vietnameseName, (name) => {
        const variant = withOtherTonePlacement(name);
        return variant === name || compareNames(name, variant) === 'normalized';
      }),
    );
  });

  it('grades a match that holds only without diacritics as diacritics_insensitive, never as a match', () => {
    expect(compareNames('Đặng Thị Hà', 'Dang Thi Ha')).toBe('diacritics_insensitive');
    expect(compareNames('Hà', 'Hạ')).toBe('diacritics_insensitive');
    expect(isNameMatch('diacritics_insensitive')).toBe(false);
    fc.assert(
      fc.property(vietnameseName, (name) => {
        const stripped = stripVietnameseDiacritics(name);
        const grade = compareNames(name, stripped);
        return stripped === name || grade === 'diacritics_insensitive';
      }),
    );
  });

  it('grades different names as different', () => {
    expect(compareNames('Nguyễn Văn An', 'Nguyễn Văn Anh')).toBe('different');
  });

  it('is symmetric, for names and for arbitrary strings', () => {
    fc.assert(
      fc.property(vietnameseName, vietnameseName, (a, b) => compareNames(a, b) === compareNames(b, a)),
    );
    fc.assert(fc.property(fc.string(), fc.string(), (a, b) => compareNames(a, b) === compareNames(b, a)));
  });
});

describe('fullNameSchema', () => {
  it('outputs NFC with single spaces, keeping case and tone placement as given', () => {
    expect(fullNameSchema.parse('  Lê  Thị Thuý '.normalize('NFD'))).toBe('Lê Thị Thuý');
  });

  it('accepts hyphens, dots and the apostrophes of ethnic-minority names', () => {
    expect(fullNameSchema.parse("H'Hen Niê")).toBe("H'Hen Niê");
    expect(fullNameSchema.parse('Nguyễn T. Lan-Anh')).toBe('Nguyễn T. Lan-Anh');
  });

  it.each([
    ['   ', 'required'],
    ['A'.repeat(101), 'length'],
    ['Nguyễn Văn 2', 'characters'],
    ['Lan <script>', 'characters'],
    ['-.', 'characters'],
  ])('rejects %j with rule %s', (name, rule) => {
    expect(fullNameSchema.safeParse(name).error?.issues.map(ruleOfIssue)[0]).toBe(rule);
  });
});

describe('splitVietnameseName', () => {
  it('splits family, middle and given names as the registry holds them', () => {
    expect(splitVietnameseName('Nguyễn Thị Minh Khai')).toEqual({
      familyName: 'Nguyễn',
      middleName: 'Thị Minh',
      givenName: 'Khai',
    });
  });
});
