import type { Logger } from '@aws-lambda-powertools/logger';
import type { DomainContext } from '#shared/domain/context.ts';

/** A use case that sends email and, when sending fails, says so in the logs instead of failing. */
export type MailingContext = DomainContext & { logger: Pick<Logger, 'error'> };

/**
 * What the logs may say about a failed send: the error's kind and the provider's request id,
 * never its message (SES names the rejected address in it) nor the link it carried.
 */
export function mailFailure(error: unknown): Record<string, string | number | undefined> {
  const e = (error && typeof error === 'object' ? error : {}) as { name?: unknown; code?: unknown; $fault?: unknown; $metadata?: { httpStatusCode?: unknown; requestId?: unknown } };
  const text = (value: unknown) => (typeof value === 'string' && /^[\w.-]{1,100}$/.test(value) ? value : undefined);
  return {
    errorName: text(e.name) ?? typeof error,
    errorCode: text(e.code),
    fault: text(e.$fault),
    httpStatus: typeof e.$metadata?.httpStatusCode === 'number' ? e.$metadata.httpStatusCode : undefined,
    providerRequestId: text(e.$metadata?.requestId),
  };
}
