import type { RegistryDialect, RegistryError, RegistryResponse } from './dialect.js';
import { bodyText } from './dialect.js';

const envelopeNamespace = 'http://schemas.xmlsoap.org/soap/envelope/';
const contentType = 'text/xml; charset=utf-8';

export interface SoapFaultVocabulary {
  /** Target namespace of the registry's WSDL, e.g. `http://dancuquocgia.bca`. */
  readonly namespace: string;
  /** The fault detail element and its two children, e.g. `LoiDichVu`, `MaLoi`, `MoTa`. */
  readonly detailElement: string;
  readonly codeElement: string;
  readonly messageElement: string;
  /** Registry codes caused by the caller (answered with `soap:Client`); everything else is `soap:Server`. */
  readonly clientCodes: readonly string[];
}

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function soapEnvelope(body: string): string {
  return `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="${envelopeNamespace}"><soap:Body>${body}</soap:Body></soap:Envelope>`;
}

/** SOAP 1.1 (faults are HTTP 500, `text/xml`), registry errors carried in the fault detail. */
export function soapDialect(vocabulary: SoapFaultVocabulary): RegistryDialect {
  const fault = (error: RegistryError): RegistryResponse => {
    const faultCode = vocabulary.clientCodes.includes(error.code) ? 'soap:Client' : 'soap:Server';
    const detail =
      `<tns:${vocabulary.detailElement} xmlns:tns="${vocabulary.namespace}">` +
      `<tns:${vocabulary.codeElement}>${escapeXml(error.code)}</tns:${vocabulary.codeElement}>` +
      `<tns:${vocabulary.messageElement}>${escapeXml(error.message)}</tns:${vocabulary.messageElement}>` +
      `</tns:${vocabulary.detailElement}>`;
    return {
      status: error.status ?? 500,
      headers: { 'content-type': contentType },
      body: soapEnvelope(
        `<soap:Fault><faultcode>${faultCode}</faultcode><faultstring>${escapeXml(error.message)}</faultstring><detail>${detail}</detail></soap:Fault>`,
      ),
    };
  };

  return {
    contentType,
    error: fault,
    externalEntity: (response) =>
      withDoctype(
        response,
        '<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY remote SYSTEM "http://127.0.0.1:9/leak">',
        '&xxe;&remote;',
      ),
    entityExpansion: (response) => {
      const levels = ['<!ENTITY lol0 "lol">'];
      for (let i = 1; i <= 9; i += 1) {
        levels.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`);
      }
      return withDoctype(response, levels.join(''), '&lol9;');
    },
    oversize: (response, bytes) => {
      const text = bodyText(response);
      const closing = text.lastIndexOf('</soap:Envelope>');
      const missing = Math.max(0, bytes - Buffer.byteLength(text));
      // A comment inside the envelope keeps the document well-formed and its answer intact.
      const padding = `<!--${'x'.repeat(missing)}-->`;
      const body = closing >= 0 ? text.slice(0, closing) + padding + text.slice(closing) : text + padding;
      return { ...response, body };
    },
  };
}

/**
 * Declares `entities` in a DOCTYPE and puts `reference` in the first text of the SOAP body, so the
 * hostile document is otherwise the very answer the client expects.
 */
function withDoctype(response: RegistryResponse, entities: string, reference: string): RegistryResponse {
  const text = bodyText(response).replace(/^<\?xml[^>]*\?>/, '');
  const bodyAt = Math.max(0, text.indexOf('Body>'));
  const textAt = text.slice(bodyAt).search(/>[^<]/);
  const referenced =
    textAt < 0 ? text : text.slice(0, bodyAt + textAt + 1) + reference + text.slice(bodyAt + textAt + 1);
  return {
    ...response,
    status: 200,
    body: `<?xml version="1.0" encoding="utf-8"?><!DOCTYPE soap:Envelope [${entities}]>${referenced}`,
  };
}
