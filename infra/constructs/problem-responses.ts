/**
 * Gateway responses (errors API Gateway produces before or instead of a function) rendered as RFC 9457
 * problem details from the same catalogue the functions use, so a caller sees one error shape and one
 * set of `type` URIs whether a function or the gateway answered.
 */
import { ResponseType, type RestApi } from 'aws-cdk-lib/aws-apigateway';
import { problemMediaType } from '../../schemas/problem.js';
import { problemCatalogue, problemTypeUri, type ProblemKind } from '../../schemas/problem-types.js';

export interface GatewayProblem {
  readonly responseType: ResponseType;
  readonly kind: ProblemKind;
  /**
   * Human-readable detail. `undefined` passes API Gateway's own message (`$context.error.messageString`,
   * already a quoted JSON string); 5XX responses never do, so internals don't leak.
   */
  readonly detail?: string;
}

export const gatewayProblems: readonly GatewayProblem[] = [
  {
    responseType: ResponseType.UNAUTHORIZED,
    kind: 'unauthenticated',
    detail: 'A valid API key is required in the x-api-key header.',
  },
  {
    responseType: ResponseType.ACCESS_DENIED,
    kind: 'forbidden',
    detail: 'The API key is not allowed to call this operation.',
  },
  {
    responseType: ResponseType.WAF_FILTERED,
    kind: 'forbidden',
    detail: 'The gateway firewall blocked the request.',
  },
  // API Gateway answers unknown routes with 403 "Missing Authentication Token"; it is a 404.
  {
    responseType: ResponseType.MISSING_AUTHENTICATION_TOKEN,
    kind: 'not-found',
    detail: 'No operation matches this method and path.',
  },
  {
    responseType: ResponseType.RESOURCE_NOT_FOUND,
    kind: 'not-found',
    detail: 'No operation matches this method and path.',
  },
  {
    responseType: ResponseType.BAD_REQUEST_BODY,
    kind: 'invalid-request',
    detail: 'The request body must be a JSON object.',
  },
  { responseType: ResponseType.BAD_REQUEST_PARAMETERS, kind: 'invalid-request' },
  {
    responseType: ResponseType.REQUEST_TOO_LARGE,
    kind: 'invalid-request',
    detail: 'The request body is too large.',
  },
  {
    responseType: ResponseType.UNSUPPORTED_MEDIA_TYPE,
    kind: 'unsupported-media-type',
    detail: 'Send the request body as application/json.',
  },
  {
    responseType: ResponseType.THROTTLED,
    kind: 'too-many-requests',
    detail: 'The request rate limit was exceeded; retry after a short wait.',
  },
  {
    responseType: ResponseType.QUOTA_EXCEEDED,
    kind: 'too-many-requests',
    detail: 'The request quota for this period is used up.',
  },
  { responseType: ResponseType.DEFAULT_4XX, kind: 'invalid-request' },
  {
    responseType: ResponseType.INTEGRATION_FAILURE,
    kind: 'internal',
    detail: 'The operation failed unexpectedly.',
  },
  {
    responseType: ResponseType.INTEGRATION_TIMEOUT,
    kind: 'internal',
    detail: 'The operation did not finish in time.',
  },
  {
    responseType: ResponseType.DEFAULT_5XX,
    kind: 'internal',
    detail: 'The gateway could not complete the request.',
  },
];

export function problemStatus(problem: GatewayProblem): number {
  return problemCatalogue[problem.kind].status;
}

/** The VTL body template of a problem response (a JSON document once API Gateway fills it in). */
export function problemTemplate(problem: GatewayProblem): string {
  const { title, status } = problemCatalogue[problem.kind];
  const detail =
    problem.detail === undefined ? '$context.error.messageString' : JSON.stringify(problem.detail);
  return (
    `{"type":${JSON.stringify(problemTypeUri(problem.kind))},"title":${JSON.stringify(title)},` +
    `"status":${status},"detail":${detail},"requestId":"$context.requestId"}`
  );
}

export function addProblemResponses(api: RestApi): void {
  for (const problem of gatewayProblems) {
    api.addGatewayResponse(`Problem${problem.responseType.responseType}`, {
      type: problem.responseType,
      statusCode: String(problemStatus(problem)),
      responseHeaders: {
        'Content-Type': `'${problemMediaType}'`,
        'Cache-Control': "'no-store'",
      },
      templates: { 'application/json': problemTemplate(problem) },
    });
  }
}
