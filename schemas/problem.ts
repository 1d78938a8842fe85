import { z } from 'zod';

/**
 * RFC 9457 problem details. Every error the gateway returns has this shape and the media type
 * `application/problem+json`. `type` is a stable URI per kind of error; `errors` names the offending
 * fields of a request when there are any.
 */
export const problemTypeBase = 'https://lienthong.gov.vn/problems/';

export const fieldErrorSchema = z.object({
  field: z.string().describe('Where the problem is: a body path (`personalId`), or `header:x-purpose`'),
  rule: z.string().describe('Which rule failed, stable and machine-readable (e.g. `format`, `checksum`)'),
  message: z.string(),
});

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  requestId: z.string().optional(),
  errors: z.array(fieldErrorSchema).optional(),
  retryAfterSeconds: z.number().int().optional(),
});

export type FieldError = z.infer<typeof fieldErrorSchema>;
export type Problem = z.infer<typeof problemSchema>;

export const problemMediaType = 'application/problem+json';
