import { UpstreamTimeoutError } from '../errors/upstream-timeout-error.js';
import { UpstreamUnavailableError } from '../errors/upstream-unavailable-error.js';
import type { RegistryPacer } from '../ports/registry-pacer.js';
import { pacedRegistry } from './paced-registry.js';

function pacer() {
  const events: string[] = [];
  const paced: RegistryPacer = {
    acquire: async (registry) => void events.push(`acquire ${registry}`),
    slowDown: async (registry, seconds) => void events.push(`slow down ${registry} ${seconds}`),
  };
  return { paced, events };
}

describe('pacedRegistry', () => {
  it('waits for the pacer before every call', async () => {
    const { paced, events } = pacer();
    const registry = pacedRegistry(
      { verify: async (id: string) => (events.push(`call ${id}`), id.length) },
      'population',
      paced,
    );
    expect(await registry.verify('074095000123')).toBe(12);
    expect(events).toEqual(['acquire population', 'call 074095000123']);
  });

  it('on a quota refusal slows everyone down and makes the same call again', async () => {
    const { paced, events } = pacer();
    let calls = 0;
    const registry = pacedRegistry(
      {
        verify: async () => {
          calls += 1;
          if (calls === 1) throw new UpstreamUnavailableError('population', 'quota exceeded', 2);
          return 'answer';
        },
      },
      'population',
      paced,
    );
    expect(await registry.verify()).toBe('answer');
    expect(events).toEqual(['acquire population', 'slow down population 2', 'acquire population']);
  });

  it('passes any other failure on at once, untried again', async () => {
    const { paced, events } = pacer();
    const registry = pacedRegistry(
      { verify: async () => Promise.reject(new UpstreamTimeoutError('population', 8000)) },
      'population',
      paced,
    );
    await expect(registry.verify()).rejects.toBeInstanceOf(UpstreamTimeoutError);
    expect(events).toEqual(['acquire population']);
  });
});
