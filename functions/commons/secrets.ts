import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import type { z } from 'zod';

/**
 * Reads a secret given directly in the environment (local) or by Secrets Manager id (AWS, through
 * Powertools Parameters, cached for five minutes so rotation is picked up without a redeploy).
 */
export async function resolveSecret(
  direct: string | undefined,
  secretId: string | undefined,
): Promise<string> {
  if (direct !== undefined) return direct;
  if (secretId === undefined) throw new Error('secret not configured');
  const value = await getSecret(secretId, { maxAge: 300 });
  if (typeof value !== 'string') throw new Error(`secret ${secretId} is not a string`);
  return value;
}

/**
 * A JSON secret (registry credentials), parsed with its schema. A malformed secret fails with a
 * message naming the secret, never quoting its content.
 */
export async function resolveJsonSecret<S extends z.ZodType>(
  schema: S,
  direct: string | undefined,
  secretId: string | undefined,
): Promise<z.infer<S>> {
  const raw = await resolveSecret(direct, secretId);
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new Error(`secret ${secretId ?? '(given in the environment)'} is not JSON`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new Error(
      `secret ${secretId ?? '(given in the environment)'} lacks ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`,
    );
  }
  return parsed.data;
}
