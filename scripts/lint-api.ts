/**
 * `npm run lint:api`: the OpenAPI document (docs/openapi.json, from `npm run openapi`) checked with
 * Spectral (OpenAPI + OWASP API Security rules, `.spectral.mjs`) and Redocly's recommended rules
 * (`redocly.yaml`). Both run offline from node_modules. Fails on any error; warnings are printed.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const bin = (name: string) => path.resolve('node_modules/.bin', name);
const environment = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
const document = 'docs/openapi.json';
const checks = [
  ['spectral', [bin('spectral'), 'lint', document, '--ruleset', '.spectral.mjs', '--fail-severity', 'error']],
  ['redocly', [bin('redocly'), 'lint', document, '--format', 'summary']],
] as const;

let failed = false;
for (const [name, [command, ...args]] of checks) {
  console.log(`\n=== ${name} ===`);
  const run = spawnSync(command, args, { stdio: 'inherit', env: environment, timeout: 120_000 });
  if (run.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
