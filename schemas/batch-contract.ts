import { z } from 'zod';
import type { ApiOperation } from './api-contract.js';
import {
  batchAcceptedSchema,
  batchResultsPageSchema,
  batchResultsQuerySchema,
  batchStatusResponseSchema,
  batchItemSchema,
  batchSubmissionSchema,
  maxBatchItems,
} from './batches.js';

/**
 * The batch API's entries of the API contract (`schemas/api-contract.ts` lists them with the rest).
 * Examples use the sandbox fixtures of `local/registries`.
 */
const exampleTime = '2025-07-01T09:30:00.000Z';
const exampleBatchId = '6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f';
const batchPathSchema = z.object({ batchId: z.uuid() });
/**
 * The submission as documented: the handler takes `items` as any array and checks each item on its
 * own, to name every invalid one (`items.<n>`); the document shows what each item must be.
 */
const documentedSubmissionSchema = batchSubmissionSchema.extend({
  items: z.array(batchItemSchema).min(1).max(maxBatchItems),
});
const exampleStatus = {
  batchId: exampleBatchId,
  status: 'running',
  total: 3,
  done: 2,
  counts: { succeeded: 1, not_found: 1, rejected: 0, denied: 0, failed: 0 },
  progress: 0.6667,
  estimatedSecondsRemaining: 1,
  createdAt: exampleTime,
};

export const batchOperations: readonly ApiOperation[] = [
  {
    operationId: 'submitBatch',
    method: 'POST',
    path: '/v1/batches',
    summary: 'Submit a batch of lookups',
    description: [
      'Up to 10,000 items, each a citizen verification (`citizen-verify`), citizen lookup (`citizen-lookup`), business lookup (`business`) or land lookup (`land-parcel`, `land-certificate`) with the request its synchronous endpoint takes, validated with the same schema: an invalid item fails the whole submission, naming it (`items.<n>`; in CSV `row:<line>`), and nothing is queued.',
      '',
      'JSON (`application/json`) or CSV (`text/csv`, a header row naming `kind` and the request fields; the callback URL in `x-callback-url`). Needs `batch:submit` and the scope of every kind of item it holds; the whole batch counts against the daily quota at once. With the same `Idempotency-Key` and body, the same batch is answered (`idempotent-replayed: true`). Items run at the registries’ pace; each is recorded in the access ledger with the batch’s purpose. With `callbackUrl`, a `batch.completed` webhook signed with `x-lienthong-signature: t=<unix>,v1=<hex HMAC-SHA-256 of "<t>.<body>">` follows completion; the secret is in the answer.',
    ].join('\n'),
    tags: ['Batches'],
    security: 'apiKey',
    personalData: true,
    requestBody: {
      description: 'The items, and optionally a callback URL',
      schema: documentedSubmissionSchema,
      schemaName: 'BatchSubmission',
      examples: {
        mixed: {
          summary: 'A verification, a business and a land certificate (sandbox)',
          value: {
            items: [
              {
                kind: 'citizen-verify',
                request: { personalId: '074095000123', fullName: 'Nguyễn Văn An', dateOfBirth: '1995-03-15' },
              },
              { kind: 'business', request: { enterpriseCode: '3701234562' } },
              { kind: 'land-certificate', request: { serial: 'DA 12345678' } },
            ],
          },
        },
      },
    },
    responses: {
      202: {
        description: 'Accepted and queued; `Location` is the batch',
        schema: batchAcceptedSchema,
        schemaName: 'BatchAccepted',
        examples: {
          queued: {
            summary: 'Three items queued',
            value: {
              requestId: 'c7d1f4e2-5b0a-4c1e-9f3a-2d8e6b7a9c10',
              batchId: exampleBatchId,
              status: 'queued',
              total: 3,
              createdAt: exampleTime,
            },
          },
        },
      },
    },
    problems: [
      'invalid-request',
      'unauthenticated',
      'forbidden',
      'too-many-requests',
      'unsupported-media-type',
    ],
  },
  {
    operationId: 'getBatch',
    method: 'GET',
    path: '/v1/batches/{batchId}',
    summary: 'A batch’s status and progress',
    description:
      'Status (`queued`, `running`, `completed`, `completed_with_errors`, `cancelled`), counts per outcome, progress and an estimated time to completion. Only the submitting client (or an admin) sees a batch; to anyone else it does not exist.',
    tags: ['Batches'],
    security: 'apiKey',
    personalData: false,
    pathParameters: batchPathSchema,
    pathParameterExamples: { batchId: exampleBatchId },
    responses: {
      200: {
        description: 'The batch',
        schema: batchStatusResponseSchema,
        schemaName: 'BatchStatus',
        examples: { running: { summary: 'Two of three done', value: exampleStatus } },
      },
    },
    problems: ['invalid-request', 'unauthenticated', 'not-found'],
  },
  {
    operationId: 'getBatchResults',
    method: 'GET',
    path: '/v1/batches/{batchId}/results',
    summary: 'A batch’s results',
    description:
      'Results in item order, `limit` (1–1000, default 100) a page; pass `nextCursor` as `cursor` for the next page. With `Accept: text/csv`, every result as one CSV (`item,kind,outcome,result,error,attempts,completedAt`).',
    tags: ['Batches'],
    security: 'apiKey',
    personalData: false,
    pathParameters: batchPathSchema,
    pathParameterExamples: { batchId: exampleBatchId },
    queryParameters: batchResultsQuerySchema,
    responses: {
      200: {
        description: 'A page of results',
        schema: batchResultsPageSchema,
        schemaName: 'BatchResultsPage',
        examples: {
          page: {
            summary: 'The first result',
            value: {
              batchId: exampleBatchId,
              status: 'running',
              results: [
                {
                  item: 0,
                  kind: 'citizen-verify',
                  outcome: 'succeeded',
                  result: {
                    match: true,
                    fields: { fullName: 'exact', dateOfBirth: 'match' },
                    checkedAt: exampleTime,
                  },
                  attempts: 1,
                  completedAt: exampleTime,
                },
              ],
              nextCursor: '0',
            },
          },
        },
      },
    },
    problems: ['invalid-request', 'unauthenticated', 'not-found'],
  },
  {
    operationId: 'cancelBatch',
    method: 'DELETE',
    path: '/v1/batches/{batchId}',
    summary: 'Cancel what has not run',
    description:
      'Items already done keep their results; the rest are dropped as the worker meets them. Answers the batch’s status.',
    tags: ['Batches'],
    security: 'apiKey',
    personalData: false,
    pathParameters: batchPathSchema,
    pathParameterExamples: { batchId: exampleBatchId },
    responses: {
      200: {
        description: 'The batch, cancelled',
        schema: batchStatusResponseSchema,
        schemaName: 'BatchStatus',
        examples: {
          cancelled: {
            summary: 'Cancelled after two items',
            value: { ...exampleStatus, status: 'cancelled', cancelledAt: exampleTime },
          },
        },
      },
    },
    problems: ['invalid-request', 'unauthenticated', 'not-found'],
  },
];
