import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes, URL-safe: the only copy leaves in the email or the cookie. */
export const newSecret = () => randomBytes(32).toString('base64url');

/** What is stored instead of a token or session id. */
export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
