import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SNSClient } from '@aws-sdk/client-sns';
import { Logger } from '@aws-lambda-powertools/logger';
import type { ApiDeps } from '#functions/api/env.ts';
import { createAwsClients } from '#shared/aws/clients.ts';
import { FileStore } from '#shared/aws/file-store.ts';
import { SesMailer } from '#shared/aws/ses-mailer.ts';
import { SnsPublisher } from '#shared/aws/sns-publisher.ts';
import { InProcessPublisher } from '#shared/events/publisher.ts';
import type { Config } from '#shared/config.ts';
import { DevMailbox } from '#shared/mail/dev-mailbox.ts';

/**
 * Wires the API's dependencies from configuration: the same use cases everywhere, only the
 * adapters at the edge differ (SES or the dev mailbox).
 */
export function createApiDeps(config: Config, overrides: Partial<ApiDeps> = {}): ApiDeps {
  const { ddb, s3 } = createAwsClients(config);
  const devMailbox = config.mode === 'local' ? (overrides.devMailbox ?? new DevMailbox()) : undefined;
  const mailer = devMailbox ?? new SesMailer(new SESv2Client({ region: config.region }), config.mailFrom);
  const logger = new Logger({
    serviceName: 'atelier-api',
    logLevel: config.logLevel === 'SILENT' ? 'SILENT' : config.logLevel,
  });
  const publisher =
    config.mode === 'local' ? new InProcessPublisher() : new SnsPublisher(new SNSClient({ region: config.region }), config.eventsTopicArn!);
  return { config, db: { ddb, table: config.tableName }, s3, files: new FileStore(s3, config.uploadsBucket), mailer, publisher, devMailbox, logger, now: () => new Date(), ...overrides };
}
