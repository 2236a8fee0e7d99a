import type { ApiDeps } from '#functions/api/env.ts';
import { createDynamoClient } from '#shared/aws/clients.ts';
import { lazyFileStore } from '#shared/aws/lazy-file-store.ts';
import { SesMailer } from '#shared/aws/ses-mailer.ts';
import { SnsPublisher } from '#shared/aws/sns-publisher.ts';
import { InProcessPublisher } from '#shared/events/publisher.ts';
import type { Config } from '#shared/config.ts';
import { createLogger } from '#shared/logger.ts';
import { DevMailbox } from '#shared/mail/dev-mailbox.ts';

/**
 * Wires the API's dependencies from configuration: the same use cases everywhere, only the
 * adapters at the edge differ (SES or the dev mailbox).
 */
export function createApiDeps(config: Config, overrides: Partial<ApiDeps> = {}): ApiDeps {
  const ddb = createDynamoClient(config);
  const devMailbox = config.mode === 'local' ? (overrides.devMailbox ?? new DevMailbox()) : undefined;
  const mailer = devMailbox ?? new SesMailer(config.region, config.mailFrom);
  const logger = createLogger('atelier-api', config);
  const publisher =
    config.mode === 'local' ? new InProcessPublisher() : new SnsPublisher(config.region, config.eventsTopicArn!);
  return { config, db: { ddb, table: config.tableName }, files: lazyFileStore(config), mailer, publisher, devMailbox, logger, now: () => new Date(), ...overrides };
}
