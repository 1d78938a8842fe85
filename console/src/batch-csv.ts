import type { APIGatewayProxyEvent } from 'aws-lambda';
import { InvalidRequestError } from '../../core/errors/invalid-request-error.js';
import { parseBatchSubmission } from '../../functions/commons/batch-submission.js';
import { parseCsv } from '../../functions/commons/csv.js';
import type { FieldError } from '../../schemas/problem.js';

/** A spreadsheet checked before it is sent: its rows, and the errors the gateway would answer. */
export interface CheckedCsv {
  readonly header: readonly string[];
  /** Data rows as read, each with the line number the gateway names it by (`row:<line>`). */
  readonly rows: readonly { readonly line: number; readonly cells: readonly string[] }[];
  /** Errors of the file as a whole: its header row or its size. */
  readonly fileErrors: readonly FieldError[];
  /** Errors of data rows by line, each with the column it names ('' for the row as a whole). */
  readonly rowErrors: ReadonlyMap<number, readonly (FieldError & { readonly column: string })[]>;
  readonly errorCount: number;
}

/**
 * Runs the gateway's own CSV submission parser — the code behind `POST /v1/batches` with `text/csv`,
 * bundled with the zod schemas of every kind of item — so a file passes here exactly when the API
 * would accept it, and each error names the same line and field the API's 400 answer would.
 */
export function checkBatchCsv(text: string): CheckedCsv {
  const [header = [], ...dataRows] = parseCsv(text);
  const rows = dataRows.map((cells, index) => ({ line: index + 2, cells }));
  let errors: readonly FieldError[] = [];
  try {
    parseBatchSubmission({
      headers: { 'content-type': 'text/csv' },
      body: text,
      isBase64Encoded: false,
    } as unknown as APIGatewayProxyEvent);
  } catch (error) {
    if (!(error instanceof InvalidRequestError)) throw error;
    errors = error.fieldErrors;
  }
  const fileErrors: FieldError[] = [];
  const rowErrors = new Map<number, (FieldError & { column: string })[]>();
  for (const error of errors) {
    const match = /^row:(\d+)(?:\.(.*))?$/.exec(error.field);
    const line = Number(match?.[1]);
    if (!match || line < 2) {
      fileErrors.push(error);
      continue;
    }
    const list = rowErrors.get(line) ?? [];
    list.push({ ...error, column: match[2] ?? '' });
    rowErrors.set(line, list);
  }
  return {
    header: header.map((name) => name.trim()),
    rows,
    fileErrors,
    rowErrors,
    errorCount: errors.length,
  };
}
