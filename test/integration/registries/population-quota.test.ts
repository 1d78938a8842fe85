import {
  startPopulationRegistry,
  type RunningPopulationRegistry,
} from '../../../local/registries/population/server.js';
import { rawVerifyRequest } from './population-client.js';

describe('population registry quota per credential', () => {
  let registry: RunningPopulationRegistry;

  beforeAll(async () => {
    registry = await startPopulationRegistry({
      port: 0,
      citizenCount: 100,
      behaviour: { quotaPerSecond: 50 },
    });
  });
  afterAll(() => registry.stop());

  it('lets through the quota within ±5% over a 10-second window of saturating traffic', async () => {
    const windowMs = 10_000;
    const request = rawVerifyRequest(registry.url);
    const ends = Date.now() + windowMs;
    let accepted = 0;
    let refused = 0;
    const worker = async () => {
      while (Date.now() < ends) {
        const response = await fetch(registry.url, request);
        const body = await response.text();
        if (response.status === 200) accepted += 1;
        else if (body.includes('<tns:MaLoi>VUOT_HAN_MUC</tns:MaLoi>')) refused += 1;
        else throw new Error(`unexpected answer ${response.status}`);
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));

    const expected = 50 * (windowMs / 1000);
    expect(accepted).toBeGreaterThanOrEqual(expected * 0.95);
    expect(accepted).toBeLessThanOrEqual(expected * 1.05);
    expect(refused).toBeGreaterThan(0);
    expect(registry.counters()).toMatchObject({ answered: accepted, quotaExceeded: refused });
  }, 30_000);
});
