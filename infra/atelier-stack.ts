import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { Api } from '#infra/api.ts';
import { Files } from '#infra/files.ts';
import { Events } from '#infra/events.ts';
import { Mail } from '#infra/mail.ts';
import { OriginSecret } from '#infra/origin-secret.ts';
import { acknowledgeFindings } from '#infra/nag.ts';
import { Storage } from '#infra/storage.ts';
import { Web } from '#infra/web.ts';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export type AtelierStackProps = StackProps & {
  /** The built portal (`npm run build`); tests pass a directory of their own. */
  portalDir?: string;
};

/** Atelier in one stack, composed from one construct per concern. */
export class AtelierStack extends Stack {
  constructor(scope: Construct, id: string, props: AtelierStackProps = {}) {
    super(scope, id, props);
    const portalDir = props.portalDir ?? join(repoRoot, 'web/dist');
    if (!existsSync(join(portalDir, 'index.html'))) throw new Error(`No built portal in ${portalDir}: run \`npm run build\` first.`);

    const storage = new Storage(this, 'Storage');
    const events = new Events(this, 'Events');
    const mail = new Mail(this, 'Mail');
    const originSecret = new OriginSecret(this, 'Origin');
    // The API needs the portal's URL and CloudFront needs the API's endpoint: the Lambda's
    // environment is filled in after both exist (CloudFormation resolves it, no cycle).
    const api = new Api(this, 'Api', {
      repoRoot,
      table: storage.table,
      uploads: storage.uploads,
      topic: events.topic,
      sendMail: mail.sendPolicy,
      mailFrom: mail.from,
      originSecret: originSecret.value,
      publicUrl: 'pending',
    });
    const files = new Files(this, 'Files', { repoRoot, table: storage.table, uploads: storage.uploads, eventsTopicArn: events.topic.topicArn });
    const web = new Web(this, 'Web', { portalDir, httpApi: api.httpApi, originSecret: originSecret.value, logs: storage.logs });
    const portalUrl = `https://${web.distribution.distributionDomainName}`;
    api.fn.addEnvironment('PUBLIC_URL', portalUrl);
    files.fn.addEnvironment('PUBLIC_URL', portalUrl);
    storage.allowPortalOrigin(portalUrl);

    acknowledgeFindings(this, { api, files, web, storage, originSecret });

    new CfnOutput(this, 'PortalUrl', { value: portalUrl, description: 'Open this to use Atelier' });
    new CfnOutput(this, 'ApiUrl', { value: `${portalUrl}/api/docs`, description: 'The API’s reference; the API itself is under /api/ on the portal’s address' });
    new CfnOutput(this, 'TableName', { value: storage.table.tableName });
    new CfnOutput(this, 'UploadsBucket', { value: storage.uploads.bucketName });
    new CfnOutput(this, 'FailedPreviewEvents', { value: files.failedEvents.queueUrl, description: 'S3 events whose previews failed every attempt, with their errors (14 days)' });
  }
}
