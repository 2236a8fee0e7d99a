import { epochSeconds } from '#shared/db/db.ts';
import { putSession, type Principal } from '#shared/db/session.ts';
import { newSecret, sha256 } from '#shared/domain/auth/secrets.ts';
import { TestClient } from '#test/helpers/http.ts';
import type { TestContext } from '#test/helpers/test-context.ts';

let ip = 0;

/**
 * A client holding a real session for `principal`, written straight to the table: for suites
 * that need many signed-in clients and are not about sign-in itself.
 */
export async function clientAs(ctx: TestContext, principal: Principal | undefined): Promise<TestClient> {
  const client = new TestClient(ctx, { ip: `10.99.${Math.floor(++ip / 250)}.${(ip % 250) + 1}` });
  if (!principal) return client;
  const sessionId = newSecret();
  const now = ctx.deps.now();
  await putSession(ctx.deps.db, {
    idHash: sha256(sessionId),
    principal,
    createdAt: now.toISOString(),
    lastSeenAt: now.toISOString(),
    absoluteExpiresAt: epochSeconds(now) + 86_400,
    expiresAt: epochSeconds(now) + 86_400,
  });
  client.cookies.set('atelier_session', sessionId);
  return client;
}
