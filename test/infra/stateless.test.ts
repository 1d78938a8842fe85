import { gatewayFunctions, gatewayRoutes, type GatewayFunctionName } from '../../infra/routes.js';
import { Match } from 'aws-cdk-lib/assertions';
import {
  alarmThresholds,
  circuitOpenedMetric,
  monitoredRegistries,
} from '../../infra/constructs/gateway-alarms.js';
import { gatewayProblems, problemTemplate } from '../../infra/constructs/problem-responses.js';
import { tables } from '../../infra/resources.js';
import { accessLogFields, largeBodyRoute, oversizedBodyLabel } from '../../infra/stateless-stack.js';
import { problemSchema } from '../../schemas/problem.js';
import { actionsOf, policyStatements, resourcesOfType, synthStage, type SynthesizedStage } from './synth.js';

let dev: SynthesizedStage;
let prod: SynthesizedStage;
const provinceEndpoint = 'https://lgsp.example-province.gov.vn/dancu/soap';

beforeAll(() => {
  dev = synthStage({ stage: 'dev' });
  prod = synthStage({ stage: 'prod', populationEndpoint: provinceEndpoint });
});

function functionEnvironment(
  stage: SynthesizedStage,
  name: keyof SynthesizedStage['stateless']['functions'],
) {
  const fn = stage.stateless.functions[name];
  const logicalId = stage.stateless.getLogicalId(fn.node.defaultChild as never);
  const resource = resourcesOfType(stage.statelessTemplate, 'AWS::Lambda::Function')[logicalId]!;
  return (resource.Properties['Environment'] as { Variables: Record<string, unknown> }).Variables;
}

/**
 * The gateway's own functions (the house construct), one per entry of `infra/routes.ts`; functions
 * CDK adds for its own custom resources are not among them.
 */
function gatewayFunctionResources(stage: SynthesizedStage) {
  const resources = resourcesOfType(stage.statelessTemplate, 'AWS::Lambda::Function');
  return (Object.keys(gatewayFunctions) as GatewayFunctionName[]).map(
    (name) =>
      resources[stage.stateless.getLogicalId(stage.stateless.functions[name].node.defaultChild as never)]!,
  );
}

describe('functions', () => {
  it.each(['dev', 'prod'])('every %s function runs nodejs24.x on arm64 with active tracing', (stage) => {
    const functions = gatewayFunctionResources(stage === 'dev' ? dev : prod);
    expect(functions.filter(Boolean)).toHaveLength(Object.keys(gatewayFunctions).length);
    for (const fn of functions) {
      expect(fn.Properties['Runtime']).toBe('nodejs24.x');
      expect(fn.Properties['Architectures']).toEqual(['arm64']);
      expect(fn.Properties['TracingConfig']).toEqual({ Mode: 'Active' });
      expect(fn.Properties['Handler']).toBe('index.handler');
    }
  });

  it('every function logs to its own log group with the stage retention', () => {
    const logGroups = resourcesOfType(prod.statelessTemplate, 'AWS::Logs::LogGroup');
    for (const fn of gatewayFunctionResources(prod)) {
      const { LogGroup } = fn.Properties['LoggingConfig'] as { LogGroup: { Ref: string } };
      expect(logGroups[LogGroup.Ref]?.Properties['RetentionInDays']).toBe(365);
    }
  });

  it('every function has the Powertools environment', () => {
    for (const name of ['authorizer', 'verifyCitizen', 'health'] as const) {
      expect(functionEnvironment(dev, name)).toEqual(
        expect.objectContaining({
          POWERTOOLS_SERVICE_NAME: expect.any(String),
          POWERTOOLS_LOG_LEVEL: 'DEBUG',
          POWERTOOLS_METRICS_NAMESPACE: 'Lienthong',
          NODE_OPTIONS: '--enable-source-maps',
        }),
      );
    }
    expect(functionEnvironment(prod, 'verifyCitizen')['POWERTOOLS_LOG_LEVEL']).toBe('INFO');
  });

  it('the authorizer learns the clients table and the pepper secret', () => {
    expect(Object.keys(functionEnvironment(dev, 'authorizer'))).toEqual(
      expect.arrayContaining([tables.clients.envVar, 'KEY_PEPPER_SECRET_ID']),
    );
  });

  it('the verify function gets the ledger, the pepper and the population registry from the stage configuration', () => {
    expect(functionEnvironment(prod, 'verifyCitizen')).toEqual(
      expect.objectContaining({
        [tables.ledger.envVar]: expect.anything(),
        LEDGER_RETENTION_DAYS: '1825',
        KEY_PEPPER_SECRET_ID: expect.anything(),
        POPULATION_CREDENTIALS_SECRET_ID: expect.anything(),
        POPULATION_ENDPOINT: provinceEndpoint,
        POPULATION_DEADLINE_MS: '8000',
      }),
    );
  });

  it('prod caps the verify function with reserved concurrency to protect the population registry', () => {
    prod.statelessTemplate.hasResourceProperties('AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp('verify'),
      ReservedConcurrentExecutions: 20,
    });
  });
});

describe('least privilege', () => {
  const onLedger = (resource: unknown) => JSON.stringify(resource).includes(tables.ledger.id);
  const onClients = (resource: unknown) => JSON.stringify(resource).includes(tables.clients.id);

  it('the only write any function may make to the ledger table is PutItem; reads are point reads and queries', () => {
    const ledgerActions = policyStatements(dev.statelessTemplate)
      .filter((statement) => onLedger(statement.Resource))
      .flatMap(actionsOf)
      .filter((action) => action.startsWith('dynamodb:'));
    expect([...new Set(ledgerActions)].sort()).toEqual([
      'dynamodb:BatchGetItem',
      'dynamodb:DescribeTable',
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:Query',
    ]);
  });

  it('no policy allows UpdateItem, DeleteItem or batch writes on the ledger table', () => {
    const forbidden = policyStatements(prod.statelessTemplate)
      .filter((statement) => onLedger(statement.Resource))
      .flatMap(actionsOf)
      .filter((action) => /UpdateItem|DeleteItem|BatchWriteItem|PartiQL|\*/.test(action));
    expect(forbidden).toEqual([]);
  });

  it('the only writes to the ledger belong to the functions that disclose personal data', () => {
    // The authorizer too: it ledgers refused keys on personal-data routes.
    const ledgerWriters: GatewayFunctionName[] = [
      'authorizer',
      'verifyCitizen',
      'citizenLookup',
      'landParcel',
      'landCertificate',
      'subjectReport',
      // Each batch item is ledgered like the synchronous call it stands for.
      'batchWorker',
    ];
    const roleIds = ledgerWriters.map((name) =>
      dev.stateless.getLogicalId(dev.stateless.functions[name].role!.node.defaultChild as never),
    );
    const writers = Object.values(resourcesOfType(dev.statelessTemplate, 'AWS::IAM::Policy')).filter(
      (policy) =>
        (
          policy.Properties['PolicyDocument'] as {
            Statement: { Action: string | string[]; Resource: unknown }[];
          }
        ).Statement.some(
          (statement) => onLedger(statement.Resource) && actionsOf(statement).includes('dynamodb:PutItem'),
        ),
    );
    expect(writers.map((policy) => policy.Properties['Roles']).sort()).toEqual(
      roleIds.map((id) => [{ Ref: id }]).sort(),
    );
  });

  /** The actions a function's role has on the clients table. */
  const clientsActionsOf = (name: GatewayFunctionName): string[] => {
    const roleId = dev.stateless.getLogicalId(dev.stateless.functions[name].role!.node.defaultChild as never);
    return Object.values(resourcesOfType(dev.statelessTemplate, 'AWS::IAM::Policy'))
      .filter((policy) => JSON.stringify(policy.Properties['Roles']) === JSON.stringify([{ Ref: roleId }]))
      .flatMap(
        (policy) =>
          (
            policy.Properties['PolicyDocument'] as {
              Statement: { Action: string | string[]; Resource: unknown }[];
            }
          ).Statement,
      )
      .filter((statement) => onClients(statement.Resource))
      .flatMap(actionsOf);
  };

  it('only the admin function writes to the clients table', () => {
    const writers = (Object.keys(dev.stateless.functions) as GatewayFunctionName[]).filter((name) =>
      clientsActionsOf(name).some((action) => /Put|Update|Delete|Write/.test(action)),
    );
    expect(writers).toEqual(['adminClients']);
  });

  it('nothing deletes clients or keys: revoking and disabling keep the record', () => {
    const deletes = policyStatements(dev.statelessTemplate)
      .filter((statement) => onClients(statement.Resource))
      .flatMap(actionsOf)
      .filter((action) => /Delete|BatchWrite|PartiQL|\*/.test(action));
    expect(deletes).toEqual([]);
  });

  it('the authorizer only reads the clients table', () => {
    const actions = clientsActionsOf('authorizer').filter((action) => action.startsWith('dynamodb:'));
    expect([...new Set(actions)].sort()).toEqual([
      'dynamodb:BatchGetItem',
      'dynamodb:DescribeTable',
      'dynamodb:GetItem',
      'dynamodb:Query',
    ]);
  });

  it('no function role carries the AWS managed basic execution policy', () => {
    const roles = resourcesOfType(dev.statelessTemplate, 'AWS::IAM::Role');
    for (const fn of Object.values(dev.stateless.functions)) {
      const role = roles[dev.stateless.getLogicalId(fn.role!.node.defaultChild as never)]!;
      expect(JSON.stringify(role.Properties['ManagedPolicyArns'] ?? [])).not.toContain(
        'AWSLambdaBasicExecutionRole',
      );
    }
  });

  it('each function may read only the secrets its use case needs: its registry’s credentials, the pepper', () => {
    const secretNames = ['PopulationCredentials', 'LandCredentials', 'BusinessCredentials', 'KeyPepper'];
    const readable = (name: GatewayFunctionName) => {
      const roleId = dev.stateless.getLogicalId(
        dev.stateless.functions[name].role!.node.defaultChild as never,
      );
      const statements = Object.values(resourcesOfType(dev.statelessTemplate, 'AWS::IAM::Policy'))
        .filter((policy) => JSON.stringify(policy.Properties['Roles']) === JSON.stringify([{ Ref: roleId }]))
        .flatMap(
          (policy) =>
            (
              policy.Properties['PolicyDocument'] as {
                Statement: { Action: string | string[]; Resource: unknown }[];
              }
            ).Statement,
        );
      return secretNames.filter((secret) =>
        statements.some(
          (statement) =>
            actionsOf(statement).includes('secretsmanager:GetSecretValue') &&
            JSON.stringify(statement.Resource).includes(secret),
        ),
      );
    };
    expect(
      Object.fromEntries(
        (Object.keys(gatewayFunctions) as GatewayFunctionName[]).map((name) => [name, readable(name)]),
      ),
    ).toEqual({
      authorizer: ['KeyPepper'],
      health: [],
      apiDocs: [],
      subjectReport: ['KeyPepper'],
      adminClients: ['KeyPepper'],
      verifyCitizen: ['PopulationCredentials', 'KeyPepper'],
      citizenLookup: ['PopulationCredentials', 'KeyPepper'],
      landParcel: ['LandCredentials', 'KeyPepper'],
      landCertificate: ['LandCredentials', 'KeyPepper'],
      businessLookup: ['BusinessCredentials'],
      batches: ['KeyPepper'],
      batchWorker: secretNames,
    });
  });

  it('functions learn where their secrets are, never their values', () => {
    expect(functionEnvironment(prod, 'landParcel')).toEqual(
      expect.objectContaining({
        LAND_CREDENTIALS_SECRET_ID: { 'Fn::ImportValue': expect.stringContaining('LandCredentials') },
        KEY_PEPPER_SECRET_ID: { 'Fn::ImportValue': expect.stringContaining('KeyPepper') },
      }),
    );
  });
});

describe('stacks and private networking', () => {
  it('the stateless stack holds nothing stateful and takes the stateful resources through its exports', () => {
    const resources = dev.statelessTemplate.toJSON()['Resources'] as Record<string, { Type: string }>;
    const types = Object.values(resources).map((resource) => resource.Type);
    for (const stateful of [
      'AWS::DynamoDB::Table',
      'AWS::SQS::Queue',
      'AWS::KMS::Key',
      'AWS::SecretsManager::Secret',
      'AWS::SNS::Topic',
      'AWS::EC2::VPC',
    ]) {
      expect(types).not.toContain(stateful);
    }
    const imports = JSON.stringify(dev.statelessTemplate.toJSON()).match(/"Fn::ImportValue":"[^"]+"/g) ?? [];
    expect(imports.length).toBeGreaterThan(0);
    for (const reference of imports) expect(reference).toContain(`"${dev.config.prefix}-stateful:`);
    expect(dev.stateless.dependencies).toEqual([dev.stateful]);
  });

  it('by default no function is in a VPC; with privateNetworking every function runs in the isolated subnets', () => {
    for (const fn of gatewayFunctionResources(prod)) {
      expect(fn.Properties['VpcConfig']).toBeUndefined();
    }
    prod.statefulTemplate.resourceCountIs('AWS::EC2::VPC', 0);

    const isolated = synthStage({ stage: 'prod', privateNetworking: 'true' });
    const functions = gatewayFunctionResources(isolated);
    expect(functions.filter(Boolean)).toHaveLength(Object.keys(gatewayFunctions).length);
    for (const fn of functions) {
      expect(fn.Properties['VpcConfig']).toEqual({
        SubnetIds: [expect.anything(), expect.anything()],
        SecurityGroupIds: [expect.anything()],
      });
    }
    // Isolated subnets, no NAT: AWS services only through endpoints, each closed to all but the functions.
    isolated.statefulTemplate.resourceCountIs('AWS::EC2::NatGateway', 0);
    const endpoints = Object.values(resourcesOfType(isolated.statefulTemplate, 'AWS::EC2::VPCEndpoint'));
    const service = (endpoint: (typeof endpoints)[number]) =>
      /\.([a-z]+)"\]\]\}$/.exec(JSON.stringify(endpoint.Properties['ServiceName']))?.[1];
    expect(endpoints.filter((e) => e.Properties['VpcEndpointType'] === 'Gateway').map(service)).toEqual([
      'dynamodb',
    ]);
    expect(
      endpoints
        .filter((e) => e.Properties['VpcEndpointType'] === 'Interface')
        .map(service)
        .sort(),
    ).toEqual(['kms', 'secretsmanager', 'sqs', 'xray']);
  });
});

describe('API', () => {
  it('the REQUEST authorizer reads x-api-key and caches results for 60 s', () => {
    dev.statelessTemplate.hasResourceProperties('AWS::ApiGateway::Authorizer', {
      Type: 'REQUEST',
      IdentitySource: 'method.request.header.x-api-key',
      AuthorizerResultTtlInSeconds: 60,
    });
  });

  it.each(gatewayRoutes.map((route) => [route.method, route.path, route.authorized] as const))(
    '%s %s is served, authorized: %s',
    (method, _path, authorized) => {
      dev.statelessTemplate.hasResourceProperties('AWS::ApiGateway::Method', {
        HttpMethod: method,
        AuthorizationType: authorized ? 'CUSTOM' : 'NONE',
        ...(authorized ? { AuthorizerId: { Ref: Match.stringLikeRegexp('ApiKeyAuthorizer') } } : {}),
        RequestValidatorId: { Ref: Match.stringLikeRegexp('RequestValidator') },
      });
    },
  );

  it('one request validator checks bodies (a JSON object) and path parameters at the edge', () => {
    dev.statelessTemplate.resourceCountIs('AWS::ApiGateway::RequestValidator', 1);
    dev.statelessTemplate.hasResourceProperties('AWS::ApiGateway::RequestValidator', {
      ValidateRequestBody: true,
      ValidateRequestParameters: true,
    });
    dev.statelessTemplate.hasResourceProperties('AWS::ApiGateway::Method', {
      HttpMethod: 'POST',
      RequestModels: { 'application/json': { Ref: Match.stringLikeRegexp('JsonObject') } },
    });
    dev.statelessTemplate.hasResourceProperties('AWS::ApiGateway::Method', {
      HttpMethod: 'GET',
      RequestParameters: { 'method.request.path.serial': true },
    });
  });

  it('the routes sit under /v1 at the paths of infra/routes.ts', () => {
    const parts = Object.values(resourcesOfType(dev.statelessTemplate, 'AWS::ApiGateway::Resource')).map(
      (resource) => resource.Properties['PathPart'],
    );
    const expected = new Set(gatewayRoutes.flatMap((route) => route.path.split('/').filter(Boolean)));
    expect(parts.sort()).toEqual([...expected].sort());
  });

  it.each(['UNAUTHORIZED', 'ACCESS_DENIED', 'DEFAULT_4XX', 'DEFAULT_5XX', 'THROTTLED'])(
    'the %s gateway response is application/problem+json',
    (type) => {
      const responses = Object.values(
        resourcesOfType(dev.statelessTemplate, 'AWS::ApiGateway::GatewayResponse'),
      );
      const response = responses.find((r) => r.Properties['ResponseType'] === type);
      expect(response?.Properties['ResponseParameters']).toEqual(
        expect.objectContaining({ 'gatewayresponse.header.Content-Type': "'application/problem+json'" }),
      );
      const template = (response?.Properties['ResponseTemplates'] as Record<string, string>)[
        'application/json'
      ]!;
      // What API Gateway renders: $context values filled in (messageString arrives quoted).
      const rendered = template
        .replace('$context.requestId', 'c0ffee-1')
        .replace('$context.error.messageString', '"Invalid request body"');
      const problem = problemSchema.parse(JSON.parse(rendered));
      expect(problem.type).toMatch(/^https:\/\/lienthong\.gov\.vn\/problems\/[a-z-]+$/);
      expect(problem.status).toBe(Number(response?.Properties['StatusCode']));
      expect(problem.requestId).toBe('c0ffee-1');
      expect(problem.detail).toEqual(expect.any(String));
    },
  );

  it('5XX problem responses never echo API Gateway internals', () => {
    for (const problem of gatewayProblems.filter((p) =>
      /5XX|INTEGRATION/.test(p.responseType.responseType),
    )) {
      expect(problemTemplate(problem)).not.toContain('$context.error');
    }
  });

  it('the stage logs access in JSON, traces, throttles and logs execution for every method', () => {
    const stage = Object.values(resourcesOfType(prod.statelessTemplate, 'AWS::ApiGateway::Stage'))[0]!;
    const { Format } = stage.Properties['AccessLogSetting'] as { Format: string };
    expect(JSON.parse(Format)).toEqual(accessLogFields);
    expect(stage.Properties['TracingEnabled']).toBe(true);
    expect(stage.Properties['StageName']).toBe('prod');
    expect(stage.Properties['MethodSettings']).toEqual([
      expect.objectContaining({
        HttpMethod: '*',
        ResourcePath: '/*',
        LoggingLevel: 'ERROR',
        DataTraceEnabled: false,
        ThrottlingRateLimit: 100,
        ThrottlingBurstLimit: 200,
      }),
    ]);
  });

  it('a WAF web ACL with a per-IP rate rule and the AWS common rule set guards the stage', () => {
    prod.statelessTemplate.hasResourceProperties('AWS::WAFv2::WebACL', {
      Scope: 'REGIONAL',
      Rules: Match.arrayWith([
        Match.objectLike({ Statement: { RateBasedStatement: { Limit: 5000, AggregateKeyType: 'IP' } } }),
        Match.objectLike({
          Statement: {
            ManagedRuleGroupStatement: {
              VendorName: 'AWS',
              Name: 'AWSManagedRulesCommonRuleSet',
              // Machine callers often send no User-Agent: counted, not blocked. Bodies over 8 KB:
              // counted here, blocked by the rule below except for batch submissions.
              RuleActionOverrides: [
                { Name: 'NoUserAgent_HEADER', ActionToUse: { Count: {} } },
                { Name: 'SizeRestrictions_BODY', ActionToUse: { Count: {} } },
              ],
            },
          },
        }),
      ]),
    });
    prod.statelessTemplate.resourceCountIs('AWS::WAFv2::WebACLAssociation', 1);
  });

  it('the WAF blocks request bodies over 8 KB on every route but batch submission (up to 10,000 items)', () => {
    const [webAcl] = Object.values(resourcesOfType(prod.statelessTemplate, 'AWS::WAFv2::WebACL'));
    const rules = (webAcl?.Properties as { Rules: { Name: string; Priority: number }[] }).Rules;
    const common = rules.find((rule) => rule.Name === 'AWSManagedRulesCommonRuleSet');
    const sizeRule = rules.find((rule) => rule.Name === 'BodySizeOutsideBatchSubmission');
    expect(sizeRule).toEqual({
      Name: 'BodySizeOutsideBatchSubmission',
      Priority: expect.any(Number),
      Action: { Block: {} },
      Statement: {
        AndStatement: {
          Statements: [
            { LabelMatchStatement: { Scope: 'LABEL', Key: oversizedBodyLabel } },
            {
              NotStatement: {
                Statement: {
                  AndStatement: {
                    Statements: [
                      {
                        ByteMatchStatement: {
                          FieldToMatch: { Method: {} },
                          SearchString: 'POST',
                          PositionalConstraint: 'EXACTLY',
                          TextTransformations: [{ Priority: 0, Type: 'NONE' }],
                        },
                      },
                      {
                        ByteMatchStatement: {
                          FieldToMatch: { UriPath: {} },
                          SearchString: '/v1/batches',
                          PositionalConstraint: 'ENDS_WITH',
                          TextTransformations: [{ Priority: 0, Type: 'NONE' }],
                        },
                      },
                    ],
                  },
                },
              },
            },
          ],
        },
      },
      VisibilityConfig: expect.objectContaining({ MetricName: 'BodySizeOutsideBatchSubmission' }),
    });
    // The label exists only once the common rule set has run: the blocking rule comes after it.
    expect(sizeRule!.Priority).toBeGreaterThan(common!.Priority);
    expect(gatewayRoutes).toContainEqual(expect.objectContaining(largeBodyRoute));
  });

  it('without CORS origins there are no preflight methods; with them, OPTIONS answers the configured origin', () => {
    dev.statelessTemplate.resourcePropertiesCountIs('AWS::ApiGateway::Method', { HttpMethod: 'OPTIONS' }, 0);
    const withCors = synthStage({ stage: 'dev', corsOrigins: 'https://motcua.example.gov.vn' });
    withCors.statelessTemplate.hasResourceProperties('AWS::ApiGateway::Method', {
      HttpMethod: 'OPTIONS',
      Integration: Match.objectLike({
        IntegrationResponses: [
          Match.objectLike({
            ResponseParameters: Match.objectLike({
              'method.response.header.Access-Control-Allow-Origin': "'https://motcua.example.gov.vn'",
            }),
          }),
        ],
      }),
    });
  });
});

describe('observability', () => {
  it('prod alarms on 5XX rate, p99 latency, authorizer errors, throttles, DLQ depth and queue age, to the alarm topic', () => {
    const alarms = Object.values(resourcesOfType(prod.statelessTemplate, 'AWS::CloudWatch::Alarm'));
    const described = alarms.map((alarm) => String(alarm.Properties['AlarmDescription']));
    expect(described).toEqual(
      expect.arrayContaining([
        'API 5XX rate above 1%',
        'API p99 latency above 5 s',
        'The API-key authorizer is failing (callers get 500s)',
        'Poison items in the DLQ',
        'Queued lookups are waiting longer than 15 minutes',
        'VerifyCitizen is being throttled',
      ]),
    );
    for (const alarm of alarms) {
      expect(alarm.Properties['AlarmActions']).toEqual([
        { 'Fn::ImportValue': expect.stringContaining('AlarmTopic') },
      ]);
    }
    prod.statelessTemplate.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmDescription: 'Poison items in the DLQ',
      Threshold: alarmThresholds.deadLetterMessages,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
  });

  it.each(monitoredRegistries)('prod alarms when the %s registry’s circuit opens', (registry) => {
    prod.statelessTemplate.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: circuitOpenedMetric.namespace,
      MetricName: circuitOpenedMetric.metricName,
      Dimensions: [{ Name: 'registry', Value: registry }],
      Statistic: 'Sum',
      Threshold: alarmThresholds.circuitOpenings,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
  });

  it('dev has the dashboards (overview, one per registry, clients) but no alarms', () => {
    dev.statelessTemplate.resourceCountIs('AWS::CloudWatch::Alarm', 0);
    dev.statelessTemplate.resourceCountIs('AWS::CloudWatch::Dashboard', 1 + monitoredRegistries.length + 1);
  });
});
