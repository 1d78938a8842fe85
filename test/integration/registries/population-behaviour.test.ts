import type { Client } from 'soap';
import type { BehaviourInput } from '../../../local/registries/behaviour/index.js';
import {
  startPopulationRegistry,
  type RunningPopulationRegistry,
} from '../../../local/registries/population/server.js';
import { call, populationClient, rawVerifyRequest, registryFaultOf } from './population-client.js';

/** Each failure mode, driven through the control endpoint as a test or benchmark would drive it. */
describe('population registry behaviour on demand', () => {
  let registry: RunningPopulationRegistry;
  let client: Client;

  beforeAll(async () => {
    registry = await startPopulationRegistry({ port: 0, citizenCount: 100 });
    client = await populationClient(registry.url);
  });
  afterAll(() => registry.stop());
  beforeEach(() => registry.reset());

  const setBehaviour = async (behaviour: BehaviourInput) => {
    const response = await fetch(`${registry.controlUrl}/behaviour`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(behaviour),
    });
    expect(response.status).toBe(200);
  };
  const verifyFixture = (timeout?: number) =>
    call(
      client,
      registry.url,
      'XacThucThongTinCongDan',
      { SoDinhDanh: '074095000123', HoVaTen: 'Nguyễn Văn An', NgayThangNamSinh: '19950315' },
      { timeout },
    );
  const rejectionOf = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (error: unknown) => error,
    );
  const raw = () => fetch(registry.url, rawVerifyRequest(registry.url));

  it('delays answers by a fixed latency', async () => {
    await setBehaviour({ latency: { distribution: 'fixed', ms: 300 } });
    const started = performance.now();
    await verifyFixture();
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('keeps uniform latency within its bounds', async () => {
    await setBehaviour({ latency: { distribution: 'uniform', minMs: 50, maxMs: 120 } });
    const durations: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const started = performance.now();
      await raw();
      durations.push(performance.now() - started);
    }
    expect(Math.min(...durations)).toBeGreaterThanOrEqual(45);
    expect(Math.max(...durations)).toBeLessThan(400);
  });

  it('answers an injected fault with the registry fault LOI_HE_THONG', async () => {
    await setBehaviour({ faults: [{ mode: 'fault', rate: 1 }] });
    const fault = registryFaultOf(await rejectionOf(verifyFixture()));
    expect(fault?.MaLoi).toBe('LOI_HE_THONG');
  });

  it('fails about the configured share of calls at an error rate', async () => {
    await setBehaviour({ faults: [{ mode: 'fault', rate: 0.3 }], seed: 42 });
    const statuses = await Promise.all(Array.from({ length: 400 }, async () => (await raw()).status));
    const failed = statuses.filter((status) => status === 500).length;
    expect(failed / statuses.length).toBeGreaterThan(0.24);
    expect(failed / statuses.length).toBeLessThan(0.36);
  });

  it('answers http-5xx with a bare HTML error page of the configured status', async () => {
    await setBehaviour({ faults: [{ mode: 'http-5xx', rate: 1 }], status: 502 });
    const response = await raw();
    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
  });

  it('never answers in hang mode, so the client times out', async () => {
    await setBehaviour({ faults: [{ mode: 'hang', rate: 1 }] });
    const started = performance.now();
    const error = await rejectionOf(verifyFixture(300));
    expect(String((error as Error).message)).toMatch(/timeout/i);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('drops the connection in reset mode', async () => {
    await setBehaviour({ faults: [{ mode: 'reset', rate: 1 }] });
    const error = await rejectionOf(raw());
    expect(error).toMatchObject({ message: 'fetch failed' });
  });

  it('sends a truncated envelope in malformed mode, which the client rejects', async () => {
    await setBehaviour({ faults: [{ mode: 'malformed', rate: 1 }] });
    const text = await (await raw()).text();
    expect(text.startsWith('<?xml')).toBe(true);
    expect(text).not.toContain('</soap:Envelope>');
    const error = (await rejectionOf(verifyFixture())) as { Fault?: { faultstring: string } };
    expect(error.Fault?.faultstring).toBe('Invalid XML');
  });

  it('sends the real answer with an external entity declared and referenced in xxe mode', async () => {
    await setBehaviour({ faults: [{ mode: 'xxe', rate: 1 }] });
    const text = await (await raw()).text();
    expect(text).toContain('<!ENTITY xxe SYSTEM "file:///etc/passwd">');
    expect(text).toContain('<MaYeuCau>&xxe;&remote;test-request-1</MaYeuCau>');
  });

  it('makes the client reject an external-entity answer as invalid XML', async () => {
    await setBehaviour({ faults: [{ mode: 'xxe', rate: 1 }] });
    const error = (await rejectionOf(verifyFixture())) as { Fault?: { faultstring: string; detail: string } };
    expect(error.Fault?.faultstring).toBe('Invalid XML');
    expect(error.Fault?.detail).toMatch(/entity/);
  });

  it('sends the real answer with a billion-laughs entity referenced in entity-expansion mode', async () => {
    await setBehaviour({ faults: [{ mode: 'entity-expansion', rate: 1 }] });
    const text = await (await raw()).text();
    expect(text).toContain('<!ENTITY lol9 "&lol8;&lol8;');
    expect(text).toContain('<MaYeuCau>&lol9;test-request-1</MaYeuCau>');
  });

  it('makes the client reject a billion-laughs answer quickly, without expanding it', async () => {
    await setBehaviour({ faults: [{ mode: 'entity-expansion', rate: 1 }] });
    const started = performance.now();
    const error = (await rejectionOf(verifyFixture())) as { Fault?: { faultstring: string; detail: string } };
    expect(error.Fault?.detail).toMatch(/entity/);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('pads the real answer to the configured size in oversized mode, still well-formed', async () => {
    await setBehaviour({ faults: [{ mode: 'oversized', rate: 1 }], oversizedBytes: 2_000_000 });
    const text = await (await raw()).text();
    expect(Buffer.byteLength(text)).toBeGreaterThanOrEqual(2_000_000);
    expect(await verifyFixture()).toEqual({ MaYeuCau: 'test-request-1', TonTai: true });
  });

  it('labels the real answer text/html in wrong-content-type mode', async () => {
    await setBehaviour({ faults: [{ mode: 'wrong-content-type', rate: 1 }] });
    const response = await raw();
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toContain('<TonTai>true</TonTai>');
  });

  it('counts injected failures per mode', async () => {
    await setBehaviour({ faults: [{ mode: 'http-5xx', rate: 1 }] });
    await raw();
    await raw();
    expect(registry.counters()).toMatchObject({ calls: 2, answered: 0, injected: { 'http-5xx': 2 } });
  });

  it('refuses an invalid behaviour with 400 and keeps the current one', async () => {
    await setBehaviour({ latency: { distribution: 'fixed', ms: 5 } });
    const response = await fetch(`${registry.controlUrl}/behaviour`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        faults: [
          { mode: 'fault', rate: 0.8 },
          { mode: 'hang', rate: 0.5 },
        ],
      }),
    });
    expect(response.status).toBe(400);
    expect(registry.behaviour().latency).toEqual({ distribution: 'fixed', ms: 5 });
  });

  it('changes only the given fields on PATCH', async () => {
    await setBehaviour({ latency: { distribution: 'fixed', ms: 5 } });
    const response = await fetch(`${registry.controlUrl}/behaviour`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ quotaPerSecond: 9 }),
    });
    expect(await response.json()).toMatchObject({
      latency: { distribution: 'fixed', ms: 5 },
      quotaPerSecond: 9,
    });
  });

  it('restores the starting behaviour and zeroes counters on reset', async () => {
    await setBehaviour({ faults: [{ mode: 'http-5xx', rate: 1 }] });
    await raw();
    await fetch(`${registry.controlUrl}/reset`, { method: 'POST' });
    expect(registry.counters().calls).toBe(0);
    expect((await raw()).status).toBe(200);
  });

  it('refuses calls beyond the quota with VUOT_HAN_MUC', async () => {
    await setBehaviour({ quotaPerSecond: 3 });
    const results = [];
    for (let i = 0; i < 4; i += 1) results.push(await rejectionOf(verifyFixture()));
    expect(results.slice(0, 3)).toEqual([undefined, undefined, undefined]);
    expect(registryFaultOf(results[3])?.MaLoi).toBe('VUOT_HAN_MUC');
  });

  it('keeps a separate quota per credential', async () => {
    await setBehaviour({ quotaPerSecond: 1 });
    await verifyFixture();
    const other = await fetch(
      registry.url,
      rawVerifyRequest(registry.url, '074095000123', { user: 'other-app', secret: 'x' }),
    );
    // Not refused by quota: the other credential gets through to authentication (and fails there).
    expect(await other.text()).toContain('XAC_THUC_THAT_BAI');
  });
});
