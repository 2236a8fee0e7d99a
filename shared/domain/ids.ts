import { randomBytes } from 'node:crypto';

/** Crockford's base32 without I, L, O, U: easy to read aloud and to type from a screen. */
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function randomCode(length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const byte of bytes) out += alphabet[byte % 32];
  return out;
}

/** Ids for records: 16 characters, ~80 bits, lower case in URLs. */
export const newId = () => randomCode(16).toLowerCase();

/** A human order reference such as `WW-7K2Q`: the shop's prefix and four characters. */
export const newOrderReference = (prefix: string) => `${prefix}-${randomCode(4)}`;
