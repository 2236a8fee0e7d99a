import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import type { Config } from '#shared/config.ts';
import { countDynamoRequests } from '#shared/db/request-count.ts';

/** Credentials the local services accept; never used against AWS. */
const localCredentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export type AwsClients = { ddb: DynamoDBDocumentClient; s3: S3Client };

/** Creates the AWS clients once; local mode points them at DynamoDB Local and the local S3. */
export function createAwsClients(config: Config): AwsClients {
  const local = config.mode === 'local';
  const raw = new DynamoDBClient({
    region: config.region,
    ...(local ? { endpoint: config.dynamodbEndpoint, credentials: localCredentials } : {}),
    maxAttempts: local ? 1 : 3,
  });
  countDynamoRequests(raw);
  const ddb = DynamoDBDocumentClient.from(raw, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  const s3 = new S3Client({
    region: config.region,
    ...(local
      ? {
          endpoint: config.s3Endpoint,
          forcePathStyle: true,
          credentials: localCredentials,
          requestChecksumCalculation: 'WHEN_REQUIRED' as const,
          responseChecksumValidation: 'WHEN_REQUIRED' as const,
          maxAttempts: 1,
        }
      : {}),
  });
  return { ddb, s3 };
}
