import type { APIGatewayProxyEvent } from 'aws-lambda';
import { callerOf } from './http-request.js';

function eventWith(authorizer: Record<string, unknown> | null): APIGatewayProxyEvent {
  return { requestContext: { authorizer } } as unknown as APIGatewayProxyEvent;
}

const context = {
  clientId: 'district-7',
  keyId: 'key-1',
  unitCode: 'UBND-Q7',
  status: 'active',
  policy: JSON.stringify({ scopes: ['population:verify'], rateLimit: { perSecond: 5 }, dailyQuota: 100 }),
};

describe('callerOf', () => {
  it('reads the caller from the authorizer context, the same for every request with that context', () => {
    const first = callerOf(eventWith(context));
    expect(first).toEqual({
      clientId: 'district-7',
      keyId: 'key-1',
      unitCode: 'UBND-Q7',
      status: 'active',
      policy: { scopes: ['population:verify'], fields: {}, rateLimit: { perSecond: 5 }, dailyQuota: 100 },
    });
    expect(callerOf(eventWith({ ...context }))).toEqual(first);
  });

  it('sees a changed policy or status at once: a context is only reused when every part is the same', () => {
    callerOf(eventWith(context));
    const changed = JSON.stringify({ scopes: ['population:lookup'], rateLimit: { perSecond: 5 } });
    expect(callerOf(eventWith({ ...context, policy: changed })).policy.scopes).toEqual(['population:lookup']);
    expect(callerOf(eventWith({ ...context, status: 'disabled' })).status).toBe('disabled');
  });

  it('refuses a request without a usable authorizer context as unauthenticated', () => {
    expect(() => callerOf(eventWith(null))).toThrow(expect.objectContaining({ kind: 'unauthenticated' }));
    expect(() => callerOf(eventWith({ ...context, policy: '{not json' }))).toThrow(
      expect.objectContaining({ kind: 'unauthenticated' }),
    );
  });
});
