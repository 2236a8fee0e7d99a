import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { CfnStage, HttpApi, HttpMethod } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Architecture, Function as LambdaFunction, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import type { Topic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { bundledCode } from '#infra/bundled-code.ts';

export type ApiProps = {
  repoRoot: string;
  table: TableV2;
  uploads: Bucket;
  topic: Topic;
  sendMail: PolicyStatement;
  mailFrom: string;
  /** What CloudFront adds to each request it forwards (a dynamic reference to the secret). */
  originSecret: string;
  /** The portal's https origin, known only once the distribution exists (a token). */
  publicUrl: string;
};

/** The api Lambda (the whole Hono app) behind an HTTP API. */
export class Api extends Construct {
  readonly fn: LambdaFunction;
  readonly httpApi: HttpApi;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    const logGroup = new LogGroup(this, 'Logs', { retention: RetentionDays.ONE_MONTH, removalPolicy: RemovalPolicy.DESTROY });
    this.fn = new LambdaFunction(this, 'Handler', {
      code: bundledCode(props.repoRoot, 'functions/api/index.ts'),
      handler: 'index.handler',
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: 1024,
      // Finalizing an upload hashes and copies files of up to 100 MB; the HTTP API waits 30 s at most.
      timeout: Duration.seconds(29),
      tracing: Tracing.ACTIVE,
      logGroup,
      environment: {
        ATELIER_MODE: 'aws',
        TABLE_NAME: props.table.tableName,
        UPLOADS_BUCKET: props.uploads.bucketName,
        EVENTS_TOPIC_ARN: props.topic.topicArn,
        PUBLIC_URL: props.publicUrl,
        MAIL_FROM: props.mailFrom,
        ORIGIN_SECRET: props.originSecret,
        LOG_LEVEL: 'INFO',
      },
    });
    props.table.grantReadWriteData(this.fn);
    props.table.grant(this.fn, 'dynamodb:DescribeTable');
    props.uploads.grantReadWrite(this.fn);
    props.uploads.grantDelete(this.fn);
    props.topic.grantPublish(this.fn);
    this.fn.addToRolePolicy(props.sendMail);

    this.httpApi = new HttpApi(this, 'HttpApi', { description: 'Atelier API (reached through CloudFront at /api/*)' });
    const integration = new HttpLambdaIntegration('Api', this.fn);
    this.httpApi.addRoutes({ path: '/api/{proxy+}', methods: [HttpMethod.ANY], integration });
    this.httpApi.addRoutes({ path: '/api', methods: [HttpMethod.ANY], integration });

    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: RetentionDays.ONE_MONTH, removalPolicy: RemovalPolicy.DESTROY });
    const stage = this.httpApi.defaultStage!.node.defaultChild as CfnStage;
    stage.accessLogSettings = {
      destinationArn: accessLogs.logGroupArn,
      format: JSON.stringify({ requestId: '$context.requestId', ip: '$context.identity.sourceIp', method: '$context.httpMethod', path: '$context.path', status: '$context.status', latency: '$context.responseLatency' }),
    };
    stage.defaultRouteSettings = { throttlingBurstLimit: 200, throttlingRateLimit: 100 };
  }
}
