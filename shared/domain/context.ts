import type { FileStore } from '#shared/aws/file-store.ts';
import type { Config } from '#shared/config.ts';
import type { Db } from '#shared/db/db.ts';
import type { OrderFile } from '#shared/db/order-file.ts';
import type { EventPublisher } from '#shared/events/publisher.ts';
import type { Mailer } from '#shared/mail/mailer.ts';

/** What every use case may depend on; handlers build it once and tests build their own. */
export type DomainContext = {
  config: Config;
  db: Db;
  mailer: Mailer;
  publisher: EventPublisher;
  files: FileStore;
  now: () => Date;
  /**
   * Local mode makes previews in process as soon as a file is recorded; in AWS the files Lambda
   * makes them from the bucket's object-created event, so this is absent there.
   */
  previews?: ((file: OrderFile) => Promise<OrderFile>) | undefined;
};
