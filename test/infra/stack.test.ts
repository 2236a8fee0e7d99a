import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, type AssetStaging } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AtelierStack, repoRoot } from '#infra/atelier-stack.ts';
import { assertSharpForLambda } from '#infra/files.ts';
import { indexes } from '#shared/db/table-schema.ts';
import { originSecretHeader } from '#shared/security/origin-secret-header.ts';

let portalDir: string;
let stack: AtelierStack;
let template: Template;

beforeAll(() => {
  portalDir = mkdtempSync(join(tmpdir(), 'atelier-portal-'));
  writeFileSync(join(portalDir, 'index.html'), '<!doctype html><title>test</title>');
  stack = new AtelierStack(new App(), 'Atelier', { portalDir });
  template = Template.fromStack(stack);
}, 120_000);
afterAll(() => rmSync(portalDir, { recursive: true, force: true }));

describe('the Atelier stack', () => {
  it('has the one table with its keys, five GSIs, TTL, PITR and on-demand billing', () => {
    template.resourceCountIs('AWS::DynamoDB::GlobalTable', 1);
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      GlobalSecondaryIndexes: Object.values(indexes).map((index) =>
        Match.objectLike({ IndexName: index.name, KeySchema: [{ AttributeName: index.pk, KeyType: 'HASH' }, { AttributeName: index.sk, KeyType: 'RANGE' }], Projection: { ProjectionType: 'ALL' } }),
      ),
      Replicas: [Match.objectLike({ PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true }, DeletionProtectionEnabled: true })],
    });
    template.hasResource('AWS::DynamoDB::GlobalTable', { DeletionPolicy: 'Retain' });
  });

  it('blocks public access to every bucket and refuses plain-http requests', () => {
    const buckets = template.findResources('AWS::S3::Bucket');
    expect(Object.keys(buckets).length).toBe(3);
    for (const bucket of Object.values(buckets)) {
      expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
    }
    const policies = Object.values(template.findResources('AWS::S3::BucketPolicy'));
    expect(policies.length).toBe(3);
    for (const policy of policies) {
      expect(policy.Properties.PolicyDocument.Statement).toContainEqual(
        expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      );
    }
  });

  it('expires abandoned uploads and lets only the portal post to the uploads bucket', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: { Rules: Match.arrayWith([Match.objectLike({ Prefix: 'incoming/', ExpirationInDays: 1, Status: 'Enabled' })]) },
      CorsConfiguration: { CorsRules: [Match.objectLike({ AllowedMethods: ['POST', 'GET', 'HEAD'], AllowedOrigins: [Match.objectLike({ 'Fn::Join': Match.anyValue() })] })] },
    });
  });

  it('runs the api on Node 22 with the settings its configuration requires', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs22.x',
      Handler: 'index.handler',
      Architectures: ['arm64'],
      TracingConfig: { Mode: 'Active' },
      Environment: {
        Variables: Match.objectLike({
          ATELIER_MODE: 'aws',
          TABLE_NAME: Match.anyValue(),
          UPLOADS_BUCKET: Match.anyValue(),
          EVENTS_TOPIC_ARN: Match.anyValue(),
          PUBLIC_URL: Match.objectLike({ 'Fn::Join': ['', ['https://', Match.anyValue()]] }),
          MAIL_FROM: { Ref: 'MailFrom' },
        }),
      },
    });
  });

  it('makes previews in an x86_64 files Lambda on objects created under files/, with sharp in its own bundle', () => {
    const functions = template.findResources('AWS::Lambda::Function');
    const previews = Object.entries(functions).find(([id]) => id.startsWith('FilesPreviews'));
    const api = Object.entries(functions).find(([id]) => id.startsWith('ApiHandler'));
    expect(previews?.[1].Properties).toMatchObject({ Runtime: 'nodejs22.x', Architectures: ['x86_64'] });
    // Source maps ship but are not loaded at start: --enable-source-maps costs a quarter of the cold import.
    for (const [, fn] of [previews!, api!]) expect(JSON.stringify(fn.Properties.Environment ?? {})).not.toContain('enable-source-maps');
    // Each function gets its own bundle (CDK's bundling cache once handed both the api's).
    expect(previews![1].Properties.Code.S3Key).not.toEqual(api![1].Properties.Code.S3Key);
    const staged = stack.node.findAll().find((c) => c.node.path === 'Atelier/Files/Previews/Code/Stage') as AssetStaging;
    expect(existsSync(join(staged.absoluteStagedPath, 'node_modules/sharp/package.json'))).toBe(true);
    expect(existsSync(join(staged.absoluteStagedPath, 'node_modules/@img/sharp-linux-x64/package.json'))).toBe(true);
    template.hasResourceProperties('Custom::S3BucketNotifications', {
      NotificationConfiguration: {
        LambdaFunctionConfigurations: [Match.objectLike({ Events: ['s3:ObjectCreated:*'], Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'files/' }] } } })],
      },
    });
    // It may read originals and write previews, nothing else of the bucket.
    const policies = template.findResources('AWS::IAM::Policy');
    const filesPolicy = Object.entries(policies).find(([id]) => id.startsWith('FilesPreviewsServiceRole'))![1];
    const actions = filesPolicy.Properties.PolicyDocument.Statement.flatMap((st: { Action: string | string[] }) => [st.Action].flat());
    expect(actions.filter((a: string) => a.startsWith('s3:')).sort()).toEqual(['s3:GetObject', 's3:PutObject']);
  });

  it('keeps the S3 events whose previews failed every attempt, with their errors, and raises an alarm', () => {
    const queues = template.findResources('AWS::SQS::Queue');
    const [queueId, queue] = Object.entries(queues).find(([id]) => id.startsWith('FilesFailedEvents'))!;
    expect(queue.Properties).toMatchObject({ SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 24 * 3600 });
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: queueId }],
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
    const previews = Object.keys(template.findResources('AWS::Lambda::Function')).find((id) => id.startsWith('FilesPreviews'))!;
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: previews },
      MaximumRetryAttempts: 2,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [queueId, 'Arn'] } } },
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId, 'QueueName'] } }],
      Threshold: 1,
    });
    template.hasOutput('FailedPreviewEvents', { Value: { Ref: queueId } });
  });

  it('ships fonts with the files Lambda, so text in an SVG proof is drawn in its preview, not as empty boxes', () => {
    const staged = (stack.node.findAll().find((c) => c.node.path === 'Atelier/Files/Previews/Code/Stage') as AssetStaging).absoluteStagedPath;
    const previews = Object.entries(template.findResources('AWS::Lambda::Function')).find(([id]) => id.startsWith('FilesPreviews'))![1];
    expect(previews.Properties.Environment.Variables.FONTCONFIG_FILE).toBe('/var/task/fonts.conf');
    const noFonts = join(mkdtempSync(join(tmpdir(), 'atelier-no-fonts-')), 'fonts.conf');
    writeFileSync(noFonts, '<?xml version="1.0"?><fontconfig><cachedir>/tmp/fontconfig-none</cachedir></fontconfig>');
    // The staged bundle's own sharp, in a fresh process: fontconfig reads its file once, at start.
    const darkPixels = (fontconfigFile: string) =>
      Number(
        execFileSync(
          process.execPath,
          [
            '--input-type=module',
            '-e',
            `import { createRequire } from 'node:module';
const sharp = createRequire(${JSON.stringify(join(staged, 'index.mjs'))})('sharp');
const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="400" height="100"><rect width="400" height="100" fill="white"/><text x="10" y="70" font-size="60" font-family="Brush Script MT, cursive" fill="black">Nonna</text></svg>');
const { data } = await sharp(svg).greyscale().raw().toBuffer({ resolveWithObject: true });
console.log(data.filter((v) => v < 128).length);`,
          ],
          { env: { ...process.env, FONTCONFIG_FILE: fontconfigFile }, encoding: 'utf8' },
        ).trim(),
      );
    const withShippedFonts = darkPixels(join(staged, 'fonts.conf'));
    const withNone = darkPixels(noFonts);
    // Letters ink a couple of thousand pixels here; the empty boxes drawn without a font, a few hundred.
    expect(withShippedFonts).toBeGreaterThan(5 * withNone);
    expect(withShippedFonts).toBeGreaterThan(1500);
  });

  it('routes /api through an HTTP API to the Lambda, throttled and logged', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'ANY /api/{proxy+}' });
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      AccessLogSettings: Match.objectLike({ DestinationArn: Match.anyValue() }),
      DefaultRouteSettings: { ThrottlingBurstLimit: 200, ThrottlingRateLimit: 100 },
    });
  });

  it('serves the portal from a private bucket through CloudFront, with /api/* uncached on the same origin', () => {
    template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: 'index.html',
        CacheBehaviors: [Match.objectLike({ PathPattern: '/api/*', AllowedMethods: Match.arrayWith(['PATCH', 'POST', 'DELETE']), CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad' })],
        Logging: Match.objectLike({ Prefix: 'cloudfront/' }),
      }),
    });
    const [headers] = Object.values(template.findResources('AWS::CloudFront::ResponseHeadersPolicy'));
    const csp = JSON.stringify(headers!.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy);
    for (const directive of ["default-src 'self'", "script-src 'self'", "frame-ancestors 'none'", "object-src 'none'"]) expect(csp).toContain(directive);
  });

  it('sends a generated secret from CloudFront to the api, which refuses requests without it, and keeps it out of the template', () => {
    template.resourceCountIs('AWS::SecretsManager::Secret', 1);
    template.hasResourceProperties('AWS::SecretsManager::Secret', { GenerateSecretString: Match.objectLike({ PasswordLength: 48, ExcludePunctuation: true }) });
    const [secretId] = Object.keys(template.findResources('AWS::SecretsManager::Secret'));
    const reference = { 'Fn::Join': ['', ['{{resolve:secretsmanager:', { Ref: secretId }, ':SecretString:::}}']] };
    const api = Object.entries(template.findResources('AWS::Lambda::Function')).find(([id]) => id.startsWith('ApiHandler'))![1];
    expect(api.Properties.Environment.Variables.ORIGIN_SECRET).toEqual(reference);
    const [distribution] = Object.values(template.findResources('AWS::CloudFront::Distribution'));
    const apiOrigin = distribution!.Properties.DistributionConfig.Origins.find((o: { CustomOriginConfig?: unknown }) => o.CustomOriginConfig);
    expect(apiOrigin.OriginCustomHeaders).toEqual([{ HeaderName: originSecretHeader, HeaderValue: reference }]);
  });

  it('publishes domain events to an encrypted SNS topic the api may publish to', () => {
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: 'sns:Publish', Effect: 'Allow' })]) },
    });
  });

  it('takes the SES identity as a parameter and may send only from it', () => {
    template.hasParameter('SesSenderIdentity', { Type: 'String' });
    // No example.com default: a deploy without the operator's identity stops instead of sending nothing.
    for (const name of ['SesSenderIdentity', 'MailFrom']) expect(template.toJSON().Parameters[name].Default).toBeUndefined();
    // Any identity SES checks (in its sandbox, each recipient's too), but only From the operator's.
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: ['ses:SendEmail', 'ses:SendRawEmail'],
            Resource: Match.objectLike({ 'Fn::Join': ['', Match.arrayWith([':identity/*'])] }),
            Condition: { StringLike: { 'ses:FromAddress': [{ Ref: 'SesSenderIdentity' }, { 'Fn::Join': ['', ['*@', { Ref: 'SesSenderIdentity' }]] }] } },
          }),
        ]),
      },
    });
  });

  it('gives the api the 29 s an HTTP API waits, to finalize large uploads', () => {
    const api = Object.entries(template.findResources('AWS::Lambda::Function')).find(([id]) => id.startsWith('ApiHandler'))![1];
    expect(api.Properties.Timeout).toBe(29);
  });

  it('deploys the portal so a tab opened before a deploy still loads its chunks, and index.html is revalidated', () => {
    const deployments = Object.entries(template.findResources('Custom::CDKBucketDeployment'));
    expect(deployments.map(([id]) => id.replace(/CustomResource.*$/, '')).sort()).toEqual(['WebDeployAssets', 'WebDeployPages']);
    const [, assets] = deployments.find(([id]) => id.startsWith('WebDeployAssets'))!;
    const [, pages] = deployments.find(([id]) => id.startsWith('WebDeployPages'))!;
    for (const deployment of [assets, pages]) expect(deployment.Properties.Prune).toBe(false);
    expect(assets.Properties.SystemMetadata).toEqual({ 'cache-control': 'public, max-age=31536000, immutable' });
    expect(assets.Properties.Include).toEqual(['assets/*']);
    expect(pages.Properties.SystemMetadata).toEqual({ 'cache-control': 'no-cache' });
    expect(pages.Properties.Exclude).toEqual(['assets/*']);
    expect(pages.Properties.DistributionPaths).toEqual(['/index.html']);
    // index.html goes up only once the chunks it names are there.
    expect(JSON.stringify(pages.DependsOn)).toContain('WebDeployAssets');
    // The portal bucket holds only the build: the stack empties it when it is destroyed.
    template.resourceCountIs('Custom::S3AutoDeleteObjects', 1);
    expect(template.toJSON().Outputs.ApiUrl.Value['Fn::Join'][1].at(-1)).toBe('/api/docs');
  });

  it('refuses to synthesize without sharp’s build for Lambda’s x86_64 Linux', () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'atelier-mac-'));
    try {
      expect(() => assertSharpForLambda(elsewhere)).toThrow(/@img\/sharp-linux-x64, @img\/sharp-libvips-linux-x64.*npm install --no-save --os=linux --cpu=x64 --libc=glibc sharp/);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
    expect(() => assertSharpForLambda(repoRoot)).not.toThrow();
  });
});

describe('cdk-nag AwsSolutions', () => {
  it('finds nothing unacknowledged in the stack', () => {
    const report = new AwsSolutionsChecks(stack).validateScope(stack);
    expect(report.violations.map((v) => `${v.ruleName} @ ${v.violatingResources.map((r) => r.constructPath).join(', ')}`)).toEqual([]);
    expect(report.success).toBe(true);
  });

  it('would catch a resource added without its safeguards', () => {
    const app = new App();
    const careless = new AtelierStack(app, 'Careless', { portalDir });
    new Bucket(careless, 'Careless');
    const report = new AwsSolutionsChecks(careless).validateScope(careless);
    expect(report.success).toBe(false);
    expect(report.violations.map((v) => v.ruleName)).toEqual(expect.arrayContaining(['AwsSolutions-S1', 'AwsSolutions-S10']));
  });
});
