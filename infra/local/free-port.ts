import { createServer } from 'node:net';

/** Resolves when `port` on localhost can be listened on; rejects with EADDRINUSE otherwise. */
export function assertPortFree(port: number, host = '0.0.0.0'): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

/** A port the OS has just handed out, for child services nobody needs to know the port of. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
