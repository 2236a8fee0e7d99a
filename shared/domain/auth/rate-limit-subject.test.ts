import { describe, expect, it } from 'vitest';
import { rateLimitSubject } from '#shared/domain/auth/rate-limit-subject.ts';

describe('the subject a per-IP rate limit counts', () => {
  it('is an IPv4 address as it is', () => {
    expect(rateLimitSubject('198.51.100.7')).toBe('198.51.100.7');
    expect(rateLimitSubject('198.51.100.8')).toBe('198.51.100.8');
  });

  it('is the IPv4 address of an IPv4-mapped IPv6 one, however written', () => {
    expect(rateLimitSubject('::ffff:198.51.100.7')).toBe('198.51.100.7');
    expect(rateLimitSubject('::FFFF:c633:6407')).toBe('198.51.100.7');
    expect(rateLimitSubject('0:0:0:0:0:ffff:198.51.100.7')).toBe('198.51.100.7');
  });

  it('is the /64 of an IPv6 address: one customer line, all its 2^64 addresses, is one subject', () => {
    const line = ['2001:db8:1:2::1', '2001:db8:1:2::2', '2001:db8:1:2:ffff:ffff:ffff:ffff', '2001:0DB8:0001:0002:0000:0000:0000:0003', '2001:db8:1:2:a:b:1.2.3.4'];
    expect(new Set(line.map(rateLimitSubject))).toEqual(new Set(['2001:db8:1:2::/64']));
    expect(rateLimitSubject('2001:db8:1:3::1')).toBe('2001:db8:1:3::/64');
    expect(rateLimitSubject('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(rateLimitSubject('::1')).toBe('0:0:0:0::/64');
    expect(rateLimitSubject('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(rateLimitSubject('[2001:db8:1:2::9]')).toBe('2001:db8:1:2::/64');
  });

  it('keeps anything that is not an address as it is', () => {
    expect(rateLimitSubject('unknown')).toBe('unknown');
    expect(rateLimitSubject('')).toBe('');
  });
});
