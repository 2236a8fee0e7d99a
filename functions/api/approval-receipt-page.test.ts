import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { receiptStyleSource } from '#functions/api/app.ts';
import { approvalReceiptStyle } from '#functions/api/approval-receipt-page.tsx';

describe('the approval receipt’s stylesheet', () => {
  it('is the one the API’s Content-Security-Policy allows by its hash', () => {
    expect(receiptStyleSource).toBe(`'sha256-${createHash('sha256').update(approvalReceiptStyle).digest('base64')}'`);
  });
});
