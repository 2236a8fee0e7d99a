import type { IncomingMessage } from 'node:http';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { Session } from '#shared/db/session.ts';
import type { DomainContext } from '#shared/domain/context.ts';
import type { DevMailbox } from '#shared/mail/dev-mailbox.ts';

/** Everything the HTTP API needs from the outside world, injected once at start. */
export type ApiDeps = DomainContext & {
  logger: Logger;
  /** Present only in local mode: the dev mailbox route exists only then. */
  devMailbox?: DevMailbox | undefined;
};

export type ApiEnv = {
  /** Set by the adapter: `event` under Lambda, `incoming` under @hono/node-server. */
  Bindings: {
    event?: { requestContext?: { requestId?: string; http?: { sourceIp?: string } } };
    incoming?: IncomingMessage;
  };
  Variables: {
    deps: ApiDeps;
    requestId: string;
    session: Session | undefined;
    /** The raw session id from the cookie, kept for sign-out and rotation. */
    sessionId: string | undefined;
  };
};
