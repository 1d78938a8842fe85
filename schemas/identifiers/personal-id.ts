import { z } from 'zod';
import { isProvinceCode } from '../admin-units/provinces.js';
import { birthYearOf, vietnamToday, type DateOfBirth } from '../date-of-birth.js';
import { addRuleIssue, type RuleViolation } from '../rule-issue.js';

/**
 * Personal id (số định danh cá nhân, on the CCCD / căn cước card): 12 digits, no check digit.
 * - digits 1–3: province where the birth was registered, a pre-2025 province code zero-padded to 3
 *   (001 Hà Nội … 074 Bình Dương … 096 Cà Mau); issued numbers never change, so the 2025 merger does
 *   not affect them;
 * - digit 4: century and sex: 1900s male 0 / female 1, 2000s 2 / 3, … 2300s 8 / 9;
 * - digits 5–6: last two digits of the birth year; digits 7–12: random.
 */

export const sexSchema = z.enum(['male', 'female'], { error: 'sex must be "male" or "female"' });
export type Sex = z.infer<typeof sexSchema>;

/** Digit 4 of a personal id for a birth year (1900–2399) and sex. */
export function centurySexDigit(birthYear: number, sex: Sex): number {
  if (!Number.isInteger(birthYear) || birthYear < 1900 || birthYear > 2399) {
    throw new RangeError(`No century/sex digit exists for birth year ${birthYear}`);
  }
  return 2 * (Math.floor(birthYear / 100) - 19) + (sex === 'female' ? 1 : 0);
}

export interface PersonalIdFacts {
  /** The pre-2025 province code (2 digits, e.g. '74' for Bình Dương), from digits 2–3. */
  birthRegistrationProvinceCode: string;
  sex: Sex;
  /** Four-digit birth year from digit 4 (century) and digits 5–6. */
  birthYear: number;
}

/** What a personal id says about its holder. Throws on a string that is not 12 digits. */
export function describePersonalId(id: string): PersonalIdFacts {
  if (!/^\d{12}$/.test(id)) throw new RangeError('describePersonalId needs a 12-digit personal id');
  const centurySex = Number(id[3]);
  return {
    birthRegistrationProvinceCode: id.slice(1, 3),
    sex: centurySex % 2 === 0 ? 'male' : 'female',
    birthYear: 1900 + 100 * Math.floor(centurySex / 2) + Number(id.slice(4, 6)),
  };
}

/** The first structural rule a personal id breaks, judged against `today` (`YYYY-MM-DD`, Vietnam). */
export function personalIdViolation(id: string, today: string = vietnamToday()): RuleViolation | undefined {
  if (!/^\d+$/.test(id)) return { rule: 'format', message: 'Personal id must contain digits only' };
  if (id.length !== 12) {
    return { rule: 'length', message: `Personal id must be exactly 12 digits, not ${id.length}` };
  }
  if (id[0] !== '0' || !isProvinceCode(id.slice(1, 3), 'pre2025')) {
    return {
      rule: 'province_code',
      message: `Personal id digits 1-3 (${id.slice(0, 3)}) are not a province code`,
    };
  }
  const { birthYear } = describePersonalId(id);
  const currentYear = Number(today.slice(0, 4));
  if (Math.floor(birthYear / 100) > Math.floor(currentYear / 100)) {
    return {
      rule: 'century_sex_digit',
      message: `Personal id digit 4 (${id[3]}) stands for a century that has not begun`,
    };
  }
  if (birthYear > currentYear) {
    return {
      rule: 'future_date',
      message: `Personal id gives birth year ${birthYear}, which is in the future`,
    };
  }
  return undefined;
}

/** Personal id (số định danh cá nhân): 12 digits, a known province, a century that has begun. */
export const personalIdSchema = z
  .string({ error: 'personalId must be a string of 12 digits' })
  .superRefine((id, ctx) => {
    const violation = personalIdViolation(id);
    if (violation) addRuleIssue(ctx, violation);
  });

export type PersonalId = z.infer<typeof personalIdSchema>;

/** Old identity card (CMND) number: 9 digits. */
export const oldIdCardNumberSchema = z
  .string({ error: 'oldIdCardNumber must be a string of 9 digits' })
  .superRefine((value, ctx) => {
    if (!/^\d+$/.test(value)) {
      addRuleIssue(ctx, { rule: 'format', message: 'Old id card number must contain digits only' });
    } else if (value.length !== 9) {
      addRuleIssue(ctx, {
        rule: 'length',
        message: `Old id card number must be exactly 9 digits, not ${value.length}`,
      });
    }
  });

export type OldIdCardNumber = z.infer<typeof oldIdCardNumberSchema>;

export interface StatedFacts {
  dateOfBirth?: DateOfBirth | undefined;
  sex?: Sex | undefined;
}

/**
 * Whether a structurally valid personal id agrees with the date of birth and sex stated beside it.
 * Returns nothing for an id that is not structurally valid: that is reported by `personalIdSchema`.
 */
export function checkPersonalIdConsistency(id: string, stated: StatedFacts): RuleViolation[] {
  if (!/^\d{12}$/.test(id)) return [];
  const facts = describePersonalId(id);
  const violations: RuleViolation[] = [];
  if (stated.dateOfBirth !== undefined && /^\d{4}/.test(stated.dateOfBirth)) {
    const statedYear = birthYearOf(stated.dateOfBirth);
    if (statedYear !== facts.birthYear) {
      violations.push({
        rule: 'inconsistent_with_date_of_birth',
        message: `Personal id digits 4-6 give birth year ${facts.birthYear}, but the date of birth is in ${statedYear}`,
      });
    }
  }
  if (stated.sex !== undefined && stated.sex !== facts.sex) {
    violations.push({
      rule: 'inconsistent_with_sex',
      message: `Personal id digit 4 says ${facts.sex}, but the stated sex is ${stated.sex}`,
    });
  }
  return violations;
}

/**
 * A refinement for a request object holding a personal id with a date of birth and/or sex: reports
 * each inconsistency as an issue on the personal id field, e.g.
 * `z.object({ personalId: personalIdSchema, dateOfBirth: dateOfBirthSchema.optional() })
 *    .superRefine(personalIdConsistency({ personalId: 'personalId', dateOfBirth: 'dateOfBirth' }))`.
 */
export function personalIdConsistency<T extends Record<string, unknown>>(fields: {
  personalId: keyof T & string;
  dateOfBirth?: keyof T & string;
  sex?: keyof T & string;
}): (value: T, ctx: z.RefinementCtx) => void {
  return (value, ctx) => {
    const id = value[fields.personalId];
    if (typeof id !== 'string') return;
    const dateOfBirth: unknown = fields.dateOfBirth ? value[fields.dateOfBirth] : undefined;
    const sex: unknown = fields.sex ? value[fields.sex] : undefined;
    const violations = checkPersonalIdConsistency(id, {
      dateOfBirth: typeof dateOfBirth === 'string' ? dateOfBirth : undefined,
      sex: sex === 'male' || sex === 'female' ? sex : undefined,
    });
    for (const violation of violations) addRuleIssue(ctx, violation, [fields.personalId]);
  };
}
