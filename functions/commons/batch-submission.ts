import type { APIGatewayProxyEvent } from 'aws-lambda';
import { InvalidRequestError } from '../../core/errors/invalid-request-error.js';
import {
  batchCsvColumns,
  batchItemSchema,
  batchSubmissionSchema,
  callbackUrlSchema,
  maxBatchItems,
  type BatchItem,
} from '../../schemas/batches.js';
import type { FieldError } from '../../schemas/problem.js';
import { parseCsv } from './csv.js';
import { fieldErrorsOf, parseJsonBody } from './http-request.js';

/** At most this many item errors are listed in one 400 answer. */
const maxListedErrors = 100;

/**
 * Parses a batch submission — JSON, or CSV (`text/csv`) with a header row — validating every item
 * against its endpoint's schema; all item errors (up to a hundred) are reported at once, each named by
 * its item (`items.3.personalId`) or CSV line (`row:5.personalId`).
 */
export function parseBatchSubmission(event: APIGatewayProxyEvent): {
  items: BatchItem[];
  callbackUrl?: string;
} {
  const isCsv = /^text\/csv\b/i.test(event.headers['content-type'] ?? '');
  return isCsv ? parseCsvSubmission(event) : parseJsonSubmission(event);
}

function parseJsonSubmission(event: APIGatewayProxyEvent): { items: BatchItem[]; callbackUrl?: string } {
  const body = parseJsonBody(event, batchSubmissionSchema);
  if (!body.ok) throw new InvalidRequestError(body.errors);
  const items = validateItems(body.value.items, (index) => `items.${index}.`);
  return { items, ...(body.value.callbackUrl === undefined ? {} : { callbackUrl: body.value.callbackUrl }) };
}

/** CSV: a header row naming columns of `batchCsvColumns`; errors name the line (`row:2.fullName`). */
function parseCsvSubmission(event: APIGatewayProxyEvent): { items: BatchItem[]; callbackUrl?: string } {
  const raw = event.isBase64Encoded
    ? Buffer.from(event.body ?? '', 'base64').toString('utf8')
    : (event.body ?? '');
  const [header = [], ...rows] = parseCsv(raw);
  const columns = header.map((name) => name.trim());
  const unknown = columns.filter((name) => !(batchCsvColumns as readonly string[]).includes(name));
  if (unknown.length > 0 || !columns.includes('kind')) {
    throw new InvalidRequestError([
      {
        field: 'row:1',
        rule: 'columns',
        message: `The header row must name a kind column and only these columns: ${batchCsvColumns.join(', ')}`,
      },
    ]);
  }
  if (rows.length === 0 || rows.length > maxBatchItems) {
    throw new InvalidRequestError([
      { field: 'body', rule: 'size', message: `A batch holds 1 to ${maxBatchItems} items (one per row)` },
    ]);
  }
  const candidates = rows.map((row) => {
    const cells = Object.fromEntries(
      columns.flatMap((name, index) => {
        const value = row[index]?.trim() ?? '';
        return value === '' ? [] : [[name, value]];
      }),
    );
    const { kind, ...request } = cells;
    return { kind, request };
  });
  const items = validateItems(
    candidates,
    (index) => `row:${index + 2}.`,
    (path) => path.replace(/^request\./, ''),
  );
  const callbackUrl = event.headers['x-callback-url'];
  if (callbackUrl === undefined) return { items };
  const parsed = callbackUrlSchema.safeParse(callbackUrl);
  if (!parsed.success)
    throw new InvalidRequestError(fieldErrorsOf(parsed.error, callbackUrl, 'header:x-callback-url'));
  return { items, callbackUrl: parsed.data };
}

/** Every item against its endpoint's schema; all errors (up to a hundred) reported at once. */
function validateItems(
  candidates: readonly unknown[],
  prefixOf: (index: number) => string,
  renameField: (field: string) => string = (field) => field,
): BatchItem[] {
  const items: BatchItem[] = [];
  const errors: FieldError[] = [];
  candidates.forEach((candidate, index) => {
    const parsed = batchItemSchema.safeParse(candidate);
    if (parsed.success) items.push(parsed.data);
    else if (errors.length < maxListedErrors) {
      errors.push(
        ...fieldErrorsOf(parsed.error, candidate).map((error) => ({
          ...error,
          field: prefixOf(index) + renameField(error.field),
        })),
      );
    }
  });
  if (errors.length > 0) throw new InvalidRequestError(errors.slice(0, maxListedErrors));
  return items;
}
