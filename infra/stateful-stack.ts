/**
 * Everything that holds data or identity and must outlive a redeploy: the customer-managed key, the
 * tables and queues (built from `infra/resources.ts`), the secrets, the alarm topic and, with the
 * private-networking option, the VPC.
 */
import { Duration, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { StageConfig } from './config.js';
import {
  queues,
  tables,
  type KeyDefinition,
  type QueueDefinition,
  type TableDefinition,
} from './resources.js';

export type TableName = keyof typeof tables;
export type QueueName = keyof typeof queues;

export interface LookupQueues {
  readonly queue: sqs.Queue;
  readonly deadLetterQueue: sqs.Queue;
  readonly definition: QueueDefinition;
}

export interface PrivateNetwork {
  readonly vpc: ec2.Vpc;
  readonly subnets: ec2.SubnetSelection;
  readonly securityGroup: ec2.SecurityGroup;
}

export interface StatefulStackProps extends StackProps {
  readonly config: StageConfig;
}

/** Item-changing actions the access ledger's resource policy denies to every principal, admins included. */
export const ledgerDeniedActions = [
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:PartiQLUpdate',
  'dynamodb:PartiQLDelete',
] as const;

/**
 * The ledger is evidence: entries are appended with conditional puts and only TTL expiry (performed by
 * the service, outside IAM) removes them. `*` is the table itself (CDK's documented form, which avoids
 * a self-reference).
 */
function appendOnlyPolicy(): iam.PolicyDocument {
  return new iam.PolicyDocument({
    statements: [
      new iam.PolicyStatement({
        sid: 'AppendOnlyLedger',
        effect: iam.Effect.DENY,
        principals: [new iam.AnyPrincipal()],
        actions: [...ledgerDeniedActions],
        resources: ['*'],
      }),
    ],
  });
}

function attribute(key: KeyDefinition): dynamodb.Attribute {
  return {
    name: key.name,
    type: key.type === 'S' ? dynamodb.AttributeType.STRING : dynamodb.AttributeType.NUMBER,
  };
}

export class StatefulStack extends Stack {
  public readonly key: kms.Key;
  public readonly tables: Record<TableName, dynamodb.Table>;
  public readonly tableDefinitions: Record<TableName, TableDefinition> = tables;
  public readonly queues: Record<QueueName, LookupQueues>;
  /** JSON `{ "user": ..., "secret": ... }` for the population registry (filled in after deploy). */
  public readonly populationCredentials: secretsmanager.Secret;
  /** JSON `{ "user": ..., "password": ... }` for the land registry's login (filled in after deploy). */
  public readonly landCredentials: secretsmanager.Secret;
  /** JSON `{ "clientId": ..., "clientSecret": ... }`: OAuth2 client credentials for the business registry. */
  public readonly businessCredentials: secretsmanager.Secret;
  /** HMAC pepper for API-key hashes and ledger subject keys. */
  public readonly keyPepper: secretsmanager.Secret;
  public readonly alarmTopic: sns.Topic;
  public readonly network?: PrivateNetwork;

  public constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);
    const { config } = props;

    this.key = new kms.Key(this, 'DataKey', {
      description: `Lienthong ${config.stage}: tables, queues and alarm topic`,
      enableKeyRotation: true,
      removalPolicy: config.removalPolicy,
    });
    // CloudWatch alarms publish to the encrypted alarm topic.
    this.key.grant(
      new iam.ServicePrincipal('cloudwatch.amazonaws.com'),
      'kms:Decrypt',
      'kms:GenerateDataKey',
    );

    // Every table of infra/resources.ts; the ledger alone is append-only.
    this.tables = Object.fromEntries(
      (Object.keys(tables) as TableName[]).map((name) => [
        name,
        this.table(tables[name], config, name === 'ledger' ? appendOnlyPolicy() : undefined),
      ]),
    ) as Record<TableName, dynamodb.Table>;
    this.queues = { lookup: this.queue(queues.lookup, config) };

    this.populationCredentials = this.registryCredentials(
      'PopulationCredentials',
      'Population registry credentials as JSON {"user": ..., "secret": ...}',
      { user: 'set-me' },
      'secret',
      config.removalPolicy,
    );
    this.landCredentials = this.registryCredentials(
      'LandCredentials',
      'Land registry login as JSON {"user": ..., "password": ...}',
      { user: 'set-me' },
      'password',
      config.removalPolicy,
    );
    this.businessCredentials = this.registryCredentials(
      'BusinessCredentials',
      'Business registry OAuth2 client credentials as JSON {"clientId": ..., "clientSecret": ...}',
      { clientId: 'set-me' },
      'clientSecret',
      config.removalPolicy,
    );

    this.keyPepper = new secretsmanager.Secret(this, 'KeyPepper', {
      description: 'HMAC pepper for API-key hashes and ledger subject keys.',
      removalPolicy: config.removalPolicy,
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
    });
    Validations.of(this.keyPepper).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Rotating the pepper would orphan every stored API-key hash and split each subject across two ledger keys; it is rotated only with a planned re-keying.',
    });

    this.alarmTopic = new sns.Topic(this, 'AlarmTopic', {
      displayName: `Lienthong ${config.stage} alarms`,
      masterKey: this.key,
      enforceSSL: true,
    });
    if (config.alarmEmail)
      this.alarmTopic.addSubscription(new subscriptions.EmailSubscription(config.alarmEmail));

    if (config.privateNetworking) this.network = this.privateNetwork(config);
  }

  /**
   * A registry's credentials, issued to the province by the registry operator: created with a
   * generated placeholder, filled in after deploy.
   */
  private registryCredentials(
    id: string,
    description: string,
    template: Record<string, string>,
    secretKey: string,
    removalPolicy: RemovalPolicy,
  ): secretsmanager.Secret {
    const secret = new secretsmanager.Secret(this, id, {
      description: `${description}; set the real values after deploy.`,
      removalPolicy,
      generateSecretString: {
        secretStringTemplate: JSON.stringify(template),
        generateStringKey: secretKey,
        excludePunctuation: true,
        passwordLength: 40,
      },
    });
    Validations.of(secret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'The registry issues these credentials to the province (LGSP/NDXP); they are rotated when the registry operator re-issues them, which no rotation Lambda can do.',
    });
    return secret;
  }

  private table(
    definition: TableDefinition,
    config: StageConfig,
    resourcePolicy?: iam.PolicyDocument,
  ): dynamodb.Table {
    const table = new dynamodb.Table(this, definition.id, {
      resourcePolicy,
      partitionKey: attribute(definition.partitionKey),
      sortKey: definition.sortKey ? attribute(definition.sortKey) : undefined,
      timeToLiveAttribute: definition.timeToLiveAttribute,
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: this.key,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: config.pointInTimeRecovery },
      deletionProtection: config.deletionProtection,
      removalPolicy: config.removalPolicy,
    });
    for (const index of definition.globalIndexes ?? []) {
      table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: attribute(index.partitionKey),
        sortKey: index.sortKey ? attribute(index.sortKey) : undefined,
        projectionType: dynamodb.ProjectionType.ALL,
      });
    }
    return table;
  }

  private queue(definition: QueueDefinition, config: StageConfig): LookupQueues {
    const deadLetterQueue = new sqs.Queue(this, definition.deadLetter.id, {
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: this.key,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
      removalPolicy: config.removalPolicy,
    });
    Validations.of(deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: `This queue is the dead-letter queue of ${definition.id}; poison items stop here for inspection and redrive.`,
    });
    const queue = new sqs.Queue(this, definition.id, {
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: this.key,
      // Data keys are reused for 5 minutes: fewer KMS calls per message.
      dataKeyReuse: Duration.minutes(5),
      enforceSSL: true,
      visibilityTimeout: Duration.seconds(definition.visibilityTimeoutSeconds),
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: deadLetterQueue, maxReceiveCount: definition.deadLetter.maxReceiveCount },
      removalPolicy: config.removalPolicy,
    });
    return { queue, deadLetterQueue, definition };
  }

  /** Isolated subnets (no NAT): functions reach AWS services through endpoints only. */
  private privateNetwork(config: StageConfig): PrivateNetwork {
    const vpc = new ec2.Vpc(this, 'Vpc', {
      maxAzs: 2,
      natGateways: 0,
      subnetConfiguration: [{ name: 'functions', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 }],
    });
    const flowLogGroup = new logs.LogGroup(this, 'VpcFlowLogs', {
      retention: config.logRetention,
      removalPolicy: config.removalPolicy,
    });
    vpc.addFlowLog('FlowLog', { destination: ec2.FlowLogDestination.toCloudWatchLogs(flowLogGroup) });
    const subnets: ec2.SubnetSelection = { subnetType: ec2.SubnetType.PRIVATE_ISOLATED };
    vpc.addGatewayEndpoint('DynamoDb', {
      service: ec2.GatewayVpcEndpointAwsService.DYNAMODB,
      subnets: [subnets],
    });
    const securityGroup = new ec2.SecurityGroup(this, 'FunctionSecurityGroup', {
      vpc,
      description:
        'Lienthong functions: egress to the endpoints and to the upstream registries over the province network',
      allowAllOutbound: true,
    });
    const services: Record<string, ec2.InterfaceVpcEndpointAwsService> = {
      SecretsManager: ec2.InterfaceVpcEndpointAwsService.SECRETS_MANAGER,
      Sqs: ec2.InterfaceVpcEndpointAwsService.SQS,
      Kms: ec2.InterfaceVpcEndpointAwsService.KMS,
      XRay: ec2.InterfaceVpcEndpointAwsService.XRAY,
    };
    for (const [name, service] of Object.entries(services)) {
      // Closed by default; only the functions' security group may reach the endpoint.
      const endpoint = vpc.addInterfaceEndpoint(name, {
        service,
        subnets,
        privateDnsEnabled: true,
        open: false,
      });
      endpoint.connections.allowDefaultPortFrom(securityGroup, 'Lienthong functions');
    }
    return { vpc, subnets, securityGroup };
  }
}
