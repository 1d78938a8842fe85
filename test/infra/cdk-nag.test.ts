import { Stack } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks } from 'cdk-nag';
import { synthStage } from './synth.js';

/** Unacknowledged AwsSolutions findings as `rule @ construct path`, so a failure names them. */
function findings(context: Record<string, string>): string[] {
  const { app } = synthStage(context);
  const report = new AwsSolutionsChecks().validateScope(app);
  return report.violations.flatMap((violation) =>
    violation.violatingResources.map((resource) => `${violation.ruleName} @ ${resource.constructPath}`),
  );
}

describe('cdk-nag (AwsSolutions)', () => {
  it.each(['dev', 'staging', 'prod'])('has no unacknowledged findings for %s', (stage) => {
    expect(findings({ stage })).toEqual([]);
  });

  it('has no unacknowledged findings with private networking, CORS and alarms e-mail on', () => {
    expect(
      findings({
        stage: 'prod',
        privateNetworking: 'true',
        corsOrigins: 'https://motcua.example.gov.vn',
        alarmEmail: 'ops@example.gov.vn',
      }),
    ).toEqual([]);
  });

  it('has no unacknowledged findings when a throwaway stage switches WAF off', () => {
    expect(findings({ stage: 'dev', waf: 'false' })).toEqual([]);
  });

  it('does report findings (the check is live, not vacuous)', () => {
    const { app } = synthStage({ stage: 'dev' });
    new sqs.Queue(new Stack(app, 'Unprotected'), 'PlainQueue');
    const rules = new AwsSolutionsChecks()
      .validateScope(app)
      .violations.map((violation) => violation.ruleName);
    expect(rules).toEqual(expect.arrayContaining(['AwsSolutions-SQS3', 'AwsSolutions-SQS4']));
  });
});
