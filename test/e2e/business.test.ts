import { generateBusinessRegistryData } from '../../local/registries/business/data.js';
import {
  healRegistry,
  localStack,
  registryCounters,
  setRegistryBehaviour,
  type StackAddresses,
} from '../support/local-stack.js';

/** Valid codes the business registry does not hold: answered 404, so never cached. */
const unknownCodes = ['0100233488', '0314409058', '0314409058-002'] as const;

let stack: StackAddresses;
/** Enterprises of the simulator's generated data that no other test asks for. */
let generatedCodes: string[];

beforeAll(() => {
  stack = localStack();
  generatedCodes = [...generateBusinessRegistryData().businesses.values()]
    .filter((business) => business.kind === 'enterprise' && !business.code.startsWith('37012345'))
    .slice(5, 7)
    .map((business) => business.code);
});

afterEach(async () => {
  // Back to normal, and the gateway's circuit for the registry closed again.
  await healRegistry(stack, 'business', () =>
    fetch(`${stack.gatewayUrl}/v1/businesses/${unknownCodes[0]}`, {
      headers: { 'x-api-key': stack.sandboxApiKey },
    }),
  );
});

async function lookUp(code: string, headers: Record<string, string> = {}) {
  const started = performance.now();
  const response = await fetch(`${stack.gatewayUrl}/v1/businesses/${encodeURIComponent(code)}`, {
    headers: { 'x-api-key': stack.sandboxApiKey, ...headers },
  });
  const elapsedMs = performance.now() - started;
  const text = await response.text();
  return { response, json: JSON.parse(text) as Record<string, unknown>, elapsedMs };
}

async function lookupCalls(): Promise<number> {
  return (await registryCounters(stack, 'business')).byOperation['GET /api/doanh-nghiep/{msdn}'] ?? 0;
}

describe('GET /v1/businesses/{enterpriseCode}', () => {
  it('answers the active joint-stock company in Thủ Dầu Một with its legal representative', async () => {
    const { response, json } = await lookUp('3701234562');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(json).toEqual({
      requestId: response.headers.get('x-request-id'),
      retrievedAt: expect.any(String),
      business: expect.objectContaining({
        enterpriseCode: '3701234562',
        legalForm: { code: 'joint_stock_company', registryText: 'Công ty cổ phần' },
        status: { code: 'active', registryText: 'Đang hoạt động' },
        foundedOn: '2012-04-09',
        representatives: [{ fullName: 'Nguyễn Văn An', role: 'Tổng giám đốc' }],
        headOffice: expect.objectContaining({
          registeredCommune: { code: '25747', name: 'Phường Thủ Dầu Một', era: '2025' },
          current: {
            commune: { code: '25747', name: 'Phường Thủ Dầu Một', era: '2025' },
            province: { code: '79', name: 'Thành phố Hồ Chí Minh' },
          },
        }),
      }),
    });
  });

  it("discloses no representative's personal id", async () => {
    const { json } = await lookUp('3701234562');
    expect(JSON.stringify(json)).not.toContain('074095000123');
  });

  it('answers the branch in Dĩ An with its parent, given with or without the dash', async () => {
    const { response, json } = await lookUp('3701234562001');
    expect(response.status).toBe(200);
    expect(json['business']).toMatchObject({
      enterpriseCode: '3701234562-001',
      parentEnterpriseCode: '3701234562',
      legalForm: { code: 'branch' },
      headOffice: { current: { commune: { code: '25942', name: 'Phường Dĩ An' } } },
    });
  });

  it('answers the dissolved enterprise with status dissolved and the registry’s wording', async () => {
    const { response, json } = await lookUp('3700987651');
    expect(response.status).toBe(200);
    expect((json['business'] as Record<string, unknown>)['status']).toEqual({
      code: 'dissolved',
      registryText: 'Đã giải thể, phá sản, chấm dứt tồn tại',
    });
  });

  it('asks the registry on the first lookup of a code and says so in x-cache and Server-Timing', async () => {
    const before = await lookupCalls();
    const { response } = await lookUp(generatedCodes[0] as string);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-cache')).toBe('miss');
    expect(response.headers.get('server-timing')).toMatch(
      /^upstream;desc="1 registry call";dur=[\d.]+, gateway;dur=/,
    );
    expect((await lookupCalls()) - before).toBe(1);
  });

  it('answers a second lookup from the cache, without asking the registry', async () => {
    const code = generatedCodes[1] as string;
    const first = await lookUp(code);
    const before = await lookupCalls();
    const second = await lookUp(code);
    expect(second.response.status).toBe(200);
    expect(second.response.headers.get('x-cache')).toBe('hit');
    expect(second.response.headers.get('server-timing')).toMatch(/^gateway;dur=[\d.]+$/);
    expect(second.json['business']).toEqual(first.json['business']);
    expect(second.json['retrievedAt']).toBe(first.json['retrievedAt']);
    expect(await lookupCalls()).toBe(before);
  });

  it('answers 404 problem+json for a valid code the registry does not hold', async () => {
    const { response, json } = await lookUp(unknownCodes[1]);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(json).toMatchObject({ type: 'https://lienthong.gov.vn/problems/not-found', status: 404 });
  });

  it.each([
    ['3701234563', 'checksum'],
    ['370123', 'length'],
    ['37012345AB', 'format'],
    ['3701234562-000', 'branch_suffix'],
  ])(
    'rejects %s with 400 naming path:enterpriseCode and rule %s, before asking the registry',
    async (code, rule) => {
      const before = (await registryCounters(stack, 'business')).calls;
      const { response, json } = await lookUp(code);
      expect(response.status).toBe(400);
      expect(json['type']).toBe('https://lienthong.gov.vn/problems/invalid-request');
      expect(json['errors']).toEqual([expect.objectContaining({ field: 'path:enterpriseCode', rule })]);
      expect((await registryCounters(stack, 'business')).calls).toBe(before);
    },
  );

  it('refuses a request without an API key with 401', async () => {
    const response = await fetch(`${stack.gatewayUrl}/v1/businesses/3701234562`);
    expect(response.status).toBe(401);
  });

  it('answers 502 when the registry fails with its internal error', async () => {
    await setRegistryBehaviour(stack, 'business', { faults: [{ mode: 'fault', rate: 1 }] });
    const { response, json } = await lookUp(unknownCodes[2]);
    expect(response.status).toBe(502);
    expect(json['type']).toBe('https://lienthong.gov.vn/problems/upstream-failed');
    expect(JSON.stringify(json)).not.toMatch(/Lỗi hệ thống|<html|stack/u);
  });

  it('answers 502 when the registry answers something that is not JSON', async () => {
    await setRegistryBehaviour(stack, 'business', { faults: [{ mode: 'wrong-content-type', rate: 1 }] });
    const { response } = await lookUp(unknownCodes[2]);
    expect(response.status).toBe(502);
  });

  it('answers 503 with Retry-After when the registry’s quota is spent', async () => {
    await setRegistryBehaviour(stack, 'business', { quotaPerSecond: 1 });
    await lookUp(unknownCodes[0]);
    const { response, json } = await lookUp(unknownCodes[1]);
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(json).toMatchObject({
      type: 'https://lienthong.gov.vn/problems/upstream-unavailable',
      retryAfterSeconds: 1,
    });
  });

  it('answers 503 with Retry-After, without calling the registry, once its circuit is open', async () => {
    await setRegistryBehaviour(stack, 'business', { faults: [{ mode: 'fault', rate: 1 }] });
    let answer = await lookUp(unknownCodes[2]);
    for (let attempt = 0; attempt < 10 && answer.response.status === 502; attempt += 1) {
      answer = await lookUp(unknownCodes[2]);
    }
    const before = await lookupCalls();
    const { response, json } = await lookUp(unknownCodes[2]);
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(json['detail']).toBe('The business registry is unavailable: circuit open');
    expect(await lookupCalls()).toBe(before);
  });

  it('answers 504 within the deadline when the registry hangs', async () => {
    await setRegistryBehaviour(stack, 'business', { faults: [{ mode: 'hang', rate: 1 }] });
    const { response, json, elapsedMs } = await lookUp(unknownCodes[2]);
    expect(response.status).toBe(504);
    expect(json['type']).toBe('https://lienthong.gov.vn/problems/upstream-timeout');
    // The test stack's business deadline is 1.5 s; allow for scheduling, not for a second attempt.
    expect(elapsedMs).toBeLessThan(5_000);
  });
});
