import * as z from '#shared/zod.ts';
import { lazySchema } from '#shared/schemas/lazy-schema.ts';
import { portalPathMaxLength, portalPathPattern } from '#shared/security/portal-path.ts';

export const errorSchema = lazySchema(() =>
  z.object({
    error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
  }),
);

/** A path inside the portal to land on after sign-in; never another origin. */
export const portalPathSchema = lazySchema(() =>
  z
    .string()
    .max(portalPathMaxLength)
    .regex(portalPathPattern, 'must be a path inside Atelier, starting with a single "/"'),
);

export const emailSchema = lazySchema(() =>
  z.string().trim().max(254).pipe(z.email({ message: 'Enter a valid email address.' })),
);

/** A shop's address on its request page, `/s/<slug>`: letters, digits and hyphens, looked up in lower case. */
export const shopSlugPattern = /^[a-z0-9-]{1,60}$/;
