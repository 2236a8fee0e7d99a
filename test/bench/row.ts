/** One figure of `npm run bench`: its value beside its budget and its same-run baseline. */
export type Row = {
  id: string;
  label: string;
  value: number | null;
  unit: string;
  budget?: { max?: number; min?: number } | undefined;
  baseline?: { label: string; value: number } | undefined;
  note?: string | undefined;
};

export function verdict(row: Row): 'pass' | 'MISS' | 'n/a' | 'info' {
  if (row.value === null) return 'n/a';
  if (!row.budget) return 'info';
  if (row.budget.max !== undefined && row.value > row.budget.max) return 'MISS';
  if (row.budget.min !== undefined && row.value < row.budget.min) return 'MISS';
  return 'pass';
}
