import { DeleteCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '#shared/db/db.ts';

/**
 * A reference file a customer uploads while filling in a request, before any order exists. It
 * belongs to an upload draft, known only by the SHA-256 of a secret the browser holds; the
 * request names the draft to claim its files.
 */
export type RequestUpload = {
  uploadId: string;
  draftHash: string;
  shopId: string;
  filename: string;
  declaredType: string;
  key: string;
  maxBytes: number;
  createdAt: string;
  /** Unix seconds: a draft never submitted is forgotten a day later (as its objects are). */
  expiresAt: number;
};

const pk = (draftHash: string) => `DRAFT#${draftHash}`;

export async function putRequestUpload(db: Db, upload: RequestUpload): Promise<void> {
  await db.ddb.send(new PutCommand({ TableName: db.table, Item: { pk: pk(upload.draftHash), sk: `UPLOAD#${upload.uploadId}`, type: 'RequestUpload', ...upload } }));
}

/** Every upload of a draft (a handful at most: one Query). */
export async function listRequestUploads(db: Db, draftHash: string): Promise<RequestUpload[]> {
  const out = await db.ddb.send(new QueryCommand({ TableName: db.table, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk(draftHash) }, Limit: 100 }));
  return (out.Items ?? []).map(({ pk: _pk, sk: _sk, type: _type, ...upload }) => upload as RequestUpload);
}

export async function deleteRequestUpload(db: Db, draftHash: string, uploadId: string): Promise<void> {
  await db.ddb.send(new DeleteCommand({ TableName: db.table, Key: { pk: pk(draftHash), sk: `UPLOAD#${uploadId}` } }));
}
