import { createClientAsync, type Client } from 'soap';
import { UpstreamFailedError } from '../../core/errors/upstream-failed-error.js';
import { UpstreamUnavailableError } from '../../core/errors/upstream-unavailable-error.js';
import type { AccessEnvelope } from '../../core/ports/access-envelope.js';
import type { Clock } from '../../core/ports/clock.js';
import { NotFoundError } from '../../core/errors/not-found-error.js';
import type { CitizenClaim, CitizenKey, PopulationRegistry } from '../../core/ports/population-registry.js';
import type { CitizenRecord } from '../../schemas/citizen-records.js';
import { citizenRecordOf, type CongDan } from './citizen-mapping.js';
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
import { signPopulationRequest, type PopulationCredentials } from './request-signature.js';

export interface SoapPopulationRegistryOptions {
  /** Path of the WSDL shipped with the code: never fetched at run time. */
  readonly wsdlPath: string;
  /** The SOAP endpoint (the province's LGSP/NDXP address, or the local simulator). */
  readonly endpoint: string;
  readonly credentials: PopulationCredentials;
  readonly deadlineMs: number;
  readonly clock: Clock;
  /** Largest response body accepted; anything bigger is treated as an upstream failure. */
  readonly maxResponseBytes?: number;
  /** Breaker, retry and bulkhead settings beyond the defaults. */
  readonly resilience?: ResilienceSettings;
}

interface VerifyAnswer {
  TonTai?: boolean | string;
}

/** Quota refusals carry no Retry-After; one second is the registry's quota window. */
const quotaRetryAfterSeconds = 1;

/**
 * The national population database over SOAP (node-soap). Speaks the registry's Vietnamese field
 * names; nothing of that dialect leaves this adapter.
 */
export class SoapPopulationRegistry implements PopulationRegistry {
  readonly policy: UpstreamPolicy;

  private constructor(
    private readonly client: Client,
    private readonly options: SoapPopulationRegistryOptions,
  ) {
    this.policy = createUpstreamPolicy({
      registry: 'population',
      deadlineMs: options.deadlineMs,
      isUpstreamFailure: isRegistryFailure,
      isTransient: isTransientFailure,
      ...options.resilience,
    });
  }

  /** Parses the WSDL once; call at container start and reuse. */
  static async create(options: SoapPopulationRegistryOptions): Promise<SoapPopulationRegistry> {
    const client = await createClientAsync(options.wsdlPath, {
      endpoint: options.endpoint,
      request: soapHttpClient('population'),
    });
    return new SoapPopulationRegistry(client, options);
  }

  async verifyCitizen(claim: CitizenClaim, envelope: AccessEnvelope): Promise<{ exists: boolean }> {
    const [answer] = (await this.call('XacThucThongTinCongDanAsync', {
      ...this.requestEnvelope(envelope),
      SoDinhDanh: claim.personalId,
      HoVaTen: claim.fullName,
      NgayThangNamSinh: claim.dateOfBirth.replaceAll('-', ''),
    })) as [VerifyAnswer | null];
    const exists = answer?.TonTai;
    if (exists === undefined) throw new UpstreamFailedError('population', 'answer without TonTai');
    return { exists: exists === true || exists === 'true' };
  }

  async lookUpCitizen(key: CitizenKey, envelope: AccessEnvelope): Promise<CitizenRecord> {
    const [answer] = (await this.call('TraCuuThongTinCongDanAsync', {
      ...this.requestEnvelope(envelope),
      ...('personalId' in key ? { SoDinhDanh: key.personalId } : { SoCMND: key.oldIdNumber }),
    })) as [{ CongDan?: CongDan } | null];
    if (!answer?.CongDan) throw new UpstreamFailedError('population', 'answer without CongDan');
    return citizenRecordOf(answer.CongDan);
  }

  private requestEnvelope(envelope: AccessEnvelope) {
    return {
      MaYeuCau: envelope.requestId,
      MaDVC: envelope.purpose,
      MaCanBo: envelope.officerId,
      MaDonVi: envelope.unitCode,
    };
  }

  private async call(method: string, args: Record<string, unknown>): Promise<unknown[]> {
    const invoke = this.client[method] as (
      args: unknown,
      options: unknown,
      headers: Record<string, string>,
    ) => Promise<unknown[]>;
    return this.policy.execute(
      async (signal) => {
        try {
          return await invoke.call(
            this.client,
            args,
            { signal, maxContentLength: this.options.maxResponseBytes ?? 1_000_000 },
            signPopulationRequest(this.options.endpoint, this.options.credentials, this.options.clock.now()),
          );
        } catch (error) {
          const faultCode = registryFaultCode(error);
          if (faultCode === 'VUOT_HAN_MUC') {
            throw new UpstreamUnavailableError('population', 'quota exceeded', quotaRetryAfterSeconds);
          }
          if (faultCode === 'KHONG_TIM_THAY') throw new NotFoundError('citizen');
          throw classifySoapFailure('population', error);
        }
      },
      { idempotent: true },
    );
  }
}
