import { render } from 'preact-render-to-string';

type Operation = { summary?: string; tags?: string[]; requestBody?: { content?: Record<string, { schema?: unknown }> }; responses?: Record<string, { description?: string }> };
type Paths = Record<string, Record<string, Operation>>;

/**
 * `/api/docs`: a reference page rendered on the server from the same OpenAPI document that
 * `/api/openapi.json` serves, so it needs no script and no third-party assets.
 */
export function renderApiReference(doc: { paths?: object }): string {
  const operations = Object.entries((doc.paths ?? {}) as Paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
  );
  return `<!doctype html>${render(
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <title>Atelier API reference</title>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
      </head>
      <body>
        <h1>Atelier API reference</h1>
        <p>
          Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1). Every error is{' '}
          <code>{'{"error": {"code", "message", "details?"}}'}</code>. Writes need the portal's Origin.
        </p>
        {operations.map(({ path, method, op }) => {
          const body = op.requestBody?.content?.['application/json']?.schema;
          return (
            <section key={`${method} ${path}`}>
              <h2>
                {method} {path}
              </h2>
              <p>{op.summary}</p>
              {body ? <pre>{JSON.stringify(body, null, 2)}</pre> : null}
              <ul>
                {Object.entries(op.responses ?? {}).map(([status, response]) => (
                  <li key={status}>
                    {status}: {response.description}
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </body>
    </html>,
  )}`;
}
