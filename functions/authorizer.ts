import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import type { APIGatewayAuthorizerResult, APIGatewayRequestAuthorizerEvent } from 'aws-lambda';
import { authenticateClient } from '../core/access/authenticate-client.js';
import { UnauthenticatedError } from '../core/errors/unauthenticated-error.js';
import { clientDirectory } from './commons/composition.js';
import { logger, tracer } from './commons/powertools.js';

/** The message API Gateway turns into its 401 (UNAUTHORIZED) gateway response. */
export const unauthorizedMessage = 'Unauthorized';

/**
 * Lambda REQUEST authorizer: resolves `x-api-key` to a client and hands the client's identity and
 * scopes to the functions through the authorizer context.
 */
export async function authorizeRequest(
  event: APIGatewayRequestAuthorizerEvent,
): Promise<APIGatewayAuthorizerResult> {
  const apiKey = headerValue(event.headers, 'x-api-key');
  try {
    const { client, keyId } = await authenticateClient(await clientDirectory(), apiKey);
    return {
      principalId: client.clientId,
      policyDocument: {
        Version: '2012-10-17',
        // Allow the whole API: the result is cached per key, and each function checks scopes itself.
        Statement: [
          { Action: 'execute-api:Invoke', Effect: 'Allow', Resource: wholeApiArn(event.methodArn) },
        ],
      },
      context: {
        clientId: client.clientId,
        keyId,
        unitCode: client.unitCode,
        // The context holds strings only: the policy travels as JSON, parsed back by callerOf.
        policy: JSON.stringify(client.policy),
      },
    };
  } catch (error) {
    if (error instanceof UnauthenticatedError) {
      logger.info('key refused', { reason: error.reason });
      throw new Error(unauthorizedMessage, { cause: error });
    }
    throw error;
  }
}

function headerValue(headers: Record<string, string | undefined> | null, name: string): string | undefined {
  if (!headers) return undefined;
  const entry = Object.entries(headers).find(([key]) => key.toLowerCase() === name);
  return entry?.[1];
}

/** `arn:aws:execute-api:region:account:api/stage/METHOD/path` → `.../api/stage/*`. */
function wholeApiArn(methodArn: string): string {
  const [prefix, stage] = methodArn.split('/');
  return `${prefix}/${stage}/*`;
}

export const handler = middy(authorizeRequest)
  .use(captureLambdaHandler(tracer))
  .use(injectLambdaContext(logger));
