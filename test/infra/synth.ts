/**
 * Synthesizes the CDK app for a stage once per test file, with the context of `cdk.json` (so feature
 * flags match `npm run synth`). Bundling happens while the stacks are built, so share the result.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { buildLienthong, type Lienthong } from '../../infra/lienthong.js';

export interface SynthesizedStage extends Lienthong {
  readonly app: App;
  readonly statefulTemplate: Template;
  readonly statelessTemplate: Template;
}

const cdkContext = (
  JSON.parse(readFileSync(path.resolve('cdk.json'), 'utf8')) as { context: Record<string, unknown> }
).context;

export interface SynthOptions {
  /**
   * Run esbuild for the functions (default false: CDK stages placeholder assets, which keeps tests
   * that only read the template fast). The bundle tests turn it on.
   */
  readonly bundle?: boolean;
}

export function synthStage(context: Record<string, string>, options: SynthOptions = {}): SynthesizedStage {
  const bundling = options.bundle ? {} : { 'aws:cdk:bundling-stacks': [] };
  const app = new App({ context: { ...cdkContext, ...bundling, ...context } });
  const lienthong = buildLienthong(app);
  return {
    ...lienthong,
    app,
    statefulTemplate: Template.fromStack(lienthong.stateful),
    statelessTemplate: Template.fromStack(lienthong.stateless),
  };
}

type Resources = Record<
  string,
  { Type: string; Properties: Record<string, unknown>; Metadata?: Record<string, unknown> }
>;

export function resourcesOfType(template: Template, type: string): Resources {
  return template.findResources(type) as Resources;
}

/** IAM statements of every inline policy in the template. */
export function policyStatements(
  template: Template,
): { Action: string | string[]; Resource: unknown; Effect: string }[] {
  return Object.values(resourcesOfType(template, 'AWS::IAM::Policy')).flatMap(
    (policy) =>
      (
        policy.Properties['PolicyDocument'] as {
          Statement: { Action: string | string[]; Resource: unknown; Effect: string }[];
        }
      ).Statement,
  );
}

export function actionsOf(statement: { Action: string | string[] }): string[] {
  return Array.isArray(statement.Action) ? statement.Action : [statement.Action];
}
