/**
 * The one table's physical shape: generic key names shared by every entity, so that the CDK
 * stack and the local runtime create exactly the same table. Entities in this folder decide
 * what goes into each key.
 */
export const keys = { pk: 'pk', sk: 'sk' } as const;

export const indexes = {
  /** Orders of a shop by status, sorted by due date (A1). */
  gsi1: { name: 'gsi1', pk: 'gsi1pk', sk: 'gsi1sk' },
  /** Orders of a customer email across shops (A3). */
  gsi2: { name: 'gsi2', pk: 'gsi2pk', sk: 'gsi2sk' },
  /** A shop's open orders by due date (A5), shops due for an Etsy poll (A8). */
  gsi3: { name: 'gsi3', pk: 'gsi3pk', sk: 'gsi3sk' },
} as const;

export const ttlAttribute = 'expiresAt';
