/**
 * zod as every schema of Atelier imports it: `import * as z from '#shared/zod.ts'`.
 *
 * Jitless: on an object schema's first parse, zod compiles a faster parser with `new Function`,
 * and it probes whether it may when each object schema is built. That pays off over thousands of
 * parses of one schema; a Lambda container makes far fewer, and pays the compiles on its first
 * requests. The setting is read when a schema is built, so it is made here, before any is.
 */
import { config } from 'zod';

config({ jitless: true });

export * from 'zod';
