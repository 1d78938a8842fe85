import { Match } from 'aws-cdk-lib/assertions';
import { lookupWorkerTimeout } from '../../infra/config.js';
import { ledgerDeniedActions, type TableName } from '../../infra/stateful-stack.js';
import { queues, tables, type TableDefinition } from '../../infra/resources.js';
import { resourcesOfType, synthStage, type SynthesizedStage } from './synth.js';

let dev: SynthesizedStage;
let prod: SynthesizedStage;

beforeAll(() => {
  dev = synthStage({ stage: 'dev' });
  prod = synthStage({ stage: 'prod' });
});

function tableResource(stage: SynthesizedStage, name: TableName) {
  const logicalId = stage.stateful.getLogicalId(stage.stateful.tables[name].node.defaultChild as never);
  return resourcesOfType(stage.statefulTemplate, 'AWS::DynamoDB::Table')[logicalId]!;
}

describe('tables', () => {
  it.each(Object.entries(tables))(
    'the %s table has the keys, indexes and TTL of infra/resources.ts',
    (name, definition) => {
      const table = tableResource(dev, name as TableName);
      const d = definition as TableDefinition;
      const keySchema = [
        { AttributeName: d.partitionKey.name, KeyType: 'HASH' },
        ...(d.sortKey ? [{ AttributeName: d.sortKey.name, KeyType: 'RANGE' }] : []),
      ];
      expect(table.Properties['KeySchema']).toEqual(keySchema);
      const indexes = (table.Properties['GlobalSecondaryIndexes'] ?? []) as {
        IndexName: string;
        KeySchema: unknown;
      }[];
      expect(indexes.map((index) => ({ IndexName: index.IndexName, KeySchema: index.KeySchema }))).toEqual(
        (d.globalIndexes ?? []).map((index) => ({
          IndexName: index.indexName,
          KeySchema: [
            { AttributeName: index.partitionKey.name, KeyType: 'HASH' },
            ...(index.sortKey ? [{ AttributeName: index.sortKey.name, KeyType: 'RANGE' }] : []),
          ],
        })),
      );
      const keys = [
        d.partitionKey,
        d.sortKey,
        ...(d.globalIndexes ?? []).flatMap((i) => [i.partitionKey, i.sortKey]),
      ];
      expect(table.Properties['AttributeDefinitions']).toEqual(
        expect.arrayContaining(
          keys
            .filter((key) => key !== undefined)
            .map((key) => ({ AttributeName: key.name, AttributeType: key.type })),
        ),
      );
      expect(table.Properties['TimeToLiveSpecification']).toEqual(
        d.timeToLiveAttribute ? { AttributeName: d.timeToLiveAttribute, Enabled: true } : undefined,
      );
    },
  );

  it('builds exactly one table per definition', () => {
    dev.statefulTemplate.resourceCountIs('AWS::DynamoDB::Table', Object.keys(tables).length);
  });

  it.each(['dev', 'prod'])(
    'every %s table is on-demand, with point-in-time recovery and the customer-managed key',
    (stage) => {
      const { statefulTemplate } = stage === 'dev' ? dev : prod;
      for (const table of Object.values(resourcesOfType(statefulTemplate, 'AWS::DynamoDB::Table'))) {
        expect(table.Properties['BillingMode']).toBe('PAY_PER_REQUEST');
        expect(table.Properties['PointInTimeRecoverySpecification']).toEqual({
          PointInTimeRecoveryEnabled: true,
        });
        expect(table.Properties['SSESpecification']).toEqual({
          SSEEnabled: true,
          SSEType: 'KMS',
          KMSMasterKeyId: { 'Fn::GetAtt': [expect.stringMatching(/^DataKey/), 'Arn'] },
        });
      }
    },
  );

  it('prod tables have deletion protection and are retained; dev tables are neither', () => {
    for (const table of Object.values(resourcesOfType(prod.statefulTemplate, 'AWS::DynamoDB::Table'))) {
      expect(table.Properties['DeletionProtectionEnabled']).toBe(true);
      expect((table as { DeletionPolicy?: string }).DeletionPolicy).toBe('Retain');
    }
    for (const table of Object.values(resourcesOfType(dev.statefulTemplate, 'AWS::DynamoDB::Table'))) {
      expect(table.Properties['DeletionProtectionEnabled']).toBe(false);
      expect((table as { DeletionPolicy?: string }).DeletionPolicy).toBe('Delete');
    }
  });

  it('the prod stateful stack has termination protection', () => {
    expect(prod.stateful.terminationProtection).toBe(true);
  });
});

describe('queues', () => {
  const lookup = queues.lookup;

  it("the lookup queue redrives to its DLQ after the resources' maxReceiveCount", () => {
    dev.statefulTemplate.hasResourceProperties('AWS::SQS::Queue', {
      VisibilityTimeout: lookup.visibilityTimeoutSeconds,
      RedrivePolicy: {
        deadLetterTargetArn: { 'Fn::GetAtt': [Match.stringLikeRegexp(`^${lookup.deadLetter.id}`), 'Arn'] },
        maxReceiveCount: lookup.deadLetter.maxReceiveCount,
      },
    });
  });

  it("the visibility timeout is at least 6× the worker's timeout", () => {
    expect(lookup.visibilityTimeoutSeconds).toBeGreaterThanOrEqual(6 * lookupWorkerTimeout.toSeconds());
  });

  it('both queues are encrypted with the customer-managed key', () => {
    const all = Object.values(resourcesOfType(dev.statefulTemplate, 'AWS::SQS::Queue'));
    expect(all).toHaveLength(2);
    for (const queue of all) {
      expect(queue.Properties['KmsMasterKeyId']).toEqual({
        'Fn::GetAtt': [expect.stringMatching(/^DataKey/), 'Arn'],
      });
    }
  });

  it('both queues deny requests without TLS', () => {
    const policies = Object.values(resourcesOfType(dev.statefulTemplate, 'AWS::SQS::QueuePolicy'));
    const denied = policies.flatMap((policy) =>
      (policy.Properties['Queues'] as unknown[]).map((queue) => ({
        queue,
        statements: policy.Properties['PolicyDocument'],
      })),
    );
    expect(denied).toHaveLength(2);
    for (const { statements } of denied) {
      expect(statements).toEqual(
        expect.objectContaining({
          Statement: expect.arrayContaining([
            expect.objectContaining({
              Effect: 'Deny',
              Action: 'sqs:*',
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            }),
          ]),
        }),
      );
    }
  });
});

describe('keys, secrets and the alarm topic', () => {
  it('the data key rotates and prod retains it', () => {
    prod.statefulTemplate.hasResource('AWS::KMS::Key', {
      Properties: Match.objectLike({ EnableKeyRotation: true }),
      DeletionPolicy: 'Retain',
    });
  });

  it.each([
    ['population', '{"user":"set-me"}', 'secret'],
    ['land', '{"user":"set-me"}', 'password'],
    ['business', '{"clientId":"set-me"}', 'clientSecret'],
  ])(
    'holds the %s registry credentials as JSON in the shape its adapter reads',
    (_registry, template, key) => {
      dev.statefulTemplate.hasResourceProperties('AWS::SecretsManager::Secret', {
        GenerateSecretString: Match.objectLike({ SecretStringTemplate: template, GenerateStringKey: key }),
      });
    },
  );

  it('holds three registry credentials and the key pepper, nothing else', () => {
    dev.statefulTemplate.resourceCountIs('AWS::SecretsManager::Secret', 4);
  });

  it('the alarm topic is encrypted and requires TLS', () => {
    dev.statefulTemplate.hasResourceProperties('AWS::SNS::Topic', {
      KmsMasterKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^DataKey'), 'Arn'] },
    });
    dev.statefulTemplate.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });
});

describe('the access ledger is append-only', () => {
  it('its resource policy denies updates, deletes and batch writes to every principal', () => {
    for (const stage of [dev, prod]) {
      stage.statefulTemplate.hasResourceProperties('AWS::DynamoDB::Table', {
        KeySchema: Match.anyValue(),
        ResourcePolicy: {
          PolicyDocument: {
            Statement: [
              {
                Sid: 'AppendOnlyLedger',
                Effect: 'Deny',
                Principal: { AWS: '*' },
                Action: [...ledgerDeniedActions].sort(),
                Resource: '*',
              },
            ],
            Version: '2012-10-17',
          },
        },
      });
    }
  });

  it('the clients table has no such policy (keys are issued and revoked)', () => {
    const clients = tableResource(dev, 'clients');
    expect(clients.Properties['ResourcePolicy']).toBeUndefined();
  });
});
