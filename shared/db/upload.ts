import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { type Db, isConditionFailure } from '#shared/db/db.ts';
import type { Actor } from '#shared/db/order-activity.ts';

export type UploadPurpose = 'design' | 'reference' | 'attachment';

/** An upload the server has signed but not yet checked; it lives in the order's collection. */
export type PendingUpload = {
  uploadId: string;
  orderId: string;
  purpose: UploadPurpose;
  filename: string;
  declaredType: string;
  key: string;
  maxBytes: number;
  createdBy: Actor;
  createdAt: string;
  /** Unix seconds: an upload never finalized is forgotten a day later (as its object is). */
  expiresAt: number;
};

const key = (orderId: string, uploadId: string) => ({ pk: `ORDER#${orderId}`, sk: `UPLOAD#${uploadId}` });

export async function putPendingUpload(db: Db, upload: PendingUpload): Promise<void> {
  await db.ddb.send(new PutCommand({ TableName: db.table, Item: { ...key(upload.orderId, upload.uploadId), type: 'PendingUpload', ...upload } }));
}

export async function getPendingUpload(db: Db, orderId: string, uploadId: string): Promise<PendingUpload | undefined> {
  const out = await db.ddb.send(new GetCommand({ TableName: db.table, Key: key(orderId, uploadId) }));
  return out.Item as PendingUpload | undefined;
}

/** Takes the pending upload away, once: a second finalize of the same upload finds nothing. */
export async function takePendingUpload(db: Db, orderId: string, uploadId: string): Promise<boolean> {
  try {
    await db.ddb.send(new DeleteCommand({ TableName: db.table, Key: key(orderId, uploadId), ConditionExpression: 'attribute_exists(pk)' }));
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}
