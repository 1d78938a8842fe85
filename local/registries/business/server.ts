import { randomBytes } from 'node:crypto';
import {
  basicCredentialsOf,
  jsonDialect,
  serveRegistry,
  type BehaviourInput,
  type RegistryRequest,
  type RegistryResponse,
  type RunningRegistry,
} from '../behaviour/index.js';
import { generateBusinessRegistryData, type Business, type BusinessRegistryData } from './data.js';

/**
 * Simulated national business registration system, REST/JSON: OAuth2 client credentials
 * (`POST /oauth/token`) then `GET /api/doanh-nghiep/{msdn}` answering a ChiTietDoanhNghiep document.
 */

export const enterprisePathPrefix = '/api/doanh-nghiep/';
export const tokenPath = '/oauth/token';
export const defaultBusinessClients = [
  { clientId: 'lienthong-sandbox', clientSecret: 'sandbox-secret' },
] as const;

export interface BusinessRegistryOptions {
  port?: number;
  host?: '127.0.0.1';
  seed?: number;
  clients?: readonly { clientId: string; clientSecret: string }[];
  tokenTtlSeconds?: number;
  behaviour?: BehaviourInput;
  /** Pre-generated data (tests share one generation between servers). */
  data?: BusinessRegistryData;
}

export interface RunningBusinessRegistry {
  /** Base URL: `${url}/oauth/token`, `${url}/api/doanh-nghiep/{msdn}`. */
  url: string;
  controlUrl: string;
  registry: RunningRegistry;
  stop(): Promise<void>;
}

const jsonType = 'application/json; charset=utf-8';

const json = (status: number, value: unknown, headers: Record<string, string> = {}): RegistryResponse => ({
  status,
  headers: { 'content-type': jsonType, 'cache-control': 'no-store', ...headers },
  body: JSON.stringify(value),
});

/** The registry's error document: `{ "code": ..., "message": ... }`. */
const registryError = (status: number, code: string, message: string, headers: Record<string, string> = {}) =>
  json(status, { code, message }, headers);

/** 10 digits, 12 digits (a household business's personal id) or 10+3 for a branch (dash optional). */
function canonicalCode(raw: string): string | undefined {
  const code = decodeURIComponent(raw).trim();
  if (/^\d{10}$|^\d{12}$/.test(code)) return code;
  const branch = /^(\d{10})-?(\d{3})$/.exec(code);
  return branch ? `${branch[1]}-${branch[2]}` : undefined;
}

export function chiTietDoanhNghiep(business: Business) {
  return {
    MainInformation: {
      EnterpriseCode: business.code,
      ...(business.parentCode ? { ParentEnterpriseCode: business.parentCode } : {}),
      Name: business.name,
      ...(business.foreignName ? { ForeignName: business.foreignName } : {}),
      ...(business.shortName ? { ShortName: business.shortName } : {}),
      LegalForm: business.legalForm,
      FoundingDate: business.foundingDate,
      ...(business.charterCapital === undefined ? {} : { CharterCapital: business.charterCapital }),
      Status: business.status,
      MainBusiness: { VsicCode: business.mainIndustry.code, Name: business.mainIndustry.name },
    },
    HOAddress: {
      AddressLine: business.headOffice.street,
      WardCode: business.headOffice.communeCode,
      WardName: business.headOffice.communeName,
      ProvinceCode: business.headOffice.provinceCode,
      ProvinceName: business.headOffice.provinceName,
      Country: 'Việt Nam',
      FullAddress: business.headOffice.fullAddress,
    },
    Representatives: business.representatives.map((r) => ({
      FullName: r.fullName,
      Position: r.position,
      IdType: 'Căn cước',
      IdNumber: r.personalId,
      BirthDate: r.birthDate,
      Gender: r.gender,
      Nationality: r.nationality,
    })),
    BusinessLines: business.industries.map((line) => ({
      VsicCode: line.code,
      Name: line.name,
      IsMain: line.code === business.mainIndustry.code,
    })),
  };
}

export async function startBusinessRegistry(
  options: BusinessRegistryOptions = {},
): Promise<RunningBusinessRegistry> {
  const data =
    options.data ?? generateBusinessRegistryData(options.seed === undefined ? {} : { seed: options.seed });
  const clients = new Map(
    (options.clients ?? defaultBusinessClients).map((c) => [c.clientId, c.clientSecret]),
  );
  const tokenTtlSeconds = options.tokenTtlSeconds ?? 3600;
  const tokens = new Map<string, { clientId: string; expiresAt: number }>();

  const pathnameOf = (request: RegistryRequest) => new URL(request.path, 'http://x').pathname;
  const isTokenRequest = (request: RegistryRequest) =>
    request.method === 'POST' && pathnameOf(request) === tokenPath;
  const isLookup = (request: RegistryRequest) =>
    request.method === 'GET' && pathnameOf(request).startsWith(enterprisePathPrefix);

  /** Client credentials from HTTP Basic (RFC 6749 §2.3.1, preferred) or from the form body. */
  const clientOf = (request: RegistryRequest) => {
    const basic = basicCredentialsOf(request.headers);
    if (basic) {
      return { clientId: decodeURIComponent(basic.user), clientSecret: decodeURIComponent(basic.password) };
    }
    const form = new URLSearchParams(request.body.toString('utf8'));
    const clientId = form.get('client_id');
    return clientId === null ? undefined : { clientId, clientSecret: form.get('client_secret') ?? '' };
  };

  const bearerOf = (request: RegistryRequest) =>
    /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];

  const issueToken = (request: RegistryRequest): RegistryResponse => {
    const contentType = request.headers['content-type'] ?? '';
    if (!contentType.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
      return json(400, {
        error: 'invalid_request',
        error_description: 'Body must be application/x-www-form-urlencoded',
      });
    }
    const form = new URLSearchParams(request.body.toString('utf8'));
    const client = clientOf(request);
    if (client === undefined || clients.get(client.clientId) !== client.clientSecret) {
      return json(
        401,
        { error: 'invalid_client', error_description: 'Client authentication failed' },
        { 'www-authenticate': 'Basic realm="dangkykinhdoanh"' },
      );
    }
    if (form.get('grant_type') !== 'client_credentials') {
      return json(400, {
        error: 'unsupported_grant_type',
        error_description: 'Only client_credentials is supported',
      });
    }
    const accessToken = randomBytes(32).toString('base64url');
    tokens.set(accessToken, { clientId: client.clientId, expiresAt: Date.now() + tokenTtlSeconds * 1000 });
    return json(200, { access_token: accessToken, token_type: 'Bearer', expires_in: tokenTtlSeconds });
  };

  const lookUp = (request: RegistryRequest): RegistryResponse => {
    const token = bearerOf(request);
    const session = token === undefined ? undefined : tokens.get(token);
    if (session === undefined || session.expiresAt <= Date.now()) {
      const expired = session !== undefined;
      return registryError(
        401,
        expired ? 'TOKEN_EXPIRED' : 'UNAUTHORIZED',
        expired ? 'Access token has expired' : 'A valid Bearer access token is required',
        {
          'www-authenticate': `Bearer realm="dangkykinhdoanh", error="invalid_token"${expired ? ', error_description="expired"' : ''}`,
        },
      );
    }
    const code = canonicalCode(pathnameOf(request).slice(enterprisePathPrefix.length));
    if (code === undefined) {
      return registryError(
        400,
        'INVALID_ENTERPRISE_CODE',
        'Mã số doanh nghiệp phải gồm 10 chữ số, 12 chữ số hoặc 13 chữ số dạng NNNNNNNNNN-NNN',
      );
    }
    const business = data.businesses.get(code);
    if (business === undefined) {
      return registryError(404, 'NOT_FOUND', `Không tìm thấy doanh nghiệp có mã số ${code}`);
    }
    return json(200, chiTietDoanhNghiep(business));
  };

  const registry = await serveRegistry(
    {
      name: 'business',
      dialect: jsonDialect((error) => ({ code: error.code, message: error.message })),
      errors: {
        quotaExceeded: {
          code: 'QUOTA_EXCEEDED',
          message: 'Vượt quá hạn mức số yêu cầu cho phép trong một giây',
          status: 429,
        },
        internal: { code: 'INTERNAL_ERROR', message: 'Lỗi hệ thống, vui lòng thử lại sau', status: 500 },
      },
      isCall: (request) => isTokenRequest(request) || isLookup(request),
      operationOf: (request) =>
        isTokenRequest(request) ? 'POST /oauth/token' : 'GET /api/doanh-nghiep/{msdn}',
      credentialOf: (request) => {
        // Only registered clients count as credentials: unknown names must not grow the counters.
        const clientId = isTokenRequest(request)
          ? clientOf(request)?.clientId
          : tokens.get(bearerOf(request) ?? '')?.clientId;
        return clientId !== undefined && clients.has(clientId) ? clientId : undefined;
      },
      handle: async (request) => {
        if (isTokenRequest(request)) return issueToken(request);
        if (isLookup(request)) return lookUp(request);
        return registryError(404, 'NOT_FOUND', 'Không có tài nguyên này');
      },
    },
    {
      ...(options.port === undefined ? {} : { port: options.port }),
      ...(options.host === undefined ? {} : { host: options.host }),
      ...(options.behaviour === undefined ? {} : { behaviour: options.behaviour }),
    },
  );

  return { url: registry.baseUrl, controlUrl: registry.controlUrl, registry, stop: () => registry.stop() };
}
