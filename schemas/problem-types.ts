import { problemTypeBase } from './problem.js';

/** One kind of problem: what the caller receives, what it means, and what the caller should do. */
export interface ProblemTypeEntry {
  readonly status: number;
  readonly title: string;
  /** When the gateway answers it (Markdown, one or two sentences). */
  readonly meaning: string;
  /** What the calling system (or its developer) should do about it (Markdown). */
  readonly whatToDo: string;
}

/**
 * The catalogue of problem types the gateway answers with. `type` URIs are stable: clients may branch
 * on them. API Gateway's own responses (the CDK app) and the functions' error mapper both read this;
 * the OpenAPI document and the developer portal's error page are generated from it.
 */
export const problemCatalogue = {
  'invalid-request': {
    status: 400,
    title: 'The request is not valid',
    meaning:
      'A field, header or the body is wrong. `errors` names each offending field and the rule it broke; nothing was sent to any registry. Fix the request; retrying it unchanged fails the same way.',
    whatToDo:
      'Read `errors`: `field` is a body path (`personalId`), a path parameter (`path:mapSheet`) or a header (`header:x-purpose`), and `rule` the rule it broke (`format`, `checksum`, `required`…). Correct those fields (show the officer which input to fix) and send again. Do not retry unchanged.',
  },
  unauthenticated: {
    status: 401,
    title: 'Authentication required',
    meaning: 'No API key in `x-api-key`, or one the gateway does not know.',
    whatToDo:
      'Send the key in the `x-api-key` header. If you did, the key was revoked or mistyped: ask the gateway’s administrators for a new one (a key is shown only when it is issued). Do not retry with the same key.',
  },
  forbidden: {
    status: 403,
    title: 'Not allowed',
    meaning: 'The key is valid but may not call this operation.',
    whatToDo:
      'The client’s policy lacks the operation’s scope, does not allow the purpose sent in `x-purpose`, or the client is disabled. Check the scope the operation needs in the reference and ask the administrators to change the policy. Do not retry unchanged.',
  },
  'not-found': {
    status: 404,
    title: 'Not found',
    meaning: 'No such resource: an unknown path, or a record the registry does not hold.',
    whatToDo:
      'For a record (an enterprise code, a parcel, a certificate, a batch), treat it as an answer: the registry holds no such record (or the batch is not yours). For a path, check the URL against the reference.',
  },
  'method-not-allowed': {
    status: 405,
    title: 'Method not allowed',
    meaning: 'The path exists but not with this method; `Allow` lists the methods it has.',
    whatToDo:
      'Use one of the methods in the `Allow` header (citizen operations are `POST`, with a JSON body).',
  },
  conflict: {
    status: 409,
    title: 'Conflict',
    meaning: 'The request would create something that exists already (e.g. a client id that is taken).',
    whatToDo: 'Choose another identifier, or read the existing resource if it is the one you meant.',
  },
  'unsupported-media-type': {
    status: 415,
    title: 'Unsupported media type',
    meaning: 'The body is not in a media type the operation accepts (send `application/json`).',
    whatToDo:
      'Send `content-type: application/json` (batches also accept `text/csv`) and a body in that format.',
  },
  'too-many-requests': {
    status: 429,
    title: 'Too many requests',
    meaning: 'The caller sent more requests than its rate allows; `Retry-After` says when to try again.',
    whatToDo:
      'Wait the seconds in `Retry-After` (also `retryAfterSeconds` in the body) and try again; slow down using `RateLimit-Remaining` and `RateLimit-Reset`. When the daily quota is spent, wait for the next day (Vietnam time) or submit a batch earlier.',
  },
  'upstream-rejected': {
    status: 422,
    title: 'The registry rejected the request as invalid',
    meaning:
      'The registry refused the request as invalid by its own rules, although it passed the gateway’s checks. Fix the request; retrying it unchanged fails the same way.',
    whatToDo:
      'Read `detail` for the registry’s reason, correct the input (often a key the registry does not accept in this form) and send again. Do not retry unchanged.',
  },
  internal: {
    status: 500,
    title: 'Internal error',
    meaning: 'The gateway failed. The `requestId` identifies the request for support.',
    whatToDo:
      'Try again later. If it persists, report the `requestId` (also the `x-request-id` header) to the gateway’s operators: it finds the request in their logs.',
  },
  'upstream-failed': {
    status: 502,
    title: 'The registry failed',
    meaning: 'The registry answered with an error or with something the gateway could not read.',
    whatToDo:
      'Try again after a short wait; reads were already retried once by the gateway. If it persists, report the `requestId`.',
  },
  'upstream-unavailable': {
    status: 503,
    title: 'The registry is unavailable',
    meaning:
      'The registry refused the connection, its circuit is open, or its quota is spent; `Retry-After` says when to try again.',
    whatToDo:
      'Wait the seconds in `Retry-After` and try again. For many lookups, submit a batch: it runs at the registries’ pace and retries for you.',
  },
  'ledger-unavailable': {
    status: 503,
    title: 'The access ledger is unavailable',
    meaning:
      'The access could not be recorded in the access ledger, so no answer is given (personal data leaves only after its access is recorded).',
    whatToDo:
      'Try again after a short wait. If it persists, report the `requestId` to the gateway’s operators.',
  },
  'upstream-timeout': {
    status: 504,
    title: 'The registry did not answer in time',
    meaning: 'The registry did not answer within the deadline.',
    whatToDo:
      'Try again after a short wait; for many lookups, submit a batch. A write may or may not have happened: read before repeating it.',
  },
} as const satisfies Record<string, ProblemTypeEntry>;

export type ProblemKind = keyof typeof problemCatalogue;

export function problemTypeUri(kind: ProblemKind): string {
  return `${problemTypeBase}${kind}`;
}
