import { describe, expect, it } from 'vitest';
import { createApp } from '#functions/api/app.ts';
import { createApiDeps } from '#functions/api/deps.ts';
import { ConfigError, parseConfig } from '#shared/config.ts';
import { originSecretHeader } from '#shared/security/origin-secret-header.ts';

const originSecret = 'only-cloudfront-and-the-api-know-this-value';
const awsEnv = {
  ATELIER_MODE: 'aws',
  TABLE_NAME: 'atelier',
  UPLOADS_BUCKET: 'uploads',
  PUBLIC_URL: 'https://atelier.example',
  EVENTS_TOPIC_ARN: 'arn:aws:sns:eu-west-1:123456789012:events',
  LOG_LEVEL: 'SILENT',
  // No AWS is reachable here: a request that got past the guard would fail on DynamoDB instead.
  AWS_ACCESS_KEY_ID: 'x',
  AWS_SECRET_ACCESS_KEY: 'x',
};
const awsApp = () => createApp(createApiDeps(parseConfig({ ...awsEnv, ORIGIN_SECRET: originSecret })));

describe('the API in AWS, reached other than through CloudFront', () => {
  it('refuses a request without the origin secret, or with another, in the error shape', async () => {
    const app = awsApp();
    const spoofed = { 'cloudfront-viewer-address': '198.51.100.7:443', origin: 'https://atelier.example' };
    for (const headers of [spoofed, { ...spoofed, [originSecretHeader]: 'wrong' }, { ...spoofed, [originSecretHeader]: originSecret.replace(/.$/, 'X') }]) {
      for (const [method, path] of [['GET', '/api/openapi.json'], ['POST', '/api/auth/magic-links'], ['GET', '/api/health']] as const) {
        const res = await app.request(path, { method, headers: { ...headers, 'content-type': 'application/json' }, ...(method === 'POST' ? { body: JSON.stringify({ email: 'a@x.test' }) } : {}) });
        expect(res.status, `${method} ${path}`).toBe(403);
        expect(await res.json()).toEqual({ error: { code: 'forbidden', message: 'The Atelier API answers only at the portal’s address.' } });
      }
    }
  });

  it('answers a request CloudFront forwarded', async () => {
    const res = await awsApp().request('/api/openapi.json', { headers: { [originSecretHeader]: originSecret } });
    expect(res.status).toBe(200);
    expect((await res.json()).openapi).toBe('3.1.0');
  });

  it('does not start without the secret', () => {
    expect(() => createApp(createApiDeps(parseConfig(awsEnv)))).toThrow(ConfigError);
    expect(() => createApp(createApiDeps(parseConfig(awsEnv)))).toThrow(/ORIGIN_SECRET/);
  });

  it('takes no secret shorter than 32 characters', () => {
    expect(() => parseConfig({ ...awsEnv, ORIGIN_SECRET: 'short' })).toThrow(/ORIGIN_SECRET/);
  });
});
