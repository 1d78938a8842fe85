import type { APIGatewayProxyEvent } from 'aws-lambda';
import type { z } from 'zod';
import { InvalidRequestError } from '../../core/errors/invalid-request-error.js';
import { UnauthenticatedError } from '../../core/errors/unauthenticated-error.js';
import type { AccessEnvelope } from '../../core/ports/access-envelope.js';
import type { FieldError } from '../../schemas/problem.js';
import { purposeEnvelopeHeadersSchema } from '../../schemas/purpose-envelope.js';

/** Turns zod issues into the API's field errors; `prefix` says where the value came from. */
export function fieldErrorsOf(error: z.ZodError, input: unknown, prefix = ''): FieldError[] {
  return error.issues.map((issue) => {
    const rule = (issue as { params?: { rule?: unknown } }).params?.rule;
    const path = issue.path.map(String).join('.');
    const missing = issue.code === 'invalid_type' && valueAt(input, issue.path) === undefined;
    return {
      field: prefix + (path || (prefix ? '' : 'body')),
      rule: typeof rule === 'string' ? rule : missing ? 'required' : issue.code,
      message: issue.message,
    };
  });
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

type Parsed<S extends z.ZodType> = { ok: true; value: z.infer<S> } | { ok: false; errors: FieldError[] };

/** Parses a JSON body against a schema, collecting field errors instead of throwing. */
export function parseJsonBody<S extends z.ZodType>(event: APIGatewayProxyEvent, schema: S): Parsed<S> {
  const contentType = event.headers['content-type'] ?? '';
  if (!/^application\/(.+\+)?json\b/i.test(contentType)) {
    return {
      ok: false,
      errors: [
        { field: 'header:content-type', rule: 'media_type', message: 'The body must be application/json' },
      ],
    };
  }
  let json: unknown;
  try {
    const raw = event.isBase64Encoded
      ? Buffer.from(event.body ?? '', 'base64').toString('utf8')
      : (event.body ?? '');
    json = JSON.parse(raw);
  } catch {
    return { ok: false, errors: [{ field: 'body', rule: 'json', message: 'The body is not valid JSON' }] };
  }
  const parsed = schema.safeParse(json);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, errors: fieldErrorsOf(parsed.error, json) };
}

/** Who the authorizer said the caller is (API Gateway puts its context on the request). */
export function callerOf(event: APIGatewayProxyEvent): {
  clientId: string;
  keyId: string;
  unitCode: string;
  scopes: string[];
} {
  const context = event.requestContext.authorizer ?? {};
  const clientId = context['clientId'];
  const keyId = context['keyId'];
  if (typeof clientId !== 'string' || typeof keyId !== 'string')
    throw new UnauthenticatedError('missing-key');
  const scopes = typeof context['scopes'] === 'string' ? context['scopes'].split(' ').filter(Boolean) : [];
  const unitCode = typeof context['unitCode'] === 'string' ? context['unitCode'] : '';
  return { clientId, keyId, unitCode, scopes };
}

/**
 * Parses a personal-data request: the purpose envelope headers and the JSON body, reporting every
 * wrong field at once.
 */
export function parsePersonalDataRequest<S extends z.ZodType>(
  event: APIGatewayProxyEvent,
  bodySchema: S,
): { body: z.infer<S>; envelope: AccessEnvelope } {
  const caller = callerOf(event);
  const headers = purposeEnvelopeHeadersSchema.safeParse(event.headers);
  const body = parseJsonBody(event, bodySchema);
  const errors = [
    ...(headers.success ? [] : fieldErrorsOf(headers.error, event.headers, 'header:')),
    ...(body.ok ? [] : body.errors),
  ];
  if (!headers.success || !body.ok) throw new InvalidRequestError(errors);
  return {
    body: body.value,
    envelope: {
      requestId: event.requestContext.requestId,
      clientId: caller.clientId,
      keyId: caller.keyId,
      unitCode: caller.unitCode,
      officerId: headers.data['x-officer-id'],
      purpose: headers.data['x-purpose'],
      ...(headers.data['x-dossier-id'] === undefined ? {} : { dossierId: headers.data['x-dossier-id'] }),
    },
  };
}
