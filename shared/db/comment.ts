import type { Actor } from '#shared/db/order-activity.ts';

/** A comment on a proof version: a thread opener (optionally pinned to a spot) or a reply. */
export type DesignComment = {
  commentId: string;
  orderId: string;
  designId: string;
  body: string;
  /** Where on which file: x and y as fractions of the image (0..1), page for PDFs. */
  pin: { fileId: string; x: number; y: number; page?: number | undefined } | undefined;
  parentId: string | undefined;
  author: Actor;
  createdAt: string;
  resolved: boolean;
  resolvedBy: Actor | undefined;
  resolvedAt: string | undefined;
};

export const commentSkPrefix = 'COMMENT#';
const sk = (c: Pick<DesignComment, 'designId' | 'createdAt' | 'commentId'>) => `${commentSkPrefix}${c.designId}#${c.createdAt}#${c.commentId}`;

export const commentPut = (table: string, comment: DesignComment) => ({
  Put: { TableName: table, Item: { pk: `ORDER#${comment.orderId}`, sk: sk(comment), type: 'DesignComment', ...comment }, ConditionExpression: 'attribute_not_exists(pk)' },
});

/** Resolving or reopening: only a thread whose state is still the opposite changes. */
export const commentResolution = (table: string, comment: DesignComment, resolved: boolean, by: Actor, at: string) => ({
  Update: {
    TableName: table,
    Key: { pk: `ORDER#${comment.orderId}`, sk: sk(comment) },
    UpdateExpression: 'SET resolved = :r, resolvedBy = :by, resolvedAt = :at',
    ConditionExpression: 'attribute_exists(pk) AND resolved = :was',
    ExpressionAttributeValues: { ':r': resolved, ':by': by, ':at': at, ':was': !resolved },
  },
});

export function toComment(item: Record<string, unknown>): DesignComment {
  const { pk: _pk, sk: _sk, type: _type, ...comment } = item;
  return comment as unknown as DesignComment;
}

export const isCommentItem = (item: Record<string, unknown>) => String(item.sk).startsWith(commentSkPrefix);
