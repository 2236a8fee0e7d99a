import type { Actor } from '#shared/db/order-activity.ts';

/** One file of a proof version, frozen as it was posted: what an approval is about. */
export type DesignFile = { fileId: string; filename: string; sha256: string; size: number; contentType: string; kind: string };

export type DesignDecision = {
  decision: 'approve' | 'request_changes';
  note: string | undefined;
  at: string;
  by: Actor;
  ip: string;
  userAgent: string;
  /** What the customer confirmed they saw: every file's SHA-256 and the personalization text. */
  confirmed: { sha256s: string[]; personalization: string } | undefined;
  /** A change request past the shop's free revision rounds. */
  beyondAllowance: boolean;
};

/** A proof version (v1, v2, …) in the order's item collection. */
export type Design = {
  designId: string;
  orderId: string;
  version: number;
  files: DesignFile[];
  note: string | undefined;
  author: Actor;
  createdAt: string;
  state: 'awaiting_decision' | 'approved' | 'changes_requested' | 'superseded';
  decision: DesignDecision | undefined;
};

export const designSkPrefix = 'DESIGN#';
const sk = (version: number) => `${designSkPrefix}${String(version).padStart(4, '0')}`;

/** A transaction item creating version `design.version`; it fails if another writer took that number. */
export const designPut = (table: string, design: Design) => ({
  Put: { TableName: table, Item: { pk: `ORDER#${design.orderId}`, sk: sk(design.version), type: 'Design', ...design }, ConditionExpression: 'attribute_not_exists(pk)' },
});

/** A transaction item replacing a version that must still be in `expectedState`. */
export const designReplace = (table: string, design: Design, expectedState: Design['state']) => ({
  Put: {
    TableName: table,
    Item: { pk: `ORDER#${design.orderId}`, sk: sk(design.version), type: 'Design', ...design },
    ConditionExpression: '#state = :expected',
    ExpressionAttributeNames: { '#state': 'state' },
    ExpressionAttributeValues: { ':expected': expectedState },
  },
});

export function toDesign(item: Record<string, unknown>): Design {
  const { pk: _pk, sk: _sk, type: _type, ...design } = item;
  return design as unknown as Design;
}

export const isDesignItem = (item: Record<string, unknown>) => String(item.sk).startsWith(designSkPrefix);
