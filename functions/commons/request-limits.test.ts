import type { APIGatewayProxyEvent } from 'aws-lambda';
import type { z } from 'zod';
import { InvalidRequestError } from '../../core/errors/invalid-request-error.js';
import { createClientRequestSchema, updatePolicyRequestSchema } from '../../schemas/admin.js';
import { subjectReportRequestSchema } from '../../schemas/audit.js';
import { batchSubmissionSchema, maxCallbackUrlLength } from '../../schemas/batches.js';
import { businessPathSchema } from '../../schemas/business-records.js';
import {
  maxAllowedPurposes,
  maxDailyQuota,
  maxRequestsPerSecond,
  scopeSchema,
} from '../../schemas/clients.js';
import { certificatePathSchema } from '../../schemas/land-records.js';
import { parcelKeySchema } from '../../schemas/land.js';
import { parseJsonBody, parsePathParameters } from './http-request.js';
import { errorToProblem } from './problem-responses.js';

/**
 * The limits the OpenAPI document states for request bodies and path parameters (maxLength, maxItems,
 * maximum) are the gateway's own: a request over one is a 400 naming the field.
 */

function jsonEvent(body: unknown): APIGatewayProxyEvent {
  return {
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    isBase64Encoded: false,
  } as unknown as APIGatewayProxyEvent;
}

function bodyProblem(schema: z.ZodType, body: unknown) {
  const parsed = parseJsonBody(jsonEvent(body), schema);
  if (parsed.ok) throw new Error('the body was accepted');
  return answered(new InvalidRequestError(parsed.errors));
}

function pathProblem(schema: z.ZodType, pathParameters: Record<string, string>) {
  try {
    parsePathParameters({ pathParameters } as unknown as APIGatewayProxyEvent, schema);
  } catch (error) {
    return answered(error);
  }
  throw new Error('the path was accepted');
}

function answered(error: unknown) {
  const response = errorToProblem(error, 'request-1');
  const problem = JSON.parse(response.body) as { status: number; errors: { field: string }[] };
  return { status: response.statusCode, fields: problem.errors.map((entry) => entry.field) };
}

const policy = { scopes: ['population:verify'] };
const client = { clientId: 'ho-tich-tinh', name: 'Hộ tịch', unitCode: 'H12', policy };

describe('request limits stated in the OpenAPI document', () => {
  it('a policy lists each scope once at most, citizen fields likewise', () => {
    const tooMany = [...scopeSchema.options, 'admin'];
    expect(bodyProblem(updatePolicyRequestSchema, { scopes: tooMany })).toEqual({
      status: 400,
      fields: ['scopes'],
    });
    expect(updatePolicyRequestSchema.safeParse({ scopes: [...scopeSchema.options] }).success).toBe(true);
  });

  it(`a policy names at most ${maxAllowedPurposes} procedure codes`, () => {
    const purposes = Array.from({ length: maxAllowedPurposes + 1 }, (_, index) => `1.${index}`);
    expect(bodyProblem(updatePolicyRequestSchema, { ...policy, allowedPurposes: purposes })).toEqual({
      status: 400,
      fields: ['allowedPurposes'],
    });
    expect(
      updatePolicyRequestSchema.safeParse({ ...policy, allowedPurposes: purposes.slice(1) }).success,
    ).toBe(true);
  });

  it(`a policy's rate is at most ${maxRequestsPerSecond}/s and its quota ${maxDailyQuota}/day`, () => {
    expect(
      bodyProblem(createClientRequestSchema, {
        ...client,
        policy: {
          ...policy,
          rateLimit: { perSecond: maxRequestsPerSecond + 1 },
          dailyQuota: maxDailyQuota + 1,
        },
      }),
    ).toEqual({ status: 400, fields: ['policy.rateLimit.perSecond', 'policy.dailyQuota'] });
    expect(
      createClientRequestSchema.safeParse({
        ...client,
        policy: { ...policy, rateLimit: { perSecond: maxRequestsPerSecond }, dailyQuota: maxDailyQuota },
      }).success,
    ).toBe(true);
  });

  it('a subject report takes times of at most 35 characters and base64url cursors', () => {
    const longest = '2025-07-01T09:30:00.123456789+07:00';
    expect(subjectReportRequestSchema.safeParse({ personalId: '074095000123', from: longest }).success).toBe(
      true,
    );
    expect(
      bodyProblem(subjectReportRequestSchema, {
        personalId: '074095000123',
        from: '2025-07-01T09:30:00.1234567890+07:00',
        to: `2025-07-01T09:30:00.${'1'.repeat(40)}Z`,
        cursor: 'not a cursor!',
      }),
    ).toEqual({ status: 400, fields: ['from', 'to', 'cursor'] });
  });

  it(`a batch's callback URL is at most ${maxCallbackUrlLength} characters`, () => {
    const url = (length: number) => `https://callback.example.vn/${'a'.repeat(length - 28)}`;
    expect(url(maxCallbackUrlLength)).toHaveLength(maxCallbackUrlLength);
    const items = [{ kind: 'business', request: { enterpriseCode: '3701234562' } }];
    expect(batchSubmissionSchema.safeParse({ items, callbackUrl: url(maxCallbackUrlLength) }).success).toBe(
      true,
    );
    expect(bodyProblem(batchSubmissionSchema, { items, callbackUrl: url(maxCallbackUrlLength + 1) })).toEqual(
      {
        status: 400,
        fields: ['callbackUrl'],
      },
    );
  });

  it('path parameters: map sheet and parcel numbers ≤ 16 characters, serials ≤ 32, tax codes ≤ 32', () => {
    expect(
      pathProblem(parcelKeySchema, {
        communeCode: '25747',
        mapSheet: `${'0'.repeat(16)}1`,
        parcelNumber: ` ${'0'.repeat(12)}12 `, // 16 characters, spaces trimmed
      }),
    ).toEqual({ status: 400, fields: ['path:mapSheet'] });
    expect(pathProblem(certificatePathSchema, { serial: `DA ${' '.repeat(30)}12345678` })).toEqual({
      status: 400,
      fields: ['path:serial'],
    });
    expect(certificatePathSchema.safeParse({ serial: 'DA 123 456 78' }).success).toBe(true);
    expect(pathProblem(businessPathSchema, { enterpriseCode: `${' '.repeat(23)}3701234562` })).toEqual({
      status: 400,
      fields: ['path:enterpriseCode'],
    });
  });
});
