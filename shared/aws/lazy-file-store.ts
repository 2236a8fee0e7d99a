import type { FileStore } from '#shared/aws/file-store.ts';
import type { Config } from '#shared/config.ts';

/**
 * A FileStore whose S3 client and presigners (~200 KB of SDK to compile) load on the first file
 * operation instead of at cold start: most api requests (dashboard, order page, sign-in) never
 * touch the bucket, nor do the files Lambda's events that need no preview. Every FileStore
 * method is async, so each one simply waits for the load.
 */
export function lazyFileStore(config: Config): FileStore {
  let loading: Promise<FileStore> | undefined;
  const load = () => (loading ??= import('#shared/aws/file-store.ts').then(({ FileStore }) => FileStore.forConfig(config)));
  return new Proxy({} as FileStore, {
    get: (_, method) =>
      // Not a thenable: `await store` must not look for a `then` method on S3.
      method === 'then' ? undefined : (...args: unknown[]) => load().then((store) => (store[method as keyof FileStore] as (...a: unknown[]) => unknown).apply(store, args)),
  });
}
