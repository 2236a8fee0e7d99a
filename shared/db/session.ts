import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type Db, epochSeconds } from '#shared/db/db.ts';

export type Principal =
  | { kind: 'seller'; email: string; shopId: string }
  | { kind: 'customer'; email: string };

/** A signed-in browser, keyed by the SHA-256 of its cookie value (A6). */
export type Session = {
  idHash: string;
  principal: Principal;
  createdAt: string;
  lastSeenAt: string;
  /** Unix seconds after which the session is over, however active. */
  absoluteExpiresAt: number;
  /** Unix seconds: idle expiry, also DynamoDB's TTL. */
  expiresAt: number;
};

const key = (idHash: string) => ({ pk: `SESSION#${idHash}`, sk: 'SESSION' });

export async function putSession(db: Db, session: Session): Promise<void> {
  await db.ddb.send(new PutCommand({ TableName: db.table, Item: { ...key(session.idHash), type: 'Session', ...session } }));
}

export async function getSession(db: Db, idHash: string, now: Date): Promise<Session | undefined> {
  const out = await db.ddb.send(new GetCommand({ TableName: db.table, Key: key(idHash) }));
  const item = out.Item;
  // TTL deletion lags by up to days, so expiry is checked here, not left to DynamoDB.
  if (!item || Number(item.expiresAt) <= epochSeconds(now)) return undefined;
  return {
    idHash,
    principal: item.principal as Principal,
    createdAt: String(item.createdAt),
    lastSeenAt: String(item.lastSeenAt),
    absoluteExpiresAt: Number(item.absoluteExpiresAt),
    expiresAt: Number(item.expiresAt),
  };
}

export async function touchSession(db: Db, idHash: string, lastSeenAt: string, expiresAt: number): Promise<void> {
  await db.ddb.send(
    new UpdateCommand({
      TableName: db.table,
      Key: key(idHash),
      UpdateExpression: 'SET lastSeenAt = :seen, expiresAt = :exp',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':seen': lastSeenAt, ':exp': expiresAt },
    }),
  ).catch(() => undefined); // a session deleted meanwhile (sign-out) stays deleted
}

export async function deleteSession(db: Db, idHash: string): Promise<void> {
  await db.ddb.send(new DeleteCommand({ TableName: db.table, Key: key(idHash) }));
}
