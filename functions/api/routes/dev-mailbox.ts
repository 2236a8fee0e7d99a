import { createRoute } from '@hono/zod-openapi';
import * as z from '#shared/zod.ts';
import { createRouter } from '#functions/api/openapi-helpers.ts';
import type { DevMailbox } from '#shared/mail/dev-mailbox.ts';

const messageSchema = z.object({ id: z.string(), to: z.string(), subject: z.string(), text: z.string(), html: z.string(), sentAt: z.string() });

const route = createRoute({
  method: 'get',
  path: '/dev/mailbox',
  tags: ['local mode'],
  summary: 'Local mode only: every email sent, newest first',
  responses: { 200: { description: 'The dev mailbox', content: { 'application/json': { schema: z.object({ messages: z.array(messageSchema) }) } } } },
});

/** Mounted only in local mode, where the mailer is the dev mailbox. */
export const devMailboxRoutes = (mailbox: DevMailbox) =>
  createRouter().openapi(route, (c) => {
    return c.json({ messages: mailbox.list() }, 200);
  });
