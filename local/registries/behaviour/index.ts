/**
 * Shared misbehaviour for the simulated national registries: latency, injected failures, a
 * per-credential quota, call counters and a control endpoint, at the HTTP level, so SOAP and JSON
 * registries get the same machinery.
 *
 * Plugging a registry in:
 * ```ts
 * const running = await serveRegistry(
 *   {
 *     name: 'land',
 *     dialect: soapDialect({ namespace, detailElement: 'LoiDichVu', codeElement: 'MaLoi',
 *                            messageElement: 'MoTa', clientCodes: ['XAC_THUC_THAT_BAI', ...] }),
 *     // or: jsonDialect((e) => ({ code: e.code, message: e.message }))
 *     errors: {
 *       quotaExceeded: { code: 'VUOT_HAN_MUC', message: '...' },      // REST: add status: 429
 *       internal: { code: 'LOI_HE_THONG', message: '...' },
 *     },
 *     isCall: (r) => r.method === 'POST',                 // WSDL/?wsdl fetches are not calls
 *     operationOf: (r) => soapActionOf(r.headers) ?? 'unknown',
 *     credentialOf: (r) => basicUserOf(r.headers),        // the claimed identity, for quota/counters
 *     handle: async (r, { baseUrl }) => ({ status: 200, headers: {...}, body: '...' }),
 *   },
 *   { port: 0, behaviour: { quotaPerSecond: 20 } },
 * );
 * running.baseUrl; running.controlUrl; running.counters(); running.setBehaviour({...}); await running.stop();
 * ```
 *
 * Control endpoint on the registry's own port (JSON):
 * - `GET /__control/behaviour` — the current behaviour;
 * - `PUT /__control/behaviour` — replace it (see `behaviourSchema`; 400 with the reason if invalid);
 * - `PATCH /__control/behaviour` — change the given top-level fields only;
 * - `GET /__control/counters` — calls received, per operation, per credential, answered, refused by
 *   quota, injected failures per mode;
 * - `POST /__control/reset` — zero counters and quota windows, restore the starting behaviour.
 *
 * Behaviour example: `{"latency":{"distribution":"lognormal","medianMs":80,"sigma":0.5},
 * "faults":[{"mode":"fault","rate":0.05},{"mode":"hang","rate":0.01}],"quotaPerSecond":50,"seed":7}`.
 */
export * from './behaviour.js';
export * from './counters.js';
export * from './dialect.js';
export * from './json-dialect.js';
export * from './quota.js';
export * from './serve-registry.js';
export * from './soap-dialect.js';
export * from './basic-auth.js';
