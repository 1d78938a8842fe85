import {
  clientDetailResponseSchema,
  clientKeyPathSchema,
  clientListResponseSchema,
  clientPathSchema,
  createClientRequestSchema,
  adminClientSchema,
  issueKeyRequestSchema,
  issuedKeyNotice,
  issuedKeyResponseSchema,
  revokedKeyResponseSchema,
  updatePolicyRequestSchema,
} from './admin.js';
import type { ApiOperation } from './api-contract.js';

/**
 * The admin API's entries of the API contract (`schemas/api-contract.ts` lists them with the rest).
 * Examples name an example client, `tay-ninh-hcc` (a provincial public-service centre app).
 */

const exampleTime = '2025-07-01T09:30:00.000Z';
const examplePolicy = {
  scopes: ['population:verify', 'land:read'],
  fields: {},
  allowedPurposes: ['1.001234.000.00.00.H12'],
  rateLimit: { perSecond: 20 },
  dailyQuota: 50_000,
};
const exampleClient = {
  clientId: 'tay-ninh-hcc',
  name: 'Trung tâm Phục vụ hành chính công tỉnh Tây Ninh',
  unitCode: 'H72.01',
  status: 'active',
  policy: examplePolicy,
  createdAt: exampleTime,
  updatedAt: exampleTime,
};
const exampleKey = {
  keyId: 'k7m2x9qpa4',
  status: 'active',
  label: 'production 2025',
  createdAt: exampleTime,
};

const adminDescription = (text: string) =>
  [
    text,
    '',
    'Needs the `admin` scope (403 otherwise). Changes reach the authorizer within its cache time: at most 60 s on AWS (API Gateway caches each key’s answer), at once locally.',
  ].join('\n');

const adminProblems = ['unauthenticated', 'forbidden'] as const;

export const adminOperations: readonly ApiOperation[] = [
  {
    operationId: 'listClients',
    method: 'GET',
    path: '/v1/admin/clients',
    summary: 'List clients',
    description: adminDescription('Every client with its status and policy (no keys).'),
    tags: ['Administration'],
    security: 'apiKey',
    personalData: false,
    responses: {
      200: {
        description: 'The clients, by id',
        schema: clientListResponseSchema,
        schemaName: 'ClientList',
        examples: { one: { summary: 'One client', value: { clients: [exampleClient] } } },
      },
    },
    problems: [...adminProblems],
  },
  {
    operationId: 'createClient',
    method: 'POST',
    path: '/v1/admin/clients',
    summary: 'Register a client',
    description: adminDescription(
      'A new client (a provincial application or a developer) with its unit and policy: scopes, the citizen fields it may receive, the purposes (procedure codes) it may state, its rate limit and daily quota. It has no key yet: issue one with `POST /v1/admin/clients/{clientId}/keys`.',
    ),
    tags: ['Administration'],
    security: 'apiKey',
    personalData: false,
    requestBody: {
      description: 'The client',
      schema: createClientRequestSchema,
      schemaName: 'CreateClientRequest',
      examples: {
        restricted: {
          summary: 'An app that may verify citizens and read land records for one procedure',
          value: {
            clientId: exampleClient.clientId,
            name: exampleClient.name,
            unitCode: exampleClient.unitCode,
            policy: examplePolicy,
          },
        },
      },
    },
    responses: {
      201: {
        description: 'The client as registered',
        schema: adminClientSchema,
        schemaName: 'AdminClient',
        examples: { created: { summary: 'Registered, active', value: exampleClient } },
      },
    },
    problems: ['invalid-request', ...adminProblems, 'conflict'],
  },
  {
    operationId: 'showClient',
    method: 'GET',
    path: '/v1/admin/clients/{clientId}',
    summary: 'Show a client and its keys',
    description: adminDescription(
      'The client and each of its keys by key id, status and label. Keys themselves are never shown again after they are issued.',
    ),
    tags: ['Administration'],
    security: 'apiKey',
    personalData: false,
    pathParameters: clientPathSchema,
    pathParameterExamples: { clientId: 'sandbox' },
    responses: {
      200: {
        description: 'The client with its keys',
        schema: clientDetailResponseSchema,
        schemaName: 'ClientDetail',
        examples: {
          withKey: { summary: 'A client with one key', value: { ...exampleClient, keys: [exampleKey] } },
        },
      },
    },
    problems: ['invalid-request', ...adminProblems, 'not-found'],
  },
  {
    operationId: 'setClientPolicy',
    method: 'PUT',
    path: '/v1/admin/clients/{clientId}/policy',
    summary: 'Replace a client’s policy',
    description: adminDescription('The whole policy: scopes, fields, purposes, rate limit and quota.'),
    tags: ['Administration'],
    security: 'apiKey',
    personalData: false,
    pathParameters: clientPathSchema,
    pathParameterExamples: { clientId: exampleClient.clientId },
    requestBody: {
      description: 'The new policy',
      schema: updatePolicyRequestSchema,
      schemaName: 'ClientPolicy',
      examples: {
        lookup: {
          summary: 'Also look citizens up, receiving name and date of birth',
          value: {
            ...examplePolicy,
            scopes: ['population:verify', 'population:lookup', 'land:read'],
            fields: { citizen: ['name', 'dateOfBirth'] },
          },
        },
      },
    },
    responses: {
      200: {
        description: 'The client with its new policy',
        schema: adminClientSchema,
        schemaName: 'AdminClient',
      },
    },
    problems: ['invalid-request', ...adminProblems, 'not-found'],
  },
  {
    operationId: 'disableClient',
    method: 'POST',
    path: '/v1/admin/clients/{clientId}/disable',
    summary: 'Disable a client',
    description: adminDescription(
      'Every request with any of the client’s keys is refused with 403 `forbidden`; its keys are kept and work again once it is enabled.',
    ),
    tags: ['Administration'],
    security: 'apiKey',
    personalData: false,
    pathParameters: clientPathSchema,
    pathParameterExamples: { clientId: exampleClient.clientId },
    responses: {
      200: { description: 'The disabled client', schema: adminClientSchema, schemaName: 'AdminClient' },
    },
    problems: ['invalid-request', ...adminProblems, 'not-found'],
  },
  {
    operationId: 'enableClient',
    method: 'POST',
    path: '/v1/admin/clients/{clientId}/enable',
    summary: 'Enable a client again',
    description: adminDescription('Its keys that are not revoked work again.'),
    tags: ['Administration'],
    security: 'apiKey',
    personalData: false,
    pathParameters: clientPathSchema,
    pathParameterExamples: { clientId: exampleClient.clientId },
    responses: {
      200: { description: 'The active client', schema: adminClientSchema, schemaName: 'AdminClient' },
    },
    problems: ['invalid-request', ...adminProblems, 'not-found'],
  },
  {
    operationId: 'issueApiKey',
    method: 'POST',
    path: '/v1/admin/clients/{clientId}/keys',
    summary: 'Issue an API key',
    description: adminDescription(
      'A new random key `lt_<keyId>_<secret>` for the client, answered **once**: the gateway stores only the keyed hash (HMAC-SHA-256 with a secret pepper) of its secret. A client may hold several keys, to rotate them: issue a new one, switch, revoke the old one. The body (an optional label) may be left out.',
    ),
    tags: ['Administration'],
    security: 'apiKey',
    personalData: false,
    pathParameters: clientPathSchema,
    pathParameterExamples: { clientId: exampleClient.clientId },
    requestBody: {
      description: 'An optional label telling the client’s keys apart (not secret)',
      schema: issueKeyRequestSchema,
      schemaName: 'IssueKeyRequest',
      examples: { labelled: { summary: 'A labelled key', value: { label: 'production 2025' } } },
    },
    responses: {
      201: {
        description: 'The key, shown this once',
        schema: issuedKeyResponseSchema,
        schemaName: 'IssuedKey',
        examples: {
          issued: {
            summary: 'A new key',
            value: {
              clientId: exampleClient.clientId,
              keyId: exampleKey.keyId,
              apiKey: `lt_${exampleKey.keyId}_${'x'.repeat(43)}`,
              label: exampleKey.label,
              createdAt: exampleTime,
              notice: issuedKeyNotice,
            },
          },
        },
      },
    },
    problems: ['invalid-request', ...adminProblems, 'not-found'],
  },
  {
    operationId: 'revokeApiKey',
    method: 'DELETE',
    path: '/v1/admin/clients/{clientId}/keys/{keyId}',
    summary: 'Revoke an API key',
    description: adminDescription(
      'The key is refused with 401 `unauthenticated` from then on (within the authorizer’s cache time). Revoking a revoked key changes nothing.',
    ),
    tags: ['Administration'],
    security: 'apiKey',
    personalData: false,
    pathParameters: clientKeyPathSchema,
    pathParameterExamples: { clientId: exampleClient.clientId, keyId: exampleKey.keyId },
    responses: {
      200: {
        description: 'The revoked key',
        schema: revokedKeyResponseSchema,
        schemaName: 'RevokedKey',
        examples: {
          revoked: {
            summary: 'Revoked',
            value: {
              clientId: exampleClient.clientId,
              ...exampleKey,
              status: 'revoked',
              revokedAt: exampleTime,
            },
          },
        },
      },
    },
    problems: ['invalid-request', ...adminProblems, 'not-found'],
  },
];
