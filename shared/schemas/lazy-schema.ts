/**
 * A schema built on first use, not when its module loads, for what a cold start need not build
 * (docs/decisions/0007-lambda-cold-start.md):
 * - a schema that only describes a response: Atelier does not validate what it answers, so only
 *   the OpenAPI document reads it;
 * - a request body's schema: built by the first request that sends that body, while a cold start
 *   that serves a page (a GET) builds none.
 */
export function lazySchema<T>(build: () => T): () => T {
  let schema: T | undefined;
  return () => (schema ??= build());
}
