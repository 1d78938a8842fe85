/**
 * Builds the gateway's stacks for one stage onto an app. `infra/app.ts` (the CDK entry) and the
 * infrastructure tests both call this, so the tests check exactly what `cdk synth` produces.
 */
import { Annotations, Tags, type App } from 'aws-cdk-lib';
import {
  defaultBusinessEndpoint,
  defaultLandEndpoint,
  defaultPopulationEndpoint,
  loadStageConfig,
  type StageConfig,
} from './config.js';
import { ConsoleStack } from './console-stack.js';
import { StatefulStack } from './stateful-stack.js';
import { StatelessStack } from './stateless-stack.js';

export interface Lienthong {
  readonly config: StageConfig;
  readonly stateful: StatefulStack;
  readonly stateless: StatelessStack;
  readonly console: ConsoleStack;
}

export function buildLienthong(app: App): Lienthong {
  const config = loadStageConfig(app.node);
  // Environment-agnostic unless an account and region are given: synth never calls AWS.
  const account = app.node.tryGetContext('account') as string | undefined;
  const region = app.node.tryGetContext('region') as string | undefined;
  const env = account && region ? { account: String(account), region: String(region) } : undefined;

  const stateful = new StatefulStack(app, `${config.prefix}-stateful`, {
    env,
    config,
    description: `Lienthong ${config.stage}: tables, queues, key, secrets, alarm topic`,
    terminationProtection: config.stage === 'prod',
  });
  const stateless = new StatelessStack(app, `${config.prefix}-stateless`, {
    env,
    config,
    description: `Lienthong ${config.stage}: functions and API`,
    key: stateful.key,
    tables: stateful.tables,
    queues: stateful.queues,
    populationCredentials: stateful.populationCredentials,
    landCredentials: stateful.landCredentials,
    businessCredentials: stateful.businessCredentials,
    keyPepper: stateful.keyPepper,
    alarmTopic: stateful.alarmTopic,
    network: stateful.network,
  });
  stateless.addStackDependency(stateful);
  const officerConsole = new ConsoleStack(app, `${config.prefix}-console`, {
    env,
    config,
    description: `Lienthong ${config.stage}: officer console (S3 and CloudFront, the API under /v1/)`,
    api: stateless.api,
  });
  officerConsole.addStackDependency(stateless);
  const placeholders = {
    population: defaultPopulationEndpoint,
    land: defaultLandEndpoint,
    business: defaultBusinessEndpoint,
  } as const;
  for (const [registry, placeholder] of Object.entries(placeholders) as [
    keyof typeof placeholders,
    string,
  ][]) {
    if (config.stage !== 'dev' && config[registry].endpoint === placeholder) {
      Annotations.of(stateless).addWarningV2(
        `lienthong:${registry}EndpointPlaceholder`,
        `Stage ${config.stage} uses the placeholder ${registry} endpoint; pass --context ${registry}Endpoint=<the province's LGSP/NDXP URL>.`,
      );
    }
  }

  Tags.of(app).add('project', 'lienthong');
  Tags.of(app).add('stage', config.stage);
  return { config, stateful, stateless, console: officerConsole };
}
