import { createRoute } from '@hono/zod-openapi';
import * as z from '#shared/zod.ts';
import { createRouter, jsonResponse } from '#functions/api/openapi-helpers.ts';
import type { DevMailbox } from '#shared/mail/dev-mailbox.ts';


const route = createRoute({
  method: 'get',
  path: '/dev/mailbox',
  tags: ['local mode'],
  summary: 'Local mode only: every email sent, newest first',
  responses: {
    200: jsonResponse('The dev mailbox', () =>
      z.object({ messages: z.array(z.object({ id: z.string(), to: z.string(), subject: z.string(), text: z.string(), html: z.string(), sentAt: z.string() })) }),
    ),
  },
});

/** Mounted only in local mode, where the mailer is the dev mailbox. */
export const devMailboxRoutes = (mailbox: DevMailbox) =>
  createRouter().openapi(route, (c) => {
    return c.json({ messages: mailbox.list() }, 200);
  });
