import { createApiKeyAuth } from '@audian/auth';
import { InvalidArgumentError } from '@audian/core';
import { startTestServer, type TestServer } from '@audian/test-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAudian } from '../src/index';
import {
  isKazooFormat,
  matchesKazooFormat,
  PortRequestsSchema,
  QueuesSchema,
  UsersSchema,
  VmboxesSchema,
  validateBody,
  WebhooksSchema,
} from '../src/schemas/index';
import { issuesOf } from './schema-issues';

// The rules are jesse's (tag 1.5-rc13, the one KAZOO's make/deps.mk pins):
// jesse_validator_draft4:check_format/3 checks date-time, email, ipv4 and ipv6 on strings and
// accepts any other format. The cases marked "jesse suite" are jesse's own
// test/JSON-Schema-Test-Suite-extra/draft4 cases.

describe('email: ^[^@]+@[^@]+$ (jesse_validator_draft4:check_format/3)', () => {
  it.each(['a@b', 'ann@example.com', 'first last@host', 'ünï@cødé.example', 'a@b\n'])('accepts %j', (value) => {
    expect(matchesKazooFormat('email', value)).toBe(true);
  });

  it.each(['ab', 'a@b@c', '@b', 'a@', '@', ''])('refuses %j', (value) => {
    expect(matchesKazooFormat('email', value)).toBe(false);
  });
});

describe('date-time: what rfc3339:parse/1 (0.2.1) parses (jesse_validator_draft4:valid_datetime/1)', () => {
  it.each([
    '2016-12-16T11:36:04Z', // jesse suite
    '0000-01-01T00:00:00Z', // jesse suite: minimal
    '9999-12-31T23:59:59Z', // jesse suite: maximal
    '2016-12-16t11:36:04z',
    '2016-12-16 11:36:04+03:00',
    '2016-12-16T11:36:04.123456789-05:30',
    '2016-12-16T11:36:04.Z', // a `.` with no digits after it
    '2016-12-31T23:59:60Z', // a leap second
    '2024-02-29T00:00:00Z',
    '2000-02-29T00:00:00Z',
    '2016-12-00T00:00:00Z', // to_day/4 accepts day 0
  ])('accepts %j', (value) => {
    expect(matchesKazooFormat('date-time', value)).toBe(true);
  });

  it.each([
    '', // jesse suite
    ' 2016-12-16T11:36:04Z ', // jesse suite: extra spaces
    '2016-12-16T14:36:04+0300', // jesse suite: offset without a colon
    '20161216T113604Z', // jesse suite: basic format
    '2016-12-16T11:36:04', // no zone
    '2016-12-16',
    '2023-02-29T00:00:00Z',
    '1900-02-29T00:00:00Z',
    '2016-04-31T00:00:00Z',
    '2016-13-01T00:00:00Z',
    '2016-12-16T24:00:00Z',
    '2016-12-16T11:36:61Z',
    '2016-12-16T11:36:04+24:00',
  ])('refuses %j', (value) => {
    expect(matchesKazooFormat('date-time', value)).toBe(false);
  });
});

describe('ipv4: inet_parse:ipv4strict_address/1', () => {
  it.each(['1.2.3.4', '0.0.0.0', '255.255.255.255', '192.168.1.1'])('accepts %j', (value) => {
    expect(matchesKazooFormat('ipv4', value)).toBe(true);
  });

  it.each(['1.2.3', '1.2.3.4.5', '', ' 192.168.1.1 ', '192.168.1.300', '01.2.3.4', '1.2.3.4.', '2001:4860:4860::8888', 'www.ietf.org'])(
    'refuses %j',
    (value) => {
      expect(matchesKazooFormat('ipv4', value)).toBe(false);
    },
  );
});

describe('ipv6: inet_parse:ipv6strict_address/1', () => {
  it.each([
    '::',
    '::1',
    'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff',
    '2001:0db8:85a3:0000:0000:8a2e:0370:7334',
    '::ffff:c000:0280',
    '::FfFf:C000:0280',
    '::ffff:192.0.2.128',
    '1::',
    'fe80::1%eth0',
  ])('accepts %j', (value) => {
    expect(matchesKazooFormat('ipv6', value)).toBe(true);
  });

  it.each(['', ' ::1 ', '192.168.1.1', 'www.ietf.org', '1:2:3:4:5:6:7', '1::2::3', '12345::', ':::1', '1:2:3:4:5:6:7:8:9', '::1.2.3'])(
    'refuses %j',
    (value) => {
      expect(matchesKazooFormat('ipv6', value)).toBe(false);
    },
  );
});

describe('formats jesse accepts unchecked', () => {
  it('are not KAZOO formats', () => {
    for (const format of ['hostname', 'uri', 'regex', 'uri-reference', 'phone']) expect(isKazooFormat(format)).toBe(false);
  });

  it('a queue cdr_url ("format": "uri") takes any string', () => {
    expect(() => validateBody(QueuesSchema, { name: 'q', cdr_url: 'not a uri at all' }, 'full', 'queue')).not.toThrow();
  });

  it('a webhook uri is not checked as a format (its own pattern, if any, still applies)', () => {
    const result = WebhooksSchema.safeParse({ name: 'w', uri: 'http://host with spaces', hook: 'channel_create' });
    const formatIssues = result.success
      ? []
      : result.error.issues.filter((issue) => issue.code === 'invalid_format' && !('pattern' in issue));
    expect(formatIssues).toEqual([]);
  });
});

describe('the generated schemas check email fields', () => {
  it('users.email', () => {
    expect(UsersSchema.safeParse({ first_name: 'A', last_name: 'B', email: 'a@b' }).success).toBe(true);
    expect(() => validateBody(UsersSchema, { first_name: 'A', last_name: 'B', email: 'a@b@c' }, 'full', 'user')).toThrow(
      'email is not a valid email',
    );
  });

  it('each entry of vmboxes.notify_email_addresses, by its index', () => {
    expect(
      issuesOf(() =>
        validateBody(VmboxesSchema, { name: 'box', mailbox: '1000', notify_email_addresses: ['ok@example.com', 'nope'] }, 'full', 'vmbox'),
      ),
    ).toEqual([{ path: 'notify_email_addresses.1', code: 'wrong_format', message: 'notify_email_addresses.1 is not a valid email' }]);
  });

  it('inside a oneOf (port request send_to: one address or a list), the SDK still names the entry', () => {
    expect(
      issuesOf(() =>
        validateBody(
          PortRequestsSchema,
          { name: 'p', numbers: { '+12025550100': {} }, notifications: { email: { send_to: ['ok@example.com', 'bad'] } } },
          'full',
          'port request',
        ),
      ),
    ).toEqual([
      { path: 'notifications.email.send_to.1', code: 'wrong_format', message: 'notifications.email.send_to.1 is not a valid email' },
    ]);
  });

  it('a value of another type fails on its type, not the format (check_format/3 reads strings only)', () => {
    expect(
      issuesOf(() => validateBody(UsersSchema, { first_name: 'A', last_name: 'B', email: 42 }, 'full', 'user')).map((issue) => issue.code),
    ).toEqual(['type']);
  });
});

describe('the client refuses a bad format before any request, naming the field and the format', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());
  const client = () => createAudian({ baseUrl: server.baseUrl, auth: createApiKeyAuth({ apiKey: 'k'.repeat(64) }), rateLimit: false });

  it('users.create with email "nope"', async () => {
    const error = await client()
      .users.create({ first_name: 'A', last_name: 'B', email: 'nope' })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as InvalidArgumentError).issues).toEqual([
      { path: 'email', code: 'wrong_format', message: 'email is not a valid email' },
    ]);
    expect((error as InvalidArgumentError).argument).toBe('data.email');
  });

  it('users.patch with email "a@b@c"', async () => {
    const error = await client()
      .users.patch('u1', { email: 'a@b@c' })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect((error as InvalidArgumentError).issues).toEqual([
      { path: 'email', code: 'wrong_format', message: 'email is not a valid email' },
    ]);
  });

  it('sent nothing', () => {
    expect(server.requests).toHaveLength(0);
  });
});
