import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal } from '#infra/local/dynamodb-local.ts';
import { startS3Local } from '#infra/local/s3-local.ts';
import { ensureChromium } from './ensure-chromium.ts';

export const testBucket = 'atelier-test-uploads';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamodbEndpoint: string;
    s3Endpoint: string;
    s3Bucket: string;
  }
}

/** One DynamoDB Local (in memory) and one s3rver for the whole run; files isolate by table. */
export default async function setup(project: TestProject) {
  ensureChromium();
  const [dynamo, s3] = await Promise.all([
    startDynamoDbLocal(),
    startS3Local({ buckets: [testBucket], corsOrigins: ['*'] }),
  ]);
  project.provide('dynamodbEndpoint', dynamo.endpoint);
  project.provide('s3Endpoint', s3.endpoint);
  project.provide('s3Bucket', testBucket);
  return async () => {
    await Promise.all([dynamo.stop(), s3.stop()]);
  };
}
