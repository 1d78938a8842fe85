import { z } from 'zod';
import { resolveJsonSecret } from './secrets.js';

const credentials = z.object({ user: z.string(), secret: z.string() });

describe('resolveJsonSecret', () => {
  it('parses a JSON secret given in the environment with its schema', async () => {
    await expect(resolveJsonSecret(credentials, '{"user":"u","secret":"s"}', undefined)).resolves.toEqual({
      user: 'u',
      secret: 's',
    });
  });

  it('refuses a secret that is not JSON without quoting it', async () => {
    const failure = await resolveJsonSecret(credentials, 'hunter2-not-json', 'arn:secret:population').catch(
      (error: unknown) => error as Error,
    );
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toBe('secret arn:secret:population is not JSON');
  });

  it('names the fields a secret lacks, not their values', async () => {
    const failure = await resolveJsonSecret(credentials, '{"user":"u","pass":"hunter2"}', undefined).catch(
      (error: unknown) => error as Error,
    );
    expect((failure as Error).message).toBe('secret (given in the environment) lacks secret');
  });
});
