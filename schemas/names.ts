import { z } from 'zod';
import { addRuleIssue } from './rule-issue.js';

/**
 * Vietnamese personal names. The same name reaches the gateway in NFC or NFD, in any case, and with
 * either tone placement in "oa", "oe", "uy" ("Hoà" / "Hòa", "Thuý" / "Thúy", both seen in official
 * texts). Comparing bytes would fail real citizens; comparing without diacritics would confuse
 * different people ("Hà" and "Hạ"), so that weaker match is graded separately and never as a match.
 */

const toneMarks = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);
const vowels = new Set([...'aăâeêioôơuưy']);
const markedVowels = new Set([...'ăâêôơư']);

/** Index (in `letters`, lower-case base letters without tone) of the vowel that carries the tone. */
function toneCarrier(letters: string[]): number | undefined {
  let start = letters.findIndex((letter) => vowels.has(letter));
  if (start < 0) return undefined;
  // In "qu…" and "gi…" before another vowel, the u / i belong to the initial consonant.
  const next = letters[start + 1];
  if (next !== undefined && vowels.has(next)) {
    if (start === 1 && letters[0] === 'q' && letters[1] === 'u') start += 1;
    else if (start === 1 && letters[0] === 'g' && letters[1] === 'i') start += 1;
  }
  let end = start;
  while (end < letters.length && vowels.has(letters[end]!)) end++;
  // A second vowel group means this is not one Vietnamese syllable: leave it alone.
  if (letters.slice(end).some((letter) => vowels.has(letter))) return undefined;
  const cluster = letters.slice(start, end);
  const hasFinalConsonant = end < letters.length;
  for (let i = cluster.length - 1; i >= 0; i--) {
    if (markedVowels.has(cluster[i]!)) return start + i;
  }
  if (cluster.length === 1) return start;
  if (hasFinalConsonant) return end - 1;
  if (cluster.length >= 3) return start + 1;
  // Two vowels, open syllable: the first carries the tone (hài, kìa, của), and so, canonically, do
  // oa, oe, uy, whose modern placement on the second vowel (hoà, thuý) is the accepted variant.
  return start;
}

/** Moves the tone mark of one syllable to its canonical vowel; anything unusual is returned unchanged. */
function normalizeSyllableTone(syllable: string): string {
  const decomposed = [...syllable.normalize('NFD')];
  const tones = decomposed.filter((ch) => toneMarks.has(ch));
  const [tone] = tones;
  if (tone === undefined || tones.length > 1) return syllable.normalize('NFC');
  const base = [
    ...decomposed
      .filter((ch) => !toneMarks.has(ch))
      .join('')
      .normalize('NFC'),
  ];
  const carrier = toneCarrier(base.map((ch) => ch.toLowerCase()));
  if (carrier === undefined) return syllable.normalize('NFC');
  return base
    .map((ch, i) => (i === carrier ? ch + tone : ch))
    .join('')
    .normalize('NFC');
}

/**
 * Puts every tone mark where the traditional rule places it (Hòa, Thúy, Khỏe, Của), preserving case.
 * Only the position changes: the letters and marks stay the same.
 */
export function normalizeTonePlacement(text: string): string {
  return text
    .normalize('NFC')
    .split(/([^\p{L}\p{M}]+)/u)
    .map((part, i) => (i % 2 === 0 ? normalizeSyllableTone(part) : part))
    .join('');
}

/** NFC, trimmed, single spaces, lower case, canonical tone placement; Ð (U+00D0) read as Đ. */
export function normalizeVietnameseName(name: string): string {
  const folded = name.normalize('NFC').trim().replace(/\s+/gu, ' ').toLowerCase().replaceAll('ð', 'đ');
  return normalizeTonePlacement(folded);
}

/** Without any diacritics, and đ as d: the form in which "Hà", "Hạ" and "Ha" are all equal. */
export function stripVietnameseDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replaceAll('đ', 'd')
    .replaceAll('Đ', 'D')
    .replaceAll('ð', 'd')
    .replaceAll('Ð', 'D')
    .normalize('NFC');
}

export const nameMatchSchema = z.enum(['exact', 'normalized', 'diacritics_insensitive', 'different']);
/**
 * - `exact`: the same string;
 * - `normalized`: equal after `normalizeVietnameseName` (encoding, case, spacing, tone placement);
 * - `diacritics_insensitive`: equal only without diacritics — a weaker signal, never a full match;
 * - `different`.
 */
export type NameMatch = z.infer<typeof nameMatchSchema>;

export function compareNames(a: string, b: string): NameMatch {
  if (a === b) return 'exact';
  const normalizedA = normalizeVietnameseName(a);
  const normalizedB = normalizeVietnameseName(b);
  if (normalizedA === normalizedB) return 'normalized';
  if (stripVietnameseDiacritics(normalizedA) === stripVietnameseDiacritics(normalizedB)) {
    return 'diacritics_insensitive';
  }
  return 'different';
}

/** Whether a grade counts as the same name; `diacritics_insensitive` deliberately does not. */
export function isNameMatch(match: NameMatch): boolean {
  return match === 'exact' || match === 'normalized';
}

const maxFullNameLength = 100;
/**
 * Letters (with their marks), spaces, hyphens, dots, and apostrophes: the last for names of ethnic
 * minorities such as "H'Hen Niê".
 */
const fullNameCharacters = /^[\p{L}\p{M} .'’-]+$/u;

/** A full name as given, for display: NFC, trimmed, single spaces; case and tone placement kept. */
export const fullNameSchema = z.string({ error: 'fullName must be a string' }).transform((input, ctx) => {
  const name = input.normalize('NFC').trim().replace(/\s+/gu, ' ');
  if (name.length === 0) {
    addRuleIssue(ctx, { rule: 'required', message: 'Full name must not be empty' });
    return z.NEVER;
  }
  if (name.length > maxFullNameLength) {
    addRuleIssue(ctx, {
      rule: 'length',
      message: `Full name must be at most ${maxFullNameLength} characters`,
    });
    return z.NEVER;
  }
  if (!fullNameCharacters.test(name) || !/\p{L}/u.test(name)) {
    addRuleIssue(ctx, {
      rule: 'characters',
      message: 'Full name may contain only letters, spaces, hyphens, dots and apostrophes',
    });
    return z.NEVER;
  }
  return name;
});

export type FullName = z.infer<typeof fullNameSchema>;

/**
 * A full name split as the population registry holds it: family name (Họ) first, given name (Tên)
 * last, everything between as middle name (Chữ đệm, possibly empty).
 */
export function splitVietnameseName(fullName: FullName): {
  familyName: string;
  middleName: string;
  givenName: string;
} {
  const words = fullName.trim().split(/\s+/u);
  if (words.length === 1) return { familyName: '', middleName: '', givenName: words[0] ?? '' };
  return {
    familyName: words[0] ?? '',
    middleName: words.slice(1, -1).join(' '),
    givenName: words[words.length - 1] ?? '',
  };
}
