// Spectral ruleset for `npm run lint:api` (docs/openapi.json): Spectral's OpenAPI rules and the OWASP
// API Security Top 10 2023 ruleset, both resolved from node_modules (no network at run time).
// Every rule switched off or down here says why.
//
// Warnings left, each on purpose (`npm run lint:api` prints them and fails on errors only):
// - owasp:api4:2023-string-restricted on free text: a client's `name`, `unitCode` and key `label` are
//   display text (length-limited, any characters); `fullName` is any Unicode letters and marks, checked in code (`schemas/names.ts`) because JSON
//   Schema patterns have no portable \p{L}; a certificate serial and an enterprise code may come with
//   any spacing (the schema canonicalises them; the rules are in their descriptions); Server-Timing's
//   entries vary with the registries a request calls.
// - owasp:api8:2023-define-error-validation on GET /docs/assets/{file}: its one input is an enumerated
//   file name, and an unknown name is a 404 (declared), never a 400.
// - owasp:api8:2023-no-server-http, owasp:api9:2023-inventory-access: see below.
// - info-contact: the contact is the operating unit of each deployment, not part of the committed
//   document.
import { readFileSync } from 'node:fs';
import owasp from '@stoplight/spectral-owasp-ruleset';
import { oas } from '@stoplight/spectral-rulesets';

const documentFile = 'docs/openapi.json';
// Read from the repository root, where `npm run lint:api` runs (Spectral bundles this file as CommonJS,
// so there is no import.meta to resolve against).
const document = JSON.parse(readFileSync(documentFile, 'utf8'));

// A JSON pointer part as Spectral spells the paths it reports (URI fragment: braces percent-encoded).
const pointerPart = (name) =>
  encodeURIComponent(name.replaceAll('~', '~0').replaceAll('/', '~1')).replaceAll('%7E', '~');

const componentOf = (reference) => reference?.replace('#/components/schemas/', '');

/**
 * What the gateway writes rather than reads: component schemas used only by responses, and the
 * responses' inline bodies (the reference page's HTML and script).
 */
function responseBodies() {
  const requested = new Set();
  const answered = new Set();
  const inline = [];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const [method, operation] of Object.entries(item)) {
      for (const media of Object.values(operation.requestBody?.content ?? {})) {
        requested.add(componentOf(media.schema?.$ref));
      }
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        for (const [mediaType, media] of Object.entries(response.content ?? {})) {
          if (media.schema?.$ref) answered.add(componentOf(media.schema.$ref));
          else if (media.schema) {
            inline.push(
              `#/paths/${pointerPart(path)}/${method}/responses/${status}/content/${pointerPart(mediaType)}/schema`,
            );
          }
        }
      }
    }
  }
  const components = [...answered].filter((name) => !requested.has(name));
  return [...components.map((name) => `#/components/schemas/${pointerPart(name)}`), ...inline];
}

/** Every operation of the document, with its JSON pointer. */
function operations() {
  return Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({
      pointer: `#/paths/${pointerPart(path)}/${method}`,
      operation,
    })),
  );
}

const publicOperations = () =>
  operations()
    .filter(({ operation }) => Array.isArray(operation.security) && operation.security.length === 0)
    .map(({ pointer }) => pointer);

const operationsWithoutInput = () =>
  operations()
    .filter(({ operation }) => !operation.requestBody && (operation.parameters ?? []).length === 0)
    .map(({ pointer }) => pointer);

export default {
  extends: [[oas, 'recommended'], owasp],
  rules: {
    // Machine-to-machine API for the province's systems: no browser calls it, and API Gateway serves no
    // CORS headers, so there is no Access-Control-Allow-Origin to declare.
    'owasp:api8:2023-define-cors-origin': 'off',
    // Warning kept: the one server listed is the local sandbox on loopback (`npm start`), plain HTTP by
    // nature; the deployed stages are HTTPS-only API Gateway endpoints, not listed in the committed
    // document (the gateway answers `/openapi.json` with its own URL as the server).
    'owasp:api8:2023-no-server-http': 'warn',
    // Warning kept: the rule wants each server to say whether it is production or a test stage; the one
    // committed server is the sandbox, and its description says so.
    'owasp:api9:2023-inventory-access': 'warn',
    // The rule wants RateLimit headers on every 2xx and 4xx answer. The gateway sends them where a rate
    // counter was consulted: the successful answers of the operations that count against the caller's
    // rate (the contract's `rateLimited`: registry lookups, verification, the subject report) and the
    // 429s those functions answer; the document declares them there. A 400, 401 or 403 is answered before
    // any counter is read, and the admin, batch-status and documentation operations are not counted, so
    // declaring the headers on them would document headers that never come. Every operation declares its
    // 429 with Retry-After (`owasp:api4:2023-rate-limit-retry-after` stays on).
    'owasp:api4:2023-rate-limit': 'off',
  },
  overrides: [
    {
      // OWASP API4 (unrestricted resource consumption) bounds what callers send: every request body,
      // path parameter and header in the document carries the limits the gateway enforces. Response
      // bodies are what the gateway writes; their strings and lists are as long as the national registry
      // (or the ledger) makes them, and the gateway does not cut or reshape them, so a maxLength,
      // maxItems or pattern there would state a limit nothing applies. Only the response-only schemas
      // are exempted: a schema that is also a request body (e.g. ClientPolicy) stays checked.
      files: responseBodies().map((pointer) => `${documentFile}${pointer}`),
      rules: {
        'owasp:api4:2023-string-limit': 'off',
        'owasp:api4:2023-array-limit': 'off',
        'owasp:api4:2023-string-restricted': 'off',
      },
    },
    {
      // Public by design (`security: []`): the health check and the API reference (the document, its
      // pages and the renderer script) are read without a key, disclose no personal data and no client's
      // data, so there is no 401 to declare and nothing to restrict.
      files: publicOperations().map((pointer) => `${documentFile}${pointer}`),
      rules: {
        'owasp:api8:2023-define-error-responses-401': 'off',
        'owasp:api2:2023-read-restricted': 'off',
      },
    },
    {
      // Operations that take no parameter and no body have no input to reject: a 400 or 422 would never
      // come (listing clients, the health check, the reference pages).
      files: operationsWithoutInput().map((pointer) => `${documentFile}${pointer}`),
      rules: { 'owasp:api8:2023-define-error-validation': 'off' },
    },
  ],
};
