import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { basicCredentialsOf } from '../behaviour/index.js';
import { PopulationRegistryError, populationErrorCodes } from './population-errors.js';

export interface PopulationCredentials {
  readonly user: string;
  readonly secret: string;
}

/** Signatures older (or further in the future) than this are refused. */
export const maxTimestampSkewMs = 5 * 60 * 1000;

/**
 * Checks the registry's signing dialect: `Timestamp` header and
 * `Authorization: Basic base64(user:sha256hex(url + user + timestamp + secret))`, where `url` is the full
 * endpoint URL the client posted to. `Timestamp` is `yyyyMMddHHmmss` in UTC as seen in public
 * integration code; epoch seconds, epoch milliseconds and ISO 8601 are accepted too. The signature is
 * computed over the header exactly as sent.
 */
export function authenticatePopulationRequest(
  headers: IncomingHttpHeaders,
  signedUrls: readonly string[],
  credentials: PopulationCredentials,
  now: number,
): void {
  const fail = (message: string) => {
    throw new PopulationRegistryError(populationErrorCodes.authenticationFailed, message);
  };
  const timestamp = headers.timestamp;
  if (typeof timestamp !== 'string' || timestamp === '') return fail('Thiếu tiêu đề Timestamp');
  const signedAt = parseTimestamp(timestamp);
  if (signedAt === undefined) return fail('Timestamp không đúng định dạng');
  if (Math.abs(now - signedAt) > maxTimestampSkewMs) return fail('Timestamp đã hết hạn');
  const claimed = basicCredentialsOf(headers);
  if (claimed === undefined) return fail('Thiếu thông tin xác thực');
  const valid =
    claimed.user === credentials.user &&
    signedUrls.some((url) => sameDigest(claimed.password, signatureOf(url, credentials, timestamp)));
  if (!valid) fail('Thông tin xác thực không hợp lệ');
}

export function signatureOf(url: string, credentials: PopulationCredentials, timestamp: string): string {
  return createHash('sha256')
    .update(url + credentials.user + timestamp + credentials.secret)
    .digest('hex');
}

function sameDigest(given: string, expected: string): boolean {
  const a = Buffer.from(given.toLowerCase());
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function parseTimestamp(value: string): number | undefined {
  const compact = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(value);
  if (compact) {
    const [, y, mo, d, h, mi, s] = compact.map(Number) as number[];
    return Date.UTC(y as number, (mo as number) - 1, d, h, mi, s);
  }
  if (/^\d{13}$/.test(value)) return Number(value);
  if (/^\d{10}$/.test(value)) return Number(value) * 1000;
  if (/^\d{4}-\d{2}-\d{2}T/.test(value)) {
    const parsed = Date.parse(value);
    return Number.isNaN(parsed) ? undefined : parsed;
  }
  return undefined;
}
