import * as z from '#shared/zod.ts';

/** Every setting Atelier reads from the environment, parsed once and failing fast. */
const envSchema = z.object({
  ATELIER_MODE: z.enum(['local', 'aws']).default('aws'),
  TABLE_NAME: z.string().min(1),
  UPLOADS_BUCKET: z.string().min(1),
  AWS_REGION: z.string().min(1).default('us-east-1'),
  /** Only in local mode: DynamoDB Local and the local S3. */
  DYNAMODB_ENDPOINT: z.url().optional(),
  S3_ENDPOINT: z.url().optional(),
  /** The portal's public origin: links in emails and the CSRF origin check use it. */
  PUBLIC_URL: z.url().transform((url) => url.replace(/\/+$/, '')),
  /** AWS mode: the SNS topic domain events are published to. */
  EVENTS_TOPIC_ARN: z.string().startsWith('arn:').optional(),
  /**
   * The api in AWS mode: what CloudFront sends with every request to the API; other callers are
   * refused (docs/decisions/0020-the-api-only-behind-cloudfront.md).
   */
  ORIGIN_SECRET: z.string().min(32).optional(),
  /** The largest file a person may upload, in bytes (100 MB unless set). */
  UPLOAD_MAX_BYTES: z.coerce.number().int().min(1024).max(5 * 1024 ** 3).default(100 * 1024 * 1024),
  MAIL_FROM: z.string().min(3).default('Atelier <no-reply@atelier.localhost>'),
  LOG_LEVEL: z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR', 'SILENT']).default('INFO'),
});

export type Config = {
  mode: 'local' | 'aws';
  tableName: string;
  uploadsBucket: string;
  region: string;
  dynamodbEndpoint: string | undefined;
  s3Endpoint: string | undefined;
  publicUrl: string;
  mailFrom: string;
  eventsTopicArn: string | undefined;
  /** AWS mode only: the secret CloudFront adds to each request it forwards to the API. */
  originSecret: string | undefined;
  uploadMaxBytes: number;
  logLevel: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'SILENT';
  /** Cookies get `Secure` and the `__Host-` prefix whenever the portal is served over https. */
  secureCookies: boolean;
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function parseConfig(env: Record<string, string | undefined>): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  if (e.ATELIER_MODE === 'local' && (!e.DYNAMODB_ENDPOINT || !e.S3_ENDPOINT)) {
    throw new ConfigError('Invalid configuration: local mode needs DYNAMODB_ENDPOINT and S3_ENDPOINT');
  }
  if (e.ATELIER_MODE === 'aws' && !e.EVENTS_TOPIC_ARN) {
    throw new ConfigError('Invalid configuration: AWS mode needs EVENTS_TOPIC_ARN');
  }
  return {
    mode: e.ATELIER_MODE,
    tableName: e.TABLE_NAME,
    uploadsBucket: e.UPLOADS_BUCKET,
    region: e.AWS_REGION,
    dynamodbEndpoint: e.DYNAMODB_ENDPOINT,
    s3Endpoint: e.S3_ENDPOINT,
    publicUrl: e.PUBLIC_URL,
    mailFrom: e.MAIL_FROM,
    eventsTopicArn: e.EVENTS_TOPIC_ARN,
    originSecret: e.ORIGIN_SECRET,
    uploadMaxBytes: e.UPLOAD_MAX_BYTES,
    logLevel: e.LOG_LEVEL,
    secureCookies: e.PUBLIC_URL.startsWith('https://'),
  };
}

let current: Config | undefined;

/** The process's configuration, read from `process.env` on first use. */
export function config(): Config {
  current ??= parseConfig(process.env);
  return current;
}
