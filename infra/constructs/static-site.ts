/**
 * The officer console on AWS: its static files in a private, encrypted S3 bucket, served by CloudFront
 * through origin access control. The same distribution routes `/v1/*` to the REST API, so the console
 * calls the API on its own origin — no CORS, no configuration file, the same relative URLs as on the
 * local gateway. The files are built by `console/build.ts` during synth (local bundling, no Docker).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import {
  AssetHashType,
  DockerImage,
  Duration,
  RemovalPolicy,
  Stack,
  Validations,
  type ILocalBundling,
} from 'aws-cdk-lib';
import type * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct, type Node } from 'constructs';
import { consoleContentSecurityPolicy } from '../../console/security-headers.js';

/** A domain of the province's own for the console, with its ACM certificate (in us-east-1). */
export interface ConsoleDomain {
  readonly domainName: string;
  readonly certificateArn: string;
}

/** `--context consoleDomainName=… --context consoleCertificateArn=…`, both or neither. */
export function consoleDomainFromContext(node: Node): ConsoleDomain | undefined {
  const domainName = node.tryGetContext('consoleDomainName') as string | undefined;
  const certificateArn = node.tryGetContext('consoleCertificateArn') as string | undefined;
  if (!domainName && !certificateArn) return undefined;
  if (!domainName || !certificateArn) {
    throw new Error(
      'Context "consoleDomainName" and "consoleCertificateArn" go together: give both or neither.',
    );
  }
  return { domainName, certificateArn };
}

export interface StaticSiteProps {
  /** The API the console calls; CloudFront forwards `/v1/*` to its deployment stage. */
  readonly api: apigateway.RestApi;
  readonly domain?: ConsoleDomain;
  /** How long CloudFront and S3 access logs are kept. */
  readonly logRetention?: Duration;
}

/** Builds the console into CDK's asset folder, in a child process (bundling is synchronous). */
const buildLocally: ILocalBundling = {
  tryBundle(outputDir: string): boolean {
    execFileSync(path.resolve('node_modules/.bin/tsx'), ['console/build-cli.ts', outputDir], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    return true;
  },
};

export class StaticSite extends Construct {
  public readonly bucket: s3.Bucket;
  public readonly distribution: cloudfront.Distribution;
  public readonly url: string;

  public constructor(scope: Construct, id: string, props: StaticSiteProps) {
    super(scope, id);
    const logRetention = props.logRetention ?? Duration.days(365);

    // CloudFront's standard logs are written with object ACLs, hence object-writer ownership.
    const logs = new s3.Bucket(this, 'AccessLogs', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.OBJECT_WRITER,
      lifecycleRules: [{ expiration: logRetention }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(logs).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'This is the access-log bucket of the console bucket and its distribution; logging its own access would log into itself.',
    });

    this.bucket = new s3.Bucket(this, 'Files', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      versioned: false,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 's3/',
      // Built from the repository at every deploy: nothing here that a deploy cannot recreate.
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const securityHeaders = new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Officer console: CSP (own origin only), HSTS, nosniff, no framing, no referrer',
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: consoleContentSecurityPolicy, override: true },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(365),
          includeSubdomains: true,
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.NO_REFERRER, override: true },
        xssProtection: { protection: true, modeBlock: true, override: true },
      },
    });

    const certificate = props.domain
      ? acm.Certificate.fromCertificateArn(this, 'Certificate', props.domain.certificateArn)
      : undefined;
    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: `${Stack.of(this).stackName} officer console and its API`,
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: securityHeaders,
        compress: true,
      },
      additionalBehaviors: {
        // The API, never cached, every header but Host forwarded (x-api-key, the purpose envelope).
        '/v1/*': {
          origin: new origins.RestApiOrigin(props.api),
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
          cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
          originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: securityHeaders,
        },
      },
      ...(props.domain && certificate
        ? {
            domainNames: [props.domain.domainName],
            certificate,
            minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      priceClass: cloudfront.PriceClass.PRICE_CLASS_200, // includes the edge locations in Viet Nam
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cloudfront/',
    });
    this.url = `https://${props.domain?.domainName ?? this.distribution.distributionDomainName}`;

    if (!props.domain) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason:
          'Without a domain of its own (context consoleDomainName and consoleCertificateArn) the distribution answers on *.cloudfront.net with the default certificate, whose security policy AWS fixes at TLSv1; with one it requires TLSv1.2_2021.',
      });
    }
    Validations.of(this.distribution).acknowledge(
      {
        id: 'AwsSolutions-CFR1',
        reason:
          'Officers work from provincial offices and on the move; the API behind /v1/* admits by API key, which a country block would not strengthen.',
      },
      {
        id: 'AwsSolutions-CFR2',
        reason:
          'A CloudFront web ACL must live in us-east-1, outside this stack; /v1/* reaches the API Gateway stage, which has its own regional WAF, and the rest is public, read-only static files.',
      },
    );

    const deployment = new s3deploy.BucketDeployment(this, 'Deploy', {
      sources: [
        s3deploy.Source.asset(path.resolve('console'), {
          // The bundle depends on schemas/ and functions/ too: hash what was built, not the folder.
          assetHashType: AssetHashType.OUTPUT,
          bundling: {
            image: DockerImage.fromRegistry('public.ecr.aws/docker/library/node:24-slim'),
            local: buildLocally,
          },
        }),
      ],
      destinationBucket: this.bucket,
      distribution: this.distribution,
      distributionPaths: ['/*'],
      // File names carry no hash: browsers revalidate, and each deploy invalidates CloudFront.
      cacheControl: [s3deploy.CacheControl.noCache()],
      prune: true,
      memoryLimit: 256,
    });

    // The copying function is CDK's own (one per stack), run only during a deployment.
    const copier = deployment.handlerRole.node.scope as Construct;
    const copierPolicy = (action: string) => ({
      id: `AwsSolutions-IAM5[Action::${action}]`,
      reason:
        "CDK's BucketDeployment grant: the copier reads the asset from the bootstrap bucket and replaces the console's files, object by object.",
    });
    Validations.of(copier).acknowledge(
      {
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason:
          "The deployment-time copier of CDK's BucketDeployment writes its logs with the AWS managed basic execution policy, which is exactly that permission.",
      },
      ...['s3:GetBucket*', 's3:GetObject*', 's3:List*', 's3:Abort*', 's3:DeleteObject*'].map(copierPolicy),
      {
        id: 'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*]',
        reason:
          'The copier reads the built console from the CDK bootstrap asset bucket, whose object keys are content hashes known only at deploy time.',
      },
      {
        id: `AwsSolutions-IAM5[Resource::<${Stack.of(this).getLogicalId(this.bucket.node.defaultChild as s3.CfnBucket)}.Arn>/*]`,
        reason:
          'The copier replaces every file of the console bucket (and prunes old ones): all of its objects, and only that bucket.',
      },
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason:
          'cloudfront:CreateInvalidation and GetInvalidation, for the invalidation after each deploy, do not support resource-level permissions in this grant.',
      },
      {
        id: 'AwsSolutions-L1',
        reason:
          "The copier's runtime is chosen by CDK's BucketDeployment (it bundles the AWS CLI for it); it runs only during deployments and is upgraded with aws-cdk-lib.",
      },
    );
  }
}
