import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { esmRequireBanner } from '../../infra/constructs/gateway-function.js';
import { gatewayFunctions, type GatewayFunctionName } from '../../infra/routes.js';
import { resourcesOfType, synthStage, type SynthesizedStage } from './synth.js';

/**
 * Minified ESM bundle budgets (index.mjs, source map excluded; AWS SDK v3 comes from the runtime).
 * A bundle over budget fails the build: cold starts grow with bundle size.
 */
export const bundleBudgetsKiB: Record<GatewayFunctionName, number> = {
  // zod (classic, ~440 KiB) and Powertools are most of these.
  authorizer: 700,
  health: 700,
  // The document and the renderer are shipped files, not bundled.
  apiDocs: 700,
  // Client management: the clients table and the key pepper, no registry client.
  adminClients: 700,
  // Plus the personal-id schema and its province table.
  subjectReport: 900,
  // Plus node-soap with its XML stack, and the admin-unit tables addresses resolve against.
  verifyCitizen: 1800,
  citizenLookup: 1800,
  landParcel: 1800,
  landCertificate: 1800,
  // No SOAP client; the admin-unit tables the head office resolves against.
  businessLookup: 1200,
  // The item schemas of every endpoint (the land and admin-unit tables included), store and SQS client.
  batches: 1800,
  // Every use case and both SOAP clients, Powertools batch and idempotency.
  batchWorker: 2200,
};

let prod: SynthesizedStage;

beforeAll(() => {
  // The production settings, bundled for real by the local esbuild.
  prod = synthStage({ stage: 'prod', 'aws:cdk:enable-asset-metadata': 'true' }, { bundle: true });
});

function bundleDirectory(name: GatewayFunctionName): string {
  const fn = prod.stateless.functions[name];
  const logicalId = prod.stateless.getLogicalId(fn.node.defaultChild as never);
  const resource = resourcesOfType(prod.statelessTemplate, 'AWS::Lambda::Function')[logicalId]!;
  const assetPath = resource.Metadata?.['aws:asset:path'];
  if (typeof assetPath !== 'string') throw new Error(`no asset path for ${name}`);
  return path.join(prod.app.outdir, assetPath);
}

describe('function bundles (production settings)', () => {
  it.each(Object.keys(bundleBudgetsKiB) as GatewayFunctionName[])('%s stays within its budget', (name) => {
    const size = statSync(path.join(bundleDirectory(name), 'index.mjs')).size / 1024;
    expect(Math.round(size)).toBeLessThanOrEqual(bundleBudgetsKiB[name]);
  });

  it.each(Object.keys(gatewayFunctions) as GatewayFunctionName[])(
    '%s is a minified ESM bundle that defines require for CommonJS dependencies, with a source map',
    (name) => {
      const directory = bundleDirectory(name);
      const code = readFileSync(path.join(directory, 'index.mjs'), 'utf8');
      expect(code.startsWith(esmRequireBanner)).toBe(true);
      // Minified: lines average over 150 characters (unminified code averages 30–40; template
      // literals such as the admin-unit tables keep their line breaks).
      expect(code.length / code.split('\n').length).toBeGreaterThan(150);
      expect(existsSync(path.join(directory, 'index.mjs.map'))).toBe(true);
    },
  );

  it.each(
    (Object.keys(gatewayFunctions) as GatewayFunctionName[]).flatMap((name) =>
      gatewayFunctions[name].shippedFiles.map((file) => [name, file] as const),
    ),
  )('%s ships %s next to the bundle, where LAMBDA_TASK_ROOT resolves it', (name, file) => {
    const shipped = path.join(bundleDirectory(name), file);
    expect(readFileSync(shipped, 'utf8')).toBe(readFileSync(path.resolve(file), 'utf8'));
  });
});
