import { Match, Template } from 'aws-cdk-lib/assertions';
import { consoleContentSecurityPolicy } from '../../console/security-headers.js';
import { resourcesOfType, synthStage } from './synth.js';

let dev: Template;
let withDomain: Template;
const certificateArn = 'arn:aws:acm:us-east-1:111122223333:certificate/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b';

beforeAll(() => {
  dev = Template.fromStack(synthStage({ stage: 'dev' }).console);
  withDomain = Template.fromStack(
    synthStage({
      stage: 'prod',
      consoleDomainName: 'motcua.example.gov.vn',
      consoleCertificateArn: certificateArn,
    }).console,
  );
});

function distributionConfig(template: Template): Record<string, unknown> {
  const [distribution] = Object.values(resourcesOfType(template, 'AWS::CloudFront::Distribution'));
  return distribution?.Properties['DistributionConfig'] as Record<string, unknown>;
}

describe('officer console hosting', () => {
  it('keeps its files in private, encrypted buckets that refuse plain HTTP', () => {
    const buckets = Object.values(resourcesOfType(dev, 'AWS::S3::Bucket'));
    expect(buckets).toHaveLength(2); // the files and their access logs
    for (const bucket of buckets) {
      expect(bucket.Properties['PublicAccessBlockConfiguration']).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expect(bucket.Properties['BucketEncryption']).toEqual({
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      });
    }
    const policies = Object.values(resourcesOfType(dev, 'AWS::S3::BucketPolicy'));
    expect(policies).toHaveLength(2);
    for (const policy of policies) {
      expect(policy.Properties['PolicyDocument']).toEqual(
        expect.objectContaining({
          Statement: expect.arrayContaining([
            expect.objectContaining({
              Effect: 'Deny',
              Action: 's3:*',
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            }),
          ]),
        }),
      );
    }
    // The files bucket logs its access to the log bucket.
    dev.hasResourceProperties('AWS::S3::Bucket', {
      LoggingConfiguration: { DestinationBucketName: Match.anyValue(), LogFilePrefix: 's3/' },
    });
  });

  it('is read by CloudFront through origin access control only, signed, with no legacy identity', () => {
    dev.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: Match.objectLike({
        OriginAccessControlOriginType: 's3',
        SigningBehavior: 'always',
        SigningProtocol: 'sigv4',
      }),
    });
    expect(resourcesOfType(dev, 'AWS::CloudFront::CloudFrontOriginAccessIdentity')).toEqual({});
    const origins = distributionConfig(dev)['Origins'] as Record<string, unknown>[];
    const s3Origin = origins.find((origin) => 'S3OriginConfig' in origin);
    expect(s3Origin).toEqual(
      expect.objectContaining({
        OriginAccessControlId: expect.anything(),
        S3OriginConfig: { OriginAccessIdentity: '' },
      }),
    );
    // The bucket policy lets this distribution's service principal read, and nobody else.
    dev.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Action: 's3:GetObject',
            Principal: { Service: 'cloudfront.amazonaws.com' },
            Condition: { StringEquals: { 'AWS:SourceArn': Match.anyValue() } },
          }),
        ]),
      },
    });
  });

  it('serves HTTPS only, index.html at the root, and the API under /v1/* uncached over TLS 1.2', () => {
    const config = distributionConfig(dev);
    expect(config['DefaultRootObject']).toBe('index.html');
    expect(config['DefaultCacheBehavior']).toEqual(
      expect.objectContaining({
        ViewerProtocolPolicy: 'redirect-to-https',
        ResponseHeadersPolicyId: expect.anything(),
      }),
    );
    const behaviors = config['CacheBehaviors'] as Record<string, unknown>[];
    expect(behaviors).toEqual([
      expect.objectContaining({
        PathPattern: '/v1/*',
        ViewerProtocolPolicy: 'https-only',
        // Managed policies: CachingDisabled, AllViewerExceptHostHeader.
        CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad',
        OriginRequestPolicyId: 'b689b0a8-53d0-40ab-baf2-68738e2966ac',
        AllowedMethods: expect.arrayContaining(['POST', 'DELETE']),
      }),
    ]);
    const apiOrigin = (config['Origins'] as Record<string, unknown>[]).find(
      (origin) => 'CustomOriginConfig' in origin,
    );
    expect(apiOrigin?.['CustomOriginConfig']).toEqual(
      expect.objectContaining({ OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] }),
    );
    expect(config['Logging']).toEqual(expect.objectContaining({ Prefix: 'cloudfront/' }));
  });

  it('requires TLS 1.2 from browsers on the province’s own domain', () => {
    const config = distributionConfig(withDomain);
    expect(config['Aliases']).toEqual(['motcua.example.gov.vn']);
    expect(config['ViewerCertificate']).toEqual({
      AcmCertificateArn: certificateArn,
      MinimumProtocolVersion: 'TLSv1.2_2021',
      SslSupportMethod: 'sni-only',
    });
  });

  it('adds the security headers: the same CSP as the local gateway, HSTS, nosniff, no framing', () => {
    dev.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: Match.objectLike({
        SecurityHeadersConfig: Match.objectLike({
          ContentSecurityPolicy: { ContentSecurityPolicy: consoleContentSecurityPolicy, Override: true },
          StrictTransportSecurity: Match.objectLike({ AccessControlMaxAgeSec: 31_536_000, Override: true }),
          ContentTypeOptions: { Override: true },
          FrameOptions: { FrameOption: 'DENY', Override: true },
          ReferrerPolicy: { ReferrerPolicy: 'no-referrer', Override: true },
        }),
      }),
    });
  });

  it('deploys the built files into the bucket and invalidates the distribution', () => {
    dev.hasResourceProperties('Custom::CDKBucketDeployment', {
      DestinationBucketName: Match.anyValue(),
      DistributionId: Match.anyValue(),
      DistributionPaths: ['/*'],
      Prune: true,
    });
    dev.hasOutput('ConsoleUrl', {});
  });

  it('refuses a domain without its certificate', () => {
    expect(() => synthStage({ stage: 'dev', consoleDomainName: 'motcua.example.gov.vn' })).toThrow(
      /consoleDomainName.*consoleCertificateArn/,
    );
  });
});
