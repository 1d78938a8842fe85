import {
  healRegistry,
  ledgerEntriesFor,
  localStack,
  registryCounters,
  setPopulationBehaviour,
  type StackAddresses,
} from '../support/local-stack.js';

const envelope = {
  'x-officer-id': 'CB-0042',
  'x-purpose': '1.004227.000.00.00.H12',
  'x-dossier-id': 'HS-2026-001',
};
let stack: StackAddresses;

beforeAll(() => {
  stack = localStack();
});

afterEach(async () => {
  await healRegistry(stack, 'population', () => lookup({ personalId: '074095000123' }));
});

function lookup(body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${stack.gatewayUrl}/v1/citizens/lookup`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-api-key': stack.sandboxApiKey,
      ...envelope,
      ...headers,
    },
    body: JSON.stringify(body),
  });
}

describe('POST /v1/citizens/lookup', () => {
  it('answers the record in English, limited to the default fields', async () => {
    const response = await lookup({ personalId: '074095000123' });
    const json = (await response.json()) as { citizen: Record<string, unknown>; fieldsDisclosed: string[] };
    expect(response.status).toBe(200);
    expect(json.citizen).toMatchObject({
      personalId: '074095000123',
      name: { family: 'Nguyễn', middle: 'Văn', given: 'An', full: 'Nguyễn Văn An' },
      dateOfBirth: { value: '1995-03-15', precision: 'day' },
      sex: 'male',
    });
    expect(json.citizen).not.toHaveProperty('religion');
    expect(json.citizen).not.toHaveProperty('relatives');
    expect(json.fieldsDisclosed).toEqual(expect.arrayContaining(['name', 'dateOfBirth', 'sex']));
  });

  it('gives addresses both the registry’s codes and the 2025 units they belong to now', async () => {
    const response = await lookup({ personalId: '074095000123' });
    const json = (await response.json()) as {
      citizen: {
        addresses: Record<string, { registryUnits: { commune?: { code: string } }; currentUnits: unknown[] }>;
      };
    };
    const permanent = json.citizen.addresses['permanent'];
    expect(permanent?.registryUnits.commune?.code).toMatch(/^\d{5}$/);
    expect(permanent?.currentUnits.length).toBeGreaterThan(0);
  });

  it('gives a year-only birth with year precision', async () => {
    const json = (await (await lookup({ personalId: '074152000777' })).json()) as {
      citizen: { dateOfBirth: unknown };
    };
    expect(json.citizen.dateOfBirth).toEqual({ value: '1952', precision: 'year' });
  });

  it('ledgers the lookup with its subject, purpose, dossier and the fields disclosed', async () => {
    const response = await lookup({ personalId: '074095000123' });
    const json = (await response.json()) as { requestId: string; fieldsDisclosed: string[] };
    const entries = await ledgerEntriesFor(stack, json.requestId);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      operation: 'population:lookup',
      outcome: 'allowed',
      purpose: '1.004227.000.00.00.H12',
      dossierId: 'HS-2026-001',
      fieldsDisclosed: json.fieldsDisclosed,
    });
    expect(entries[0]?.['subjectKeys']).toHaveLength(1);
  });

  it('answers 404 for an unknown citizen, and ledgers it as not found', async () => {
    const response = await lookup({ personalId: '074095999999' });
    const json = (await response.json()) as { type: string; requestId: string };
    expect(response.status).toBe(404);
    expect(json.type).toBe('https://lienthong.gov.vn/problems/not-found');
    expect((await ledgerEntriesFor(stack, json.requestId)).map((e) => e['outcome'])).toEqual(['not-found']);
  });

  it('rejects a body naming neither a personal id nor an old id number, before asking the registry', async () => {
    const before = (await registryCounters(stack, 'population')).calls;
    const response = await lookup({ personalId: '07409500012' });
    expect(response.status).toBe(400);
    expect((await registryCounters(stack, 'population')).calls).toBe(before);
  });

  it('answers 502 without echoing anything when the registry sends hostile XML', async () => {
    await setPopulationBehaviour(stack, { faults: [{ mode: 'xxe', rate: 1 }] });
    const response = await lookup({ personalId: '074095000123' });
    const text = await response.text();
    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(text).not.toMatch(/ENTITY|root:|passwd/);
  });
});
