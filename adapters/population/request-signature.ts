import { createHash } from 'node:crypto';

export interface PopulationCredentials {
  readonly user: string;
  readonly secret: string;
}

/**
 * The population registry's signing dialect: a `Timestamp` header and
 * `Authorization: Basic base64(user + ":" + sha256hex(url + user + timestamp + secret))`.
 * The registry rejects timestamps more than five minutes old, so each request is signed afresh.
 */
export function signPopulationRequest(
  url: string,
  credentials: PopulationCredentials,
  now: Date,
): Record<string, string> {
  const timestamp = formatTimestamp(now);
  const digest = createHash('sha256')
    .update(url + credentials.user + timestamp + credentials.secret)
    .digest('hex');
  return {
    Timestamp: timestamp,
    Authorization: `Basic ${Buffer.from(`${credentials.user}:${digest}`).toString('base64')}`,
  };
}

/** `yyyyMMddHHmmss` in UTC, the form seen in public integration code. */
function formatTimestamp(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}
