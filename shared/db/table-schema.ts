/**
 * The one table's physical shape: generic key names shared by every entity, so that the CDK
 * stack and the local runtime create exactly the same table. Entities in this folder decide
 * what goes into each key (see docs/decisions/0001-one-table-keys.md).
 */
export const keys = { pk: 'pk', sk: 'sk' } as const;

export const indexes = {
  /** A shop's orders in one status, by due date (A1 status tabs). */
  gsi1: { name: 'gsi1', pk: 'gsi1pk', sk: 'gsi1sk' },
  /** A customer's orders across shops, newest first (A3). */
  gsi2: { name: 'gsi2', pk: 'gsi2pk', sk: 'gsi2sk' },
  /** A shop's open (or closed) orders by due date: the "open" tab and due-soon/overdue (A5). */
  gsi3: { name: 'gsi3', pk: 'gsi3pk', sk: 'gsi3sk' },
  /** A shop's orders in one status, by last activity (A1 sorted by activity). */
  gsi4: { name: 'gsi4', pk: 'gsi4pk', sk: 'gsi4sk' },
  /** A shop's open (or closed) orders by last activity; shops due for an Etsy poll (A8). */
  gsi5: { name: 'gsi5', pk: 'gsi5pk', sk: 'gsi5sk' },
} as const;

export const ttlAttribute = 'expiresAt';
