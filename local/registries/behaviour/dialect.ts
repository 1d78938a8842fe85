/** A registry's own error, in its own vocabulary (e.g. `VUOT_HAN_MUC`). */
export interface RegistryError {
  readonly code: string;
  readonly message: string;
  /** HTTP status of the answer; SOAP 1.1 faults are always 500, REST errors vary. */
  readonly status?: number;
}

export interface RegistryResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

/**
 * How one wire protocol spells errors and hostile answers. `soapDialect` and `jsonDialect` cover the
 * simulators; a registry passes one to `serveRegistry`.
 */
export interface RegistryDialect {
  readonly contentType: string;
  /** The protocol's error answer for a registry error: a SOAP Fault, a JSON error object. */
  error(error: RegistryError): RegistryResponse;
  /**
   * The real answer turned into one that tries to read local files or reach the network through the
   * client's parser; a client that resolves it would see the answer it expects, with a file inside.
   */
  externalEntity(response: RegistryResponse): RegistryResponse;
  /** The real answer turned into one built to exhaust the client's parser (billion laughs, deep nesting). */
  entityExpansion(response: RegistryResponse): RegistryResponse;
  /** The same answer grown to at least `bytes`, still well-formed. */
  oversize(response: RegistryResponse, bytes: number): RegistryResponse;
}

export function bodyText(response: RegistryResponse): string {
  return typeof response.body === 'string' ? response.body : response.body.toString('utf8');
}
