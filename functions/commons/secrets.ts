import { getSecret } from '@aws-lambda-powertools/parameters/secrets';

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
