import { z } from 'zod';
import { citizenLookupRequestSchema } from './citizen-lookup.js';
import { citizenVerificationRequestSchema } from './citizen-verification.js';
import { enterpriseCodeSchema } from './identifiers/tax-code.js';
import { certificateSerialSchema, parcelKeySchema } from './land.js';

/** Most items one batch may hold. */
export const maxBatchItems = 10_000;

/**
 * One item of a batch: its kind and the request the synchronous endpoint for that kind takes, validated
 * with the same schema (`citizen-verify` = POST /v1/citizens/verify, `citizen-lookup` =
 * POST /v1/citizens/lookup, `business` = GET /v1/businesses/{enterpriseCode}, `land-parcel` and
 * `land-certificate` = the two land lookups).
 */
export const batchItemSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('citizen-verify'), request: citizenVerificationRequestSchema }),
  z.object({ kind: z.literal('citizen-lookup'), request: citizenLookupRequestSchema }),
  z.object({
    kind: z.literal('business'),
    request: z.strictObject({ enterpriseCode: enterpriseCodeSchema }),
  }),
  z.object({ kind: z.literal('land-parcel'), request: parcelKeySchema }),
  z.object({
    kind: z.literal('land-certificate'),
    request: z.strictObject({ serial: certificateSerialSchema }),
  }),
]);
export type BatchItem = z.infer<typeof batchItemSchema>;
export type BatchItemKind = BatchItem['kind'];
export const batchItemKinds = [
  'citizen-verify',
  'citizen-lookup',
  'business',
  'land-parcel',
  'land-certificate',
] as const satisfies readonly BatchItemKind[];

/** The longest callback URL taken: the length browsers and CDNs reliably carry. */
export const maxCallbackUrlLength = 2048;

/** Where a webhook may be sent: https, or http to loopback where the deployment allows it. */
export const callbackUrlSchema = z
  .url({ protocol: /^https?$/, error: 'callbackUrl must be an http(s) URL' })
  .max(maxCallbackUrlLength, `callbackUrl must be at most ${maxCallbackUrlLength} characters`);

/** `POST /v1/batches` with `application/json`. */
export const batchSubmissionSchema = z.strictObject({
  items: z
    .array(z.unknown())
    .min(1, 'A batch holds at least one item')
    .max(maxBatchItems, `A batch holds at most ${maxBatchItems} items`),
  callbackUrl: callbackUrlSchema.optional(),
});

/**
 * CSV columns (`POST /v1/batches` with `text/csv`, a header row, columns in any order, unknown ones
 * refused): `kind` and the fields of that kind's request; empty cells are absent fields. The callback
 * URL, if any, comes in the `x-callback-url` header.
 */
export const batchCsvColumns = [
  'kind',
  'personalId',
  'fullName',
  'dateOfBirth',
  'oldIdNumber',
  'enterpriseCode',
  'communeCode',
  'mapSheet',
  'parcelNumber',
  'serial',
] as const;

export const batchStatusSchema = z.enum([
  'queued',
  'running',
  'completed',
  'completed_with_errors',
  'cancelled',
]);
export type BatchStatus = z.infer<typeof batchStatusSchema>;

export const itemOutcomeSchema = z.enum(['succeeded', 'not_found', 'rejected', 'denied', 'failed']);

export const batchCountsSchema = z.object({
  succeeded: z.number().int(),
  not_found: z.number().int(),
  rejected: z.number().int(),
  denied: z.number().int(),
  failed: z.number().int(),
});

export const batchAcceptedSchema = z.object({
  requestId: z.string(),
  batchId: z.string(),
  status: batchStatusSchema,
  total: z.number().int(),
  createdAt: z.iso.datetime(),
  /** The client's webhook signing secret (HMAC-SHA-256), when a callback URL was given. */
  callback: z
    .object({ url: z.string(), signatureHeader: z.literal('x-lienthong-signature'), secret: z.string() })
    .optional(),
});

export const batchStatusResponseSchema = z.object({
  batchId: z.string(),
  status: batchStatusSchema,
  total: z.number().int(),
  done: z.number().int(),
  counts: batchCountsSchema,
  progress: z.number().min(0).max(1),
  /** Seconds until the last item is expected, from the pace so far (absent before the first result). */
  estimatedSecondsRemaining: z.number().optional(),
  createdAt: z.iso.datetime(),
  cancelledAt: z.iso.datetime().optional(),
  /** The completion webhook: `pending` while attempts remain, then `delivered` or `failed`. */
  webhook: z
    .object({
      status: z.enum(['pending', 'delivered', 'failed']),
      attempts: z.number().int(),
      lastStatusCode: z.number().int().optional(),
      at: z.iso.datetime(),
    })
    .optional(),
});
export type BatchStatusResponse = z.infer<typeof batchStatusResponseSchema>;

export const itemResultSchema = z.object({
  item: z.number().int(),
  kind: z.enum(batchItemKinds),
  outcome: itemOutcomeSchema,
  result: z.record(z.string(), z.unknown()).optional(),
  error: z.object({ kind: z.string(), detail: z.string() }).optional(),
  attempts: z.number().int(),
  completedAt: z.iso.datetime(),
});

export const batchResultsPageSchema = z.object({
  batchId: z.string(),
  status: batchStatusSchema,
  results: z.array(itemResultSchema),
  /** Pass as `cursor` for the next page; absent on the last page. */
  nextCursor: z.string().optional(),
});

export const batchResultsQuerySchema = z.object({
  cursor: z
    .string()
    .max(6, 'cursor must be a value answered as nextCursor')
    .regex(/^\d{1,6}$/, 'cursor must be a value answered as nextCursor')
    .optional()
    .describe('The `nextCursor` of the previous page; absent for the first page'),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(1000)
    .default(100)
    .describe('Results per page (JSON only; `text/csv` answers every result)'),
});

/** The webhook body sent to `callbackUrl` when a batch finishes. */
export const batchWebhookSchema = z.object({
  type: z.literal('batch.completed'),
  batchId: z.string(),
  status: batchStatusSchema,
  total: z.number().int(),
  counts: batchCountsSchema,
  completedAt: z.iso.datetime(),
});
export type BatchWebhook = z.infer<typeof batchWebhookSchema>;
