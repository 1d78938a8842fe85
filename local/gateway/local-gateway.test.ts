import type { APIGatewayAuthorizerResult, APIGatewayProxyEvent } from 'aws-lambda';
import type { GatewayRoute } from '../../infra/routes.js';
import { startLocalGateway, type RunningGateway } from './local-gateway.js';

const routes: GatewayRoute[] = [{ method: 'GET', path: '/v1/health', function: 'health', authorized: true }];

async function gatewayCountingAuthorizations(ttlSeconds: number) {
  let authorizations = 0;
  const gateway = await startLocalGateway({
    port: 0,
    routes,
    authorizerCacheTtlSeconds: ttlSeconds,
    authorizer: async (event) => {
      authorizations += 1;
      if (event.headers?.['x-api-key'] !== 'good') throw new Error('Unauthorized');
      return {
        principalId: 'c',
        policyDocument: {
          Version: '2012-10-17',
          Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: '*' }],
        },
        context: { clientId: 'c' },
      } satisfies APIGatewayAuthorizerResult;
    },
    handlers: {
      health: async (event: APIGatewayProxyEvent) => ({
        statusCode: 200,
        body: JSON.stringify(event.requestContext.authorizer),
      }),
    },
  });
  return { gateway, authorizations: () => authorizations };
}

const get = (gateway: RunningGateway, key: string) =>
  fetch(`${gateway.url}/v1/health`, { headers: { 'x-api-key': key } });

describe('the local gateway’s authorizer cache', () => {
  it('reuses an allowed answer for the same key within the TTL, as API Gateway does', async () => {
    const { gateway, authorizations } = await gatewayCountingAuthorizations(60);
    try {
      expect((await get(gateway, 'good')).status).toBe(200);
      const second = await get(gateway, 'good');
      expect(second.status).toBe(200);
      expect(await second.json()).toMatchObject({ clientId: 'c' });
      expect(authorizations()).toBe(1);
    } finally {
      await gateway.stop();
    }
  });

  it('asks the authorizer every time with a TTL of 0, and never caches a refusal', async () => {
    const { gateway, authorizations } = await gatewayCountingAuthorizations(0);
    try {
      await get(gateway, 'good');
      await get(gateway, 'good');
      expect((await get(gateway, 'bad')).status).toBe(401);
      expect((await get(gateway, 'bad')).status).toBe(401);
      expect(authorizations()).toBe(4);
    } finally {
      await gateway.stop();
    }
  });
});
