import { readFileSync } from 'node:fs';
import path from 'node:path';
import { listen, type IServices, type Server as SoapServer } from 'soap';
import {
  serveRegistry,
  soapActionOf,
  basicCredentialsOf,
  type BehaviourInput,
  type RegistryRequest,
  type RegistryResponse,
  type RunningRegistry,
} from '../behaviour/index.js';
import {
  citizenDirectory,
  defaultCitizenCount,
  defaultCitizenSeed,
  type CitizenDirectory,
} from '../data/citizens.js';
import { lookUpCitizen, verifyCitizen } from './citizen-records.js';
import {
  internalError,
  PopulationRegistryError,
  populationDialect,
  populationErrorCodes,
  quotaExceededError,
} from './population-errors.js';
import { authenticatePopulationRequest, type PopulationCredentials } from './request-authentication.js';

/** Resolved from the repository root (the working directory of npm scripts and jest). */
export const populationWsdlPath = path.resolve('adapters/population/population.wsdl');
export const populationEndpointPath = '/dancu';
export const defaultPopulationCredentials: PopulationCredentials = {
  user: 'lienthong-sandbox',
  secret: 'sandbox-secret',
};

export interface PopulationRegistryOptions {
  /** 0 = a free port. */
  readonly port?: number;
  readonly host?: '127.0.0.1';
  /** Seed of the synthetic citizens (same seed, same people). */
  readonly seed?: number;
  /** Synthetic citizens besides the fixtures. */
  readonly citizenCount?: number;
  readonly credentials?: PopulationCredentials;
  readonly behaviour?: BehaviourInput;
  /** The registry's clock, for the timestamp check. */
  readonly now?: () => number;
}

export interface RunningPopulationRegistry extends RunningRegistry {
  /** The SOAP endpoint: `http://127.0.0.1:<port>/dancu`; the WSDL is at `${url}?wsdl`. */
  readonly url: string;
  readonly directory: CitizenDirectory;
}

interface CallContext {
  registryError?: PopulationRegistryError;
}

const callContexts = new WeakMap<object, CallContext>();

/**
 * The simulated national population database: SOAP 1.1 per the shipped WSDL, the registry's signing
 * dialect, synthetic citizens, and the shared behaviour layer (latency, faults, quota, counters,
 * `/__control`). node-soap parses requests and writes answers; authentication and registry faults are
 * ours, so every fault carries `LoiDichVu {MaLoi, MoTa}`.
 */
export async function startPopulationRegistry(
  options: PopulationRegistryOptions = {},
): Promise<RunningPopulationRegistry> {
  const credentials = options.credentials ?? defaultPopulationCredentials;
  const directory = citizenDirectory(
    options.seed ?? defaultCitizenSeed,
    options.citizenCount ?? defaultCitizenCount,
  );
  const now = options.now ?? Date.now;
  const wsdl = readFileSync(populationWsdlPath, 'utf8');
  const soap = await soapServerFor(wsdl, directory);

  const answerCall = async (request: RegistryRequest, baseUrl: string): Promise<RegistryResponse> => {
    try {
      authenticatePopulationRequest(
        request.headers,
        [request.requestedUrl, `${baseUrl}${request.path}`],
        credentials,
        now(),
      );
    } catch (error) {
      if (error instanceof PopulationRegistryError) return populationDialect.error(error);
      throw error;
    }
    const context: CallContext = {};
    const headers = { ...request.headers } as Record<string, unknown>;
    callContexts.set(headers, context);
    const answer = await soap.processRequest(request.body.toString('utf8'), {
      method: 'POST',
      url: request.path,
      headers,
    });
    if (context.registryError) return populationDialect.error(context.registryError);
    if (answer.statusCode >= 400 || !answer.body.startsWith('<?xml')) {
      // node-soap could not parse or dispatch the envelope: the caller sent something we don't understand.
      return populationDialect.error(
        new PopulationRegistryError(populationErrorCodes.invalidInput, 'Thông điệp SOAP không hợp lệ'),
      );
    }
    return { status: 200, headers: { 'content-type': populationDialect.contentType }, body: answer.body };
  };

  const running = await serveRegistry(
    {
      name: 'population',
      dialect: populationDialect,
      errors: { quotaExceeded: quotaExceededError, internal: internalError },
      isCall: (request) => request.method === 'POST' && pathOf(request) === populationEndpointPath,
      operationOf: (request) => soapActionOf(request.headers)?.split('/').pop() ?? 'unknown',
      credentialOf: (request) => basicCredentialsOf(request.headers)?.user,
      handle: async (request, { baseUrl }) => {
        if (pathOf(request) !== populationEndpointPath) {
          return { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'Not found' };
        }
        if (request.method === 'GET' && /^\?wsdl/i.test(new URL(request.path, baseUrl).search)) {
          return {
            status: 200,
            headers: { 'content-type': 'text/xml; charset=utf-8' },
            body: wsdl.replace(
              /(<soap:address\s+location=")[^"]*(")/,
              `$1${baseUrl}${populationEndpointPath}$2`,
            ),
          };
        }
        if (request.method !== 'POST') {
          return {
            status: 405,
            headers: { 'content-type': 'text/plain; charset=utf-8', allow: 'POST' },
            body: '',
          };
        }
        return answerCall(request, baseUrl);
      },
    },
    { port: options.port, host: options.host, behaviour: options.behaviour },
  );

  return { ...running, url: `${running.baseUrl}${populationEndpointPath}`, directory };
}

function pathOf(request: RegistryRequest): string {
  return new URL(request.path, 'http://registry').pathname.replace(/\/$/, '');
}

async function soapServerFor(wsdl: string, directory: CitizenDirectory): Promise<SoapServer> {
  const operation =
    (answer: (args: Record<string, unknown>) => unknown) =>
    (args: Record<string, unknown>, _callback: unknown, _headers: unknown, req: { headers: object }) => {
      try {
        return answer(args ?? {});
      } catch (error) {
        const context = callContexts.get(req.headers);
        if (context && error instanceof PopulationRegistryError) {
          context.registryError = error;
          return {}; // replaced by the registry's fault in answerCall
        }
        throw error;
      }
    };
  const services: IServices = {
    DanCuQuocGiaService: {
      DanCuQuocGiaPort: {
        XacThucThongTinCongDan: operation((args) => verifyCitizen(args, directory)),
        TraCuuThongTinCongDan: operation((args) => lookUpCitizen(args, directory)),
      },
    },
  };
  return new Promise((resolve, reject) => {
    const server = listen(null, {
      path: populationEndpointPath,
      services,
      xml: wsdl,
      suppressStack: true,
      callback: (error: unknown) => (error ? reject(error as Error) : resolve(server)),
    });
  });
}
