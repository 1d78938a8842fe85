import { createHmac, timingSafeEqual } from 'node:crypto';

export const webhookSignatureHeader = 'x-lienthong-signature';

/**
 * The client's webhook signing secret, derived from the gateway's pepper and the client id: one per
 * client, stable across deployments that share the pepper, never stored.
 */
export function webhookSecretFor(pepper: string, clientId: string): string {
  return createHmac('sha256', pepper).update(`webhook#${clientId}`).digest('base64url');
}

/** `t=<unix seconds>,v1=<hex HMAC-SHA-256 of "<t>.<body>" with the client's secret>`. */
export function signWebhook(secret: string, timestampSeconds: number, body: string): string {
  const mac = createHmac('sha256', secret).update(`${timestampSeconds}.${body}`).digest('hex');
  return `t=${timestampSeconds},v1=${mac}`;
}

/**
 * What a receiver does: recompute the MAC over the timestamp and the raw body and compare in constant
 * time; refuse timestamps older than `toleranceSeconds` (replays).
 */
export function verifyWebhookSignature(
  secret: string,
  header: string,
  body: string,
  nowSeconds: number,
  toleranceSeconds = 300,
): boolean {
  const parts = Object.fromEntries(header.split(',').map((part) => part.split('=', 2) as [string, string]));
  const timestamp = Number(parts['t']);
  if (!Number.isInteger(timestamp) || Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhook(secret, timestamp, body).split('v1=')[1] as string, 'hex');
  const given = Buffer.from(parts['v1'] ?? '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
