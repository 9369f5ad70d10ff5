import { describe, expect, it } from 'vitest';
import { userCredentialsHash } from './credentials';
import { decodeJwtClaims, tokenExpiry } from './jwt';

describe('userCredentialsHash', () => {
  it('matches the KAZOO documentation vector (md5 of lowercase(username):password)', () => {
    expect(userCredentialsHash('john@example.com', 'm32c6NfqYEt')).toBe('82a2dc91686ec828a67152d45a5c5ef7');
  });

  it('lower-cases the username but not the password', () => {
    expect(userCredentialsHash('John@Example.COM', 'm32c6NfqYEt')).toBe('82a2dc91686ec828a67152d45a5c5ef7');
    expect(userCredentialsHash('john@example.com', 'M32C6NFQYET')).not.toBe('82a2dc91686ec828a67152d45a5c5ef7');
  });

  it('uses SHA-1 for method sha', () => {
    expect(userCredentialsHash('john@example.com', 'm32c6NfqYEt', 'sha')).toBe('055cf886cb9b5c5867083463867c527ace0f8ecc');
  });
});

describe('JWT decoding', () => {
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  it('reads exp and claims without verifying', () => {
    const token = `${b64({ alg: 'RS256' })}.${b64({ account_id: 'a', exp: 1893456000, name: 'ünï' })}.sig`;
    expect(decodeJwtClaims(token)).toEqual({ account_id: 'a', exp: 1893456000, name: 'ünï' });
    expect(tokenExpiry(token)?.toISOString()).toBe('2030-01-01T00:00:00.000Z');
  });

  it('treats anything else as a token with no known expiry', () => {
    expect(decodeJwtClaims('0123456789abcdef')).toBeUndefined();
    expect(decodeJwtClaims('a.!!!.c')).toBeUndefined();
    expect(tokenExpiry('a.b.c')).toBeUndefined();
  });
});
