import { createClientAsync, type Client } from 'soap';
import { ZodError } from 'zod';
import { NotFoundError } from '../../core/errors/not-found-error.js';
import { UpstreamFailedError } from '../../core/errors/upstream-failed-error.js';
import { UpstreamRejectedError } from '../../core/errors/upstream-rejected-error.js';
import { UpstreamUnavailableError } from '../../core/errors/upstream-unavailable-error.js';
import type { AccessEnvelope } from '../../core/ports/access-envelope.js';
import type { Clock } from '../../core/ports/clock.js';
import type { LandRegistry } from '../../core/ports/land-registry.js';
import type { ParcelKey } from '../../schemas/land.js';
import type { CertificateRecord, ParcelRecord } from '../../schemas/land-records.js';
import {
  createUpstreamPolicy,
  type UpstreamPolicy,
  type ResilienceSettings,
} from '../resilience/upstream-policy.js';
import {
  classifySoapFailure,
  isRegistryFailure,
  isTransientFailure,
  registryFaultCode,
} from '../soap/soap-failure.js';
import { soapHttpClient } from '../soap/soap-http-client.js';
import { certificateOf, parcelOf, type GiayChungNhan, type ThuaDat } from './land-mapping.js';
import { LandSession, type LandToken } from './land-session.js';

export interface LandCredentials {
  readonly user: string;
  readonly password: string;
}

export interface SoapLandRegistryOptions {
  /** Path of the WSDL shipped with the code: never fetched at run time. */
  readonly wsdlPath: string;
  /** The SOAP endpoint (the province's LGSP/NDXP address, or the local simulator). */
  readonly endpoint: string;
  readonly credentials: LandCredentials;
  readonly deadlineMs: number;
  readonly clock: Clock;
  /** Largest response body accepted; anything bigger is treated as an upstream failure. */
  readonly maxResponseBytes?: number;
  /** Breaker, retry and bulkhead settings beyond the defaults. */
  readonly resilience?: ResilienceSettings;
}

const landNamespace = 'http://vbdlis.monre.gov.vn/dichvu';
/** Quota refusals carry no Retry-After; one second is the registry's quota window. */
const quotaRetryAfterSeconds = 1;

/** The land dialect's fault codes (tns:LoiDichVu/tns:MaLoi). */
const faults = {
  tokenExpired: 'TOKEN_HET_HAN',
  quotaExceeded: 'VUOT_HAN_MUC',
  notFound: 'KHONG_TIM_THAY',
  invalid: 'DU_LIEU_KHONG_HOP_LE',
} as const;

type SoapMethod = (args: object, options: object) => Promise<unknown[]>;

/**
 * The national land database over SOAP (node-soap). Logs in with `DangNhap` for a token that travels
 * in the `ThongTinXacThuc` SOAP header; the token is shared and renewed by `LandSession`, and renewed
 * once more when the registry says it expired (`TOKEN_HET_HAN`). Speaks the registry's Vietnamese
 * field names; nothing of that dialect leaves this adapter.
 */
export class SoapLandRegistry implements LandRegistry {
  readonly policy: UpstreamPolicy;
  private readonly session: LandSession;
  /** The token each call's arguments travel with, read by the SOAP header builder. */
  private readonly tokens = new WeakMap<object, string>();

  private constructor(
    private readonly client: Client,
    private readonly options: SoapLandRegistryOptions,
  ) {
    this.policy = createUpstreamPolicy({
      registry: 'land',
      deadlineMs: options.deadlineMs,
      isUpstreamFailure: isRegistryFailure,
      isTransient: isTransientFailure,
      ...options.resilience,
    });
    this.session = new LandSession(() => this.login(), options.clock);
    client.addSoapHeader(
      (_method: unknown, _location: unknown, _action: unknown, args: object) => {
        const token = this.tokens.get(args);
        return token === undefined ? '' : { ThongTinXacThuc: { Token: token } };
      },
      '',
      'tns',
      landNamespace,
    );
  }

  /** Parses the WSDL once; call at container start and reuse. */
  static async create(options: SoapLandRegistryOptions): Promise<SoapLandRegistry> {
    const client = await createClientAsync(options.wsdlPath, {
      endpoint: options.endpoint,
      request: soapHttpClient('land'),
    });
    return new SoapLandRegistry(client, options);
  }

  async lookUpParcel(key: ParcelKey, _envelope: AccessEnvelope): Promise<ParcelRecord> {
    return this.call(
      'TraCuuThuaDatAsync',
      'parcel',
      () => ({
        MaDvhc: key.communeCode,
        ToBanDo: key.mapSheet,
        ThuaDatSo: key.parcelNumber,
      }),
      (answer: { ThuaDat?: ThuaDat; GiayChungNhan?: GiayChungNhan } | null) => {
        if (!answer?.ThuaDat) throw new UpstreamFailedError('land', 'answer without ThuaDat');
        return {
          parcel: parcelOf(answer.ThuaDat),
          certificates: answer.GiayChungNhan ? [certificateOf(answer.GiayChungNhan)] : [],
        };
      },
    );
  }

  async lookUpCertificate(serial: string, _envelope: AccessEnvelope): Promise<CertificateRecord> {
    return this.call(
      'TraCuuGiayChungNhanAsync',
      'certificate',
      () => ({ SoPhatHanh: serial }),
      (answer: { GiayChungNhan?: GiayChungNhan; ThuaDat?: ThuaDat } | null) => {
        if (!answer?.GiayChungNhan || !answer.ThuaDat) {
          throw new UpstreamFailedError('land', 'answer without GiayChungNhan and ThuaDat');
        }
        return { certificate: certificateOf(answer.GiayChungNhan), parcel: parcelOf(answer.ThuaDat) };
      },
    );
  }

  /**
   * One lookup under the upstream policy: with the session's token, renewed once if the registry
   * says it expired; registry faults become the gateway's errors, and the answer is mapped inside the
   * attempt so an answer that does not fit the schema counts as the registry failing.
   */
  private async call<A, R>(
    method: string,
    what: string,
    args: () => object,
    map: (answer: A | null) => R,
  ): Promise<R> {
    return this.policy.execute(
      async (signal) => {
        try {
          const token = await this.session.token();
          const answer = await this.invoke(method, args(), token, signal).catch(async (error: unknown) => {
            if (registryFaultCode(error) !== faults.tokenExpired) throw error;
            return this.invoke(method, args(), await this.session.replace(token), signal);
          });
          return map(answer[0] as A | null);
        } catch (error) {
          throw this.failureOf(error, what);
        }
      },
      { idempotent: true },
    );
  }

  private async invoke(method: string, args: object, token: string, signal: AbortSignal) {
    this.tokens.set(args, token);
    return (this.client[method] as SoapMethod).call(this.client, args, {
      signal,
      maxContentLength: this.options.maxResponseBytes ?? 1_000_000,
    });
  }

  /** `DangNhap`: user and password for a token. Not aborted with one caller: other calls may share it. */
  private async login(): Promise<LandToken> {
    const issuedAt = this.options.clock.now().getTime();
    const [answer] = (await (this.client['DangNhapAsync'] as SoapMethod).call(
      this.client,
      { TenDangNhap: this.options.credentials.user, MatKhau: this.options.credentials.password },
      { timeout: this.options.deadlineMs, maxContentLength: this.options.maxResponseBytes ?? 1_000_000 },
    )) as [{ Token?: unknown; ThoiHanGiay?: unknown; HetHanLuc?: unknown } | null];
    const token = answer?.Token;
    if (typeof token !== 'string' || token === '') {
      throw new UpstreamFailedError('land', 'login answer without Token');
    }
    const lifetimeSeconds = Number(answer?.ThoiHanGiay);
    const expiresAt =
      Number.isFinite(lifetimeSeconds) && lifetimeSeconds > 0
        ? issuedAt + lifetimeSeconds * 1000
        : new Date(String(answer?.HetHanLuc)).getTime();
    // An answer with no usable expiry is used for this call only.
    return { token, issuedAt, expiresAt: Number.isFinite(expiresAt) ? expiresAt : issuedAt };
  }

  private failureOf(error: unknown, what: string): Error {
    if (error instanceof ZodError)
      return new UpstreamFailedError('land', 'answer does not fit the land records schema');
    switch (registryFaultCode(error)) {
      case faults.notFound:
        return new NotFoundError(what);
      case faults.invalid:
        return new UpstreamRejectedError('land', `the ${what} key was refused (${faults.invalid})`);
      case faults.quotaExceeded:
        return new UpstreamUnavailableError('land', 'quota exceeded', quotaRetryAfterSeconds);
      default:
        return classifySoapFailure('land', error);
    }
  }
}
