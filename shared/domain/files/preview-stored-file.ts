import { getOrderFile, type OrderFile } from '#shared/db/order-file.ts';
import type { DomainContext } from '#shared/domain/context.ts';
import { makePreviews } from '#shared/domain/files/make-previews.ts';

const storedFileKey = /^files\/([A-Za-z0-9_-]+)\/([A-Za-z0-9_-]+)\.[a-z0-9]+$/;

/**
 * Makes the previews of a file that has just reached its final key in the bucket (the files
 * Lambda calls this for each object-created event). The upload's finalize writes the file's
 * record right after moving the object, so the record may be a moment behind the event: it is
 * waited for, briefly, and a missing one is an error the event source retries.
 */
export async function previewStoredFile(
  ctx: Pick<DomainContext, 'db' | 'files'>,
  key: string,
  wait: { attempts: number; delayMs: number } = { attempts: 10, delayMs: 500 },
): Promise<OrderFile | 'not_a_file'> {
  const match = storedFileKey.exec(key);
  if (!match) return 'not_a_file';
  const [, orderId, fileId] = match as unknown as [string, string, string];
  for (let attempt = 1; ; attempt++) {
    const file = await getOrderFile(ctx.db, orderId, fileId);
    if (file) return file.preview.state === 'pending' ? makePreviews(ctx, file) : file;
    if (attempt >= wait.attempts) throw new Error(`No record for ${key} yet`);
    await new Promise((resolve) => setTimeout(resolve, wait.delayMs));
  }
}
