import type { ApiDeps } from '#functions/api/env.ts';
import { createApiDeps } from '#functions/api/deps.ts';
import type { Config } from '#shared/config.ts';
import { makePreviews } from '#shared/domain/files/make-previews.ts';
import { DevMailbox } from '#shared/mail/dev-mailbox.ts';

/**
 * The API's dependencies as `npm start` and the tests run them: mail goes to the dev mailbox,
 * and previews are made in process right after an upload is checked (in AWS the files Lambda
 * makes them from the bucket's event, so sharp never enters the api bundle).
 */
export function createLocalApiDeps(config: Config, overrides: Partial<ApiDeps> = {}): ApiDeps & { devMailbox: DevMailbox } {
  const devMailbox = overrides.devMailbox ?? new DevMailbox();
  const deps = createApiDeps(config, { mailer: devMailbox, ...overrides, devMailbox });
  deps.previews = (file) => makePreviews(deps, file);
  return deps as ApiDeps & { devMailbox: DevMailbox };
}
