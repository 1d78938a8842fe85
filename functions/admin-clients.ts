import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import type { z } from 'zod';
import {
  createClient,
  issueApiKey,
  listClients,
  revokeApiKey,
  setClientStatus,
  showClient,
  updateClientPolicy,
  type ClientManagementDependencies,
} from '../core/clients/manage-clients.js';
import { requireAdmin } from '../core/clients/require-admin.js';
import { InvalidRequestError } from '../core/errors/invalid-request-error.js';
import type { RegisteredClient } from '../core/ports/client-registry.js';
import {
  clientKeyPathSchema,
  clientPathSchema,
  createClientRequestSchema,
  issueKeyRequestSchema,
  issuedKeyNotice,
  updatePolicyRequestSchema,
  type AdminClient,
} from '../schemas/admin.js';
import type { Caller } from '../schemas/clients.js';
import { clientManagement } from './commons/admin-composition.js';
import { httpGatewayConventions, jsonResponse } from './commons/http-middleware.js';
import { callerOf, parseJsonBody, parsePathParameters } from './commons/http-request.js';
import { logger, tracer } from './commons/powertools.js';

type Action = (
  event: APIGatewayProxyEvent,
  deps: ClientManagementDependencies,
  caller: Caller,
) => Promise<APIGatewayProxyResult>;

/**
 * The admin API under `/v1/admin/` (scope `admin`): one function for the client-management routes,
 * each a parse → use case → answer. Admin actions disclose no personal data, so they are not in the
 * access ledger; each is logged with who did what to which client (never a key).
 */
const actions: Record<string, Action> = {
  'GET /v1/admin/clients': async (_event, deps) =>
    jsonResponse(200, { clients: (await listClients(deps)).map(adminClientOf) }),

  'POST /v1/admin/clients': async (event, deps, caller) => {
    const input = body(event, createClientRequestSchema);
    const client = await createClient(deps, input);
    audit(caller, 'client.create', client.clientId);
    return jsonResponse(201, adminClientOf(client), { location: `/v1/admin/clients/${client.clientId}` });
  },

  'GET /v1/admin/clients/{clientId}': async (event, deps) => {
    const { clientId } = parsePathParameters(event, clientPathSchema);
    const client = await showClient(deps, clientId);
    return jsonResponse(200, { ...adminClientOf(client), keys: client.keys.map((key) => keySummaryOf(key)) });
  },

  'PUT /v1/admin/clients/{clientId}/policy': async (event, deps, caller) => {
    const { clientId } = parsePathParameters(event, clientPathSchema);
    const policy = body(event, updatePolicyRequestSchema);
    const client = await updateClientPolicy(deps, clientId, policy);
    audit(caller, 'client.set-policy', clientId);
    return jsonResponse(200, adminClientOf(client));
  },

  'POST /v1/admin/clients/{clientId}/disable': async (event, deps, caller) => {
    const { clientId } = parsePathParameters(event, clientPathSchema);
    const client = await setClientStatus(deps, clientId, 'disabled');
    audit(caller, 'client.disable', clientId);
    return jsonResponse(200, adminClientOf(client));
  },

  'POST /v1/admin/clients/{clientId}/enable': async (event, deps, caller) => {
    const { clientId } = parsePathParameters(event, clientPathSchema);
    const client = await setClientStatus(deps, clientId, 'active');
    audit(caller, 'client.enable', clientId);
    return jsonResponse(200, adminClientOf(client));
  },

  'POST /v1/admin/clients/{clientId}/keys': async (event, deps, caller) => {
    const { clientId } = parsePathParameters(event, clientPathSchema);
    const { label } = hasBody(event) ? body(event, issueKeyRequestSchema) : {};
    const { key, apiKey } = await issueApiKey(deps, clientId, label);
    audit(caller, 'key.issue', clientId, key.keyId);
    return jsonResponse(
      201,
      {
        clientId,
        keyId: key.keyId,
        apiKey,
        ...(key.label === undefined ? {} : { label: key.label }),
        createdAt: key.createdAt,
        notice: issuedKeyNotice,
      },
      // The one answer that carries a key: no cache may keep it.
      { 'cache-control': 'no-store' },
    );
  },

  'DELETE /v1/admin/clients/{clientId}/keys/{keyId}': async (event, deps, caller) => {
    const { clientId, keyId } = parsePathParameters(event, clientKeyPathSchema);
    const key = await revokeApiKey(deps, clientId, keyId);
    audit(caller, 'key.revoke', clientId, keyId);
    return jsonResponse(200, keySummaryOf(key, true));
  },
};

/** The admin routes this function serves (`infra/routes.ts` lists the same). */
export const adminRoutes = Object.keys(actions);

export async function adminClientsHandler(event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> {
  const caller = callerOf(event);
  requireAdmin(caller);
  const action = actions[`${event.httpMethod} ${event.resource}`];
  if (action === undefined) throw new Error(`no admin action for ${event.httpMethod} ${event.resource}`);
  return action(event, await clientManagement(), caller);
}

function body<S extends z.ZodType>(event: APIGatewayProxyEvent, schema: S): z.infer<S> {
  const parsed = parseJsonBody(event, schema);
  if (!parsed.ok) throw new InvalidRequestError(parsed.errors);
  return parsed.value;
}

function hasBody(event: APIGatewayProxyEvent): boolean {
  return (event.body ?? '').trim() !== '';
}

function audit(caller: Caller, action: string, targetClientId: string, keyId?: string): void {
  logger.info('admin action', {
    action,
    actorClientId: caller.clientId,
    actorKeyId: caller.keyId,
    targetClientId,
    ...(keyId === undefined ? {} : { targetKeyId: keyId }),
  });
}

function adminClientOf(client: RegisteredClient): AdminClient {
  return {
    clientId: client.clientId,
    name: client.name,
    unitCode: client.unitCode,
    status: client.status,
    policy: client.policy,
    createdAt: client.createdAt,
    updatedAt: client.updatedAt,
  };
}

function keySummaryOf(
  key: {
    keyId: string;
    clientId: string;
    status: 'active' | 'revoked';
    label?: string;
    createdAt: string;
    revokedAt?: string;
  },
  withClient = false,
) {
  return {
    ...(withClient ? { clientId: key.clientId } : {}),
    keyId: key.keyId,
    status: key.status,
    ...(key.label === undefined ? {} : { label: key.label }),
    createdAt: key.createdAt,
    ...(key.revokedAt === undefined ? {} : { revokedAt: key.revokedAt }),
  };
}

export const handler = middy(adminClientsHandler)
  .use(captureLambdaHandler(tracer))
  .use(injectLambdaContext(logger))
  .use(httpHeaderNormalizer())
  .use(httpGatewayConventions());
