import { Stack, Validations } from 'aws-cdk-lib';
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

  it('every acknowledged AwsSolutions rule carries a specific reason', () => {
    const { app } = synthStage({ stage: 'prod', privateNetworking: 'true', corsOrigins: 'https://a.gov.vn' });
    const acknowledged = app.node
      .findAll()
      .flatMap((construct) =>
        construct.node.metadata
          .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
          .flatMap((entry) => Object.entries(entry.data as Record<string, string>)),
      )
      .filter(([rule]) => rule.includes('AwsSolutions-'));
    expect(acknowledged.length).toBeGreaterThan(0);
    // A sentence about this resource, not a blanket "not needed" or "false positive".
    const blanket = /^(n\/a|ok|todo|false positive|not (needed|required|applicable))\.?$/i;
    const vague = acknowledged.filter(([, reason]) => reason.split(/\s+/).length < 8 || blanket.test(reason));
    expect(vague).toEqual([]);
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
