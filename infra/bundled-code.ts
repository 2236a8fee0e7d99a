import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { AssetHashType, DockerImage } from 'aws-cdk-lib';
import { Code } from 'aws-cdk-lib/aws-lambda';

/**
 * A Lambda entry bundled on this machine by functions/bundle.ts (no Docker): the same bundle
 * `npm run bench` measures. CDK's local bundling is synchronous, so it runs as a child process.
 */
export function bundledCode(repoRoot: string, entry: string, native: string[] = []): Code {
  return Code.fromAsset(join(repoRoot, 'functions'), {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      image: DockerImage.fromRegistry('unused-local-bundling-only'),
      // CDK caches bundles by these options, not by `tryBundle`: the entry must be in them, or
      // every function from functions/ would get the first one's bundle.
      command: ['bundle', entry, ...native],
      local: {
        tryBundle(outputDir) {
          execFileSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'functions/bundle.ts'), join(repoRoot, entry), outputDir, native.join(',')], { cwd: repoRoot, stdio: 'inherit' });
          return true;
        },
      },
    },
  });
}
