/**
 * Alarms to the SNS topic (when the stage has alarms on) and the overview dashboard: API 5XX rate and
 * p99 latency, authorizer errors, function errors and throttles, DLQ depth and the age of queued work,
 * registry circuits and batch item throughput. Per registry and per client: `dashboards.ts`.
 */
import { Duration } from 'aws-cdk-lib';
import type * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import type { StageConfig } from '../config.js';
import type { LookupQueues } from '../stateful-stack.js';

export interface GatewayAlarmsProps {
  readonly config: StageConfig;
  readonly api: apigateway.RestApi;
  readonly authorizerFunction: lambda.IFunction;
  readonly functions: readonly lambda.Function[];
  readonly queues: readonly LookupQueues[];
  readonly topic: sns.ITopic;
}

/** Thresholds, in one place so the README and the tests can quote them. */
export const alarmThresholds = {
  serverErrorRatePercent: 1,
  latencyP99Ms: 5000,
  authorizerErrors: 1,
  functionErrors: 1,
  throttles: 1,
  deadLetterMessages: 1,
  oldestMessageAgeSeconds: 900,
  circuitOpenings: 1,
} as const;

/** The metric the functions publish when a registry's circuit opens (functions/commons/composition.ts). */
export const circuitOpenedMetric = { namespace: 'Lienthong', metricName: 'UpstreamCircuitOpened' } as const;
export const monitoredRegistries = ['population', 'land', 'business'] as const;

/**
 * What the batch functions count (functions/batches.ts, functions/batch-worker.ts), with Powertools'
 * default `service` dimension: the instances in functions/commons/powertools.ts name the service
 * `lienthong` in code, which takes precedence over POWERTOOLS_SERVICE_NAME.
 */
export const batchMetrics = {
  namespace: 'Lienthong',
  dimensionsMap: { service: 'lienthong' },
  submitted: ['BatchSubmitted', 'BatchResubmitted'],
  items: [
    'BatchItemCompleted',
    'BatchItemSkipped',
    'BatchItemRetried',
    // Over a registry's quota: the pacer slowed down and the item comes back after its retry-after.
    'BatchItemDeferred',
    'BatchItemHandedOver',
    'BatchItemUnparseable',
  ],
} as const;

export class GatewayAlarms extends Construct {
  public readonly alarms: cloudwatch.Alarm[] = [];
  public readonly dashboard: cloudwatch.Dashboard;

  public constructor(scope: Construct, id: string, props: GatewayAlarmsProps) {
    super(scope, id);
    const period = Duration.minutes(5);
    const { api, config } = props;

    const requests = api.metricCount({ period, statistic: 'Sum' });
    const serverErrors = api.metricServerError({ period, statistic: 'Sum' });
    const serverErrorRate = new cloudwatch.MathExpression({
      expression: 'IF(requests > 0, 100 * errors / requests, 0)',
      usingMetrics: { requests, errors: serverErrors },
      label: '5XX rate (%)',
      period,
    });
    const latencyP99 = api.metricLatency({ period, statistic: 'p99' });

    const widgets: cloudwatch.IWidget[] = [
      new cloudwatch.GraphWidget({
        title: 'API requests and 5XX',
        left: [requests],
        right: [serverErrorRate],
      }),
      new cloudwatch.GraphWidget({ title: 'API latency p99 (ms)', left: [latencyP99] }),
    ];

    if (config.alarms) {
      this.alarm(
        'Api5xxRate',
        serverErrorRate,
        alarmThresholds.serverErrorRatePercent,
        'API 5XX rate above 1%',
      );
      this.alarm('ApiLatencyP99', latencyP99, alarmThresholds.latencyP99Ms, 'API p99 latency above 5 s', 3);
      this.alarm(
        'AuthorizerErrors',
        props.authorizerFunction.metricErrors({ period, statistic: 'Sum' }),
        alarmThresholds.authorizerErrors,
        'The API-key authorizer is failing (callers get 500s)',
      );
    }

    for (const fn of props.functions) {
      const name = fn.node.id;
      const errors = fn.metricErrors({ period, statistic: 'Sum' });
      const throttles = fn.metricThrottles({ period, statistic: 'Sum' });
      widgets.push(
        new cloudwatch.GraphWidget({
          title: `${name}: invocations, errors, throttles`,
          left: [fn.metricInvocations({ period, statistic: 'Sum' }), errors, throttles],
          right: [fn.metricDuration({ period, statistic: 'p99' })],
        }),
      );
      if (config.alarms) {
        if (fn !== props.authorizerFunction) {
          this.alarm(`${name}Errors`, errors, alarmThresholds.functionErrors, `${name} is throwing errors`);
        }
        this.alarm(`${name}Throttles`, throttles, alarmThresholds.throttles, `${name} is being throttled`);
      }
    }

    for (const { queue, deadLetterQueue, definition } of props.queues) {
      const dlqDepth = deadLetterQueue.metricApproximateNumberOfMessagesVisible({
        period,
        statistic: 'Maximum',
      });
      const oldest = queue.metricApproximateAgeOfOldestMessage({ period, statistic: 'Maximum' });
      widgets.push(
        new cloudwatch.GraphWidget({
          title: `${definition.id}: oldest message (s), DLQ depth`,
          left: [oldest],
          right: [dlqDepth],
        }),
      );
      if (config.alarms) {
        this.alarm(
          `${definition.deadLetter.id}Depth`,
          dlqDepth,
          alarmThresholds.deadLetterMessages,
          'Poison items in the DLQ',
        );
        this.alarm(
          `${definition.id}Age`,
          oldest,
          alarmThresholds.oldestMessageAgeSeconds,
          'Queued lookups are waiting longer than 15 minutes',
        );
      }
    }

    // Per registry: how often a function saw its circuit open (it then answers 503 without calling).
    const openings = monitoredRegistries.map(
      (registry) =>
        [
          registry,
          new cloudwatch.Metric({
            ...circuitOpenedMetric,
            dimensionsMap: { registry },
            period,
            statistic: 'Sum',
          }),
        ] as const,
    );
    widgets.push(
      new cloudwatch.GraphWidget({
        title: 'Registry circuits opened',
        left: openings.map(([, metric]) => metric),
      }),
    );
    if (config.alarms) {
      for (const [registry, metric] of openings) {
        const name = registry.charAt(0).toUpperCase() + registry.slice(1);
        this.alarm(
          `${name}CircuitOpened`,
          metric,
          alarmThresholds.circuitOpenings,
          `The ${registry} registry's circuit opened: calls are refused until it recovers`,
        );
      }
    }

    // Batch throughput and pacing: items done, deferred over a registry's quota, retried (a registry
    // failed; backed off), handed over to a fresh message, and poison. Not by registry.
    const batchMetric = (metricName: string) =>
      new cloudwatch.Metric({
        namespace: batchMetrics.namespace,
        dimensionsMap: { ...batchMetrics.dimensionsMap },
        metricName,
        period,
        statistic: 'Sum',
      });
    widgets.push(
      new cloudwatch.GraphWidget({
        title: 'Batches submitted; batch items completed, deferred (quota pacing), retried, …',
        left: batchMetrics.submitted.map(batchMetric),
        right: batchMetrics.items.map(batchMetric),
      }),
    );

    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', {
      dashboardName: config.prefix,
      defaultInterval: Duration.hours(3),
    });
    this.dashboard.addWidgets(...widgets);
    if (this.alarms.length > 0) {
      this.dashboard.addWidgets(
        new cloudwatch.AlarmStatusWidget({ title: 'Alarms', alarms: this.alarms, width: 24 }),
      );
    }

    for (const alarm of this.alarms) {
      alarm.addAlarmAction(new actions.SnsAction(props.topic));
      alarm.addOkAction(new actions.SnsAction(props.topic));
    }
  }

  private alarm(
    id: string,
    metric: cloudwatch.IMetric,
    threshold: number,
    description: string,
    evaluationPeriods = 1,
  ): void {
    this.alarms.push(
      new cloudwatch.Alarm(this, id, {
        metric,
        threshold,
        evaluationPeriods,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        alarmDescription: description,
      }),
    );
  }
}
