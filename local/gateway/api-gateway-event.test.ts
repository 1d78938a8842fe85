import { matchPath } from './api-gateway-event.js';

describe('matchPath', () => {
  it('matches a literal path', () => {
    expect(matchPath('/v1/health', '/v1/health')).toEqual({});
  });

  it('extracts decoded path parameters', () => {
    expect(matchPath('/v1/land/certificates/{serial}', '/v1/land/certificates/DA%2012345678')).toEqual({
      serial: 'DA 12345678',
    });
  });

  it('rejects paths of another length, another literal, or an empty parameter', () => {
    expect(matchPath('/v1/health', '/v1/health/x')).toBeUndefined();
    expect(matchPath('/v1/health', '/v2/health')).toBeUndefined();
    expect(matchPath('/v1/businesses/{code}', '/v1/businesses/')).toBeUndefined();
  });
});
