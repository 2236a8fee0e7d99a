import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '#shared/db/db.ts';
import type { Actor } from '#shared/db/order-activity.ts';
import type { UploadPurpose } from '#shared/db/upload.ts';
import type { FileKind } from '#shared/domain/files/file-types.ts';

/** A checked file of an order: its type comes from its bytes, its SHA-256 from its content. */
export type OrderFile = {
  fileId: string;
  orderId: string;
  purpose: UploadPurpose;
  filename: string;
  contentType: string;
  kind: FileKind;
  size: number;
  sha256: string;
  key: string;
  /** A PNG rendering for the browser (images and SVG), and a small one for lists. */
  preview: { state: 'pending' | 'ready' | 'none' | 'failed'; key?: string; thumbnailKey?: string; width?: number; height?: number };
  uploadedBy: Actor;
  uploadedAt: string;
};

const key = (orderId: string, fileId: string) => ({ pk: `ORDER#${orderId}`, sk: `FILE#${fileId}` });
export const fileSkPrefix = 'FILE#';

export async function putOrderFile(db: Db, file: OrderFile): Promise<void> {
  await db.ddb.send(new PutCommand({ TableName: db.table, Item: { ...key(file.orderId, file.fileId), type: 'OrderFile', ...file }, ConditionExpression: 'attribute_not_exists(pk)' }));
}

export async function getOrderFile(db: Db, orderId: string, fileId: string): Promise<OrderFile | undefined> {
  const out = await db.ddb.send(new GetCommand({ TableName: db.table, Key: key(orderId, fileId) }));
  return out.Item ? toOrderFile(out.Item) : undefined;
}

export async function setFilePreview(db: Db, orderId: string, fileId: string, preview: OrderFile['preview']): Promise<void> {
  await db.ddb.send(
    new UpdateCommand({
      TableName: db.table,
      Key: key(orderId, fileId),
      UpdateExpression: 'SET preview = :p',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':p': preview },
    }),
  );
}

export function toOrderFile(item: Record<string, unknown>): OrderFile {
  const { pk: _pk, sk: _sk, type: _type, ...file } = item;
  return file as unknown as OrderFile;
}
