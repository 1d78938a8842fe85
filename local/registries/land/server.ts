import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as soap from 'soap';
import {
  serveRegistry,
  soapActionOf,
  soapDialect,
  type BehaviourInput,
  type RegistryError,
  type RegistryRequest,
  type RegistryResponse,
  type RunningRegistry,
} from '../behaviour/index.js';
import { certificateSerialSchema } from '../../../schemas/land.js';
import { generateLandRegistryData, parcelKey, type LandRegistryData } from './data.js';
import { giayChungNhan, thuaDat } from './soap-mapping.js';

/**
 * Simulated land database (VBDLIS/ELIS-like), SOAP 1.1 as described by adapters/land/land.wsdl:
 * `DangNhap` trades a user and password for a token that expires; `TraCuuThuaDat` and
 * `TraCuuGiayChungNhan` require it in the `ThongTinXacThuc` SOAP header.
 */

export const landNamespace = 'http://vbdlis.monre.gov.vn/dichvu';
export const landServicePath = '/datdai';
export const landWsdlPath = resolve(process.cwd(), 'adapters/land/land.wsdl');
export const defaultLandCredentials = { user: 'lienthong-sandbox', password: 'sandbox-secret' } as const;

export const landErrorCodes = {
  authenticationFailed: 'XAC_THUC_THAT_BAI',
  tokenExpired: 'TOKEN_HET_HAN',
  quotaExceeded: 'VUOT_HAN_MUC',
  notFound: 'KHONG_TIM_THAY',
  invalidInput: 'DU_LIEU_KHONG_HOP_LE',
  internal: 'LOI_HE_THONG',
} as const;

export interface LandRegistryOptions {
  /** 0 or absent = a free port. */
  port?: number;
  host?: '127.0.0.1';
  seed?: number;
  credentials?: { user: string; password: string };
  tokenTtlSeconds?: number;
  behaviour?: BehaviourInput;
  /** Pre-generated data (tests share one generation between servers). */
  data?: LandRegistryData;
}

export interface RunningLandRegistry {
  /** SOAP endpoint; `${url}?wsdl` serves the WSDL. */
  url: string;
  controlUrl: string;
  registry: RunningRegistry;
  stop(): Promise<void>;
}

class LandFault extends Error {
  constructor(readonly registryError: RegistryError) {
    super(registryError.message);
  }
}

const fail = (code: string, message: string): never => {
  throw new LandFault({ code, message });
};

const requestIdHeader = 'x-land-simulator-request';

export async function startLandRegistry(options: LandRegistryOptions = {}): Promise<RunningLandRegistry> {
  const data =
    options.data ?? generateLandRegistryData(options.seed === undefined ? {} : { seed: options.seed });
  const credentials = options.credentials ?? defaultLandCredentials;
  const tokenTtlMs = (options.tokenTtlSeconds ?? 3600) * 1000;
  const wsdl = readFileSync(landWsdlPath, 'utf8');
  const tokens = new Map<string, { user: string; expiresAt: number }>();
  // node-soap answers every thrown error with its own generic fault; the registry's fault is kept
  // here per request and rendered by the dialect instead, so every fault has the WSDL's detail.
  const faults = new Map<string, RegistryError>();

  const dialect = soapDialect({
    namespace: landNamespace,
    detailElement: 'LoiDichVu',
    codeElement: 'MaLoi',
    messageElement: 'MoTa',
    clientCodes: [
      landErrorCodes.authenticationFailed,
      landErrorCodes.tokenExpired,
      landErrorCodes.quotaExceeded,
      landErrorCodes.notFound,
      landErrorCodes.invalidInput,
    ],
  });

  const requireToken = (headers: unknown): void => {
    const token = (headers as { ThongTinXacThuc?: { Token?: unknown } } | undefined)?.ThongTinXacThuc?.Token;
    if (typeof token !== 'string' || token === '') {
      fail(landErrorCodes.authenticationFailed, 'Thiếu token xác thực trong SOAP header ThongTinXacThuc');
    }
    const session = tokens.get(token as string);
    if (session === undefined) fail(landErrorCodes.authenticationFailed, 'Token không hợp lệ');
    if ((session as { expiresAt: number }).expiresAt <= Date.now()) {
      fail(landErrorCodes.tokenExpired, 'Token đã hết hạn, vui lòng đăng nhập lại');
    }
  };

  const guarded =
    (operation: (args: Record<string, unknown>, headers: unknown) => object) =>
    (
      args: Record<string, unknown>,
      _callback: unknown,
      headers: unknown,
      req: { headers: Record<string, string> },
    ) => {
      try {
        return operation(args ?? {}, headers);
      } catch (error) {
        const registryError =
          error instanceof LandFault
            ? error.registryError
            : { code: landErrorCodes.internal, message: 'Lỗi hệ thống' };
        faults.set(req.headers[requestIdHeader] as string, registryError);
        throw { Fault: { faultcode: 'soap:Server', faultstring: registryError.message } };
      }
    };

  const services = {
    DatDaiService: {
      DatDaiPort: {
        DangNhap: guarded((args) => {
          if (args.TenDangNhap !== credentials.user || args.MatKhau !== credentials.password) {
            fail(landErrorCodes.authenticationFailed, 'Sai tên đăng nhập hoặc mật khẩu');
          }
          const token = randomBytes(24).toString('base64url');
          const expiresAt = Date.now() + tokenTtlMs;
          tokens.set(token, { user: credentials.user, expiresAt });
          return {
            Token: token,
            HetHanLuc: new Date(expiresAt).toISOString(),
            ThoiHanGiay: tokenTtlMs / 1000,
          };
        }),
        TraCuuThuaDat: guarded((args, headers) => {
          requireToken(headers);
          const commune = String(args.MaDvhc ?? '').trim();
          const sheet = Number(args.ToBanDo);
          const number = Number(args.ThuaDatSo);
          if (!/^\d{5}$/.test(commune)) fail(landErrorCodes.invalidInput, 'MaDvhc phải gồm 5 chữ số');
          if (!Number.isInteger(sheet) || sheet <= 0 || !Number.isInteger(number) || number <= 0) {
            fail(landErrorCodes.invalidInput, 'ToBanDo và ThuaDatSo phải là số nguyên dương');
          }
          const parcel = data.parcels.get(parcelKey(commune, sheet, number));
          if (parcel === undefined) fail(landErrorCodes.notFound, 'Không tìm thấy thửa đất');
          const found = parcel as NonNullable<typeof parcel>;
          const certificate = found.certificateSerial
            ? data.certificates.get(found.certificateSerial)
            : undefined;
          return {
            ThuaDat: thuaDat(found),
            ...(certificate ? { GiayChungNhan: giayChungNhan(certificate) } : {}),
          };
        }),
        TraCuuGiayChungNhan: guarded((args, headers) => {
          requireToken(headers);
          // Typed any way (case, spaces): the same rule the gateway validates with.
          const serial = certificateSerialSchema.safeParse(String(args.SoPhatHanh ?? ''));
          if (!serial.success) {
            fail(landErrorCodes.invalidInput, 'SoPhatHanh phải gồm 2 chữ cái và 6 hoặc 8 chữ số');
          }
          const certificate = data.certificates.get(serial.data as string);
          if (certificate === undefined) fail(landErrorCodes.notFound, 'Không tìm thấy giấy chứng nhận');
          const found = certificate as NonNullable<typeof certificate>;
          const parcel = data.parcels.get(parcelKey(found.communeCode, found.sheet, found.number));
          if (parcel === undefined) fail(landErrorCodes.internal, 'Dữ liệu thửa đất không nhất quán');
          return {
            GiayChungNhan: giayChungNhan(found),
            ThuaDat: thuaDat(parcel as NonNullable<typeof parcel>),
          };
        }),
      },
    },
  };

  const soapServer = await new Promise<soap.Server>((resolvePromise, reject) => {
    soap.listen(null, {
      path: landServicePath,
      services,
      xml: wsdl,
      callback: (error: unknown, server: soap.Server) => (error ? reject(error) : resolvePromise(server)),
    });
  });

  const serveWsdl = (baseUrl: string): RegistryResponse => ({
    status: 200,
    headers: { 'content-type': 'text/xml; charset=utf-8' },
    // The shipped file names a default port; clients fetching ?wsdl get this server's own address.
    body: wsdl.replace(/(<soap:address location=")[^"]*(")/, `$1${baseUrl}${landServicePath}$2`),
  });

  const credentialOf = (request: RegistryRequest): string | undefined => {
    const text = request.body.toString('utf8');
    const token = /<(?:[\w-]+:)?Token>\s*([^<\s]+)\s*</.exec(text)?.[1];
    if (token !== undefined) return tokens.get(token)?.user;
    return /<(?:[\w-]+:)?TenDangNhap>\s*([^<]+?)\s*</.exec(text)?.[1];
  };

  const isCall = (request: RegistryRequest) =>
    request.method === 'POST' &&
    new URL(request.path, 'http://x').pathname.replace(/\/$/, '') === landServicePath;

  const registry = await serveRegistry(
    {
      name: 'land',
      dialect,
      errors: {
        quotaExceeded: {
          code: landErrorCodes.quotaExceeded,
          message: 'Vượt quá hạn mức số yêu cầu cho phép trong một giây',
        },
        internal: { code: landErrorCodes.internal, message: 'Lỗi hệ thống, vui lòng thử lại sau' },
      },
      isCall,
      operationOf: (request) => soapActionOf(request.headers)?.split('/').pop() ?? 'unknown',
      credentialOf: (request) => {
        const user = credentialOf(request);
        // Only the configured account counts as a credential: an unknown name must not grow the counters.
        return user === credentials.user ? user : undefined;
      },
      handle: async (request, { baseUrl }) => {
        if (request.method === 'GET' && /\?wsdl$/i.test(request.path)) return serveWsdl(baseUrl);
        if (!isCall(request)) {
          return { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'Not found' };
        }
        const requestId = randomUUID();
        const answer = await soapServer.processRequest(request.body.toString('utf8'), {
          method: 'POST',
          url: landServicePath,
          headers: { ...(request.headers as Record<string, string>), [requestIdHeader]: requestId },
        });
        const fault = faults.get(requestId);
        faults.delete(requestId);
        if (fault !== undefined) return dialect.error(fault);
        if (answer.statusCode !== 200 || !answer.body.includes('Envelope')) {
          // node-soap could not read the envelope or find the operation.
          return dialect.error({ code: landErrorCodes.invalidInput, message: 'Yêu cầu SOAP không hợp lệ' });
        }
        return { status: 200, headers: { 'content-type': 'text/xml; charset=utf-8' }, body: answer.body };
      },
    },
    {
      ...(options.port === undefined ? {} : { port: options.port }),
      ...(options.host === undefined ? {} : { host: options.host }),
      ...(options.behaviour === undefined ? {} : { behaviour: options.behaviour }),
    },
  );

  return {
    url: `${registry.baseUrl}${landServicePath}`,
    controlUrl: registry.controlUrl,
    registry,
    stop: () => registry.stop(),
  };
}
