import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import type { APIGatewayAuthorizerResult, APIGatewayRequestAuthorizerEvent } from 'aws-lambda';
import { authenticateClient } from '../core/access/authenticate-client.js';
import { UnauthenticatedError } from '../core/errors/unauthenticated-error.js';
import { recordRefusedKey } from '../core/access/record-refused-key.js';
import { systemClock } from '../core/ports/clock.js';
import { personalDataOperationOf } from '../infra/routes.js';
import { purposeEnvelopeHeadersSchema } from '../schemas/purpose-envelope.js';
import { accessLedger, clientDirectory } from './commons/composition.js';
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
        status: client.status,
        // The context holds strings only: the policy travels as JSON, parsed back by callerOf.
        policy: JSON.stringify(client.policy),
      },
    };
  } catch (error) {
    if (error instanceof UnauthenticatedError) {
      logger.info('key refused', { reason: error.reason });
      await ledgerRefusal(event);
      throw new Error(unauthorizedMessage, { cause: error });
    }
    throw error;
  }
}

/** On a personal-data route a refused key is ledgered here: no function will run to do it. */
async function ledgerRefusal(event: APIGatewayRequestAuthorizerEvent): Promise<void> {
  const operation = personalDataOperationOf(event.httpMethod, event.resource);
  if (operation === undefined) return;
  const claimed = (name: 'x-officer-id' | 'x-purpose' | 'x-dossier-id') => {
    const parsed = purposeEnvelopeHeadersSchema.shape[name].safeParse(headerValue(event.headers, name));
    return parsed.success ? parsed.data : undefined;
  };
  const { ledger } = await accessLedger();
  await recordRefusedKey(
    { accessLedger: ledger, clock: systemClock },
    {
      requestId: event.requestContext.requestId,
      operation,
      ...definedOnly({
        officerId: claimed('x-officer-id'),
        purpose: claimed('x-purpose'),
        dossierId: claimed('x-dossier-id'),
      }),
    },
  );
}

function definedOnly<T extends Record<string, string | undefined>>(
  values: T,
): Partial<Record<keyof T, string>> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<
    Record<keyof T, string>
  >;
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
