import type { Order } from '#shared/db/order.ts';
import { attachReferenceFiles, checkReferenceFiles } from '#shared/domain/intake/claim-reference-files.ts';
import { hitRateLimit, type RateLimitRule } from '#shared/db/rate-limit.ts';
import { createSignInLink } from '#shared/domain/auth/create-sign-in-link.ts';
import { magicLinkMinutes } from '#shared/domain/auth/policy.ts';
import { rateLimitSubject } from '#shared/domain/auth/rate-limit-subject.ts';
import { sha256 } from '#shared/domain/auth/secrets.ts';
import { newOrderReference } from '#shared/domain/ids.ts';
import { getPublicIntakeForm } from '#shared/domain/intake/get-public-intake-form.ts';
import { validateAnswers } from '#shared/domain/intake/validate-answers.ts';
import { createOrder } from '#shared/domain/orders/create-order.ts';
import { AppError } from '#shared/errors.ts';
import { personalizationFromAnswers } from '#shared/domain/intake/personalization.ts';
import { dueDateFromAnswers, withDueDateLimits } from '#shared/domain/intake/due-date-field.ts';
import { earliestTodayAnywhere } from '#shared/domain/orders/order-views.ts';
import type { AnswerValue } from '#shared/schemas/intake-form.ts';
import { mailFailure, type MailingContext } from '#shared/mail/mail-failure.ts';

export const requestLimits = {
  perIp: { name: 'request-ip', limit: 10, windowSeconds: 60 * 60 } satisfies RateLimitRule,
  /** Confirmations sent to one address: a quiet cap, see below. */
  perEmail: { name: 'request-email', limit: 5, windowSeconds: 60 * 60 } satisfies RateLimitRule,
};

export type CustomerRequest = {
  slug: string;
  formId?: string | undefined;
  name: string;
  email: string;
  answers: Record<string, AnswerValue>;
  /** The honeypot: people never see it, bots fill it in. */
  website?: string | undefined;
  /** The secret of the upload draft holding the files attached to file fields. */
  uploadDraft?: string | undefined;
  ip: string;
};

/**
 * A customer asks a shop for a custom piece: the answers are checked against the form version
 * they filled in, the order is created in `requested`, and the customer is emailed the
 * reference with a link that signs them straight in to the order. Once the order exists the
 * answer is 201 with its reference even if the email could not be sent: a customer told to try
 * again would only make a second order.
 */
export async function submitRequest(ctx: MailingContext, input: CustomerRequest): Promise<{ orderId: string; reference: string }> {
  const email = input.email.trim().toLowerCase();
  const byIp = await hitRateLimit(ctx.db, requestLimits.perIp, rateLimitSubject(input.ip), ctx.now());
  if (!byIp.allowed) {
    throw new AppError('rate_limited', 'Too many requests from here. Please try again later.', { headers: { 'Retry-After': String(byIp.retryAfterSeconds) } });
  }

  const { collection, form } = await getPublicIntakeForm(ctx, input.slug, input.formId);
  // A bot that filled the honeypot is told it succeeded, and nothing is stored or sent.
  if (input.website?.trim()) return { orderId: 'received', reference: newOrderReference(collection.shop.referencePrefix) };

  const checked = validateAnswers(withDueDateLimits(form.fields, earliestTodayAnywhere(ctx.now())), input.answers);
  if (!checked.ok) {
    throw new AppError('validation_failed', 'Some answers need another look.', { details: { fields: checked.errors } });
  }
  const references = await checkReferenceFiles(ctx, { shopId: collection.shop.shopId, fields: form.fields, answers: input.answers, draft: input.uploadDraft });
  // The order keeps the names of the attached files; the files themselves become the order's.
  const answers = checked.answers.map((a) => (a.type === 'file' ? { ...a, value: references.filter((r) => r.fieldId === a.fieldId).map((r) => r.filename) } : a));
  const customer = { kind: 'customer' as const, email, name: input.name.trim() };
  const order: Order = await createOrder(ctx, {
    shop: collection.shop,
    title: form.name,
    customer: { email, name: input.name },
    // The text to make on the piece starts as the customer wrote it; they confirm it again when approving a proof.
    personalization: personalizationFromAnswers(form.fields, checked.answers),
    dueDate: dueDateFromAnswers(form.fields, checked.answers),
    source: 'intake',
    intake: { formId: form.formId, formVersion: form.version, formName: form.name, answers },
    actor: customer,
  });
  await attachReferenceFiles(ctx, order.orderId, references, customer);
  // A quiet cap per address, as for sign-in links: past it the request is still taken (the
  // page shows its reference) but no more confirmations go to that inbox. Refused out loud, it
  // would let a stranger stop someone placing requests anywhere for an hour.
  const byEmail = await hitRateLimit(ctx.db, requestLimits.perEmail, sha256(email), ctx.now());
  if (!byEmail.allowed) return { orderId: order.orderId, reference: order.reference };
  try {
    const link = await createSignInLink(ctx, email, `/orders/${order.orderId}`);
    const { requestReceivedEmail } = await import('#shared/mail/templates/request-received-email.tsx');
    await ctx.mailer.send(requestReceivedEmail({ to: email, shopName: collection.shop.name, reference: order.reference, title: order.title, link, minutesValid: magicLinkMinutes }));
  } catch (error) {
    // The customer still sees the reference on the page; the shop sees the order. Logged without the address or the link.
    ctx.logger.error('request-received email not sent', { orderId: order.orderId, reference: order.reference, ...mailFailure(error) });
  }
  return { orderId: order.orderId, reference: order.reference };
}
