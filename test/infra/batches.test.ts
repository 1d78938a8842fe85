import { Match } from 'aws-cdk-lib/assertions';
import { batchWorkerEventSource, batchWorkerTimeout } from '../../infra/constructs/batch-functions.js';
import { queues, tables } from '../../infra/resources.js';
import { actionsOf, policyStatements, resourcesOfType, synthStage, type SynthesizedStage } from './synth.js';

let dev: SynthesizedStage;

beforeAll(() => {
  dev = synthStage({ stage: 'dev' });
});

function roleStatements(name: 'batches' | 'batchWorker') {
  const roleId = dev.stateless.getLogicalId(dev.stateless.functions[name].role!.node.defaultChild as never);
  return Object.values(resourcesOfType(dev.statelessTemplate, 'AWS::IAM::Policy'))
    .filter((policy) => JSON.stringify(policy.Properties['Roles']).includes(roleId))
    .flatMap(
      (policy) =>
        (
          policy.Properties['PolicyDocument'] as {
            Statement: { Action: string | string[]; Resource: unknown }[];
          }
        ).Statement,
    );
}

describe('batch pipeline', () => {
  it("paces the worker to each registry's quota from the stage config, overridable by context", () => {
    const quotasOf = (stage: SynthesizedStage) =>
      Object.values(resourcesOfType(stage.statelessTemplate, 'AWS::Lambda::Function'))
        .map(
          (fn) =>
            (fn.Properties['Environment'] as { Variables?: Record<string, unknown> } | undefined)?.Variables,
        )
        .flatMap((variables) =>
          variables?.['REGISTRY_QUOTAS'] === undefined ? [] : [variables['REGISTRY_QUOTAS']],
        );
    expect(quotasOf(dev).map((json) => JSON.parse(json as string))).toEqual([
      { population: dev.config.population.quotaPerSecond, land: 50, business: 100 },
    ]);
    expect(dev.config.population.quotaPerSecond).toBe(200);
    const overridden = synthStage({ stage: 'dev', populationQuotaPerSecond: '40', landQuotaPerSecond: '5' });
    expect(quotasOf(overridden).map((json) => JSON.parse(json as string))).toEqual([
      { population: 40, land: 5, business: 100 },
    ]);
  });

  it('the lookup queue stays invisible at least six times as long as the worker may run', () => {
    expect(queues.lookup.visibilityTimeoutSeconds).toBeGreaterThanOrEqual(6 * batchWorkerTimeout.toSeconds());
    dev.statelessTemplate.hasResourceProperties('AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp('^Batch worker'),
      Timeout: batchWorkerTimeout.toSeconds(),
    });
  });

  it('the worker consumes the lookup queue reporting batch item failures, with bounded concurrency', () => {
    dev.statelessTemplate.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      BatchSize: batchWorkerEventSource.batchSize,
      MaximumBatchingWindowInSeconds: batchWorkerEventSource.maxBatchingWindowSeconds,
      ScalingConfig: { MaximumConcurrency: batchWorkerEventSource.maxConcurrency },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
  });

  it('the worker may only append to the ledger, and the batch API may not touch it', () => {
    const onLedger = (statement: { Resource: unknown }) =>
      JSON.stringify(statement.Resource).includes(tables.ledger.id);
    expect(roleStatements('batchWorker').filter(onLedger).flatMap(actionsOf)).toEqual(['dynamodb:PutItem']);
    expect(roleStatements('batches').filter(onLedger)).toEqual([]);
  });

  it('only the batch API and the worker (hand-overs, completion notices) send to the lookup queue', () => {
    const sends = (statement: { Action: string | string[] }) =>
      actionsOf(statement).includes('sqs:SendMessage');
    expect(policyStatements(dev.statelessTemplate).filter(sends)).toHaveLength(2);
    expect(roleStatements('batches').some(sends)).toBe(true);
    expect(
      roleStatements('batchWorker')
        .filter(sends)
        .map((statement) => statement.Resource),
    ).toEqual([expect.objectContaining({ 'Fn::ImportValue': expect.stringContaining('LookupQueue') })]);
  });
});
