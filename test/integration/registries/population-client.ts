import { createHash } from 'node:crypto';
import path from 'node:path';
import { createClientAsync, type Client } from 'soap';

/**
 * A third party's view of the population registry: a node-soap client built from the shipped WSDL
 * file alone, and the signing dialect as DOMAIN.md describes it. Nothing here comes from the simulator.
 */
export const populationWsdlFile = path.resolve('adapters/population/population.wsdl');

export interface Credentials {
  readonly user: string;
  readonly secret: string;
}

export const sandboxCredentials: Credentials = { user: 'lienthong-sandbox', secret: 'sandbox-secret' };

export function populationClient(endpoint: string): Promise<Client> {
  return createClientAsync(populationWsdlFile, { endpoint });
}

/** `yyyyMMddHHmmss` UTC. */
export function timestampOf(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

export function signedHeaders(
  url: string,
  credentials: Credentials,
  at = new Date(),
): Record<string, string> {
  const timestamp = timestampOf(at);
  const digest = createHash('sha256')
    .update(url + credentials.user + timestamp + credentials.secret)
    .digest('hex');
  return {
    Timestamp: timestamp,
    Authorization: `Basic ${Buffer.from(`${credentials.user}:${digest}`).toString('base64')}`,
  };
}

export const requestEnvelope = {
  MaYeuCau: 'test-request-1',
  MaDVC: '1.001234',
  MaCanBo: 'officer-7',
  MaDonVi: '000.00.00.H57',
};

type Operation = 'XacThucThongTinCongDan' | 'TraCuuThongTinCongDan';

/** Calls an operation, signed for `endpoint`; returns node-soap's parsed answer. */
export async function call(
  client: Client,
  endpoint: string,
  operation: Operation,
  args: Record<string, unknown>,
  options: { credentials?: Credentials; at?: Date; timeout?: number } = {},
): Promise<Record<string, unknown>> {
  const invoke = client[`${operation}Async`] as (
    args: unknown,
    options: unknown,
    headers: Record<string, string>,
  ) => Promise<[Record<string, unknown>]>;
  const [answer] = await invoke.call(
    client,
    { ...requestEnvelope, ...args },
    { timeout: options.timeout ?? 5000 },
    signedHeaders(endpoint, options.credentials ?? sandboxCredentials, options.at),
  );
  return answer;
}

/** The `LoiDichVu` detail of a SOAP Fault rejection from node-soap, or undefined if it is not one. */
export function registryFaultOf(error: unknown): { MaLoi: string; MoTa: string } | undefined {
  const root = (
    error as { root?: { Envelope?: { Body?: { Fault?: { detail?: { LoiDichVu?: unknown } } } } } }
  ).root;
  return root?.Envelope?.Body?.Fault?.detail?.LoiDichVu as { MaLoi: string; MoTa: string } | undefined;
}

/** A raw signed SOAP POST, for tests that look at the wire (status, headers, size) rather than values. */
export function rawVerifyRequest(
  endpoint: string,
  personalId = '074095000123',
  credentials = sandboxCredentials,
) {
  const body =
    '<?xml version="1.0" encoding="utf-8"?>' +
    '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:tns="http://dancuquocgia.bca">' +
    '<soap:Body><tns:XacThucThongTinCongDan>' +
    Object.entries(requestEnvelope)
      .map(([key, value]) => `<tns:${key}>${value}</tns:${key}>`)
      .join('') +
    `<tns:SoDinhDanh>${personalId}</tns:SoDinhDanh><tns:HoVaTen>Nguyễn Văn An</tns:HoVaTen>` +
    '<tns:NgayThangNamSinh>19950315</tns:NgayThangNamSinh>' +
    '</tns:XacThucThongTinCongDan></soap:Body></soap:Envelope>';
  return {
    method: 'POST',
    headers: {
      'content-type': 'text/xml; charset=utf-8',
      soapaction: '"http://dancuquocgia.bca/XacThucThongTinCongDan"',
      ...signedHeaders(endpoint, credentials),
    },
    body,
  };
}
