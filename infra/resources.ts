/**
 * Tables and queues, defined once. The CDK stateful stack and the local bootstrap (DynamoDB Local,
 * fauxqs) both build from these definitions, so local and AWS cannot drift apart.
 * Plain data only: no CDK or SDK imports, so `local/` can load it cheaply.
 */

export type AttributeType = 'S' | 'N';

export interface KeyDefinition {
  readonly name: string;
  readonly type: AttributeType;
}

export interface GlobalIndexDefinition {
  readonly indexName: string;
  readonly partitionKey: KeyDefinition;
  readonly sortKey?: KeyDefinition;
}

export interface TableDefinition {
  /** Logical id in CDK and the base of the physical name locally. */
  readonly id: string;
  /** Environment variable through which functions learn the physical table name. */
  readonly envVar: string;
  readonly partitionKey: KeyDefinition;
  readonly sortKey?: KeyDefinition;
  readonly timeToLiveAttribute?: string;
  readonly globalIndexes?: readonly GlobalIndexDefinition[];
}

export interface QueueDefinition {
  readonly id: string;
  readonly envVar: string;
  readonly visibilityTimeoutSeconds: number;
  readonly deadLetter: { readonly id: string; readonly maxReceiveCount: number };
}

export const tables = {
  /** API clients and their keys (keys stored only as keyed hashes). */
  clients: {
    id: 'Clients',
    envVar: 'CLIENTS_TABLE_NAME',
    partitionKey: { name: 'pk', type: 'S' },
    sortKey: { name: 'sk', type: 'S' },
  },
  /**
   * The access ledger: one append-only entry per access to personal data (`CHAIN#<writer>` /
   * sequence), and beside each entry one index item per data subject (`SUBJECT#<keyed hash>` /
   * time), written in the same transaction, so "who accessed this citizen" is one query and the
   * table never holds a personal id.
   */
  ledger: {
    id: 'AccessLedger',
    envVar: 'LEDGER_TABLE_NAME',
    partitionKey: { name: 'pk', type: 'S' },
    sortKey: { name: 'sk', type: 'S' },
    timeToLiveAttribute: 'expiresAt',
  },
  /**
   * Request counters for rate limits and daily quotas: one item per key (or client) and window,
   * incremented atomically by every container, expiring after the window.
   */
  requestCounters: {
    id: 'RequestCounters',
    envVar: 'COUNTERS_TABLE_NAME',
    partitionKey: { name: 'pk', type: 'S' },
    timeToLiveAttribute: 'expiresAt',
  },
  /**
   * Public registry answers worth keeping for a while (business records), one item per record
   * (`BUSINESS#<enterprise code>`), expiring after the configured TTL. Never personal-data answers.
   */
  registryCache: {
    id: 'RegistryCache',
    envVar: 'REGISTRY_CACHE_TABLE_NAME',
    partitionKey: { name: 'pk', type: 'S' },
    timeToLiveAttribute: 'expiresAt',
  },
  /**
   * Batches (`BATCH#<id>`: the batch, its counters and its per-item results in item order) and their
   * Idempotency-Keys (`IDEMPOTENCY#<client>#<hash>`); results hold personal data and expire.
   */
  batches: {
    id: 'Batches',
    envVar: 'BATCHES_TABLE_NAME',
    partitionKey: { name: 'pk', type: 'S' },
    sortKey: { name: 'sk', type: 'S' },
    timeToLiveAttribute: 'expiresAt',
  },
  /** Powertools idempotency records of batch items: one per item, so a redelivery never runs it twice. */
  idempotency: {
    id: 'Idempotency',
    envVar: 'IDEMPOTENCY_TABLE_NAME',
    partitionKey: { name: 'id', type: 'S' },
    timeToLiveAttribute: 'expiration',
  },
  /** Each registry's shared call schedule (`tat`), which paces batch workers to the registry's quota. */
  registryQuota: {
    id: 'RegistryQuota',
    envVar: 'REGISTRY_QUOTA_TABLE_NAME',
    partitionKey: { name: 'pk', type: 'S' },
  },
  /**
   * How each registry is doing, as every function container sees it (circuit state, recent latency
   * and error rate), reported when a circuit changes and every few seconds of traffic; read by the
   * health endpoint, which runs in a container of its own. Reports expire after a few minutes.
   */
  registryStatus: {
    id: 'RegistryStatus',
    envVar: 'REGISTRY_STATUS_TABLE_NAME',
    partitionKey: { name: 'registry', type: 'S' },
    sortKey: { name: 'reporter', type: 'S' },
    timeToLiveAttribute: 'expiresAt',
  },
} as const satisfies Record<string, TableDefinition>;

export const queues = {
  /** Bulk lookup items, consumed by the batch worker. */
  lookup: {
    id: 'LookupQueue',
    envVar: 'LOOKUP_QUEUE_URL',
    visibilityTimeoutSeconds: 180,
    deadLetter: { id: 'LookupDeadLetterQueue', maxReceiveCount: 5 },
  },
} as const satisfies Record<string, QueueDefinition>;
