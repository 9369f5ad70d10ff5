import { describe, expect, it } from 'vitest';
import { parseEnvelope } from './envelope';

describe('parseEnvelope', () => {
  it('unwraps data and reads every known envelope key', () => {
    const { data, meta } = parseEnvelope(
      {
        auth_token: 'eyJ.secret',
        data: [{ id: 'a' }],
        node: 'n1',
        request_id: 'r1',
        revision: 'automatic',
        status: 'success',
        timestamp: '2026-02-04T18:45:54Z',
        tokens: { consumed: 1, remaining: 99 },
        version: '5.4.32.6',
        page_size: 1,
        start_key: 'g2wA',
        next_start_key: 'g2wB',
        metadata: {},
      },
      200,
    );
    expect(data).toEqual([{ id: 'a' }]);
    expect(meta).toEqual({
      status: 200,
      requestId: 'r1',
      revision: 'automatic',
      pageSize: 1,
      startKey: 'g2wA',
      nextStartKey: 'g2wB',
      tokens: { consumed: 1, remaining: 99 },
      version: '5.4.32.6',
      node: 'n1',
      timestamp: '2026-02-04T18:45:54Z',
      statusText: 'success',
      extra: { metadata: {} },
    });
  });

  it('never exposes the auth token', () => {
    const { meta } = parseEnvelope({ auth_token: 'eyJhbGciOi.secret', data: {} }, 200);
    expect(JSON.stringify(meta)).not.toContain('eyJhbGciOi');
  });

  it('reads chunked bodies whose page_size is a string', () => {
    expect(parseEnvelope({ data: [], page_size: '50', next_start_key: 'k' }, 200).meta.pageSize).toBe(50);
  });

  it('sends pre-4.2 raw keys back as JSON, exactly', () => {
    expect(parseEnvelope({ data: [], next_start_key: [63691980222, '98016800'] }, 200).meta.nextStartKey).toBe('[63691980222,"98016800"]');
  });

  it('treats an absent or empty next_start_key as the last page', () => {
    expect(parseEnvelope({ data: [] }, 200).meta.nextStartKey).toBeUndefined();
    expect(parseEnvelope({ data: [], next_start_key: '' }, 200).meta.nextStartKey).toBeUndefined();
    expect(parseEnvelope({ data: [], next_start_key: [] }, 200).meta.nextStartKey).toBeUndefined();
  });

  it('falls back to the X-Request-ID header and reads ETag and Location', () => {
    const headers = new Headers({ 'x-request-id': 'hdr', etag: '"1-abc"', location: '/v2/accounts/a/users/u' });
    const { meta } = parseEnvelope({ data: {} }, 201, headers);
    expect(meta).toMatchObject({ requestId: 'hdr', etag: '"1-abc"', location: '/v2/accounts/a/users/u', status: 201 });
  });

  it('passes a body that is not an envelope through as data', () => {
    expect(parseEnvelope('plain', 200).data).toBe('plain');
  });
});
