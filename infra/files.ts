import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { Architecture, Function as LambdaFunction, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { EventType, type Bucket } from 'aws-cdk-lib/aws-s3';
import { LambdaDestination } from 'aws-cdk-lib/aws-s3-notifications';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { bundledCode } from '#infra/bundled-code.ts';

export type FilesProps = { repoRoot: string; table: TableV2; uploads: Bucket; eventsTopicArn: string };

/** sharp's build for Lambda's x86_64 Linux (glibc): its binding and its libvips. */
const sharpForLambda = ['@img/sharp-linux-x64', '@img/sharp-libvips-linux-x64'];

/**
 * The bundle carries the sharp build npm installed on this machine. Deployed from a Mac, an
 * arm64 Linux or Alpine, that is not the one Lambda can load, and every preview would fail:
 * refuse to synthesize instead, and say how to fetch the right one.
 */
export function assertSharpForLambda(repoRoot: string): void {
  const missing = sharpForLambda.filter((name) => !existsSync(join(repoRoot, 'node_modules', name, 'package.json')));
  if (missing.length > 0) {
    throw new Error(
      `The files Lambda runs on x86_64 Linux and needs sharp's build for it (${missing.join(', ')}), which npm did not install on this machine. ` +
        'Add it with `npm install --no-save --os=linux --cpu=x64 --libc=glibc sharp`, then deploy again.',
    );
  }
}

/**
 * The files Lambda: on each object created under `files/` (a checked upload at its final key)
 * it makes the PNG preview and thumbnail with sharp. sharp's native build is this machine's
 * linux-x64 one, hence x86_64.
 */
export class Files extends Construct {
  readonly fn: LambdaFunction;
  /** The S3 events whose previews failed every attempt, kept for the operator to look at and send again. */
  readonly failedEvents: Queue;

  constructor(scope: Construct, id: string, props: FilesProps) {
    super(scope, id);
    assertSharpForLambda(props.repoRoot);
    this.fn = new LambdaFunction(this, 'Previews', {
      code: bundledCode(props.repoRoot, 'functions/files/index.ts', ['sharp']),
      handler: 'index.handler',
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.X86_64,
      // Image decoding is CPU-bound: more memory buys more CPU.
      memorySize: 2048,
      timeout: Duration.minutes(1),
      tracing: Tracing.ACTIVE,
      logGroup: new LogGroup(this, 'Logs', { retention: RetentionDays.ONE_MONTH, removalPolicy: RemovalPolicy.DESTROY }),
      environment: {
        ATELIER_MODE: 'aws',
        TABLE_NAME: props.table.tableName,
        UPLOADS_BUCKET: props.uploads.bucketName,
        EVENTS_TOPIC_ARN: props.eventsTopicArn,
        LOG_LEVEL: 'INFO',
        // The fonts shipped beside the bundle (functions/files/fonts.conf): Lambda has none.
        FONTCONFIG_FILE: '/var/task/fonts.conf',
      },
    });
    // Exactly what making a preview needs: read the file's record and original, write the PNGs and the record's preview.
    this.fn.addToRolePolicy(new PolicyStatement({ actions: ['dynamodb:GetItem', 'dynamodb:UpdateItem'], resources: [props.table.tableArn] }));
    this.fn.addToRolePolicy(new PolicyStatement({ actions: ['s3:GetObject'], resources: [props.uploads.arnForObjects('files/*')] }));
    this.fn.addToRolePolicy(new PolicyStatement({ actions: ['s3:PutObject'], resources: [props.uploads.arnForObjects('previews/*')] }));
    props.uploads.addEventNotification(EventType.OBJECT_CREATED, new LambdaDestination(this.fn), { prefix: 'files/' });
    // S3 invokes asynchronously: Lambda tries an event three times, then would drop it, and the
    // file's preview would stay pending with no trace of why. The event and its error go here.
    this.failedEvents = new Queue(this, 'FailedEvents', { encryption: QueueEncryption.SQS_MANAGED, enforceSSL: true, retentionPeriod: Duration.days(14) });
    this.fn.configureAsyncInvoke({ onFailure: new SqsDestination(this.failedEvents), retryAttempts: 2, maxEventAge: Duration.hours(6) });
    new Alarm(this, 'PreviewsFailed', {
      alarmDescription: 'An uploaded file’s preview failed every attempt: its S3 event and the error are in the FailedEvents queue.',
      metric: this.failedEvents.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
  }
}
