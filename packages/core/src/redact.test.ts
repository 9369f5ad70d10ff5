import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { redactHeaders, redactSecrets, redactUrl, SecretRegistry } from './redact';

describe('redaction', () => {
  it('replaces credential-named keys at any depth', () => {
    expect(redactSecrets({ user: { password: 'p4ss', pin: '1234', first_name: 'A' }, list: [{ api_key: 'k' }] })).toEqual({
      user: { password: '[REDACTED]', pin: '[REDACTED]', first_name: 'A' },
      list: [{ api_key: '[REDACTED]' }],
    });
  });

  it('keeps what a validation map says about a credential field, never its value or cause', () => {
    expect(
      redactSecrets({
        password: { minLength: { message: 'String must be at least 8 characters', cause: 8, value: 'hunter2' } },
        pin: { required: { message: 'Field is required but missing' } },
        credentials: { nested: 'c0ffee' },
        username: { unique: { message: 'Username must be unique', cause: 'ann' } },
      }),
    ).toEqual({
      password: { minLength: { message: 'String must be at least 8 characters', cause: '[REDACTED]', value: '[REDACTED]' } },
      pin: { required: { message: 'Field is required but missing' } },
      credentials: { nested: '[REDACTED]' },
      username: { unique: { message: 'Username must be unique', cause: 'ann' } },
    });
  });

  it('scrubs registered secrets from any string', () => {
    const secrets = new SecretRegistry();
    secrets.add('0123456789abcdef');
    expect(secrets.redact({ data: ['0123456789abcdef'], message: 'key 0123456789abcdef rejected' })).toEqual({
      data: ['[REDACTED]'],
      message: 'key [REDACTED] rejected',
    });
    expect(inspect(secrets)).not.toContain('0123456789abcdef');
    expect(JSON.stringify({ secrets })).not.toContain('0123456789abcdef');
  });

  it('redacts credential headers and query parameters', () => {
    expect(redactHeaders({ 'X-Auth-Token': 'abc', Authorization: 'Basic x', Accept: 'application/json' })).toEqual({
      'x-auth-token': '[REDACTED]',
      authorization: '[REDACTED]',
      accept: 'application/json',
    });
    const url = redactUrl('https://u:p@h/v2/accounts?auth_token=abcdef&page_size=5');
    expect(url).not.toContain('abcdef');
    expect(url).not.toContain('u:p@');
    expect(url).toContain('page_size=5');
  });
});
