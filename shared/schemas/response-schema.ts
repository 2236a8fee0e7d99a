/**
 * A schema that only describes a response, for the OpenAPI document. Atelier does not validate
 * what it answers, so such a schema is built on first use, not when its module loads: a cold start
 * builds none of them (docs/decisions/0007-lambda-cold-start.md).
 */
export function responseSchema<T>(build: () => T): () => T {
  let schema: T | undefined;
  return () => (schema ??= build());
}
