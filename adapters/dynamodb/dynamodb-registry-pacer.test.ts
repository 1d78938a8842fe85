import { ConditionalCheckFailedException, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, UpdateCommand, type UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { DynamoDbRegistryPacer } from './dynamodb-registry-pacer.js';

/**
 * The schedule table in memory, answering the pacer's two conditional updates as DynamoDB would, and
 * a virtual clock: a pacer's sleep moves time on, so thousands of calls are paced in no real time.
 */
function harness(quota: number) {
  const documents = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'ap-southeast-1' }));
  const table = new Map<string, number>();
  const mock = mockClient(documents);
  mock.on(UpdateCommand).callsFake((input: UpdateCommandInput) => {
    const registry = input.Key?.['pk'] as string;
    const values = input.ExpressionAttributeValues as Record<string, number>;
    const tat = table.get(registry);
    const refuse = () => {
      throw new ConditionalCheckFailedException({ message: 'condition failed', $metadata: {} });
    };
    switch (input.UpdateExpression) {
      case 'SET tat = tat + :cost':
        if (tat === undefined || tat < (values[':now'] as number)) refuse();
        table.set(registry, (tat as number) + (values[':cost'] as number));
        return { Attributes: { tat: table.get(registry) } };
      case 'SET tat = :tat':
        if (tat !== undefined && tat >= (values[':now'] as number)) refuse();
        table.set(registry, values[':tat'] as number);
        return {};
      case 'SET tat = :resume':
        if (tat !== undefined && tat >= (values[':resume'] as number)) refuse();
        table.set(registry, values[':resume'] as number);
        return {};
      default:
        throw new Error(`unexpected update ${input.UpdateExpression}`);
    }
  });
  let now = 1_000_000;
  const clock = {
    now: () => now,
    sleep: async (ms: number) => {
      now += ms;
    },
  };
  const pacer = () =>
    new DynamoDbRegistryPacer(documents, {
      tableName: 'RegistryQuota',
      quotas: { population: quota },
      utilisation: 0.96,
      now: clock.now,
      sleep: clock.sleep,
    });
  return { pacer, clock, table, mock };
}

/** The most calls in any one-second window. */
function busiestSecond(times: readonly number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let start = 0, end = 0; end < sorted.length; end += 1) {
    while ((sorted[end] as number) - (sorted[start] as number) >= 1000) start += 1;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

describe('DynamoDbRegistryPacer', () => {
  it('never lets more than the quota through in any second, and keeps the registry nearly busy', async () => {
    const { pacer, clock } = harness(100);
    const worker = pacer();
    const times: number[] = [];
    const start = clock.now();
    for (let call = 0; call < 1000; call += 1) {
      await worker.acquire('population');
      times.push(clock.now());
    }
    expect(busiestSecond(times)).toBeLessThanOrEqual(100);
    // 1000 calls at 96 % of 100/s take about 10.4 s.
    const seconds = (clock.now() - start) / 1000;
    expect(seconds).toBeGreaterThan(10);
    expect(seconds).toBeLessThan(10.8);
  });

  it('shares the quota between containers through the one schedule', async () => {
    const { pacer, clock } = harness(50);
    const containers = [pacer(), pacer(), pacer()];
    const times: number[] = [];
    for (let call = 0; call < 600; call += 1) {
      await (containers[call % 3] as DynamoDbRegistryPacer).acquire('population');
      times.push(clock.now());
    }
    expect(busiestSecond(times)).toBeLessThanOrEqual(50);
  });

  it('lets calls to a registry without a quota through at once, without touching the table', async () => {
    const { pacer, clock, mock } = harness(100);
    const start = clock.now();
    for (let call = 0; call < 500; call += 1) await pacer().acquire('land');
    expect(clock.now()).toBe(start);
    expect(mock.commandCalls(UpdateCommand)).toHaveLength(0);
  });

  it('after a quota refusal, holds every call until the retry-after and then goes slower', async () => {
    const { pacer, clock, table } = harness(100);
    const worker = pacer();
    const other = pacer();
    for (let call = 0; call < 200; call += 1) await worker.acquire('population');
    const refusedAt = clock.now();
    await worker.slowDown('population', 2);
    expect(table.get('population')).toBeGreaterThanOrEqual(refusedAt + 2000);

    // Another container, which was never refused, waits too: the schedule is shared.
    await other.acquire('population');
    expect(clock.now()).toBeGreaterThanOrEqual(refusedAt + 2000);

    const resumed = clock.now();
    const times: number[] = [];
    while (clock.now() < resumed + 1000) {
      await worker.acquire('population');
      times.push(clock.now());
    }
    // The refused container starts again at 1/1.25 of its usual 96 calls a second, easing back up.
    expect(times.filter((time) => time < resumed + 1000).length).toBeLessThan(90);
  });
});
