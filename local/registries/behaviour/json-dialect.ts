import type { RegistryDialect, RegistryError, RegistryResponse } from './dialect.js';
import { bodyText } from './dialect.js';

const contentType = 'application/json; charset=utf-8';

/**
 * JSON over HTTP. Errors render as `{ "error": { "code", "message" } }` unless the registry passes its
 * own `renderError` (its documented error shape).
 */
export function jsonDialect(
  renderError: (error: RegistryError) => unknown = (error) => ({
    error: { code: error.code, message: error.message },
  }),
): RegistryDialect {
  const json = (status: number, body: string): RegistryResponse => ({
    status,
    headers: { 'content-type': contentType },
    body,
  });
  return {
    contentType,
    error: (error) => json(error.status ?? 500, JSON.stringify(renderError(error))),
    // JSON has no entities; the equivalent attack is prototype pollution through a parsed key.
    externalEntity: (response) => {
      const text = bodyText(response).trim();
      const pollution = '"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}';
      const body =
        text.startsWith('{') && text !== '{}' ? `{${pollution},${text.slice(1)}` : `{${pollution}}`;
      return { ...response, status: 200, body };
    },
    // Pathological nesting that overflows recursive parsers and walkers.
    entityExpansion: (response) => ({
      ...response,
      status: 200,
      body: `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
    }),
    oversize: (response, bytes) => {
      const text = bodyText(response);
      const missing = Math.max(0, bytes - Buffer.byteLength(text));
      // Insignificant whitespace keeps the JSON valid and its value unchanged.
      return { ...response, body: text + ' '.repeat(missing) };
    },
  };
}
