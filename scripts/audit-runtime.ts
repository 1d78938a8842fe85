import { auditRuntimeDependencies } from './runtime-audit.js';

/**
 * `npm run audit:runtime` — `npm audit --omit=dev` against the configured npm registry. Exits 0 when
 * no runtime dependency has a high or critical advisory, 1 when one has, 2 when the audit could not run.
 */
const audit = await auditRuntimeDependencies();
if (!audit.reachable) {
  console.error(`The dependency audit could not run: ${audit.reason}.`);
  console.error("It needs the npm registry's advisory endpoint (POST /-/npm/v1/security/advisories/bulk).");
  process.exit(2);
}
if (audit.highOrCritical.length > 0) {
  console.error(`Runtime dependencies with high or critical advisories: ${audit.highOrCritical.join(', ')}`);
  process.exit(1);
}
console.log('No high or critical advisory in a runtime dependency.');
