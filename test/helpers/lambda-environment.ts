import type { TestContext } from '#test/helpers/test-context.ts';

/** A Lambda reads its configuration from the environment, as in AWS: here, the test's own table and bucket. */
export function setLambdaEnvironment(ctx: TestContext): void {
  Object.assign(process.env, {
    ATELIER_MODE: 'local',
    TABLE_NAME: ctx.config.tableName,
    UPLOADS_BUCKET: ctx.config.uploadsBucket,
    DYNAMODB_ENDPOINT: ctx.config.dynamodbEndpoint,
    S3_ENDPOINT: ctx.config.s3Endpoint,
    PUBLIC_URL: ctx.config.publicUrl,
    LOG_LEVEL: 'SILENT',
  });
}
