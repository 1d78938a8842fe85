import { App, RemovalPolicy } from 'aws-cdk-lib';
import { defaultPopulationEndpoint, loadStageConfig } from '../../infra/config.js';

const configFor = (context: Record<string, string>) => loadStageConfig(new App({ context }).node);

describe('stage configuration', () => {
  it('defaults to dev', () => {
    expect(configFor({}).stage).toBe('dev');
  });

  it('prod is safe by default: retained, deletion-protected, PITR and alarms on', () => {
    const prod = configFor({ stage: 'prod' });
    expect(prod.removalPolicy).toBe(RemovalPolicy.RETAIN);
    expect(prod.deletionProtection).toBe(true);
    expect(prod.pointInTimeRecovery).toBe(true);
    expect(prod.alarms).toBe(true);
    expect(prod.waf).toBe(true);
    expect(prod.privateNetworking).toBe(false);
  });

  it('staging keeps its data and alarms like prod; only dev is disposable and silent', () => {
    const staging = configFor({ stage: 'staging' });
    expect(staging.removalPolicy).toBe(RemovalPolicy.RETAIN);
    expect(staging.alarms).toBe(true);
    const dev = configFor({ stage: 'dev' });
    expect(dev.removalPolicy).toBe(RemovalPolicy.DESTROY);
    expect(dev.alarms).toBe(false);
    expect(configFor({ stage: 'prod', alarms: 'false' }).alarms).toBe(false);
  });

  it('the upstream endpoint and deadline come from context, not code', () => {
    const config = configFor({
      stage: 'staging',
      populationEndpoint: 'https://lgsp.example.gov.vn/dancu',
      populationDeadlineMs: '5000',
    });
    expect(config.population).toEqual(
      expect.objectContaining({ endpoint: 'https://lgsp.example.gov.vn/dancu', deadlineMs: 5000 }),
    );
    expect(configFor({}).population).toEqual(
      expect.objectContaining({ endpoint: defaultPopulationEndpoint, deadlineMs: 8000 }),
    );
  });

  it('ledger retention defaults to 1825 days', () => {
    expect(configFor({ stage: 'prod' }).ledgerRetentionDays).toBe(1825);
  });

  it('splits CORS origins and reads boolean flags', () => {
    const config = configFor({
      corsOrigins: 'https://a.gov.vn, https://b.gov.vn',
      privateNetworking: 'true',
    });
    expect(config.corsOrigins).toEqual(['https://a.gov.vn', 'https://b.gov.vn']);
    expect(config.privateNetworking).toBe(true);
  });

  it('names the clients that get their own row on the clients dashboard', () => {
    expect(configFor({ dashboardClients: 'tay-ninh-hcc, motcua-tayninh' }).dashboardClients).toEqual([
      'tay-ninh-hcc',
      'motcua-tayninh',
    ]);
    expect(configFor({}).dashboardClients).toEqual([]);
  });

  it.each([
    [{ stage: 'production' }, /Unknown stage "production"/],
    [{ dashboardClients: 'tay-ninh-hcc,"/ or 1' }, /dashboardClients/],
    [{ populationEndpoint: 'lgsp.example.gov.vn' }, /populationEndpoint/],
    [{ populationDeadlineMs: 'soon' }, /populationDeadlineMs/],
    [{ waf: 'yes' }, /"waf" must be true or false/],
  ])('rejects %j', (context, message) => {
    expect(() => configFor(context)).toThrow(message);
  });
});
