import { z } from 'zod';
import { addRuleIssue, type RuleViolation } from '../rule-issue.js';
import { personalIdViolation } from './personal-id.js';

/**
 * Enterprise code = tax code (mã số doanh nghiệp / mã số thuế).
 * - 10 digits N1…N10: N3–N9 not all zero, N10 a check digit (see `taxCodeCheckDigit`);
 * - 13 digits for branches and dependent units, canonical form `NNNNNNNNNN-NNN` with suffix 001–999;
 * - 12 digits: an individual's personal id, used as tax code since 1 July 2025 (no check digit, but
 *   the personal id's own structure rules apply).
 */

const checkDigitWeights = [31, 29, 23, 19, 17, 13, 7, 5, 3] as const;

/**
 * The check digit N10 for the first nine digits: 10 − (Σ wᵢ·Nᵢ mod 11). `null` when that is 10 (the
 * rule's "10 or 11": with this formula only 10 can occur), meaning no valid code has these nine digits.
 * Every weight is non-zero mod 11, so changing any single digit always changes the expected check digit:
 * a single-digit typo never yields another valid code.
 */
export function taxCodeCheckDigit(first9Digits: string): number | null {
  if (!/^\d{9}$/.test(first9Digits)) throw new RangeError('taxCodeCheckDigit needs exactly 9 digits');
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += checkDigitWeights[i]! * Number(first9Digits[i]);
  const checkDigit = 10 - (sum % 11);
  return checkDigit >= 10 ? null : checkDigit;
}

/** Separators people put between the 10-digit code and the branch suffix: -, –, —, ., /, _ or spaces. */
const branchSeparator = /^(\d{10})\s*[-‐‑–—./_]?\s*(\d{3})$/u;

function tenDigitViolation(code: string): RuleViolation | undefined {
  if (/^\d\d0{7}/.test(code)) {
    return { rule: 'format', message: 'Tax code digits 3 to 9 must not all be zero' };
  }
  const expected = taxCodeCheckDigit(code.slice(0, 9));
  if (expected === null) {
    return {
      rule: 'checksum',
      message: 'No valid tax code starts with these 9 digits (the check digit would be 10)',
    };
  }
  if (Number(code[9]) !== expected) {
    return { rule: 'checksum', message: `Tax code check digit must be ${expected}, not ${code[9]}` };
  }
  return undefined;
}

/** The canonical form of a tax code, or the first rule it breaks. */
export function parseTaxCode(input: string): { canonical: string } | { violation: RuleViolation } {
  const trimmed = input.normalize('NFKC').trim();
  const branch = branchSeparator.exec(trimmed);
  if (branch) {
    const [, head = '', suffix = ''] = branch;
    const violation = tenDigitViolation(head);
    if (violation) return { violation };
    if (suffix === '000') {
      return { violation: { rule: 'branch_suffix', message: 'Branch suffix must be 001 to 999, not 000' } };
    }
    return { canonical: `${head}-${suffix}` };
  }
  if (!/^\d+$/.test(trimmed)) {
    return {
      violation: {
        rule: 'format',
        message: 'Tax code must be 10 digits, 12 digits (personal id) or 13 digits written NNNNNNNNNN-NNN',
      },
    };
  }
  if (trimmed.length === 10) {
    const violation = tenDigitViolation(trimmed);
    return violation ? { violation } : { canonical: trimmed };
  }
  if (trimmed.length === 12) {
    const violation = personalIdViolation(trimmed);
    return violation ? { violation } : { canonical: trimmed };
  }
  return {
    violation: {
      rule: 'length',
      message: `Tax code must have 10, 12 or 13 digits, not ${trimmed.length}`,
    },
  };
}

/**
 * An enterprise (tax) code. Accepts a branch code with any common separator (or none) and outputs the
 * canonical form: 10 digits, 12 digits, or `NNNNNNNNNN-NNN`.
 */
export const enterpriseCodeSchema = z
  .string({ error: 'enterpriseCode must be a string' })
  // A branch code is 14 characters (NNNNNNNNNN-NNN); the rest is room for the spaces that are trimmed.
  .max(32, 'enterpriseCode must be at most 32 characters')
  .transform((input, ctx) => {
    const result = parseTaxCode(input);
    if ('violation' in result) {
      addRuleIssue(ctx, result.violation);
      return z.NEVER;
    }
    return result.canonical;
  });

export type EnterpriseCode = z.infer<typeof enterpriseCodeSchema>;

/** Whether a string is a valid tax code in any accepted form (separators tolerated). */
export function isValidTaxCode(s: string): boolean {
  return 'canonical' in parseTaxCode(s);
}
