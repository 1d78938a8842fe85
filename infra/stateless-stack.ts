/**
 * Functions and the API: everything that can be redeployed at will. Stateful resources arrive as typed
 * props; each function gets only the environment and grants its use case needs.
 */
import { Duration, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type * as sns from 'aws-cdk-lib/aws-sns';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';
import type { StageConfig } from './config.js';
import { batchFunctions } from './constructs/batch-functions.js';
import { GatewayDashboards } from './constructs/dashboards.js';
import { GatewayAlarms } from './constructs/gateway-alarms.js';
import { GatewayFunction, type GatewayFunctionProps } from './constructs/gateway-function.js';
import { addProblemResponses } from './constructs/problem-responses.js';
import { tables as tableDefinitions } from './resources.js';
import { gatewayFunctions, gatewayRoutes, type GatewayFunctionName, type GatewayRoute } from './routes.js';
import type { LookupQueues, PrivateNetwork, QueueName, TableName } from './stateful-stack.js';

export interface StatelessStackProps extends StackProps {
  readonly config: StageConfig;
  readonly key: kms.IKey;
  readonly tables: Record<TableName, dynamodb.ITable>;
  readonly queues: Record<QueueName, LookupQueues>;
  readonly populationCredentials: secretsmanager.ISecret;
  readonly landCredentials: secretsmanager.ISecret;
  readonly businessCredentials: secretsmanager.ISecret;
  readonly keyPepper: secretsmanager.ISecret;
  readonly alarmTopic: sns.ITopic;
  readonly network?: PrivateNetwork;
}

/** JSON access log line: who called what, how it ended, how long it took (no bodies, no personal data). */
export const accessLogFields = {
  requestId: '$context.requestId',
  extendedRequestId: '$context.extendedRequestId',
  requestTime: '$context.requestTimeEpoch',
  sourceIp: '$context.identity.sourceIp',
  userAgent: '$context.identity.userAgent',
  httpMethod: '$context.httpMethod',
  resourcePath: '$context.resourcePath',
  status: '$context.status',
  responseLength: '$context.responseLength',
  responseLatency: '$context.responseLatency',
  integrationLatency: '$context.integrationLatency',
  integrationStatus: '$context.integration.status',
  clientId: '$context.authorizer.clientId',
  keyId: '$context.authorizer.keyId',
  authorizerStatus: '$context.authorizer.status',
  authorizerLatency: '$context.authorizer.latency',
  errorType: '$context.error.responseType',
  errorMessage: '$context.error.message',
  wafResponse: '$context.wafResponseCode',
  xrayTraceId: '$context.xrayTraceId',
} as const;

export class StatelessStack extends Stack {
  public readonly functions: Record<GatewayFunctionName, GatewayFunction>;
  public readonly api: apigateway.RestApi;
  /** The API's JSON access log (`accessLogFields`): the clients dashboard queries it. */
  public readonly accessLogs: logs.LogGroup;
  public readonly authorizer: apigateway.RequestAuthorizer;

  public constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const { config, tables, key } = props;

    const common: Pick<
      GatewayFunctionProps,
      'logLevel' | 'logRetention' | 'removalPolicy' | 'vpc' | 'vpcSubnets' | 'securityGroups'
    > = {
      logLevel: config.logLevel,
      logRetention: config.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
      vpc: props.network?.vpc,
      vpcSubnets: props.network?.subnets,
      securityGroups: props.network ? [props.network.securityGroup] : undefined,
    };
    const population = {
      POPULATION_ENDPOINT: config.population.endpoint,
      POPULATION_DEADLINE_MS: String(config.population.deadlineMs),
    };
    // Each registry's endpoint, deadline and credentials, as its adapter's configuration reads them.
    const registries = {
      population: {
        config: config.population,
        credentials: props.populationCredentials,
        environment: {
          ...population,
          POPULATION_CREDENTIALS_SECRET_ID: props.populationCredentials.secretArn,
        },
      },
      land: {
        config: config.land,
        credentials: props.landCredentials,
        environment: {
          LAND_ENDPOINT: config.land.endpoint,
          LAND_DEADLINE_MS: String(config.land.deadlineMs),
          LAND_CREDENTIALS_SECRET_ID: props.landCredentials.secretArn,
        },
      },
      business: {
        config: config.business,
        credentials: props.businessCredentials,
        environment: {
          BUSINESS_ENDPOINT: config.business.endpoint,
          BUSINESS_DEADLINE_MS: String(config.business.deadlineMs),
          BUSINESS_CREDENTIALS_SECRET_ID: props.businessCredentials.secretArn,
        },
      },
    } as const;
    const ledgerEnvironment = {
      [tableDefinitions.ledger.envVar]: tables.ledger.tableName,
      LEDGER_RETENTION_DAYS: String(config.ledgerRetentionDays),
      KEY_PEPPER_SECRET_ID: props.keyPepper.secretArn,
    };

    const authorizerFunction = new GatewayFunction(this, 'Authorizer', {
      ...common,
      entry: gatewayFunctions.authorizer.entry,
      assets: gatewayFunctions.authorizer.shippedFiles,
      description: 'REQUEST authorizer: x-api-key to client, key id and scopes',
      serviceName: 'authorizer',
      timeout: Duration.seconds(5),
      environment: {
        [tableDefinitions.clients.envVar]: tables.clients.tableName,
        // A refused key on a personal-data route is ledgered by the authorizer: no function runs for it.
        ...ledgerEnvironment,
      },
    });
    authorizerFunction.grantReadItems(tables.clients, key);
    authorizerFunction.grantPutItem(tables.ledger, key);
    authorizerFunction.grantSecretRead(props.keyPepper);

    // Functions that disclose personal data from a registry: the ledger (PutItem only), admission
    // counters (UpdateItem only), the pepper, and their registry's configuration and credentials.
    const personalDataFunction = (
      id: string,
      name: 'verifyCitizen' | 'citizenLookup' | 'landParcel' | 'landCertificate',
      registry: 'population' | 'land',
      description: string,
    ) => {
      const upstream = registries[registry];
      const fn = new GatewayFunction(this, id, {
        ...common,
        entry: gatewayFunctions[name].entry,
        assets: gatewayFunctions[name].shippedFiles,
        description,
        serviceName: gatewayFunctions[name].entry.replace(/^functions\/|\.ts$/g, ''),
        // The upstream deadline plus room to write the ledger entry and answer.
        timeout: Duration.seconds(Math.ceil(upstream.config.deadlineMs / 1000) + 4),
        reservedConcurrentExecutions: upstream.config.reservedConcurrency,
        environment: {
          ...ledgerEnvironment,
          [tableDefinitions.requestCounters.envVar]: tables.requestCounters.tableName,
          [tableDefinitions.registryStatus.envVar]: tables.registryStatus.tableName,
          ...upstream.environment,
        },
      });
      fn.grantPutItem(tables.ledger, key);
      fn.grantUpdateItem(tables.requestCounters, key);
      fn.grantPutItem(tables.registryStatus, key);
      fn.grantSecretRead(props.keyPepper, upstream.credentials);
      return fn;
    };
    const verifyCitizenFunction = personalDataFunction(
      'VerifyCitizen',
      'verifyCitizen',
      'population',
      'POST /v1/citizens/verify: graded identity check against the population registry',
    );
    const citizenLookupFunction = personalDataFunction(
      'CitizenLookup',
      'citizenLookup',
      'population',
      'POST /v1/citizens/lookup: a citizen record, limited to the fields the client may see',
    );
    const landParcelFunction = personalDataFunction(
      'LandParcel',
      'landParcel',
      'land',
      'GET /v1/land/parcels/{commune}/{sheet}/{parcel}: a parcel and its certificates, either era',
    );
    const landCertificateFunction = personalDataFunction(
      'LandCertificate',
      'landCertificate',
      'land',
      'GET /v1/land/certificates/{serial}: a land-use certificate, its parcel and owners',
    );

    // Business records are public: no ledger; a cache table (read and write) and admission counters.
    const businessLookupFunction = new GatewayFunction(this, 'BusinessLookup', {
      ...common,
      entry: gatewayFunctions.businessLookup.entry,
      assets: gatewayFunctions.businessLookup.shippedFiles,
      description: 'GET /v1/businesses/{code}: an enterprise or branch from the business registry',
      serviceName: 'business-lookup',
      timeout: Duration.seconds(Math.ceil(config.business.deadlineMs / 1000) + 4),
      reservedConcurrentExecutions: config.business.reservedConcurrency,
      environment: {
        [tableDefinitions.registryCache.envVar]: tables.registryCache.tableName,
        [tableDefinitions.requestCounters.envVar]: tables.requestCounters.tableName,
        [tableDefinitions.registryStatus.envVar]: tables.registryStatus.tableName,
        ...registries.business.environment,
      },
    });
    businessLookupFunction.grantPutItem(tables.registryStatus, key);
    businessLookupFunction.grantReadItems(tables.registryCache, key);
    businessLookupFunction.grantPutItem(tables.registryCache, key);
    businessLookupFunction.grantUpdateItem(tables.requestCounters, key);
    businessLookupFunction.grantSecretRead(props.businessCredentials);

    // The subject report reads the ledger's subject index and ledgers itself (Query and PutItem on the
    // ledger, nothing else); it is admitted like every personal-data operation (the request counters).
    const subjectReportFunction = new GatewayFunction(this, 'SubjectReport', {
      ...common,
      entry: gatewayFunctions.subjectReport.entry,
      assets: gatewayFunctions.subjectReport.shippedFiles,
      description: "POST /v1/audit/subject-report: who accessed a citizen's data, when and why",
      serviceName: 'subject-report',
      timeout: Duration.seconds(10),
      environment: {
        [tableDefinitions.ledger.envVar]: tables.ledger.tableName,
        [tableDefinitions.requestCounters.envVar]: tables.requestCounters.tableName,
        LEDGER_RETENTION_DAYS: String(config.ledgerRetentionDays),
        KEY_PEPPER_SECRET_ID: props.keyPepper.secretArn,
      },
    });
    subjectReportFunction.grantReadItems(tables.ledger, key);
    subjectReportFunction.grantPutItem(tables.ledger, key);
    subjectReportFunction.grantUpdateItem(tables.requestCounters, key);
    subjectReportFunction.grantSecretRead(props.keyPepper);

    // Client management (the admin API): the only function that writes to the clients table. Its
    // changes reach callers when the authorizer's cached answer for a key expires (authorizerCacheTtl).
    const adminClientsFunction = new GatewayFunction(this, 'AdminClients', {
      ...common,
      entry: gatewayFunctions.adminClients.entry,
      assets: gatewayFunctions.adminClients.shippedFiles,
      description: '/v1/admin/clients: clients, policies and API keys (scope admin)',
      serviceName: 'admin-clients',
      memorySize: 256,
      timeout: Duration.seconds(10),
      environment: {
        [tableDefinitions.clients.envVar]: tables.clients.tableName,
        KEY_PEPPER_SECRET_ID: props.keyPepper.secretArn,
      },
    });
    adminClientsFunction.grantManageItems(tables.clients, key);
    adminClientsFunction.grantSecretRead(props.keyPepper);

    const batch = batchFunctions(this, {
      common,
      key,
      tables,
      queue: props.queues.lookup.queue,
      keyPepper: props.keyPepper,
      ledgerEnvironment,
      registryEnvironment: Object.assign(
        {},
        ...Object.values(registries).map((r) => r.environment),
      ) as Record<string, string>,
      registryCredentials: Object.values(registries).map((r) => r.credentials),
      registryQuotas: {
        population: config.population.quotaPerSecond,
        land: config.land.quotaPerSecond,
        business: config.business.quotaPerSecond,
      },
    });

    const healthFunction = new GatewayFunction(this, 'Health', {
      ...common,
      entry: gatewayFunctions.health.entry,
      assets: gatewayFunctions.health.shippedFiles,
      description: 'GET /v1/health: reachability of tables and registries',
      serviceName: 'health',
      memorySize: 256,
      timeout: Duration.seconds(5),
      environment: {
        ...Object.fromEntries(
          (Object.keys(tableDefinitions) as TableName[]).map((name) => [
            tableDefinitions[name].envVar,
            tables[name].tableName,
          ]),
        ),
        // Endpoints only: the health probe never signs in to a registry or spends its quota.
        ...population,
        LAND_ENDPOINT: config.land.endpoint,
        BUSINESS_ENDPOINT: config.business.endpoint,
      },
    });
    for (const table of Object.values(tables)) healthFunction.grantDescribeTable(table);
    healthFunction.grantReadItems(tables.registryStatus, key);
    // The developer portal: a static document and pages, shipped with the bundle; no grants, no environment.
    const apiDocsFunction = new GatewayFunction(this, 'ApiDocs', {
      ...common,
      entry: gatewayFunctions.apiDocs.entry,
      assets: gatewayFunctions.apiDocs.shippedFiles,
      description:
        'GET /openapi.json, /docs/*: the OpenAPI document and the developer portal (reference, quickstart, errors)',
      serviceName: 'api-docs',
      memorySize: 256,
      timeout: Duration.seconds(5),
    });
    this.functions = {
      authorizer: authorizerFunction,
      verifyCitizen: verifyCitizenFunction,
      citizenLookup: citizenLookupFunction,
      landParcel: landParcelFunction,
      landCertificate: landCertificateFunction,
      businessLookup: businessLookupFunction,
      subjectReport: subjectReportFunction,
      health: healthFunction,
      apiDocs: apiDocsFunction,
      adminClients: adminClientsFunction,
      batches: batch.batches,
      batchWorker: batch.batchWorker,
    };

    this.accessLogs = new logs.LogGroup(this, 'ApiAccessLogs', {
      retention: config.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.api = this.restApi(config, this.accessLogs);
    this.authorizer = new apigateway.RequestAuthorizer(this, 'ApiKeyAuthorizer', {
      handler: authorizerFunction,
      identitySources: [apigateway.IdentitySource.header('x-api-key')],
      resultsCacheTtl: config.authorizerCacheTtl,
    });
    this.addRoutes();
    addProblemResponses(this.api);
    if (config.waf) this.firewall(config);
    else {
      Validations.of(this.api).acknowledge({
        id: 'AwsSolutions-APIG3',
        reason:
          'WAF was switched off for this deployment with the context flag waf=false (a throwaway stage).',
      });
    }

    new GatewayAlarms(this, 'Observability', {
      config,
      api: this.api,
      authorizerFunction,
      functions: Object.values(this.functions),
      queues: Object.values(props.queues),
      topic: props.alarmTopic,
    });
    new GatewayDashboards(this, 'Dashboards', {
      config,
      api: this.api,
      accessLogs: this.accessLogs,
      functions: this.functions,
    });
  }

  private restApi(config: StageConfig, accessLogs: logs.ILogGroup): apigateway.RestApi {
    const api = new apigateway.RestApi(this, 'Api', {
      restApiName: config.prefix,
      description: 'Lienthong: provincial gateway to the national registries',
      endpointTypes: [apigateway.EndpointType.REGIONAL],
      cloudWatchRole: true,
      cloudWatchRoleRemovalPolicy: RemovalPolicy.RETAIN,
      deployOptions: {
        stageName: config.stage,
        tracingEnabled: true,
        metricsEnabled: true,
        loggingLevel:
          config.apiLoggingLevel === 'INFO'
            ? apigateway.MethodLoggingLevel.INFO
            : apigateway.MethodLoggingLevel.ERROR,
        // Request and response bodies carry personal data: never in execution logs.
        dataTraceEnabled: false,
        throttlingRateLimit: config.throttle.rateLimit,
        throttlingBurstLimit: config.throttle.burstLimit,
        accessLogDestination: new apigateway.LogGroupLogDestination(accessLogs),
        accessLogFormat: apigateway.AccessLogFormat.custom(JSON.stringify(accessLogFields)),
      },
      defaultCorsPreflightOptions:
        config.corsOrigins.length > 0
          ? {
              allowOrigins: [...config.corsOrigins],
              allowMethods: ['GET', 'POST', 'OPTIONS'],
              allowHeaders: ['Content-Type', 'x-api-key', 'x-request-id'],
              maxAge: Duration.hours(1),
            }
          : undefined,
    });
    const cloudWatchRole = api.node.tryFindChild('CloudWatchRole');
    if (cloudWatchRole) {
      Validations.of(cloudWatchRole).acknowledge({
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]',
        reason:
          'The account-level role API Gateway uses to write execution and access logs; AWS manages this policy for exactly that purpose.',
      });
    }
    return api;
  }

  /** One method per entry of `infra/routes.ts`, the table the local gateway serves too. */
  private addRoutes(): void {
    const validator = new apigateway.RequestValidator(this, 'RequestValidator', {
      restApi: this.api,
      requestValidatorName: 'body-and-parameters',
      validateRequestBody: true,
      validateRequestParameters: true,
    });
    // Only the outer shape is checked at the edge; the function validates against the zod schema.
    const jsonObject = this.api.addModel('JsonObject', {
      contentType: 'application/json',
      modelName: 'JsonObject',
      schema: { schema: apigateway.JsonSchemaVersion.DRAFT4, type: apigateway.JsonSchemaType.OBJECT },
    });

    for (const route of gatewayRoutes) {
      const resource = this.api.root.resourceForPath(route.path);
      const hasBody = route.method === 'POST' || route.method === 'PUT';
      const pathParameters = [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      const method = resource.addMethod(
        route.method,
        new apigateway.LambdaIntegration(this.functions[route.function], { allowTestInvoke: false }),
        {
          ...(route.authorized
            ? { authorizer: this.authorizer, authorizationType: apigateway.AuthorizationType.CUSTOM }
            : { authorizationType: apigateway.AuthorizationType.NONE }),
          requestValidator: validator,
          requestModels: hasBody ? { 'application/json': jsonObject } : undefined,
          requestParameters: Object.fromEntries(
            pathParameters.map((name) => [`method.request.path.${name}`, true]),
          ),
        },
      );
      if (!route.authorized) acknowledgePublicRoute(method, route);
    }

    for (const method of this.api.methods) {
      if (method.httpMethod === 'OPTIONS') {
        Validations.of(method).acknowledge(
          {
            id: 'AwsSolutions-APIG4',
            reason: 'CORS preflight requests carry no credentials by specification.',
          },
          {
            id: 'AwsSolutions-COG4',
            reason: 'CORS preflight requests carry no credentials by specification.',
          },
        );
      }
    }
    Validations.of(this.api).acknowledge({
      id: 'AwsSolutions-COG4',
      reason:
        'Callers are provincial systems holding API keys (no end users); a Lambda REQUEST authorizer resolves keys to clients and scopes instead of a Cognito user pool.',
    });
  }

  /** Regional web ACL on the stage: AWS common and known-bad-inputs rule sets plus a per-IP rate rule. */
  private firewall(config: StageConfig): void {
    const visibility = (metricName: string): wafv2.CfnWebACL.VisibilityConfigProperty => ({
      cloudWatchMetricsEnabled: true,
      sampledRequestsEnabled: true,
      metricName,
    });
    const managed = (
      name: string,
      priority: number,
      countOnly: string[] = [],
    ): wafv2.CfnWebACL.RuleProperty => ({
      name,
      priority,
      overrideAction: { none: {} },
      statement: {
        managedRuleGroupStatement: {
          vendorName: 'AWS',
          name,
          ruleActionOverrides:
            countOnly.length > 0
              ? countOnly.map((rule) => ({ name: rule, actionToUse: { count: {} } }))
              : undefined,
        },
      },
      visibilityConfig: visibility(name),
    });
    const webAcl = new wafv2.CfnWebACL(this, 'WebAcl', {
      name: `${config.prefix}-api`,
      scope: 'REGIONAL',
      defaultAction: { allow: {} },
      visibilityConfig: visibility(`${config.prefix}-api`),
      rules: [
        {
          name: 'RatePerSourceIp',
          priority: 0,
          action: { block: {} },
          statement: {
            rateBasedStatement: { limit: config.wafRateLimitPer5Minutes, aggregateKeyType: 'IP' },
          },
          visibilityConfig: visibility('RatePerSourceIp'),
        },
        // Callers are back-office systems authenticated by key; many send no User-Agent. Bodies over
        // 8 KB are only counted here and blocked by the next rule, everywhere but batch submissions.
        managed('AWSManagedRulesCommonRuleSet', 1, ['NoUserAgent_HEADER', 'SizeRestrictions_BODY']),
        managed('AWSManagedRulesKnownBadInputsRuleSet', 2),
        {
          name: 'BodySizeOutsideBatchSubmission',
          priority: 3,
          action: { block: {} },
          statement: {
            andStatement: {
              statements: [
                { labelMatchStatement: { scope: 'LABEL', key: oversizedBodyLabel } },
                { notStatement: { statement: largeBodyRouteStatement() } },
              ],
            },
          },
          visibilityConfig: visibility('BodySizeOutsideBatchSubmission'),
        },
      ],
    });
    new wafv2.CfnWebACLAssociation(this, 'WebAclAssociation', {
      resourceArn: this.api.deploymentStage.stageArn,
      webAclArn: webAcl.attrArn,
    });
  }
}

/** What the AWS common rule set's `SizeRestrictions_BODY` labels a request whose body is over 8 KB. */
export const oversizedBodyLabel = 'awswaf:managed:aws:core-rule-set:SizeRestrictions_Body';

/**
 * The one route whose body may exceed 8 KB: a batch submission (up to 10,000 items, about 1.5 MB;
 * the function bounds it). The path is matched at its end, as WAF sees it with the stage name in
 * front on the execute-api domain and without it behind a custom domain.
 */
export const largeBodyRoute = { method: 'POST', path: '/v1/batches' } as const;

function largeBodyRouteStatement(): wafv2.CfnWebACL.StatementProperty {
  if (
    !gatewayRoutes.some(
      (route) => route.method === largeBodyRoute.method && route.path === largeBodyRoute.path,
    )
  ) {
    throw new Error(`no route ${largeBodyRoute.method} ${largeBodyRoute.path} in infra/routes.ts`);
  }
  const byteMatch = (
    fieldToMatch: wafv2.CfnWebACL.FieldToMatchProperty,
    searchString: string,
    positionalConstraint: string,
  ) => ({
    byteMatchStatement: {
      fieldToMatch,
      searchString,
      positionalConstraint,
      textTransformations: [{ priority: 0, type: 'NONE' }],
    },
  });
  return {
    andStatement: {
      statements: [
        byteMatch({ method: {} }, largeBodyRoute.method, 'EXACTLY'),
        byteMatch({ uriPath: {} }, largeBodyRoute.path, 'ENDS_WITH'),
      ],
    },
  };
}

/** Routes marked `authorized: false` in `infra/routes.ts` are public on purpose (health, API reference). */
function acknowledgePublicRoute(method: apigateway.Method, route: GatewayRoute): void {
  const what = route.function === 'apiDocs' ? 'the public API reference' : 'a liveness probe';
  const reason = `${route.method} ${route.path} is public by design (routes.ts: authorized false): ${what} that returns no personal data.`;
  Validations.of(method).acknowledge(
    { id: 'AwsSolutions-APIG4', reason },
    { id: 'AwsSolutions-COG4', reason },
  );
}
