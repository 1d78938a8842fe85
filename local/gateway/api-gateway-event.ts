import type { IncomingHttpHeaders } from 'node:http';
import type { APIGatewayProxyEvent, APIGatewayRequestAuthorizerEvent, Context } from 'aws-lambda';
import type { GatewayRoute } from '../../infra/routes.js';

export interface IncomingRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
  readonly sourceIp: string;
}

const stage = 'local';
const methodArnPrefix = 'arn:aws:execute-api:local:000000000000:lienthong';

/** Matches a request path against a route's resource path, returning its path parameters. */
export function matchPath(routePath: string, actualPath: string): Record<string, string> | undefined {
  const expected = routePath.split('/');
  const actual = actualPath.split('/');
  if (expected.length !== actual.length) return undefined;
  const parameters: Record<string, string> = {};
  for (const [index, segment] of expected.entries()) {
    const value = actual[index] as string;
    const parameter = /^\{(.+)\}$/.exec(segment)?.[1];
    if (parameter !== undefined) {
      if (value === '') return undefined;
      parameters[parameter] = decodeURIComponent(value);
    } else if (segment !== value) return undefined;
  }
  return parameters;
}

function singleValueHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers)
      .filter(([, value]) => value !== undefined)
      .map(([name, value]) => [name, Array.isArray(value) ? value.join(',') : (value as string)]),
  );
}

function queryParameters(url: URL) {
  const single: Record<string, string> = {};
  const multi: Record<string, string[]> = {};
  for (const [name, value] of url.searchParams) {
    single[name] = value;
    (multi[name] ??= []).push(value);
  }
  return url.searchParams.size === 0 ? { single: null, multi: null } : { single, multi };
}

/** The REQUEST authorizer event API Gateway would send for this request. */
export function authorizerEvent(
  request: IncomingRequest,
  route: GatewayRoute,
  pathParameters: Record<string, string>,
  requestId: string,
): APIGatewayRequestAuthorizerEvent {
  const query = queryParameters(request.url);
  const headers = singleValueHeaders(request.headers);
  return {
    type: 'REQUEST',
    methodArn: `${methodArnPrefix}/${stage}/${route.method}${request.url.pathname}`,
    resource: route.path,
    path: request.url.pathname,
    httpMethod: route.method,
    headers,
    multiValueHeaders: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])),
    pathParameters,
    queryStringParameters: query.single,
    multiValueQueryStringParameters: query.multi,
    stageVariables: null,
    requestContext: requestContext(
      requestId,
      request,
      route,
      null,
    ) as APIGatewayRequestAuthorizerEvent['requestContext'],
  };
}

/** The REST proxy integration event API Gateway would send to the route's function. */
export function proxyEvent(
  request: IncomingRequest,
  route: GatewayRoute,
  pathParameters: Record<string, string>,
  requestId: string,
  authorizerContext: Record<string, unknown> | null,
): APIGatewayProxyEvent {
  const query = queryParameters(request.url);
  const headers = singleValueHeaders(request.headers);
  return {
    resource: route.path,
    path: request.url.pathname,
    httpMethod: route.method,
    headers,
    multiValueHeaders: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])),
    pathParameters: Object.keys(pathParameters).length ? pathParameters : null,
    queryStringParameters: query.single,
    multiValueQueryStringParameters: query.multi,
    stageVariables: null,
    body: request.body.length ? request.body.toString('utf8') : null,
    isBase64Encoded: false,
    requestContext: requestContext(requestId, request, route, authorizerContext),
  };
}

function requestContext(
  requestId: string,
  request: IncomingRequest,
  route: GatewayRoute,
  authorizer: Record<string, unknown> | null,
) {
  const now = Date.now();
  return {
    accountId: '000000000000',
    apiId: 'lienthong',
    authorizer,
    httpMethod: route.method,
    identity: { sourceIp: request.sourceIp, userAgent: String(request.headers['user-agent'] ?? '') },
    path: `/${stage}${request.url.pathname}`,
    protocol: 'HTTP/1.1',
    requestId,
    requestTimeEpoch: now,
    resourceId: route.path,
    resourcePath: route.path,
    stage,
  } as unknown as APIGatewayProxyEvent['requestContext'];
}

/** The Lambda context the runtime would pass, with the function's time budget. */
export function lambdaContext(functionName: string, requestId: string, timeoutMs: number): Context {
  const deadline = Date.now() + timeoutMs;
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${functionName}`,
    memoryLimitInMB: '256',
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
