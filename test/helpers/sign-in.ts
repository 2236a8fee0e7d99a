import { expect } from 'vitest';
import { TestClient, tokenFromMailbox } from '#test/helpers/http.ts';
import type { TestContext } from '#test/helpers/test-context.ts';

let nextIp = 1;

/** A client signed in as `email` through the real magic-link flow, from an address of its own. */
export async function signedInClient(ctx: TestContext, email: string): Promise<TestClient> {
  const client = new TestClient(ctx, { ip: `198.18.${Math.floor(nextIp / 250)}.${(nextIp++ % 250) + 1}` });
  expect((await client.post('/api/auth/magic-links', { email })).status).toBe(202);
  const token = tokenFromMailbox(ctx, email);
  expect(token, `no sign-in email for ${email}`).toBeDefined();
  expect((await client.post('/api/auth/sessions', { token })).status).toBe(204);
  return client;
}

/** The number of DynamoDB requests a response reports in Server-Timing. */
export function ddbRequests(res: Response): number {
  const match = /ddb;desc="(\d+)"/.exec(res.headers.get('server-timing') ?? '');
  if (!match) throw new Error('no ddb entry in Server-Timing');
  return Number(match[1]);
}
