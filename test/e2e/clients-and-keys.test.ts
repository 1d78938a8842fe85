import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { tables } from '../../infra/resources.js';
import { localStack, stackDocuments, type StackAddresses } from '../support/local-stack.js';

const run = promisify(execFile);
const envelope = { 'x-officer-id': 'CB-0007', 'x-purpose': '1.001234.000.00.00.H12' };
const an = { personalId: '074095000123', fullName: 'Nguyễn Văn An', dateOfBirth: '1995-03-15' };
const keyFormat = /^lt_[a-km-z2-9]{10}_[A-Za-z0-9_-]{43}$/;

let stack: StackAddresses;
/** Every key this suite saw, and every error body it got: neither may hold the other. */
const issuedKeys: string[] = [];
const errorBodies: string[] = [];

beforeAll(() => {
  stack = localStack();
});

async function admin(method: string, path: string, body?: unknown, apiKey = stack.sandboxApiKey) {
  const response = await fetch(`${stack.gatewayUrl}${path}`, {
    method,
    headers: {
      'x-api-key': apiKey,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (response.status >= 400) errorBodies.push(text);
  return {
    status: response.status,
    body: JSON.parse(text) as Record<string, unknown>,
    headers: response.headers,
  };
}

async function verify(apiKey: string): Promise<number> {
  const response = await fetch(`${stack.gatewayUrl}/v1/citizens/verify`, {
    method: 'POST',
    headers: { 'x-api-key': apiKey, 'content-type': 'application/json', ...envelope },
    body: JSON.stringify(an),
  });
  const text = await response.text();
  if (response.status >= 400) errorBodies.push(text);
  return response.status;
}

async function newClient(scopes: string[] = ['population:verify']): Promise<string> {
  const clientId = `e2e-${randomUUID().slice(0, 8)}`;
  const created = await admin('POST', '/v1/admin/clients', {
    clientId,
    name: 'E2E provincial app',
    unitCode: 'UBND-E2E',
    policy: { scopes, rateLimit: { perSecond: 50 }, dailyQuota: 1000 },
  });
  expect(created.status).toBe(201);
  return clientId;
}

async function issueKey(clientId: string, label?: string): Promise<{ keyId: string; apiKey: string }> {
  const issued = await admin('POST', `/v1/admin/clients/${clientId}/keys`, label ? { label } : undefined);
  expect(issued.status).toBe(201);
  const key = { keyId: issued.body['keyId'] as string, apiKey: issued.body['apiKey'] as string };
  issuedKeys.push(key.apiKey);
  return key;
}

describe('clients and API keys through the admin API', () => {
  it('registers a client with its policy and answers it with 201', async () => {
    const clientId = `e2e-${randomUUID().slice(0, 8)}`;
    const created = await admin('POST', '/v1/admin/clients', {
      clientId,
      name: 'E2E provincial app',
      unitCode: 'UBND-E2E',
      policy: { scopes: ['population:verify'], allowedPurposes: [envelope['x-purpose']] },
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual(
      expect.objectContaining({
        clientId,
        status: 'active',
        policy: {
          scopes: ['population:verify'],
          fields: {},
          allowedPurposes: [envelope['x-purpose']],
          rateLimit: { perSecond: 20 },
          dailyQuota: 50_000,
        },
      }),
    );
  });

  it('issues a key in the lt_<keyId>_<secret> format, shown once, that calls an allowed endpoint', async () => {
    const clientId = await newClient();
    const key = await issueKey(clientId, 'primary');
    expect(key.apiKey).toMatch(keyFormat);
    expect(key.apiKey.startsWith(`lt_${key.keyId}_`)).toBe(true);
    expect(await verify(key.apiKey)).toBe(200);
  });

  it('shows a client’s keys by key id and label, never the key', async () => {
    const clientId = await newClient();
    const key = await issueKey(clientId, 'primary');
    const shown = await admin('GET', `/v1/admin/clients/${clientId}`);
    expect(shown.status).toBe(200);
    expect(shown.body['keys']).toEqual([
      { keyId: key.keyId, status: 'active', label: 'primary', createdAt: expect.any(String) },
    ]);
    expect(JSON.stringify(shown.body)).not.toContain(key.apiKey.slice(14));
  });

  it('lists the new client among the clients', async () => {
    const clientId = await newClient();
    const listed = await admin('GET', '/v1/admin/clients');
    expect(listed.status).toBe(200);
    expect((listed.body['clients'] as { clientId: string }[]).map((client) => client.clientId)).toContain(
      clientId,
    );
  });

  it('refuses an operation outside the client’s scopes with 403', async () => {
    const clientId = await newClient(['land:read']);
    const key = await issueKey(clientId);
    expect(await verify(key.apiKey)).toBe(403);
  });

  it('refuses the admin API to a key without the admin scope with 403 forbidden', async () => {
    const clientId = await newClient();
    const key = await issueKey(clientId);
    const refused = await admin('GET', '/v1/admin/clients', undefined, key.apiKey);
    expect(refused.status).toBe(403);
    expect(refused.body['type']).toMatch(/forbidden$/);
    const created = await admin(
      'POST',
      '/v1/admin/clients',
      { clientId: 'e2e-escalation', name: 'x', unitCode: 'x', policy: { scopes: ['admin'] } },
      key.apiKey,
    );
    expect(created.status).toBe(403);
  });

  it('answers a revoked key with 401 while the client’s other key keeps working', async () => {
    const clientId = await newClient();
    const old = await issueKey(clientId, 'old');
    const rotated = await issueKey(clientId, 'new');
    const revoked = await admin('DELETE', `/v1/admin/clients/${clientId}/keys/${old.keyId}`);
    expect(revoked.status).toBe(200);
    expect(revoked.body).toEqual(expect.objectContaining({ keyId: old.keyId, status: 'revoked' }));
    expect(await verify(old.apiKey)).toBe(401);
    expect(await verify(rotated.apiKey)).toBe(200);
  });

  it('answers every key of a disabled client with 403, and serves it again once enabled', async () => {
    const clientId = await newClient();
    const key = await issueKey(clientId);
    expect((await admin('POST', `/v1/admin/clients/${clientId}/disable`)).status).toBe(200);
    expect(await verify(key.apiKey)).toBe(403);
    expect((await admin('POST', `/v1/admin/clients/${clientId}/enable`)).status).toBe(200);
    expect(await verify(key.apiKey)).toBe(200);
  });

  it('applies a new policy to the client’s next request', async () => {
    const clientId = await newClient(['land:read']);
    const key = await issueKey(clientId);
    const updated = await admin('PUT', `/v1/admin/clients/${clientId}/policy`, {
      scopes: ['population:verify'],
    });
    expect(updated.status).toBe(200);
    expect(await verify(key.apiKey)).toBe(200);
  });

  it('answers a taken client id with 409 conflict', async () => {
    const clientId = await newClient();
    const again = await admin('POST', '/v1/admin/clients', {
      clientId,
      name: 'Again',
      unitCode: 'UBND-E2E',
      policy: { scopes: [] },
    });
    expect(again.status).toBe(409);
    expect(again.body['type']).toMatch(/conflict$/);
  });

  it('answers 404 for an unknown client or key', async () => {
    expect((await admin('GET', '/v1/admin/clients/e2e-nobody')).status).toBe(404);
    expect((await admin('POST', '/v1/admin/clients/e2e-nobody/keys')).status).toBe(404);
    const clientId = await newClient();
    expect((await admin('DELETE', `/v1/admin/clients/${clientId}/keys/abcdefghij`)).status).toBe(404);
  });

  it('answers 400 naming each wrong field of a new client', async () => {
    const refused = await admin('POST', '/v1/admin/clients', {
      clientId: 'Not An Id',
      name: 'x',
      unitCode: 'x',
      policy: { scopes: ['everything'] },
    });
    expect(refused.status).toBe(400);
    expect((refused.body['errors'] as { field: string }[]).map((error) => error.field).sort()).toEqual([
      'clientId',
      'policy.scopes.0',
    ]);
  });
});

describe('the management CLI (npm run clients) against the same table', () => {
  const cli = (...args: string[]) =>
    run(path.resolve('node_modules/.bin/tsx'), ['scripts/clients.ts', ...args], {
      env: {
        ...process.env,
        CLIENTS_TABLE_NAME: stack.tableNames[tables.clients.envVar],
        AWS_ENDPOINT_URL_DYNAMODB: stack.dynamoDbEndpoint,
        KEY_PEPPER: process.env['LIENTHONG_TEST_KEY_PEPPER'],
      },
    });

  it('creates a client, issues a key the gateway accepts, and revokes it', async () => {
    const clientId = `cli-${randomUUID().slice(0, 8)}`;
    await cli(
      'create',
      '--id',
      clientId,
      '--name',
      'CLI app',
      '--unit',
      'UBND-CLI',
      '--scopes',
      'population:verify',
    );
    const { stdout } = await cli('add-key', clientId, '--label', 'from the CLI');
    const apiKey = /lt_[a-km-z2-9]{10}_[A-Za-z0-9_-]{43}/.exec(stdout)?.[0];
    expect(apiKey).toMatch(keyFormat);
    issuedKeys.push(apiKey as string);
    expect(await verify(apiKey as string)).toBe(200);

    const keyId = (apiKey as string).slice(3, 13);
    await cli('revoke-key', clientId, keyId);
    expect(await verify(apiKey as string)).toBe(401);
    const shown = JSON.parse((await cli('show', clientId)).stdout) as { keys: { status: string }[] };
    expect(shown.keys.map((key) => key.status)).toEqual(['revoked']);
  }, 60_000);

  it('says which client it does not know, and exits with 1', async () => {
    const failure = await cli('show', 'cli-nobody').then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect({ code: failure?.code, stderr: failure?.stderr.trim() }).toEqual({
      code: 1,
      stderr: 'error: No client cli-nobody was found',
    });
  }, 30_000);
});

describe('where keys never appear', () => {
  it('not in the clients table', async () => {
    expect(issuedKeys.length).toBeGreaterThan(0);
    const { Items } = await stackDocuments(stack).send(
      new ScanCommand({ TableName: stack.tableNames[tables.clients.envVar] }),
    );
    const table = JSON.stringify(Items ?? []);
    expect(table).not.toContain(stack.sandboxApiKey);
    for (const key of issuedKeys) {
      expect(table).not.toContain(key);
      expect(table).not.toContain(key.slice(14)); // the secret part, after lt_<keyId>_
    }
  });

  it('not in the stack’s log', () => {
    const log = readFileSync(process.env['LIENTHONG_TEST_STACK_LOG'] as string, 'utf8');
    for (const key of [...issuedKeys, stack.sandboxApiKey]) expect(log).not.toContain(key);
  });

  it('not in any error answer', () => {
    expect(errorBodies.length).toBeGreaterThan(0);
    for (const body of errorBodies) {
      for (const key of [...issuedKeys, stack.sandboxApiKey]) expect(body).not.toContain(key);
    }
  });
});
