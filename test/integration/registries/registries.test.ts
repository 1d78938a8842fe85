import { startRegistries, type RunningRegistries } from '../../../local/registries/registries.js';

describe('startRegistries', () => {
  let registries: RunningRegistries;

  beforeAll(async () => {
    registries = await startRegistries({ ports: { population: 0, land: 0, business: 0 } });
  });
  afterAll(() => registries.stop());

  it('serves the three registries, each with its own control endpoint', async () => {
    const counters = await Promise.all(
      Object.values(registries.endpoints).map(
        async ({ controlUrl }) => (await fetch(`${controlUrl}/counters`)).status,
      ),
    );
    expect(Object.keys(registries.endpoints)).toEqual(['population', 'land', 'business']);
    expect(counters).toEqual([200, 200, 200]);
  });

  it('serves the population WSDL at its endpoint', async () => {
    const response = await fetch(`${registries.population.url}?wsdl`);
    expect(await response.text()).toContain('name="DanCuQuocGia"');
  });

  it('binds to loopback only', () => {
    expect(Object.values(registries.endpoints).every(({ url }) => url.startsWith('http://127.0.0.1:'))).toBe(
      true,
    );
  });
});
