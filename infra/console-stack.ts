/**
 * The officer console: static files in S3 behind CloudFront, whose `/v1/*` goes to the stateless
 * stack's API. A stack of its own, so that the functions' stack holds functions only and the console
 * can be redeployed (or left out) without touching the API.
 */
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type * as apigateway from 'aws-cdk-lib/aws-apigateway';
import type { Construct } from 'constructs';
import type { StageConfig } from './config.js';
import { consoleDomainFromContext, StaticSite } from './constructs/static-site.js';

export interface ConsoleStackProps extends StackProps {
  readonly config: StageConfig;
  readonly api: apigateway.RestApi;
}

export class ConsoleStack extends Stack {
  public readonly site: StaticSite;

  public constructor(scope: Construct, id: string, props: ConsoleStackProps) {
    super(scope, id, props);
    this.site = new StaticSite(this, 'OfficerConsole', {
      api: props.api,
      domain: consoleDomainFromContext(this.node),
    });
    new CfnOutput(this, 'ConsoleUrl', {
      value: this.site.url,
      description: `Lienthong ${props.config.stage} officer console (its API is under the same origin, at /v1/)`,
    });
  }
}
