import { generateBusinessRegistryData } from '../../../local/registries/business/data.js';
import {
  startBusinessRegistry,
  type chiTietDoanhNghiep,
  type RunningBusinessRegistry,
} from '../../../local/registries/business/server.js';

type ChiTietDoanhNghiep = ReturnType<typeof chiTietDoanhNghiep>;

/** The business-registration simulator over real HTTP: OAuth2 client credentials, then lookups. */

const data = generateBusinessRegistryData();
const sandboxBasic = `Basic ${Buffer.from('lienthong-sandbox:sandbox-secret').toString('base64')}`;

let business: RunningBusinessRegistry;

beforeAll(async () => {
  business = await startBusinessRegistry({ port: 0, data });
});

afterAll(async () => {
  await business.stop();
});

afterEach(async () => {
  await fetch(`${business.controlUrl}/reset`, { method: 'POST' });
});

function requestToken(init: { authorization?: string; body: string; url?: string }): Promise<Response> {
  return fetch(`${init.url ?? business.url}/oauth/token`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(init.authorization ? { authorization: init.authorization } : {}),
    },
    body: init.body,
  });
}

async function accessToken(url = business.url): Promise<string> {
  const response = await requestToken({
    authorization: sandboxBasic,
    body: 'grant_type=client_credentials',
    url,
  });
  return ((await response.json()) as { access_token: string }).access_token;
}

async function lookUp(code: string, token: string, url = business.url): Promise<Response> {
  return fetch(`${url}/api/doanh-nghiep/${encodeURIComponent(code)}`, {
    headers: { authorization: `Bearer ${token}` },
  });
}

async function documentOf(response: Response): Promise<ChiTietDoanhNghiep> {
  return (await response.json()) as ChiTietDoanhNghiep;
}

async function setBehaviour(behaviour: object): Promise<void> {
  const response = await fetch(`${business.controlUrl}/behaviour`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(behaviour),
  });
  expect(response.status).toBe(200);
}

describe('business registry: OAuth2 client credentials', () => {
  test('Basic client credentials obtain a Bearer token with its lifetime', async () => {
    const response = await requestToken({
      authorization: sandboxBasic,
      body: 'grant_type=client_credentials',
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    expect(body.access_token).toMatch(/^[\w-]{40,}$/);
  });

  test('client credentials in the form body obtain a token too', async () => {
    const response = await requestToken({
      body: 'grant_type=client_credentials&client_id=lienthong-sandbox&client_secret=sandbox-secret',
    });
    expect(response.status).toBe(200);
  });

  test('a wrong client secret is refused with 401 invalid_client', async () => {
    const wrong = `Basic ${Buffer.from('lienthong-sandbox:nope').toString('base64')}`;
    const response = await requestToken({ authorization: wrong, body: 'grant_type=client_credentials' });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: 'invalid_client' });
  });

  test('a grant type other than client_credentials is refused with 400 unsupported_grant_type', async () => {
    const response = await requestToken({ authorization: sandboxBasic, body: 'grant_type=password' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'unsupported_grant_type' });
  });

  test('a lookup without a token is refused with 401', async () => {
    const response = await fetch(`${business.url}/api/doanh-nghiep/3701234562`);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer /);
    expect(await response.json()).toMatchObject({ code: 'UNAUTHORIZED' });
  });

  test('a lookup with an expired token is refused with 401 TOKEN_EXPIRED', async () => {
    const shortLived = await startBusinessRegistry({ port: 0, data, tokenTtlSeconds: 0.2 });
    try {
      const token = await accessToken(shortLived.url);
      await new Promise((r) => setTimeout(r, 300));
      const response = await lookUp('3701234562', token, shortLived.url);
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ code: 'TOKEN_EXPIRED' });
    } finally {
      await shortLived.stop();
    }
  });
});

describe('business registry: fixtures', () => {
  test('3701234562 is an active joint-stock company in Thủ Dầu Một represented by Nguyễn Văn An', async () => {
    const response = await lookUp('3701234562', await accessToken());
    expect(response.status).toBe(200);
    const body = await documentOf(response);
    expect(body.MainInformation).toMatchObject({
      EnterpriseCode: '3701234562',
      LegalForm: 'Công ty cổ phần',
      Status: 'Đang hoạt động',
    });
    expect(body.HOAddress).toMatchObject({ WardCode: '25747', WardName: 'Phường Thủ Dầu Một' });
    expect(body.Representatives[0]).toMatchObject({ FullName: 'Nguyễn Văn An', IdNumber: '074095000123' });
  });

  test('3701234562-001 is its branch in Dĩ An', async () => {
    const response = await lookUp('3701234562-001', await accessToken());
    const body = await documentOf(response);
    expect(body.MainInformation).toMatchObject({
      EnterpriseCode: '3701234562-001',
      ParentEnterpriseCode: '3701234562',
      LegalForm: 'Chi nhánh',
    });
    expect(body.HOAddress).toMatchObject({ WardCode: '25942', WardName: 'Phường Dĩ An' });
  });

  test('a branch code written without its dash finds the branch', async () => {
    const response = await lookUp('3701234562001', await accessToken());
    expect((await documentOf(response)).MainInformation.EnterpriseCode).toBe('3701234562-001');
  });

  test('3700987651 is dissolved', async () => {
    const body = await documentOf(await lookUp('3700987651', await accessToken()));
    expect(body.MainInformation.Status).toBe('Đã giải thể, phá sản, chấm dứt tồn tại');
  });

  test('a household business is found by its owner’s 12-digit personal id', async () => {
    const household = [...data.businesses.values()].find((b) => b.kind === 'household-business');
    expect(household).toBeDefined();
    const body = await documentOf(await lookUp(household?.code ?? '', await accessToken()));
    expect(body.MainInformation).toMatchObject({
      EnterpriseCode: household?.code,
      LegalForm: 'Hộ kinh doanh',
    });
  });

  test('an unknown code is answered with a 404 JSON document', async () => {
    const response = await lookUp('0100233488', await accessToken());
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toMatchObject({ code: 'NOT_FOUND' });
  });

  test('a code of the wrong shape is answered with 400 INVALID_ENTERPRISE_CODE', async () => {
    const response = await lookUp('12345', await accessToken());
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'INVALID_ENTERPRISE_CODE' });
  });
});

describe('business registry: behaviour on demand', () => {
  test('fault mode answers 500 with the registry error document', async () => {
    const token = await accessToken();
    await setBehaviour({ faults: [{ mode: 'fault', rate: 1 }] });
    const response = await lookUp('3701234562', token);
    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject({ code: 'INTERNAL_ERROR' });
  });

  test('http-5xx mode answers the configured status with an HTML page', async () => {
    const token = await accessToken();
    await setBehaviour({ faults: [{ mode: 'http-5xx', rate: 1 }], status: 504 });
    const response = await lookUp('3701234562', token);
    expect(response.status).toBe(504);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
  });

  test('hang mode never answers, so the client times out', async () => {
    const token = await accessToken();
    await setBehaviour({ faults: [{ mode: 'hang', rate: 1 }] });
    const call = fetch(`${business.url}/api/doanh-nghiep/3701234562`, {
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(300),
    });
    await expect(call).rejects.toMatchObject({ name: 'TimeoutError' });
  });

  test('malformed mode answers truncated JSON', async () => {
    const token = await accessToken();
    await setBehaviour({ faults: [{ mode: 'malformed', rate: 1 }] });
    const text = await (await lookUp('3701234562', token)).text();
    expect(text.startsWith('{"MainInformation"')).toBe(true);
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
  });

  test('xxe mode answers a prototype-pollution document', async () => {
    const token = await accessToken();
    await setBehaviour({ faults: [{ mode: 'xxe', rate: 1 }] });
    const text = await (await lookUp('3701234562', token)).text();
    expect(text).toContain('"__proto__"');
  });

  test('entity-expansion mode answers pathologically nested JSON', async () => {
    const token = await accessToken();
    await setBehaviour({ faults: [{ mode: 'entity-expansion', rate: 1 }] });
    const text = await (await lookUp('3701234562', token)).text();
    expect(text.startsWith('['.repeat(1000))).toBe(true);
  });

  test('oversized mode pads the real answer to the configured size and keeps it valid JSON', async () => {
    const token = await accessToken();
    await setBehaviour({ faults: [{ mode: 'oversized', rate: 1 }], oversizedBytes: 1024 * 1024 });
    const text = await (await lookUp('3701234562', token)).text();
    expect(Buffer.byteLength(text)).toBeGreaterThanOrEqual(1024 * 1024);
    expect((JSON.parse(text) as ChiTietDoanhNghiep).MainInformation.EnterpriseCode).toBe('3701234562');
  });

  test('wrong-content-type mode labels the real answer text/html', async () => {
    const token = await accessToken();
    await setBehaviour({ faults: [{ mode: 'wrong-content-type', rate: 1 }] });
    const response = await lookUp('3701234562', token);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect((await documentOf(response)).MainInformation.EnterpriseCode).toBe('3701234562');
  });

  test('latency delays every answer by the configured time', async () => {
    const token = await accessToken();
    await setBehaviour({ latency: { distribution: 'fixed', ms: 250 } });
    const started = Date.now();
    await lookUp('3701234562', token);
    expect(Date.now() - started).toBeGreaterThanOrEqual(240);
  });

  test('a client over its quota per second is answered with 429 QUOTA_EXCEEDED', async () => {
    await setBehaviour({ quotaPerSecond: 2 });
    const token = await accessToken();
    // The token request was the first call of this second.
    const accepted = await lookUp('3701234562', token);
    const refused = await lookUp('3701234562', token);
    expect(accepted.status).toBe(200);
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ code: 'QUOTA_EXCEEDED' });
  });

  test('quota is counted per client: another client is not refused', async () => {
    const twoClients = await startBusinessRegistry({
      port: 0,
      data,
      clients: [
        { clientId: 'district-a', clientSecret: 'a' },
        { clientId: 'district-b', clientSecret: 'b' },
      ],
      behaviour: { quotaPerSecond: 1 },
    });
    try {
      const tokenFor = async (id: string, secret: string) => {
        const response = await requestToken({
          url: twoClients.url,
          body: `grant_type=client_credentials&client_id=${id}&client_secret=${secret}`,
        });
        return ((await response.json()) as { access_token: string }).access_token;
      };
      const a = await tokenFor('district-a', 'a');
      const b = await tokenFor('district-b', 'b');
      // Let the token requests leave the one-second window.
      await new Promise((r) => setTimeout(r, 1050));
      const statuses = [];
      for (const token of [a, a, b])
        statuses.push((await lookUp('3701234562', token, twoClients.url)).status);
      expect(statuses).toEqual([200, 429, 200]);
    } finally {
      await twoClients.stop();
    }
  });

  test('counters record calls per operation and per client', async () => {
    const token = await accessToken();
    await lookUp('3701234562', token);
    await lookUp('3700987651', token);
    const counters = await (await fetch(`${business.controlUrl}/counters`)).json();
    expect(counters).toMatchObject({
      calls: 3,
      byOperation: { 'POST /oauth/token': 1, 'GET /api/doanh-nghiep/{msdn}': 2 },
      byCredential: { 'lienthong-sandbox': 3 },
    });
  });
});
