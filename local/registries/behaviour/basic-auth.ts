import type { IncomingHttpHeaders } from 'node:http';

/** The user and password of an `Authorization: Basic ...` header, if it has one that decodes. */
export function basicCredentialsOf(
  headers: IncomingHttpHeaders,
): { user: string; password: string } | undefined {
  const match = /^Basic\s+(\S+)$/i.exec(headers.authorization ?? '');
  if (match === null) return undefined;
  const decoded = Buffer.from(match[1] as string, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return undefined;
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** The SOAPAction header without its optional quotes. */
export function soapActionOf(headers: IncomingHttpHeaders): string | undefined {
  const action = headers.soapaction;
  if (typeof action !== 'string' || action === '') return undefined;
  return action.replace(/^"(.*)"$/, '$1');
}
