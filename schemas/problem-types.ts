import { problemTypeBase } from './problem.js';

/**
 * The catalogue of problem types the gateway answers with. `type` URIs are stable: clients may branch
 * on them. API Gateway's own responses (the CDK app) and the functions' error mapper both read this.
 */
export const problemCatalogue = {
  'invalid-request': { status: 400, title: 'The request is not valid' },
  unauthenticated: { status: 401, title: 'Authentication required' },
  forbidden: { status: 403, title: 'Not allowed' },
  'not-found': { status: 404, title: 'Not found' },
  'method-not-allowed': { status: 405, title: 'Method not allowed' },
  conflict: { status: 409, title: 'Conflict' },
  'unsupported-media-type': { status: 415, title: 'Unsupported media type' },
  'too-many-requests': { status: 429, title: 'Too many requests' },
  'upstream-rejected': { status: 422, title: 'The registry rejected the request as invalid' },
  internal: { status: 500, title: 'Internal error' },
  'upstream-failed': { status: 502, title: 'The registry failed' },
  'upstream-unavailable': { status: 503, title: 'The registry is unavailable' },
  'ledger-unavailable': { status: 503, title: 'The access ledger is unavailable' },
  'upstream-timeout': { status: 504, title: 'The registry did not answer in time' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ProblemKind = keyof typeof problemCatalogue;

export function problemTypeUri(kind: ProblemKind): string {
  return `${problemTypeBase}${kind}`;
}
