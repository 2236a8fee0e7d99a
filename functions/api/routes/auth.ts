import { createRoute } from '@hono/zod-openapi';
import * as z from '#shared/zod.ts';
import { clientIp } from '#functions/api/client-ip.ts';
import { createRouter, errorResponses, jsonBody, jsonResponse } from '#functions/api/openapi-helpers.ts';
import { clearSessionCookie, writeSessionCookie } from '#functions/api/session-cookie.ts';
import { requestMagicLink } from '#shared/domain/auth/request-magic-link.ts';
import { signIn } from '#shared/domain/auth/sign-in.ts';
import { signOut } from '#shared/domain/auth/sign-out.ts';
import { magicLinkRequestSchema, sessionRequestSchema } from '#shared/schemas/auth.ts';

const requestLink = createRoute({
  method: 'post',
  path: '/auth/magic-links',
  tags: ['auth'],
  summary: 'Email a one-time sign-in link (same answer for known and unknown emails)',
  request: { body: jsonBody(magicLinkRequestSchema) },
  responses: {
    202: jsonResponse('Accepted', () => z.object({ status: z.literal('sent') })),
    ...errorResponses(400, 403, 429),
  },
});

const createSession = createRoute({
  method: 'post',
  path: '/auth/sessions',
  tags: ['auth'],
  summary: 'Exchange a sign-in token for a session cookie',
  request: { body: jsonBody(sessionRequestSchema) },
  responses: { 204: { description: 'Signed in; the session cookie is set' }, ...errorResponses(400, 401, 403) },
});

const deleteSession = createRoute({
  method: 'delete',
  path: '/auth/sessions/current',
  tags: ['auth'],
  summary: 'Sign out',
  responses: { 204: { description: 'Signed out' }, ...errorResponses(403) },
});

export const authRoutes = createRouter()
  .openapi(requestLink, async (c) => {
    const { email, next } = c.req.valid('json');
    await requestMagicLink(c.var.deps, { email, next, ip: clientIp(c) });
    return c.json({ status: 'sent' as const }, 202);
  })
  .openapi(createSession, async (c) => {
    const { token } = c.req.valid('json');
    const { sessionId } = await signIn(c.var.deps, { token, previousSessionId: c.var.sessionId });
    writeSessionCookie(c, sessionId);
    return c.body(null, 204);
  })
  .openapi(deleteSession, async (c) => {
    if (c.var.sessionId) await signOut(c.var.deps, c.var.sessionId);
    clearSessionCookie(c);
    return c.body(null, 204);
  });
