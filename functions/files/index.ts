import type { S3Event } from 'aws-lambda';
import { createDynamoClient } from '#shared/aws/clients.ts';
import { lazyFileStore } from '#shared/aws/lazy-file-store.ts';
import { parseConfig } from '#shared/config.ts';
import { previewStoredFile } from '#shared/domain/files/preview-stored-file.ts';
import { createLogger } from '#shared/logger.ts';

const config = parseConfig(process.env);
// The S3 client loads, as sharp does, with the first file rendered: PDFs and other files, S3's
// repeated events and keys outside `files/` need neither (docs/decisions/0007-lambda-cold-start.md).
const ctx = { db: { ddb: createDynamoClient(config), table: config.tableName }, files: lazyFileStore(config) };
const logger = createLogger('atelier-files', config);

/** The bucket's object-created events under `files/`: previews for each new image or SVG. */
export async function handler(event: S3Event): Promise<void> {
  for (const record of event.Records) {
    // S3 event keys are URL-encoded, spaces as '+'.
    const key = decodeURIComponent(record.s3.object.key.replace(/\+/g, ' '));
    const result = await previewStoredFile(ctx, key);
    logger.info('preview', { key, state: result === 'not_a_file' ? result : result.preview.state });
  }
}
