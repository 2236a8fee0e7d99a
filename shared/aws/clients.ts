import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Config } from '#shared/config.ts';
import { countDynamoRequests } from '#shared/db/request-count.ts';

/** Credentials the local services accept; never used against AWS. */
export const localCredentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

/** Creates the DynamoDB client once; local mode points it at DynamoDB Local. */
export function createDynamoClient(config: Config): DynamoDBDocumentClient {
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
  return ddb;
}
