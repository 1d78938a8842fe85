import type { APIGatewayProxyEvent } from 'aws-lambda';
import type { z } from 'zod';
import { InvalidRequestError } from '../../core/errors/invalid-request-error.js';
import { UnauthenticatedError } from '../../core/errors/unauthenticated-error.js';
import type { AccessEnvelope } from '../../core/ports/access-envelope.js';
import type { FieldError } from '../../schemas/problem.js';
import { callerSchema, type Caller } from '../../schemas/clients.js';
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

/**
 * Callers already parsed, by the exact authorizer context they came from: API Gateway hands the same
 * cached context to every request of a key, so its policy is parsed once, not on every request.
 */
const parsedCallers = new Map<string, Caller>();
const parsedCallersKept = 256;

/** Who the authorizer said the caller is (API Gateway puts its context on the request). */
export function callerOf(event: APIGatewayProxyEvent): Caller {
  const context = event.requestContext.authorizer ?? {};
  const raw = [
    context['clientId'],
    context['keyId'],
    context['unitCode'],
    context['status'],
    context['policy'],
  ];
  const cacheKey = raw.every((value) => typeof value === 'string') ? JSON.stringify(raw) : undefined;
  const known = cacheKey === undefined ? undefined : parsedCallers.get(cacheKey);
  if (known) return known;
  const caller = callerSchema.safeParse({
    clientId: context['clientId'],
    keyId: context['keyId'],
    unitCode: context['unitCode'],
    status: context['status'],
    policy: typeof context['policy'] === 'string' ? safeJson(context['policy']) : undefined,
  });
  if (!caller.success) throw new UnauthenticatedError('missing-key');
  if (cacheKey !== undefined) {
    if (parsedCallers.size >= parsedCallersKept) parsedCallers.clear();
    parsedCallers.set(cacheKey, caller.data);
  }
  return caller.data;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Parses a personal-data request: the purpose envelope headers and the JSON body, reporting every
 * wrong field at once.
 */
export function parsePersonalDataRequest<S extends z.ZodType>(
  event: APIGatewayProxyEvent,
  bodySchema: S,
): { body: z.infer<S>; envelope: AccessEnvelope; caller: Caller } {
  const body = parseJsonBody(event, bodySchema);
  const { envelope, caller } = parseEnvelope(event, body.ok ? [] : body.errors);
  if (!body.ok) throw new InvalidRequestError(body.errors); // parseEnvelope has thrown already
  return { body: body.value, envelope, caller };
}

/**
 * Parses a personal-data request keyed by its path (`GET /v1/land/certificates/{serial}`): the
 * purpose envelope headers and the path parameters (named `path:<name>` in errors), every wrong
 * field at once.
 */
export function parsePersonalDataPathRequest<S extends z.ZodType>(
  event: APIGatewayProxyEvent,
  pathSchema: S,
): { path: z.infer<S>; envelope: AccessEnvelope; caller: Caller } {
  const parameters = event.pathParameters ?? {};
  const path = pathSchema.safeParse(parameters);
  const pathErrors = path.success ? [] : fieldErrorsOf(path.error, parameters, 'path:');
  const { envelope, caller } = parseEnvelope(event, pathErrors);
  if (!path.success) throw new InvalidRequestError(pathErrors); // parseEnvelope has thrown already
  return { path: path.data, envelope, caller };
}

/**
 * The purpose envelope of a personal-data request, from its headers and the authorizer's context.
 * Throws `InvalidRequestError` with the header errors and `otherErrors` (the request's other fields)
 * when there are any.
 */
function parseEnvelope(
  event: APIGatewayProxyEvent,
  otherErrors: readonly FieldError[],
): { envelope: AccessEnvelope; caller: Caller } {
  const caller = callerOf(event);
  const headers = purposeEnvelopeHeadersSchema.safeParse(event.headers);
  const errors = [
    ...(headers.success ? [] : fieldErrorsOf(headers.error, event.headers, 'header:')),
    ...otherErrors,
  ];
  if (!headers.success || errors.length > 0) throw new InvalidRequestError(errors);
  const envelope: AccessEnvelope = {
    requestId: event.requestContext.requestId,
    clientId: caller.clientId,
    keyId: caller.keyId,
    unitCode: caller.unitCode,
    officerId: headers.data['x-officer-id'],
    purpose: headers.data['x-purpose'],
    ...(headers.data['x-dossier-id'] === undefined ? {} : { dossierId: headers.data['x-dossier-id'] }),
  };
  return { envelope, caller };
}

/**
 * Parses the path parameters of a request for public registry data (`GET /v1/businesses/{code}`):
 * no purpose envelope; wrong parameters are named `path:<name>` with the rule they broke.
 */
export function parsePathParameters<S extends z.ZodType>(
  event: APIGatewayProxyEvent,
  pathSchema: S,
): z.infer<S> {
  const parameters = event.pathParameters ?? {};
  const path = pathSchema.safeParse(parameters);
  if (!path.success) throw new InvalidRequestError(fieldErrorsOf(path.error, parameters, 'path:'));
  return path.data;
}
