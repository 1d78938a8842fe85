import { InvalidRequestError } from '../../core/errors/invalid-request-error.js';
import { LedgerUnavailableError } from '../../core/errors/ledger-unavailable-error.js';
import { UpstreamFailedError } from '../../core/errors/upstream-failed-error.js';
import { UpstreamTimeoutError } from '../../core/errors/upstream-timeout-error.js';
import { UpstreamUnavailableError } from '../../core/errors/upstream-unavailable-error.js';
import { errorToProblem } from './problem-responses.js';

const bodyOf = (result: { body: string }) => JSON.parse(result.body) as Record<string, unknown>;

describe('errorToProblem', () => {
  it.each([
    [
      new InvalidRequestError([{ field: 'personalId', rule: 'length', message: 'm' }]),
      400,
      'invalid-request',
    ],
    [new UpstreamFailedError('population', 'HTTP 500'), 502, 'upstream-failed'],
    [new UpstreamUnavailableError('population', 'circuit open', 10), 503, 'upstream-unavailable'],
    [new LedgerUnavailableError(new Error('x')), 503, 'ledger-unavailable'],
    [new UpstreamTimeoutError('population', 8000), 504, 'upstream-timeout'],
  ])('maps %p to %i %s', (error, status, kind) => {
    const result = errorToProblem(error, 'req-1');
    expect(result.statusCode).toBe(status);
    expect(result.headers?.['content-type']).toBe('application/problem+json');
    expect(bodyOf(result)).toMatchObject({
      type: `https://lienthong.gov.vn/problems/${kind}`,
      status,
      requestId: 'req-1',
    });
  });

  it('names the offending fields of an invalid request', () => {
    const result = errorToProblem(
      new InvalidRequestError([{ field: 'personalId', rule: 'length', message: 'm' }]),
      'r',
    );
    expect(bodyOf(result)['errors']).toEqual([{ field: 'personalId', rule: 'length', message: 'm' }]);
  });

  it('tells when to retry an unavailable registry, in the header and the body', () => {
    const result = errorToProblem(new UpstreamUnavailableError('population', 'quota exceeded', 1), 'r');
    expect(result.headers?.['retry-after']).toBe('1');
    expect(bodyOf(result)['retryAfterSeconds']).toBe(1);
  });

  it('hides the message and stack of an unexpected error', () => {
    const result = errorToProblem(new TypeError('secret detail 074095000123'), 'r');
    expect(result.statusCode).toBe(500);
    expect(result.body).not.toContain('secret detail');
    expect(result.body).not.toContain('TypeError');
  });
});
