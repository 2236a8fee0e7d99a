import { Duration, Fn, RemovalPolicy, Stack } from 'aws-cdk-lib';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as CloudFrontFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  OriginRequestPolicy,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { BlockPublicAccess, Bucket, BucketEncryption } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { originSecretHeader } from '#shared/security/origin-secret-header.ts';
import { portalContentSecurityPolicy } from '#shared/security/portal-csp.ts';

export type WebProps = {
  portalDir: string;
  httpApi: HttpApi;
  /** Sent with every request to the API, which refuses requests without it. */
  originSecret: string;
  logs: Bucket;
};

/** Rewrites portal routes (no file extension, not /assets) to the single page. */
const spaRewrite = `function handler(event) {
  var request = event.request;
  if (request.uri.indexOf('/assets/') !== 0 && request.uri.indexOf('.') === -1) request.uri = '/index.html';
  return request;
}`;

/**
 * The portal on a private bucket behind CloudFront, with /api/* routed to the HTTP API on the
 * same origin, so the session cookie is first-party and CSRF checks can compare origins.
 */
export class Web extends Construct {
  readonly distribution: Distribution;
  readonly site: Bucket;

  constructor(scope: Construct, id: string, props: WebProps) {
    super(scope, id);
    const site = (this.site = new Bucket(this, 'Portal', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      serverAccessLogsBucket: props.logs,
      serverAccessLogsPrefix: 'portal/',
      // Only the built portal lives here: the stack empties it when it goes.
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    }));
    // Files are served from the uploads bucket's own origin (presigned URLs), never from the
    // portal's. Not that one bucket's exact host: the bucket's CORS names the distribution, and
    // the distribution's headers would name the bucket, a cycle CloudFormation cannot create.
    const region = Stack.of(this).region;
    const filesOrigin = `https://*.s3.${region}.amazonaws.com`;
    const headers = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          override: true,
          contentSecurityPolicy: portalContentSecurityPolicy(filesOrigin),
        },
        strictTransportSecurity: { override: true, accessControlMaxAge: Duration.days(365), includeSubdomains: true },
        contentTypeOptions: { override: true },
        frameOptions: { override: true, frameOption: HeadersFrameOption.DENY },
        referrerPolicy: { override: true, referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN },
      },
    });
    const apiOrigin = new HttpOrigin(Fn.select(2, Fn.split('/', props.httpApi.apiEndpoint)), {
      customHeaders: { [originSecretHeader]: props.originSecret },
    });
    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Atelier portal and API',
      defaultRootObject: 'index.html',
      enableLogging: true,
      logBucket: props.logs,
      logFilePrefix: 'cloudfront/',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(site),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        responseHeadersPolicy: headers,
        functionAssociations: [
          { eventType: FunctionEventType.VIEWER_REQUEST, function: new CloudFrontFunction(this, 'SpaRewrite', { code: FunctionCode.fromInline(spaRewrite), runtime: FunctionRuntime.JS_2_0 }) },
        ],
      },
      additionalBehaviors: {
        '/api/*': {
          origin: apiOrigin,
          viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          // Every viewer header but Host, and CloudFront-Viewer-Address: the client IP for rate limits.
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        },
      },
    });
    // Hashed files first, kept for a year and never pruned: a tab opened before a deploy still
    // loads the chunks its index.html names. Then the rest (index.html), which browsers revalidate.
    const assets = new BucketDeployment(this, 'DeployAssets', {
      sources: [Source.asset(props.portalDir)],
      include: ['assets/*'],
      exclude: ['*'],
      destinationBucket: site,
      cacheControl: [CacheControl.fromString('public, max-age=31536000, immutable')],
      prune: false,
      memoryLimit: 256,
    });
    const pages = new BucketDeployment(this, 'DeployPages', {
      sources: [Source.asset(props.portalDir)],
      exclude: ['assets/*'],
      destinationBucket: site,
      cacheControl: [CacheControl.noCache()],
      prune: false,
      distribution: this.distribution,
      distributionPaths: ['/index.html'],
      memoryLimit: 256,
    });
    pages.node.addDependency(assets);
  }
}
