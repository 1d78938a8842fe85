import {
  healRegistry,
  ledgerEntriesFor,
  localStack,
  registryCounters,
  setRegistryBehaviour,
  type StackAddresses,
} from '../support/local-stack.js';

const envelope = { 'x-officer-id': 'CB-0042', 'x-purpose': '1.004227.000.00.00.H12' };
const an = '074095000123';
const hoa = '074152000777';

let stack: StackAddresses;

beforeAll(() => {
  stack = localStack();
});

afterEach(async () => {
  await healRegistry(stack, 'land', async () => (await get('/v1/land/certificates/DA12345678')).response);
});

async function get(path: string, headers: Record<string, string> = {}) {
  const started = performance.now();
  const response = await fetch(`${stack.gatewayUrl}${path}`, {
    headers: { 'x-api-key': stack.sandboxApiKey, ...envelope, ...headers },
  });
  const elapsedMs = performance.now() - started;
  const json = (await response.clone().json()) as Record<string, unknown>;
  return { response, json, elapsedMs };
}

const requestIdOf = (response: Response) => response.headers.get('x-request-id') as string;

describe('GET /v1/land/parcels/{communeCode}/{mapSheet}/{parcelNumber}', () => {
  it('answers the urban fixture parcel with its certificate and owner', async () => {
    const { response, json } = await get('/v1/land/parcels/25747/12/345');
    expect(response.status).toBe(200);
    expect(json).toMatchObject({
      requestId: requestIdOf(response),
      query: { communeCode: '25747', mapSheet: 12, parcelNumber: 345 },
      fieldsDisclosed: ['owners.fullName', 'owners.idDocument', 'owners.address', 'owners.nationality'],
    });
    const parcels = json['parcels'] as { parcel: Record<string, unknown>; certificates: unknown[] }[];
    expect(parcels).toHaveLength(1);
    expect(parcels[0]?.parcel).toMatchObject({
      commune: {
        former: { code: '25747', name: 'Phường Phú Cường', era: 'pre2025' },
        current: { code: '25747', name: 'Phường Thủ Dầu Một', era: '2025' },
      },
      mapSheet: 12,
      parcelNumber: 345,
      areaM2: 120.5,
      landUse: { code: 'ODT', meaning: 'Urban residential land' },
    });
    expect(parcels[0]?.certificates).toEqual([
      expect.objectContaining({
        serial: 'DA 12345678',
        owners: [
          expect.objectContaining({
            fullName: 'Nguyễn Văn An',
            idDocument: { type: 'citizen-id', number: an },
          }),
        ],
      }),
    ]);
  });

  it('answers the perennial-crops fixture under its own pre-2025 commune', async () => {
    const { response, json } = await get('/v1/land/parcels/25753/7/89');
    expect(response.status).toBe(200);
    expect(json['parcels']).toEqual([
      expect.objectContaining({
        parcel: expect.objectContaining({
          areaM2: 1500,
          landUse: { code: 'CLN', meaning: 'Land for perennial crops' },
        }),
      }),
    ]);
  });

  it('finds a parcel numbered under a merged commune when asked with the 2025 code, labelled old → new', async () => {
    const { response, json } = await get('/v1/land/parcels/25747/7/89');
    expect(response.status).toBe(200);
    const parcels = json['parcels'] as { parcel: { commune: unknown }; certificates: { serial: string }[] }[];
    expect(parcels.map((p) => p.parcel.commune)).toEqual([
      {
        former: { code: '25753', name: 'Phường Phú Thọ', era: 'pre2025' },
        current: { code: '25747', name: 'Phường Thủ Dầu Một', era: '2025' },
      },
    ]);
    expect(parcels[0]?.certificates.map((c) => c.serial)).toEqual(['BX 123456']);
  });

  it('searches the 2025 code as a pre-2025 code too, so the old Phú Cường numbering is still found', async () => {
    const { json } = await get('/v1/land/parcels/25747/12/345');
    const parcels = json['parcels'] as { parcel: { commune: { former: { code: string } } } }[];
    expect(parcels.map((p) => p.parcel.commune.former.code)).toEqual(['25747']);
  });

  it('answers 404 problem+json when no candidate commune holds the parcel', async () => {
    const { response, json } = await get('/v1/land/parcels/25747/999/999');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(json).toMatchObject({ type: 'https://lienthong.gov.vn/problems/not-found', status: 404 });
  });

  it('records exactly one ledger entry for a search across several communes, with the owner as subject', async () => {
    const { response } = await get('/v1/land/parcels/25747/7/89');
    const entries = await ledgerEntriesFor(stack, requestIdOf(response));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      clientId: 'sandbox',
      officerId: 'CB-0042',
      purpose: '1.004227.000.00.00.H12',
      operation: 'land:read',
      outcome: 'allowed',
      fieldsDisclosed: ['owners.fullName', 'owners.idDocument', 'owners.address', 'owners.nationality'],
    });
    expect(entries[0]?.['subjectKeys']).toHaveLength(1);
    expect(JSON.stringify(entries[0])).not.toContain(hoa);
  });

  it('records a parcel that was not found once, with no subjects', async () => {
    const { response } = await get('/v1/land/parcels/25747/999/999');
    const entries = await ledgerEntriesFor(stack, requestIdOf(response));
    expect(entries).toEqual([expect.objectContaining({ outcome: 'not-found', subjectKeys: [] })]);
  });

  it('rejects a map sheet that is not a number with 400 naming path:mapSheet, before asking the registry', async () => {
    const before = (await registryCounters(stack, 'land')).calls;
    const { response, json } = await get('/v1/land/parcels/25747/abc/345');
    expect((await registryCounters(stack, 'land')).calls).toBe(before);
    expect(response.status).toBe(400);
    expect(json['errors']).toEqual([expect.objectContaining({ field: 'path:mapSheet', rule: 'format' })]);
  });

  it('rejects a commune code that is not 5 digits with 400 naming path:communeCode', async () => {
    const before = (await registryCounters(stack, 'land')).calls;
    const { response, json } = await get('/v1/land/parcels/2574/12/345');
    expect((await registryCounters(stack, 'land')).calls).toBe(before);
    expect(response.status).toBe(400);
    expect(json['errors']).toEqual([expect.objectContaining({ field: 'path:communeCode', rule: 'format' })]);
  });

  it('names each missing purpose-envelope header and asks no registry', async () => {
    const before = (await registryCounters(stack, 'land')).calls;
    const response = await fetch(`${stack.gatewayUrl}/v1/land/parcels/25747/12/345`, {
      headers: { 'x-api-key': stack.sandboxApiKey },
    });
    const json = (await response.json()) as { errors: { field: string; rule: string }[] };
    expect((await registryCounters(stack, 'land')).calls).toBe(before);
    expect(response.status).toBe(400);
    expect(json.errors.map((e) => [e.field, e.rule])).toEqual([
      ['header:x-officer-id', 'required'],
      ['header:x-purpose', 'required'],
    ]);
  });

  it('refuses a request without an API key with 401', async () => {
    const response = await fetch(`${stack.gatewayUrl}/v1/land/parcels/25747/12/345`, { headers: envelope });
    expect(response.status).toBe(401);
  });
});

describe('GET /v1/land/certificates/{serial}', () => {
  it('answers the certificate, its parcel and owner', async () => {
    const { response, json } = await get('/v1/land/certificates/DA12345678');
    expect(response.status).toBe(200);
    expect(json).toMatchObject({
      requestId: requestIdOf(response),
      certificate: {
        serial: 'DA 12345678',
        issuedOn: '2024-10-15',
        registryNumber: 'CS12345',
        owners: [{ fullName: 'Nguyễn Văn An', idDocument: { type: 'citizen-id', number: an } }],
      },
      parcel: { mapSheet: 12, parcelNumber: 345, commune: { former: { code: '25747' } } },
      fieldsDisclosed: ['owners.fullName', 'owners.idDocument', 'owners.address', 'owners.nationality'],
    });
  });

  it('accepts a serial in any case and spacing (URL-encoded space)', async () => {
    const { response, json } = await get('/v1/land/certificates/bx%20123456');
    expect(response.status).toBe(200);
    expect(json).toMatchObject({
      certificate: { serial: 'BX 123456', owners: [{ fullName: 'Lê Thị Hoa' }] },
      parcel: { commune: { former: { code: '25753' }, current: { code: '25747' } } },
    });
  });

  it('records exactly one ledger entry with the owner as subject and no personal id', async () => {
    const { response } = await get('/v1/land/certificates/DA12345678');
    const entries = await ledgerEntriesFor(stack, requestIdOf(response));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ operation: 'land:read', outcome: 'allowed' });
    expect(entries[0]?.['subjectKeys']).toHaveLength(1);
    expect(JSON.stringify(entries[0])).not.toContain(an);
  });

  it('answers 404 for a serial the registry does not hold', async () => {
    const { response, json } = await get('/v1/land/certificates/ZZ000001');
    expect(response.status).toBe(404);
    expect(json['type']).toBe('https://lienthong.gov.vn/problems/not-found');
  });

  it('rejects a malformed serial with 400 naming path:serial, before asking the registry', async () => {
    const before = (await registryCounters(stack, 'land')).calls;
    const { response, json } = await get('/v1/land/certificates/DA1234');
    expect((await registryCounters(stack, 'land')).calls).toBe(before);
    expect(response.status).toBe(400);
    expect(json['errors']).toEqual([expect.objectContaining({ field: 'path:serial', rule: 'length' })]);
  });
});

describe('land registry failures', () => {
  it('answers 502 when the registry faults, without echoing its message', async () => {
    await setRegistryBehaviour(stack, 'land', { faults: [{ mode: 'fault', rate: 1 }] });
    const { response, json } = await get('/v1/land/certificates/DA12345678');
    expect(response.status).toBe(502);
    expect(json['type']).toBe('https://lienthong.gov.vn/problems/upstream-failed');
    expect(JSON.stringify(json)).not.toMatch(/Lỗi hệ thống/);
  });

  it.each(['xxe', 'entity-expansion', 'malformed'] as const)(
    'answers 502 for a %s answer and echoes none of it',
    async (mode) => {
      await setRegistryBehaviour(stack, 'land', { faults: [{ mode, rate: 1 }] });
      const { response, json } = await get('/v1/land/certificates/DA12345678');
      expect(response.status).toBe(502);
      expect(JSON.stringify(json)).not.toMatch(/ENTITY|lol|passwd|Envelope/);
    },
  );

  it('answers 504 within the deadline when the registry hangs', async () => {
    await setRegistryBehaviour(stack, 'land', { faults: [{ mode: 'hang', rate: 1 }] });
    const { response, json, elapsedMs } = await get('/v1/land/certificates/DA12345678');
    expect(response.status).toBe(504);
    expect(json['type']).toBe('https://lienthong.gov.vn/problems/upstream-timeout');
    expect(elapsedMs).toBeLessThan(5_000);
  });

  it('answers 503 with Retry-After when the registry’s quota is spent', async () => {
    await setRegistryBehaviour(stack, 'land', { quotaPerSecond: 1 });
    const answers = await Promise.all(
      Array.from({ length: 3 }, () => get('/v1/land/certificates/DA12345678')),
    );
    const refused = answers.find((a) => a.response.status === 503);
    expect(refused?.json).toMatchObject({
      type: 'https://lienthong.gov.vn/problems/upstream-unavailable',
      retryAfterSeconds: 1,
    });
    expect(refused?.response.headers.get('retry-after')).toBe('1');
  });

  it('answers 503 with Retry-After once the circuit opens after repeated failures', async () => {
    await setRegistryBehaviour(stack, 'land', { faults: [{ mode: 'fault', rate: 1 }] });
    let last: Awaited<ReturnType<typeof get>> | undefined;
    for (let attempt = 0; attempt < 10; attempt += 1) {
      last = await get('/v1/land/certificates/DA12345678');
      if (last.response.status === 503) break;
    }
    expect(last?.response.status).toBe(503);
    expect(last?.json['detail']).toBe('The land registry is unavailable: circuit open');
    expect(Number(last?.response.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('records a failed lookup in the ledger with its outcome', async () => {
    await setRegistryBehaviour(stack, 'land', { faults: [{ mode: 'fault', rate: 1 }] });
    const { response } = await get('/v1/land/certificates/DA12345678');
    const entries = await ledgerEntriesFor(stack, requestIdOf(response));
    expect(entries).toEqual([
      expect.objectContaining({ operation: 'land:read', outcome: 'upstream-failed', subjectKeys: [] }),
    ]);
  });
});
