import { describe, expect, it } from 'vitest';
import { orderStatuses, type OrderStatus } from '#shared/db/order.ts';
import { allowedTransitions, checkTransition } from '#shared/domain/orders/lifecycle.ts';

/**
 * The whole table of DESIGN §3 as the seller may walk it by hand, written out: every pair not
 * listed here must be refused. Design review's own steps are below.
 */
const expected: Record<OrderStatus, Partial<Record<OrderStatus, 'free' | 'reason'>>> = {
  requested: { quoted: 'free', on_hold: 'free', cancelled: 'reason' },
  quoted: { in_design: 'free', in_production: 'reason', on_hold: 'free', cancelled: 'reason' },
  // awaiting_approval only by posting a proof, approved only by the customer's decision on it
  in_design: { in_production: 'reason', on_hold: 'free', cancelled: 'reason' },
  awaiting_approval: { in_design: 'free', in_production: 'reason', on_hold: 'free', cancelled: 'reason' },
  approved: { in_production: 'free', in_design: 'free', on_hold: 'free', cancelled: 'reason' },
  in_production: { shipped: 'free', on_hold: 'free', cancelled: 'reason' },
  shipped: { completed: 'free' },
  completed: {},
  cancelled: {},
  on_hold: { cancelled: 'reason' },
};

describe('the order lifecycle', () => {
  for (const from of orderStatuses) {
    for (const to of orderStatuses) {
      const rule = expected[from][to];
      it(`${from} → ${to}: ${rule ?? 'refused'}`, () => {
        const without = checkTransition({ from, to });
        const withReason = checkTransition({ from, to, reason: 'Customer asked by phone' });
        if (!rule) {
          expect(without).toMatchObject({ ok: false, reason: 'not_allowed' });
          expect(withReason).toMatchObject({ ok: false, reason: 'not_allowed' });
        } else if (rule === 'free') {
          expect(without.ok).toBe(true);
        } else {
          expect(without).toMatchObject({ ok: false, reason: 'reason_required' });
          expect(withReason.ok).toBe(true);
        }
      });
    }
  }

  it('leaves asking for approval to a posted proof, and approving to the customer’s decision', () => {
    expect(checkTransition({ from: 'in_design', to: 'awaiting_approval', by: 'review' }).ok).toBe(true);
    expect(checkTransition({ from: 'awaiting_approval', to: 'approved', by: 'review' }).ok).toBe(true);
    expect(checkTransition({ from: 'awaiting_approval', to: 'in_design', by: 'review' }).ok).toBe(true);
    expect(checkTransition({ from: 'in_design', to: 'awaiting_approval', reason: 'They said yes' })).toMatchObject({ ok: false, reason: 'not_allowed' });
    expect(checkTransition({ from: 'awaiting_approval', to: 'approved', reason: 'They said yes' })).toMatchObject({ ok: false, reason: 'not_allowed' });
    // Review makes no other step than the review's own and the seller's.
    expect(checkTransition({ from: 'requested', to: 'awaiting_approval', by: 'review' }).ok).toBe(false);
  });

  it('lets an order on hold return only to the status it left', () => {
    expect(checkTransition({ from: 'on_hold', to: 'in_production', heldFrom: 'in_production' }).ok).toBe(true);
    expect(checkTransition({ from: 'on_hold', to: 'approved', heldFrom: 'in_production' })).toMatchObject({ ok: false, reason: 'not_allowed' });
    expect(allowedTransitions('on_hold', 'quoted').map((o) => o.to)).toEqual(['quoted', 'cancelled']);
  });

  it('marks production started before approval as an override', () => {
    expect(checkTransition({ from: 'in_design', to: 'in_production', reason: 'Repeat of an approved design' })).toEqual({ ok: true, override: true });
    expect(checkTransition({ from: 'approved', to: 'in_production' })).toEqual({ ok: true, override: false });
  });

  it('names the allowed next steps when refusing', () => {
    const refused = checkTransition({ from: 'requested', to: 'shipped' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.allowed.map((o) => o.to).sort()).toEqual(['cancelled', 'on_hold', 'quoted']);
  });
});
