import * as esbuild from 'esbuild';
const plugins = (await import('./functions/bundle.ts')) as any;
