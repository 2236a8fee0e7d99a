import { testOrigin, type TestContext } from '#test/helpers/test-context.ts';

/** A browser-like client for `app.request()`: same-origin writes, and a cookie jar. */
export class TestClient {
  cookies = new Map<string, string>();

  constructor(
    private readonly ctx: TestContext,
    private readonly defaults: { ip?: string } = {},
  ) {}

  /** `json` is sent as JSON; `rawBody` is sent as it is, labelled JSON, for malformed-body tests. */
  async request(method: string, path: string, options: { json?: unknown; rawBody?: string; headers?: Record<string, string>; ip?: string } = {}) {
    const headers: Record<string, string> = { origin: testOrigin, ...options.headers };
    const hasBody = method !== 'GET' && method !== 'HEAD';
    const body = !hasBody ? undefined : options.rawBody ?? (options.json === undefined ? undefined : JSON.stringify(options.json));
    if (body !== undefined) headers['content-type'] = 'application/json';
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (cookie) headers.cookie = cookie;
    const ip = options.ip ?? this.defaults.ip ?? '203.0.113.10';
    const env = { incoming: { socket: { remoteAddress: ip } } };
    const res = await this.ctx.app.request(
      path,
      { method, headers, ...(body !== undefined ? { body } : {}) },
      env as never,
    );
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const [name, value] = pair!.split('=');
      const expired = attributes.some((a) => /max-age=0/i.test(a.trim()) || /expires=Thu, 01 Jan 1970/i.test(a.trim()));
      if (expired || value === '') this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), value!.trim());
    }
    return res;
  }

  get = (path: string, options?: { headers?: Record<string, string> }) => this.request('GET', path, options);
  post = (path: string, json: unknown = {}, options?: { headers?: Record<string, string>; ip?: string }) => this.request('POST', path, { ...options, json });
  delete = (path: string) => this.request('DELETE', path);
}

/** The token of the newest sign-in email to `email` in the dev mailbox. */
export function tokenFromMailbox(ctx: TestContext, email: string): string | undefined {
  const message = ctx.mailbox.list().find((m) => m.to === email);
  const link = message && /https?:\/\/\S+/.exec(message.text)?.[0];
  return link ? (signInLinkParams(link).get('token') ?? undefined) : undefined;
}

/** What a sign-in link carries for the verify page (`token`, `next`): in its fragment, never its query. */
export function signInLinkParams(link: string): URLSearchParams {
  return new URLSearchParams(new URL(link).hash.slice(1));
}
