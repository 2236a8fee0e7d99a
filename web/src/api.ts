import { isPortalPath } from '#shared/security/portal-path.ts';

/** The portal's one way to talk to the API: same-origin, JSON, errors as ApiError. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const init: RequestInit = { method, credentials: 'same-origin', headers: { accept: 'application/json' } };
  if (method !== 'GET' && method !== 'DELETE') {
    init.headers = { ...init.headers, 'content-type': 'application/json' };
    init.body = JSON.stringify(body ?? {});
  }
  let res: Response;
  try {
    res = await fetch(`/api${path}`, init);
  } catch {
    throw new ApiError(0, 'network', 'Atelier cannot be reached. Check your connection and try again.');
  }
  if (res.status === 204) return undefined as T;
  const payload = await res.json().catch(() => undefined);
  if (!res.ok) {
    const error = (payload as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error;
    if (res.status === 401 && isSessionBound(path)) {
      // The session ended while the page was open (14 days unused, 30 in all, or signed out in
      // another tab). The page stays as it is, with what was typed; the session tells the layout.
      window.dispatchEvent(new Event(sessionEndedEvent));
      throw new ApiError(401, error?.code ?? 'unauthorized', 'You have been signed out. Sign in again with the link at the top of the screen, then try again.', error?.details);
    }
    throw new ApiError(res.status, error?.code ?? 'unknown', readableMessage(error) ?? `Something went wrong (${res.status}).`, error?.details);
  }
  return payload as T;
}

/**
 * A refusal as a person reads it: the API's message names each field by its path for programs
 * ("customer.email: Enter a valid email address."); the portal shows the field's words, next to
 * the field they are about, and keeps the paths in `details` for pages that place them.
 */
function readableMessage(error: { code?: string; message?: string; details?: unknown } | undefined): string | undefined {
  const issues = Array.isArray(error?.details) ? (error.details as Array<{ message?: unknown }>).map((issue) => issue?.message).filter((m): m is string => typeof m === 'string') : [];
  return error?.code === 'validation_failed' && issues.length > 0 ? [...new Set(issues)].join(' ') : error?.message;
}

/** Dispatched on the window when a signed-in request is answered 401. */
export const sessionEndedEvent = 'atelier:session-ended';

/** Requests that only a signed-in person makes: not asking who is signed in, not signing in. */
const isSessionBound = (path: string) => path !== '/me' && !path.startsWith('/auth/') && !path.startsWith('/shops/');

export const get = <T>(path: string) => api<T>('GET', path);
export const post = <T>(path: string, body?: unknown) => api<T>('POST', path, body);
export const patch = <T>(path: string, body?: unknown) => api<T>('PATCH', path, body);
export const put = <T>(path: string, body?: unknown) => api<T>('PUT', path, body);
export const del = <T>(path: string) => api<T>('DELETE', path);

/** A landing path after sign-in that stays inside the portal. */
export function safeNext(next: string | undefined | null): string {
  return next && isPortalPath(next) ? next : '/';
}
