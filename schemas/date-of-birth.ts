import { z } from 'zod';
import { addRuleIssue, type RuleViolation } from './rule-issue.js';

/**
 * Dates of birth. The API form is `YYYY-MM-DD`, or `YYYY` for the people whose records hold a year only.
 * The population registry uses `{ Nam: 'yyyy', NgayThangNam: 'yyyyMMdd' }` (year-only births carry
 * `Nam` alone); the card's QR payload uses `ddMMyyyy`; screens show `dd/MM/yyyy`.
 */

const earliestBirthYear = 1900;
/** Vietnam has kept UTC+7 without daylight saving since 1975, so a fixed offset is exact. */
const vietnamOffsetMs = 7 * 60 * 60 * 1000;

/** Today's date in Vietnam as `YYYY-MM-DD`: "in the future" is judged by the citizen's calendar, not UTC. */
export function vietnamToday(now: Date = new Date()): string {
  return new Date(now.getTime() + vietnamOffsetMs).toISOString().slice(0, 10);
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The first rule an API-form date of birth breaks, judged against `today` (`YYYY-MM-DD`). */
export function dateOfBirthViolation(
  value: string,
  today: string = vietnamToday(),
): RuleViolation | undefined {
  const match = /^(\d{4})(?:-(\d{2})-(\d{2}))?$/.exec(value);
  if (!match) return { rule: 'format', message: 'Date of birth must be YYYY-MM-DD or YYYY' };
  const [, year = '', month, day] = match;
  if (month !== undefined && day !== undefined && !isCalendarDate(Number(year), Number(month), Number(day))) {
    return { rule: 'calendar_date', message: `${value} is not a calendar date` };
  }
  if (Number(year) < earliestBirthYear) {
    return { rule: 'before_1900', message: 'Date of birth must not be before 1900' };
  }
  // Comparing ISO strings of the same shape orders them chronologically.
  if (value > today.slice(0, value.length)) {
    return { rule: 'future_date', message: 'Date of birth must not be in the future' };
  }
  return undefined;
}

/** A date of birth as the API accepts it: a full date `YYYY-MM-DD`, or a year alone `YYYY`. */
export const dateOfBirthSchema = z
  .string({ error: 'dateOfBirth must be a string' })
  .superRefine((value, ctx) => {
    const violation = dateOfBirthViolation(value);
    if (violation) addRuleIssue(ctx, violation);
  });

export type DateOfBirth = z.infer<typeof dateOfBirthSchema>;

export function birthYearOf(dateOfBirth: DateOfBirth): number {
  return Number(dateOfBirth.slice(0, 4));
}

export function isYearOnly(dateOfBirth: DateOfBirth): boolean {
  return dateOfBirth.length === 4;
}

/** The population registry's form of a date of birth. */
export const registryDateOfBirthSchema = z
  .object({
    Nam: z.union([z.string(), z.number()]).transform(String),
    NgayThangNam: z.string().optional(),
  })
  .transform((registryDate, ctx): DateOfBirth => {
    const { Nam: year, NgayThangNam: fullDate } = registryDate;
    if (!/^\d{4}$/.test(year)) {
      addRuleIssue(ctx, { rule: 'format', message: 'Nam must be a 4-digit year', path: ['Nam'] });
      return z.NEVER;
    }
    let dateOfBirth = year;
    // An empty NgayThangNam is how some responses say "year only".
    if (fullDate !== undefined && fullDate !== '') {
      if (!/^\d{8}$/.test(fullDate)) {
        addRuleIssue(ctx, {
          rule: 'format',
          message: 'NgayThangNam must be yyyyMMdd',
          path: ['NgayThangNam'],
        });
        return z.NEVER;
      }
      if (fullDate.slice(0, 4) !== year) {
        addRuleIssue(ctx, {
          rule: 'inconsistent_year',
          message: `NgayThangNam ${fullDate} is not in year Nam ${year}`,
          path: ['NgayThangNam'],
        });
        return z.NEVER;
      }
      dateOfBirth = `${fullDate.slice(0, 4)}-${fullDate.slice(4, 6)}-${fullDate.slice(6, 8)}`;
    }
    const violation = dateOfBirthViolation(dateOfBirth);
    if (violation) {
      addRuleIssue(ctx, violation);
      return z.NEVER;
    }
    return dateOfBirth;
  });

export type RegistryDateOfBirth = z.input<typeof registryDateOfBirthSchema>;

export function toRegistryDate(dateOfBirth: DateOfBirth): { Nam: string; NgayThangNam?: string } {
  const year = dateOfBirth.slice(0, 4);
  return isYearOnly(dateOfBirth)
    ? { Nam: year }
    : { Nam: year, NgayThangNam: dateOfBirth.replaceAll('-', '') };
}

/** Parses the registry's form into the API form; throws a ZodError carrying the rule when invalid. */
export function fromRegistryDate(registryDate: RegistryDateOfBirth): DateOfBirth {
  return registryDateOfBirthSchema.parse(registryDate);
}

/** The card's QR payload form, `ddMMyyyy`, parsed into the API form. */
export const cardDateOfBirthSchema = z
  .string({ error: 'card date of birth must be a string' })
  .transform((value, ctx): DateOfBirth => {
    if (!/^\d{8}$/.test(value)) {
      addRuleIssue(ctx, { rule: 'format', message: 'Card date of birth must be ddMMyyyy' });
      return z.NEVER;
    }
    const dateOfBirth = `${value.slice(4, 8)}-${value.slice(2, 4)}-${value.slice(0, 2)}`;
    const violation = dateOfBirthViolation(dateOfBirth);
    if (violation) {
      addRuleIssue(ctx, violation);
      return z.NEVER;
    }
    return dateOfBirth;
  });

export function fromCardDate(ddMMyyyy: string): DateOfBirth {
  return cardDateOfBirthSchema.parse(ddMMyyyy);
}

export function toCardDate(dateOfBirth: DateOfBirth): string | undefined {
  if (isYearOnly(dateOfBirth)) return undefined;
  return `${dateOfBirth.slice(8, 10)}${dateOfBirth.slice(5, 7)}${dateOfBirth.slice(0, 4)}`;
}

/** `dd/MM/yyyy` as shown on screens, or the year alone. */
export function toDisplayDate(dateOfBirth: DateOfBirth): string {
  if (isYearOnly(dateOfBirth)) return dateOfBirth;
  return `${dateOfBirth.slice(8, 10)}/${dateOfBirth.slice(5, 7)}/${dateOfBirth.slice(0, 4)}`;
}
