/**
 * The house Lambda construct (after Powertools' `FunctionWithLogGroup` in examples/app): every gateway
 * function is Node.js 24 on arm64, an ESM bundle built by the local esbuild (minified, with source
 * maps), Powertools environment, active X-Ray tracing, its own log group with retention, and a role
 * that holds only what the grant helpers add.
 */
import path from 'node:path';
import { Duration, type RemovalPolicy, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import {
  NodejsFunction,
  Charset,
  OutputFormat,
  type NodejsFunctionProps,
} from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';

/** Defines `require` inside the ESM bundle so CommonJS dependencies (soap, sax, …) still load. */
export const esmRequireBanner =
  "import { createRequire as __lienthongCreateRequire } from 'node:module';const require = __lienthongCreateRequire(import.meta.url);";

/** Repository root: the CDK CLI and jest both run from it, so entries resolve from `process.cwd()`. */
export const projectRoot = process.cwd();

export interface GatewayFunctionProps {
  /** Entry file, relative to the repository root (e.g. `functions/verify-citizen.ts`). */
  readonly entry: string;
  readonly description: string;
  /** `POWERTOOLS_SERVICE_NAME`. */
  readonly serviceName: string;
  readonly logLevel: string;
  readonly logRetention: RetentionDays;
  readonly removalPolicy: RemovalPolicy;
  readonly environment?: Record<string, string>;
  readonly memorySize?: number;
  readonly timeout?: Duration;
  readonly reservedConcurrentExecutions?: number;
  /**
   * Files (relative to the repository root) shipped next to the bundle at the same relative path,
   * e.g. WSDLs that the code resolves from `LAMBDA_TASK_ROOT`.
   */
  readonly assets?: readonly string[];
  readonly vpc?: NodejsFunctionProps['vpc'];
  readonly vpcSubnets?: NodejsFunctionProps['vpcSubnets'];
  readonly securityGroups?: NodejsFunctionProps['securityGroups'];
}

/** Shell commands that copy `assets` into the bundle directory, keeping their relative paths. */
export function copyAssetCommands(assets: readonly string[], inputDir: string, outputDir: string): string[] {
  return assets.flatMap((asset) => {
    const target = path.posix.join(outputDir, asset);
    return [
      `mkdir -p "${path.posix.dirname(target)}"`,
      `cp "${path.posix.join(inputDir, asset)}" "${target}"`,
    ];
  });
}

export class GatewayFunction extends NodejsFunction {
  public constructor(scope: Construct, id: string, props: GatewayFunctionProps) {
    const logGroup = new LogGroup(scope, `${id}LogGroup`, {
      retention: props.logRetention,
      removalPolicy: props.removalPolicy,
    });
    // An explicit role without the AWSLambdaBasicExecutionRole managed policy: it may write only to
    // its own log group.
    const role = new iam.Role(scope, `${id}Role`, {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of ${props.serviceName}`,
    });
    logGroup.grantWrite(role);
    if (props.vpc) {
      role.addManagedPolicy(
        iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AWSLambdaVPCAccessExecutionRole'),
      );
    }
    const assets = props.assets ?? [];

    super(scope, id, {
      entry: path.resolve(projectRoot, props.entry),
      handler: 'handler',
      description: props.description,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      tracing: Tracing.ACTIVE,
      role,
      logGroup,
      reservedConcurrentExecutions: props.reservedConcurrentExecutions,
      vpc: props.vpc,
      vpcSubnets: props.vpcSubnets,
      securityGroups: props.securityGroups,
      projectRoot,
      depsLockFilePath: path.resolve(projectRoot, 'package-lock.json'),
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: props.serviceName,
        POWERTOOLS_LOG_LEVEL: props.logLevel,
        POWERTOOLS_METRICS_NAMESPACE: 'Lienthong',
        ...props.environment,
      },
      bundling: {
        forceDockerBundling: false,
        format: OutputFormat.ESM,
        target: 'node24',
        mainFields: ['module', 'main'],
        minify: true,
        // Vietnamese text (admin-unit names) stays as UTF-8 instead of \u escapes: about a quarter smaller.
        charset: Charset.UTF8,
        sourceMap: true,
        sourcesContent: false,
        banner: esmRequireBanner,
        // The Node.js 24 runtime ships AWS SDK v3.
        externalModules: ['@aws-sdk/*'],
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (inputDir, outputDir) => copyAssetCommands(assets, inputDir, outputDir),
        },
      },
    });

    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'X-Ray tracing (xray:PutTraceSegments, xray:PutTelemetryRecords) does not support resource-level permissions; this is the only wildcard resource in the role.',
    });
    if (props.vpc) {
      Validations.of(role).acknowledge({
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole]',
        reason:
          'Functions in the private-networking option need to manage their ENIs; the AWS managed VPC access policy is the documented minimum for that.',
      });
    }
  }

  /** Read one or more secrets (GetSecretValue, DescribeSecret; KMS decrypt through Secrets Manager). */
  public grantSecretRead(...secrets: ISecret[]): void {
    for (const secret of secrets) secret.grantRead(this);
  }

  /** Append-only access: `dynamodb:PutItem` on the table and nothing else (no Update/Delete). */
  public grantPutItem(table: ITable, key?: IKey): void {
    this.addToRolePolicy(
      new iam.PolicyStatement({ actions: ['dynamodb:PutItem'], resources: [table.tableArn] }),
    );
    key?.grant(this, 'kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey', 'kms:DescribeKey');
  }

  /** Atomic counter updates (UpdateItem only): rate limits and quotas. */
  public grantUpdateItem(table: ITable, key?: IKey): void {
    this.addToRolePolicy(
      new iam.PolicyStatement({ actions: ['dynamodb:UpdateItem'], resources: [table.tableArn] }),
    );
    key?.grant(this, 'kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey', 'kms:DescribeKey');
  }

  /** Point reads of the table (GetItem, Query on the base table; no Scan, no writes). */
  public grantReadItems(table: ITable, key?: IKey): void {
    this.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:DescribeTable'],
        resources: [table.tableArn],
      }),
    );
    key?.grant(this, 'kms:Decrypt', 'kms:DescribeKey');
  }

  /**
   * Reads and item writes, for a table the function manages (the admin API's clients table): GetItem,
   * Query, Scan, PutItem, UpdateItem and ConditionCheckItem (transactions); never DeleteItem or batch
   * writes.
   */
  public grantManageItems(table: ITable, key?: IKey): void {
    this.addToRolePolicy(
      new iam.PolicyStatement({
        actions: [
          'dynamodb:GetItem',
          'dynamodb:Query',
          'dynamodb:Scan',
          'dynamodb:PutItem',
          'dynamodb:UpdateItem',
          'dynamodb:ConditionCheckItem',
          'dynamodb:DescribeTable',
        ],
        resources: [table.tableArn],
      }),
    );
    key?.grant(this, 'kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey', 'kms:DescribeKey');
  }

  /** Only `dynamodb:DescribeTable`: enough for a health check, reveals no items. */
  public grantDescribeTable(table: ITable): void {
    this.addToRolePolicy(
      new iam.PolicyStatement({ actions: ['dynamodb:DescribeTable'], resources: [table.tableArn] }),
    );
  }
}
