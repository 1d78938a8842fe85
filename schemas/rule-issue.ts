import type { z } from 'zod';

/**
 * A failed domain rule. The gateway's error mapper reads `params.rule` from every zod issue, so each
 * failure that is not a plain type error is reported through this one shape.
 */
export interface RuleViolation {
  rule: string;
  message: string;
  /** Relative to the value being checked; empty when the value as a whole fails. */
  path?: (string | number)[];
}

/** Adds a violation to a refinement context as a zod `custom` issue carrying `params.rule`. */
export function addRuleIssue(
  ctx: z.RefinementCtx,
  { rule, message, path }: RuleViolation,
  basePath: (string | number)[] = [],
): void {
  ctx.addIssue({ code: 'custom', message, params: { rule }, path: [...basePath, ...(path ?? [])] });
}

/** The stable rule of an issue: `params.rule` for domain rules, otherwise zod's own issue code. */
export function ruleOfIssue(issue: z.core.$ZodIssue | undefined): string | undefined {
  if (!issue) return undefined;
  const rule: unknown = issue.code === 'custom' ? issue.params?.rule : undefined;
  return typeof rule === 'string' ? rule : issue.code;
}
