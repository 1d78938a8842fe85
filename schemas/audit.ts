import { z } from 'zod';
import { personalIdSchema } from './identifiers/personal-id.js';
import { addRuleIssue } from './rule-issue.js';

/** How many accesses one page of a subject report holds at most. */
export const subjectReportPageSize = 100;

/** The longest ISO-8601 time taken: nanoseconds and an offset (`2025-07-01T09:30:00.123456789+07:00`). */
export const maxTimestampLength = 35;

/** "Who accessed this citizen's data?" — over an optional time range, a page at a time. */
export const subjectReportRequestSchema = z
  .strictObject({
    personalId: personalIdSchema,
    from: z.iso
      .datetime({ offset: true })
      .max(maxTimestampLength)
      .optional()
      .describe('Earliest access to list (ISO-8601, inclusive)'),
    to: z.iso
      .datetime({ offset: true })
      .max(maxTimestampLength)
      .optional()
      .describe('Latest access to list (ISO-8601, inclusive)'),
    cursor: z
      .string()
      .min(1)
      .max(1024)
      // Cursors are base64url (dynamodb-ledger-reader.ts); what decodes to no ledger position is refused there.
      .regex(/^[A-Za-z0-9_-]+$/, 'cursor must be the nextCursor of a previous page')
      .optional()
      .describe('`nextCursor` of the previous page, to read the next one'),
  })
  .superRefine((request, context) => {
    if (request.from && request.to && Date.parse(request.from) > Date.parse(request.to)) {
      addRuleIssue(context, {
        rule: 'not_before_from',
        message: 'to must not be earlier than from',
        path: ['to'],
      });
    }
  });

export const accessOutcomeSchema = z.enum([
  'allowed',
  'unauthenticated',
  'denied',
  'rate-limited',
  'invalid',
  'not-found',
  'upstream-failed',
  'upstream-unavailable',
  'upstream-timeout',
  'failed',
]);

/** One access to the subject's data, as the ledger recorded it. */
export const subjectAccessSchema = z.object({
  recordedAt: z.iso.datetime(),
  requestId: z.string(),
  clientId: z.string(),
  officerId: z.string(),
  purpose: z.string().describe('The procedure code (x-purpose) the access was made for'),
  dossierId: z.string().optional(),
  operation: z.string().describe('e.g. `population:verify`, `population:lookup`, `land:read`'),
  outcome: accessOutcomeSchema,
  fieldsDisclosed: z.array(z.string()).describe('Names of the fields of personal data the answer disclosed'),
});

export const subjectReportResponseSchema = z.object({
  requestId: z.string(),
  accesses: z.array(subjectAccessSchema).describe('Oldest first'),
  nextCursor: z.string().optional().describe('Present when more accesses follow'),
  generatedAt: z.iso.datetime(),
});

export type SubjectReportRequest = z.infer<typeof subjectReportRequestSchema>;
export type SubjectAccess = z.infer<typeof subjectAccessSchema>;
export type SubjectReportResponse = z.infer<typeof subjectReportResponseSchema>;
