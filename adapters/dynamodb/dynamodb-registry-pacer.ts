import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RegistryName } from '../../core/ports/registry-name.js';
import type { RegistryPacer } from '../../core/ports/registry-pacer.js';

export interface DynamoDbRegistryPacerOptions {
  readonly tableName: string;
  /** Each registry's quota, requests per second; a registry without one is not paced. */
  readonly quotas: Partial<Record<RegistryName, number>>;
  /**
   * Share of the quota actually used (0..1]. Below 1 it leaves room for the time between taking a
   * slot here and the call reaching the registry, which varies by some milliseconds.
   */
  readonly utilisation: number;
  /** Time source in ms (tests). */
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

interface LocalSchedule {
  /** Slot times (ms) this container has reserved and not used yet, earliest first. */
  slots: number[];
  /** ≥ 1: how much slower than the configured pace this container goes after quota refusals. */
  slowFactor: number;
  /** Hands out slots one caller at a time. */
  turn: Promise<unknown>;
}

/**
 * Shared pacing for every worker container: a schedule (GCRA) in DynamoDB, one item per registry
 * holding `tat`, the time (ms) at which the next call may go. A container reserves a short lease of
 * consecutive slots with one atomic `SET tat = tat + :cost` (no read first, so workers never conflict
 * while the schedule is busy) and lets each of its calls go at its own slot time. Calls are thus
 * evenly spaced at `1 / (quota × utilisation)` however many containers share them — no bursts, so even
 * a registry counting over a rolling second sees at most the quota. A slot that has passed unused is
 * dropped, never spent late as a burst. A quota refusal pushes the shared schedule back by the
 * registry's retry-after and makes this container reserve more slowly for a while.
 */
export class DynamoDbRegistryPacer implements RegistryPacer {
  private readonly schedules = new Map<RegistryName, LocalSchedule>();
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly options: DynamoDbRegistryPacerOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  async acquire(registry: RegistryName): Promise<void> {
    const perSecond = this.options.quotas[registry];
    if (perSecond === undefined) return;
    const schedule = this.scheduleOf(registry);
    const slot = schedule.turn.then(() => this.nextSlot(registry, perSecond, schedule));
    schedule.turn = slot.catch(() => undefined);
    const wait = (await slot) - this.now();
    if (wait > 0) await this.sleep(wait);
  }

  async slowDown(registry: RegistryName, retryAfterSeconds: number): Promise<void> {
    const schedule = this.scheduleOf(registry);
    schedule.slowFactor = Math.min(4, schedule.slowFactor * 1.25);
    schedule.slots = [];
    const resumeAt = this.now() + retryAfterSeconds * 1000;
    try {
      await this.documents.send(
        new UpdateCommand({
          TableName: this.options.tableName,
          Key: { pk: registry },
          UpdateExpression: 'SET tat = :resume',
          ConditionExpression: 'attribute_not_exists(tat) OR tat < :resume',
          ExpressionAttributeValues: { ':resume': resumeAt },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  private scheduleOf(registry: RegistryName): LocalSchedule {
    let schedule = this.schedules.get(registry);
    if (!schedule) {
      schedule = { slots: [], slowFactor: 1, turn: Promise.resolve() };
      this.schedules.set(registry, schedule);
    }
    return schedule;
  }

  private async nextSlot(
    registry: RegistryName,
    perSecond: number,
    schedule: LocalSchedule,
  ): Promise<number> {
    const interval = (1000 / (perSecond * this.options.utilisation)) * schedule.slowFactor;
    for (;;) {
      // Slots whose time has passed by more than one interval are dropped rather than spent in a burst.
      const stale = this.now() - interval;
      while (schedule.slots.length > 0 && (schedule.slots[0] as number) < stale) schedule.slots.shift();
      const slot = schedule.slots.shift();
      if (slot !== undefined) return slot;
      // About 50 ms of calls per lease: few writes to the schedule item, little unevenness between containers.
      const leaseSize = Math.max(
        1,
        Math.round((perSecond * this.options.utilisation) / 20 / schedule.slowFactor),
      );
      const start = await this.reserve(registry, leaseSize * interval);
      schedule.slots = Array.from({ length: leaseSize }, (_, i) => start + i * interval);
      schedule.slowFactor = Math.max(1, schedule.slowFactor * 0.98);
    }
  }

  /** Reserves `cost` ms of the shared schedule; answers when the reserved span starts. */
  private async reserve(registry: RegistryName, cost: number): Promise<number> {
    for (;;) {
      const now = this.now();
      try {
        // The schedule is busy (tat ahead of now): take the next span after everyone else's.
        const { Attributes } = await this.documents.send(
          new UpdateCommand({
            TableName: this.options.tableName,
            Key: { pk: registry },
            UpdateExpression: 'SET tat = tat + :cost',
            ConditionExpression: 'tat >= :now',
            ExpressionAttributeValues: { ':cost': cost, ':now': now },
            ReturnValues: 'UPDATED_NEW',
          }),
        );
        return Number(Attributes?.['tat']) - cost;
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
      try {
        // The schedule is idle (tat in the past, or never set): start it now.
        await this.documents.send(
          new UpdateCommand({
            TableName: this.options.tableName,
            Key: { pk: registry },
            UpdateExpression: 'SET tat = :tat',
            ConditionExpression: 'attribute_not_exists(tat) OR tat < :now',
            ExpressionAttributeValues: { ':tat': now + cost, ':now': now },
          }),
        );
        return now;
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
    }
  }
}
