import { authenticatePopulationRequest, parseTimestamp, signatureOf } from './request-authentication.js';

describe('population request authentication', () => {
  const credentials = { user: 'lienthong-sandbox', secret: 'sandbox-secret' };
  const url = 'http://127.0.0.1:8101/dancu';
  const now = Date.UTC(2026, 0, 15, 8, 0, 0);
  const headersFor = (timestamp: string, user = credentials.user, secret = credentials.secret) => ({
    timestamp,
    authorization: `Basic ${Buffer.from(`${user}:${signatureOf(url, { user, secret }, timestamp)}`).toString('base64')}`,
  });

  it('accepts a fresh signature over the endpoint URL', () => {
    expect(() =>
      authenticatePopulationRequest(headersFor('20260115080000'), [url], credentials, now),
    ).not.toThrow();
  });

  it('refuses a signature made with another secret', () => {
    expect(() =>
      authenticatePopulationRequest(
        headersFor('20260115080000', credentials.user, 'other'),
        [url],
        credentials,
        now,
      ),
    ).toThrow('Thông tin xác thực không hợp lệ');
  });

  it('refuses a signature over another URL', () => {
    expect(() =>
      authenticatePopulationRequest(
        headersFor('20260115080000'),
        ['http://127.0.0.1:8101/other'],
        credentials,
        now,
      ),
    ).toThrow('Thông tin xác thực không hợp lệ');
  });

  it('refuses a timestamp more than five minutes old', () => {
    expect(() =>
      authenticatePopulationRequest(headersFor('20260115075459'), [url], credentials, now),
    ).toThrow('Timestamp đã hết hạn');
  });

  it('refuses a timestamp more than five minutes ahead', () => {
    expect(() =>
      authenticatePopulationRequest(headersFor('20260115080501'), [url], credentials, now),
    ).toThrow('Timestamp đã hết hạn');
  });

  it('reads yyyyMMddHHmmss as UTC, and epoch seconds, epoch milliseconds and ISO 8601 alike', () => {
    expect(
      ['20260115080000', String(now / 1000), String(now), '2026-01-15T08:00:00Z'].map(parseTimestamp),
    ).toEqual([now, now, now, now]);
  });
});
