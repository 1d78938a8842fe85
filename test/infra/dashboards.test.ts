import type { Template } from 'aws-cdk-lib/assertions';
import {
  clientQueries,
  clientsDashboardName,
  namedClientQueries,
  registryAccessQueries,
  registryDashboardName,
  registryFunctions,
  registryQueries,
  registryRoutes,
} from '../../infra/constructs/dashboards.js';
import {
  batchMetrics,
  circuitOpenedMetric,
  monitoredRegistries,
} from '../../infra/constructs/gateway-alarms.js';
import { accessLogFields } from '../../infra/stateless-stack.js';
import { resourcesOfType, synthStage, type SynthesizedStage } from './synth.js';

interface Widget {
  type: string;
  properties: {
    title?: string;
    markdown?: string;
    query?: string;
    view?: string;
    metrics?: unknown[][];
    annotations?: { horizontal?: { value: number; label?: string }[] };
  };
}

/**
 * A dashboard's widgets, its body resolved: CloudFormation references (log group names, the region)
 * become `<LogicalId>` so queries can be read as text.
 */
function dashboardWidgets(template: Template, name: string): Widget[] {
  const dashboards = Object.values(resourcesOfType(template, 'AWS::CloudWatch::Dashboard'));
  const dashboard = dashboards.find((resource) => resource.Properties['DashboardName'] === name);
  if (!dashboard) throw new Error(`no dashboard ${name}`);
  const body = dashboard.Properties['DashboardBody'] as string | { 'Fn::Join': [string, unknown[]] };
  const text =
    typeof body === 'string'
      ? body
      : body['Fn::Join'][1]
          .map((part) => (typeof part === 'string' ? part : `<${referenceName(part)}>`))
          .join('');
  return (JSON.parse(text) as { widgets: Widget[] }).widgets;
}

function referenceName(part: unknown): string {
  const reference = part as { Ref?: string; 'Fn::GetAtt'?: string[] };
  return reference.Ref ?? reference['Fn::GetAtt']?.join('.') ?? 'token';
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const queriesOf = (widgets: Widget[]) =>
  widgets.filter((widget) => widget.type === 'log').map((widget) => widget.properties.query!);
const metricsOf = (widgets: Widget[]) =>
  widgets.flatMap((widget) => (widget.properties.metrics ?? []).map((metric) => JSON.stringify(metric)));

let dev: SynthesizedStage;
let prod: SynthesizedStage;

beforeAll(() => {
  dev = synthStage({ stage: 'dev' });
  prod = synthStage({
    stage: 'prod',
    dashboardClients: 'tay-ninh-hcc, motcua-tayninh',
    landEndpoint: 'https://lgsp.example-province.gov.vn/datdai/soap',
    landQuotaPerSecond: '30',
  });
});

const logicalId = (stage: SynthesizedStage, construct: { node: { defaultChild?: unknown } }) =>
  stage.stateless.getLogicalId(construct.node.defaultChild as never);
const functionLogGroupId = (
  stage: SynthesizedStage,
  name: keyof SynthesizedStage['stateless']['functions'],
) => stage.stateless.getLogicalId(stage.stateless.functions[name].logGroup.node.defaultChild as never);

describe('dashboards', () => {
  it.each(['dev', 'prod'])('%s has the overview, one dashboard per registry and one for clients', (stage) => {
    const { statelessTemplate, config } = stage === 'dev' ? dev : prod;
    const names = Object.values(resourcesOfType(statelessTemplate, 'AWS::CloudWatch::Dashboard'))
      .map((dashboard) => dashboard.Properties['DashboardName'])
      .sort();
    expect(names).toEqual(
      [
        config.prefix,
        clientsDashboardName(config),
        ...monitoredRegistries.map((registry) => registryDashboardName(config, registry)),
      ].sort(),
    );
  });

  it('the registry functions and routes cover every function that calls a registry on a request', () => {
    expect(Object.values(registryFunctions).flat().sort()).toEqual(
      ['businessLookup', 'citizenLookup', 'landCertificate', 'landParcel', 'verifyCitizen'].sort(),
    );
    expect(registryRoutes('population')).toEqual([
      { method: 'POST', path: '/v1/citizens/verify' },
      { method: 'POST', path: '/v1/citizens/lookup' },
    ]);
  });
});

describe.each(monitoredRegistries)('the %s registry dashboard', (registry) => {
  const widgets = () =>
    dashboardWidgets(prod.statelessTemplate, registryDashboardName(prod.config, registry));

  it('names the registry’s endpoint, deadline, quota and routes as the stage configures them', () => {
    const header = widgets().find((widget) => widget.type === 'text')!.properties.markdown!;
    const settings = prod.config[registry];
    expect(header).toContain(`\`${settings.endpoint}\``);
    expect(header).toContain(`deadline ${settings.deadlineMs} ms`);
    expect(header).toContain(`quota ${settings.quotaPerSecond} calls/s`);
    for (const route of registryRoutes(registry))
      expect(header).toContain(`\`${route.method} ${route.path}\``);
  });

  it('graphs how often its circuit opened, by registry', () => {
    expect(metricsOf(widgets())).toContain(
      JSON.stringify([
        circuitOpenedMetric.namespace,
        circuitOpenedMetric.metricName,
        'registry',
        registry,
        { label: `${registry} circuit opened`, stat: 'Sum' },
      ]),
    );
  });

  it('graphs the calling functions’ latency against the registry deadline, and their errors, throttles and concurrency', () => {
    const metrics = metricsOf(widgets());
    for (const name of registryFunctions[registry]) {
      const functionId = logicalId(prod, prod.stateless.functions[name]);
      for (const metricName of ['Duration', 'Errors', 'Throttles', 'ConcurrentExecutions']) {
        expect(metrics.some((m) => m.includes(`"${metricName}"`) && m.includes(`<${functionId}>`))).toBe(
          true,
        );
      }
    }
    const latency = widgets().find((widget) => widget.properties.title?.startsWith('Latency'))!;
    expect(latency.properties.annotations?.horizontal).toEqual([
      expect.objectContaining({ value: prod.config[registry].deadlineMs }),
    ]);
  });

  it('graphs latency, requests, 4XX and 5XX of each of its routes (API Gateway per-method metrics)', () => {
    const metrics = metricsOf(widgets());
    for (const route of registryRoutes(registry)) {
      for (const metricName of ['Latency', 'Count', '4XXError', '5XXError']) {
        expect(metrics).toContainEqual(
          expect.stringContaining(
            JSON.stringify([
              'AWS/ApiGateway',
              metricName,
              'ApiName',
              prod.config.prefix,
              'Method',
              route.method,
              'Resource',
              route.path,
              'Stage',
              `<${logicalId(prod, prod.stateless.api.deploymentStage)}>`,
            ]).slice(0, -1),
          ),
        );
      }
    }
  });

  it('counts quota refusals and refusals by reason in the calling functions’ logs only', () => {
    const queries = queriesOf(widgets());
    const sources = registryFunctions[registry]
      .map((name) => `SOURCE '<${functionLogGroupId(prod, name)}>'`)
      .join(' | ');
    expect(queries).toEqual(
      expect.arrayContaining([
        `${sources} | ${registryQueries.quotaRefusalsOverTime.join('\n| ')}`,
        `${sources} | ${registryQueries.refusalsByReason.join('\n| ')}`,
      ]),
    );
    // What the adapters throw on a quota refusal, and how the functions log a refusal.
    expect(registryQueries.quotaRefusalsOverTime.join(' ')).toContain('quota exceeded');
    expect(registryQueries.refusalsByReason.join(' ')).toContain('"request refused"');
  });

  it('reads its routes’ 502/503/504 answers from the access log', () => {
    const accessLogs = `SOURCE '<${prod.stateless.getLogicalId(prod.stateless.accessLogs.node.defaultChild as never)}>'`;
    const { failuresOverTime, byStatus } = registryAccessQueries(registry);
    expect(queriesOf(widgets())).toEqual(
      expect.arrayContaining([
        `${accessLogs} | ${failuresOverTime.join('\n| ')}`,
        `${accessLogs} | ${byStatus.join('\n| ')}`,
      ]),
    );
    for (const route of registryRoutes(registry)) expect(failuresOverTime[0]).toContain(`"${route.path}"`);
  });
});

describe('the clients dashboard', () => {
  const widgets = () => dashboardWidgets(prod.statelessTemplate, clientsDashboardName(prod.config));
  const accessLogSource = () =>
    `SOURCE '<${prod.stateless.getLogicalId(prod.stateless.accessLogs.node.defaultChild as never)}>'`;

  it('queries only the API access log', () => {
    const queries = queriesOf(widgets());
    expect(queries.length).toBeGreaterThan(0);
    for (const query of queries) expect(query.startsWith(`${accessLogSource()} | `)).toBe(true);
  });

  it('shows requests, 4XX, 5XX, 429s and latency by client', () => {
    const queries = queriesOf(widgets());
    for (const lines of [
      clientQueries.requestsAndLatency,
      clientQueries.clientErrors,
      clientQueries.serverErrors,
      clientQueries.tooManyRequests,
    ]) {
      expect(queries).toContain(`${accessLogSource()} | ${lines.join('\n| ')}`);
      expect(lines.join(' ')).toMatch(/by clientId/);
    }
    expect(clientQueries.requestsAndLatency.join(' ')).toContain('pct(responseLatency, 99)');
    expect(clientQueries.tooManyRequests.join(' ')).toContain('429');
  });

  it('uses only fields the access log writes', () => {
    const fields = new Set(Object.keys(accessLogFields));
    const used = [
      ...Object.values(clientQueries).flat(),
      ...Object.values(namedClientQueries('tay-ninh-hcc')).flat(),
      ...Object.values(registryAccessQueries('land')).flat(),
    ]
      .join(' ')
      .match(/\b(clientId|status|responseLatency|resourcePath|httpMethod|keyId|sourceIp|[a-z]+Latency)\b/g)!;
    for (const field of new Set(used)) expect(fields).toContain(field);
  });

  it('gives each client the stage names its own row; without names there are none', () => {
    const titles = widgets().map((widget) => widget.properties.title);
    for (const clientId of ['tay-ninh-hcc', 'motcua-tayninh']) {
      expect(titles).toEqual(
        expect.arrayContaining([
          `${clientId}: requests and p99 latency (ms)`,
          `${clientId}: answers by status`,
        ]),
      );
      const { overTime } = namedClientQueries(clientId);
      expect(queriesOf(widgets())).toContain(`${accessLogSource()} | ${overTime.join('\n| ')}`);
    }
    const devTitles = dashboardWidgets(dev.statelessTemplate, clientsDashboardName(dev.config)).map(
      (widget) => widget.properties.title ?? '',
    );
    expect(devTitles.filter((title) => title.includes(': requests and p99'))).toEqual([]);
  });

  it('no dashboard or alarm uses a metric dimension per client', () => {
    const template = JSON.stringify(prod.statelessTemplate.toJSON());
    expect(template).not.toMatch(/\\"clientId\\",\s*\\"/);
    expect(template).not.toMatch(/"Name":\s*"clientId"/);
  });
});

describe('the overview dashboard', () => {
  it('graphs the batch functions’ counts with the dimensions they are published with', () => {
    const metrics = metricsOf(dashboardWidgets(prod.statelessTemplate, prod.config.prefix));
    for (const metricName of [...batchMetrics.submitted, ...batchMetrics.items]) {
      const published = JSON.stringify([batchMetrics.namespace, metricName, 'service', 'lienthong']);
      expect(metrics).toContainEqual(
        expect.stringMatching(`^${escapeRegExp(published.slice(0, -1))},\\{"stat":"Sum"`),
      );
    }
  });
});
