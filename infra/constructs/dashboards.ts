/**
 * Dashboards beside the overview (`gateway-alarms.ts`): one per national registry and one for the
 * API's clients.
 *
 * A registry dashboard shows what the gateway sees of that registry: the latency and errors of the
 * functions that call it and of their routes, how often its circuit opened (the `UpstreamCircuitOpened`
 * metric the functions publish by registry), and its refusals (quota, circuit, timeouts) from the
 * functions' own log lines.
 *
 * The clients dashboard publishes no metric per client (a custom metric per client would cost per
 * client and per dimension value): it runs Logs Insights queries over the API's JSON access log,
 * which names the client (`clientId`, from the authorizer) on every line.
 */
import { Duration } from 'aws-cdk-lib';
import type * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { RegistryName } from '../../core/ports/registry-name.js';
import type { StageConfig } from '../config.js';
import { gatewayRoutes, type GatewayFunctionName } from '../routes.js';
import { alarmThresholds, circuitOpenedMetric, monitoredRegistries } from './gateway-alarms.js';

/**
 * The functions that call each registry on a request's path. The batch worker calls every registry
 * too; its throughput is on the overview dashboard (its metrics are not by registry).
 */
export const registryFunctions: Record<RegistryName, readonly GatewayFunctionName[]> = {
  population: ['verifyCitizen', 'citizenLookup'],
  land: ['landParcel', 'landCertificate'],
  business: ['businessLookup'],
};

/** The routes served by a registry's functions, from `infra/routes.ts`. */
export function registryRoutes(registry: RegistryName): { method: string; path: string }[] {
  return gatewayRoutes
    .filter((route) => registryFunctions[registry].includes(route.function))
    .map(({ method, path }) => ({ method, path }));
}

export const registryDashboardName = (config: StageConfig, registry: RegistryName): string =>
  `${config.prefix}-registry-${registry}`;
export const clientsDashboardName = (config: StageConfig): string => `${config.prefix}-clients`;

/**
 * Logs Insights queries over the API access log (fields of `accessLogFields`). API Gateway writes `-`
 * for a value it does not have: a request refused before the authorizer named a client is grouped
 * under clientId `-`.
 */
export const clientQueries = {
  requestsAndLatency: [
    'stats count(*) as requests, pct(responseLatency, 50) as p50Ms, pct(responseLatency, 99) as p99Ms by clientId',
    'sort requests desc',
    'limit 50',
  ],
  clientErrors: [
    'filter status like /^4\\d\\d$/',
    'stats count(*) as responses4xx by clientId',
    'sort responses4xx desc',
    'limit 25',
  ],
  serverErrors: [
    'filter status like /^5\\d\\d$/',
    'stats count(*) as responses5xx by clientId',
    'sort responses5xx desc',
    'limit 25',
  ],
  tooManyRequests: [
    'filter status like /^429$/',
    'stats count(*) as responses429 by clientId',
    'sort responses429 desc',
    'limit 25',
  ],
  statusByClientAndRoute: [
    'filter status like /^[45]\\d\\d$/',
    'stats count(*) as responses by clientId, httpMethod, resourcePath, status',
    'sort responses desc',
    'limit 100',
  ],
  latencyByClientAndRoute: [
    'stats count(*) as requests, pct(responseLatency, 99) as p99Ms by clientId, httpMethod, resourcePath',
    'sort p99Ms desc',
    'limit 50',
  ],
} as const satisfies Record<string, readonly string[]>;

/** One named client's requests and latency over time, and its answers by status. */
export function namedClientQueries(clientId: string): { overTime: string[]; byStatus: string[] } {
  const filter = `filter clientId = "${clientId}"`;
  return {
    overTime: [filter, 'stats count(*) as requests, pct(responseLatency, 99) as p99Ms by bin(5m)'],
    byStatus: [filter, 'stats count(*) as responses by status', 'sort status asc'],
  };
}

/** A registry's refusals as its functions log them (`request refused`, http-middleware.ts). */
export const registryQueries = {
  refusalsByReason: [
    'filter message = "request refused" and kind like /^upstream-/',
    'stats count(*) as refusals by kind, reason',
    'sort refusals desc',
  ],
  quotaRefusalsOverTime: [
    'filter message = "request refused" and reason like /quota exceeded/',
    'stats count(*) as quotaRefusals by bin(5m)',
  ],
} as const satisfies Record<string, readonly string[]>;

/** The routes' answers the registry is to blame for, as the access log saw them. */
export function registryAccessQueries(registry: RegistryName): {
  byStatus: string[];
  failuresOverTime: string[];
} {
  const paths = [...new Set(registryRoutes(registry).map((route) => `"${route.path}"`))].join(', ');
  const routes = `filter resourcePath in [${paths}]`;
  return {
    byStatus: [
      routes,
      'stats count(*) as responses by httpMethod, resourcePath, status',
      'sort responses desc',
    ],
    failuresOverTime: [
      routes,
      'filter status like /^50[234]$/',
      'stats count(*) as registryFailures by bin(5m)',
    ],
  };
}

export interface GatewayDashboardsProps {
  readonly config: StageConfig;
  readonly api: apigateway.RestApi;
  readonly accessLogs: logs.ILogGroup;
  readonly functions: Record<GatewayFunctionName, lambda.Function>;
}

export class GatewayDashboards extends Construct {
  public readonly registryDashboards: Record<RegistryName, cloudwatch.Dashboard>;
  public readonly clientsDashboard: cloudwatch.Dashboard;

  public constructor(scope: Construct, id: string, props: GatewayDashboardsProps) {
    super(scope, id);
    this.registryDashboards = Object.fromEntries(
      monitoredRegistries.map((registry) => [registry, this.registryDashboard(registry, props)]),
    ) as Record<RegistryName, cloudwatch.Dashboard>;
    this.clientsDashboard = this.clientDashboard(props);
  }

  private registryDashboard(registry: RegistryName, props: GatewayDashboardsProps): cloudwatch.Dashboard {
    const { config, api } = props;
    const period = Duration.minutes(5);
    const settings = config[registry];
    const names = registryFunctions[registry];
    const functions = names.map((name) => [name, props.functions[name]] as const);
    const routes = registryRoutes(registry);
    const title = registry.charAt(0).toUpperCase() + registry.slice(1);

    const deadline: cloudwatch.HorizontalAnnotation = {
      value: settings.deadlineMs,
      label: `registry deadline ${settings.deadlineMs} ms`,
      color: cloudwatch.Color.RED,
    };
    // API Gateway's per-method metrics (the stage has detailed metrics on).
    const methodMetric = (metricName: string, route: { method: string; path: string }, statistic: string) =>
      new cloudwatch.Metric({
        namespace: 'AWS/ApiGateway',
        metricName,
        dimensionsMap: {
          ApiName: api.restApiName,
          Stage: api.deploymentStage.stageName,
          Method: route.method,
          Resource: route.path,
        },
        period,
        statistic,
        label: `${route.method} ${route.path} ${metricName}`,
      });
    const circuitOpened = new cloudwatch.Metric({
      ...circuitOpenedMetric,
      dimensionsMap: { registry },
      period,
      statistic: 'Sum',
      label: `${registry} circuit opened`,
    });
    const functionLogGroups = functions.map(([, fn]) => fn.logGroup.logGroupName);
    const access = registryAccessQueries(registry);

    const dashboard = new cloudwatch.Dashboard(this, `${title}Registry`, {
      dashboardName: registryDashboardName(config, registry),
      defaultInterval: Duration.hours(3),
    });
    dashboard.addWidgets(
      new cloudwatch.TextWidget({
        width: 24,
        height: 3,
        markdown: [
          `# ${title} registry (${config.stage})`,
          `Endpoint \`${settings.endpoint}\`, deadline ${settings.deadlineMs} ms, ` +
            `quota ${settings.quotaPerSecond} calls/s (the batch workers pace to it), ` +
            (settings.reservedConcurrency === undefined
              ? 'calling functions unreserved.'
              : `at most ${settings.reservedConcurrency} concurrent calls per function (reserved concurrency).`),
          `Routes: ${routes.map((route) => `\`${route.method} ${route.path}\``).join(', ')}. ` +
            'Batch items reach it through the batch worker, paced to its quota (overview dashboard).',
        ].join('\n\n'),
      }),
    );
    dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: 'Latency (ms): calling functions p50 / p99, routes p99',
        width: 12,
        left: [
          ...functions.flatMap(([name, fn]) => [
            fn.metricDuration({ period, statistic: 'p50', label: `${name} p50` }),
            fn.metricDuration({ period, statistic: 'p99', label: `${name} p99` }),
          ]),
          ...routes.map((route) => methodMetric('Latency', route, 'p99')),
        ],
        leftAnnotations: [deadline],
      }),
      new cloudwatch.GraphWidget({
        title: 'Requests and errors by route',
        width: 12,
        left: routes.map((route) => methodMetric('Count', route, 'Sum')),
        right: routes.flatMap((route) => [
          methodMetric('4XXError', route, 'Sum'),
          methodMetric('5XXError', route, 'Sum'),
        ]),
      }),
    );
    dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: 'Circuit opened (the functions answer 503 without calling)',
        width: 8,
        left: [circuitOpened],
        leftAnnotations: [{ value: alarmThresholds.circuitOpenings, label: 'alarm' }],
      }),
      new cloudwatch.GraphWidget({
        title: 'Calling functions: errors, throttles',
        width: 8,
        left: functions.flatMap(([name, fn]) => [
          fn.metricErrors({ period, statistic: 'Sum', label: `${name} errors` }),
          fn.metricThrottles({ period, statistic: 'Sum', label: `${name} throttles` }),
        ]),
      }),
      new cloudwatch.GraphWidget({
        title: 'Calling functions: concurrent executions',
        width: 8,
        left: functions.map(([name, fn]) =>
          fn.metric('ConcurrentExecutions', { period, statistic: 'Maximum', label: name }),
        ),
        leftAnnotations:
          settings.reservedConcurrency === undefined
            ? undefined
            : [{ value: settings.reservedConcurrency, label: 'reserved concurrency' }],
      }),
    );
    dashboard.addWidgets(
      new cloudwatch.LogQueryWidget({
        title: 'Quota refusals by the registry (calling functions)',
        width: 12,
        logGroupNames: functionLogGroups,
        queryLines: [...registryQueries.quotaRefusalsOverTime],
        view: cloudwatch.LogQueryVisualizationType.LINE,
      }),
      new cloudwatch.LogQueryWidget({
        title: 'Refusals by kind and reason (quota, circuit open, timeout, failure)',
        width: 12,
        logGroupNames: functionLogGroups,
        queryLines: [...registryQueries.refusalsByReason],
        view: cloudwatch.LogQueryVisualizationType.TABLE,
      }),
    );
    dashboard.addWidgets(
      new cloudwatch.LogQueryWidget({
        title: 'Registry failures answered to callers (502, 503, 504)',
        width: 12,
        logGroupNames: [props.accessLogs.logGroupName],
        queryLines: access.failuresOverTime,
        view: cloudwatch.LogQueryVisualizationType.LINE,
      }),
      new cloudwatch.LogQueryWidget({
        title: 'Answers by route and status (access log)',
        width: 12,
        logGroupNames: [props.accessLogs.logGroupName],
        queryLines: access.byStatus,
        view: cloudwatch.LogQueryVisualizationType.TABLE,
      }),
    );
    return dashboard;
  }

  private clientDashboard(props: GatewayDashboardsProps): cloudwatch.Dashboard {
    const { config } = props;
    const logGroupNames = [props.accessLogs.logGroupName];
    const query = (
      title: string,
      queryLines: readonly string[],
      view: cloudwatch.LogQueryVisualizationType,
      width = 8,
    ) => new cloudwatch.LogQueryWidget({ title, logGroupNames, queryLines: [...queryLines], view, width });
    const { BAR, TABLE, LINE } = cloudwatch.LogQueryVisualizationType;

    const dashboard = new cloudwatch.Dashboard(this, 'Clients', {
      dashboardName: clientsDashboardName(config),
      defaultInterval: Duration.hours(24),
    });
    dashboard.addWidgets(
      new cloudwatch.TextWidget({
        width: 24,
        height: 2,
        markdown:
          `# API clients (${config.stage})\n\nLogs Insights over the API access log, by \`clientId\` ` +
          '(the authorizer names the client). `-` is calls refused before a client was known (no or unknown key).',
      }),
    );
    dashboard.addWidgets(
      query('Requests and latency (ms) by client', clientQueries.requestsAndLatency, TABLE, 24),
    );
    dashboard.addWidgets(
      query('4XX by client', clientQueries.clientErrors, BAR),
      query('429 (rate limit or daily quota) by client', clientQueries.tooManyRequests, BAR),
      query('5XX by client', clientQueries.serverErrors, BAR),
    );
    dashboard.addWidgets(
      query(
        'Refusals and errors by client, route and status',
        clientQueries.statusByClientAndRoute,
        TABLE,
        12,
      ),
      query('p99 latency by client and route', clientQueries.latencyByClientAndRoute, TABLE, 12),
    );
    // Clients the stage names (context dashboardClients) get their own row.
    for (const clientId of config.dashboardClients) {
      const queries = namedClientQueries(clientId);
      dashboard.addWidgets(
        query(`${clientId}: requests and p99 latency (ms)`, queries.overTime, LINE, 16),
        query(`${clientId}: answers by status`, queries.byStatus, TABLE, 8),
      );
    }
    return dashboard;
  }
}
