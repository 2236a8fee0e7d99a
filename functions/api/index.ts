import { handle } from 'hono/aws-lambda';
import { createApp } from '#functions/api/app.ts';
import { createApiDeps } from '#functions/api/deps.ts';
import { config } from '#shared/config.ts';

/** The api Lambda: the Hono app behind API Gateway's HTTP API (payload v2). */
export const handler = handle(createApp(createApiDeps(config())));
