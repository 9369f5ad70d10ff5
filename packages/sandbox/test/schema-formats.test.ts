import { describe, expect, it } from 'vitest';
import { useHarness } from './helpers';

const h = useHarness();

/**
 * kz_json_schema:error_to_jobj/2, its clause for jesse's `wrong_format`
 * (jesse_validator_draft4:check_format/3): the message, the value and the failed schema's `format`.
 */
const wrongFormat = (value: unknown, format: string) => ({
  wrong_format: { message: 'Field is not in the correct format', value, format },
});

describe('formats KAZOO checks answer wrong_format (jesse_validator_draft4:check_format/3, kz_json_schema:error_to_jobj/2)', () => {
  it('a user PUT with email "nope" is a 400 validation error on email', async () => {
    const r = await h.call('PUT', `${h.acct}/users`, { data: { first_name: 'Ada', last_name: 'Rivera', email: 'nope' } });
    expect(r.status, r.text).toBe(400);
    expect(r.body.error).toBe('400');
    expect(r.body.status).toBe('error');
    expect(r.body.message).toBe('validation error');
    expect(r.body.data).toEqual({ email: wrongFormat('nope', 'email') });
  });

  it('a user PUT with a valid email is created (201)', async () => {
    const r = await h.call('PUT', `${h.acct}/users`, { data: { first_name: 'Ada', last_name: 'Rivera', email: 'ada@example.com' } });
    expect(r.status, r.text).toBe(201);
    expect((r.body.data as { email?: string }).email).toBe('ada@example.com');
  });

  it('jesse’s email rule is ^[^@]+@[^@]+$ only: "a@b" is accepted, "a@b@c" is not', async () => {
    const ok = await h.call('PUT', `${h.acct}/users`, { data: { first_name: 'B', last_name: 'C', email: 'a@b' } });
    expect(ok.status, ok.text).toBe(201);
    const bad = await h.call('PUT', `${h.acct}/users`, { data: { first_name: 'B', last_name: 'C', email: 'a@b@c' } });
    expect(bad.status, bad.text).toBe(400);
    expect(bad.body.data).toEqual({ email: wrongFormat('a@b@c', 'email') });
  });

  it('a PATCH that brings a bad email is refused on the merged document (crossbar_doc:patch_and_validate/3)', async () => {
    const created = await h.call('PUT', `${h.acct}/users`, { data: { first_name: 'D', last_name: 'E' } });
    const id = (created.body.data as { id: string }).id;
    const r = await h.call('PATCH', `${h.acct}/users/${id}`, { data: { email: 'no-at-sign' } });
    expect(r.status, r.text).toBe(400);
    expect(r.body.data).toEqual({ email: wrongFormat('no-at-sign', 'email') });
  });

  it('each bad entry of a list is reported at its index (vmboxes.notify_email_addresses)', async () => {
    const r = await h.call('PUT', `${h.acct}/vmboxes`, {
      data: { name: 'Box', mailbox: '4001', notify_email_addresses: ['ok@example.com', 'bad'] },
    });
    expect(r.status, r.text).toBe(400);
    expect(r.body.data).toEqual({ 'notify_email_addresses.1': wrongFormat('bad', 'email') });
  });

  it('an email too short and without an @ answers minLength alone: jesse checks format before minLength, the last error stands (cb_context:failed_error/2)', async () => {
    const r = await h.call('PUT', `${h.acct}/users`, { data: { first_name: 'F', last_name: 'G', email: 'ab' } });
    expect(r.status, r.text).toBe(400);
    expect(r.body.data).toEqual({
      email: { minLength: { message: 'String must be at least 3 characters', target: 3, cause: 'ab', value: 'ab' } },
    });
  });

  it('inside a oneOf, a bad email fails the oneOf at its value (jesse_validator_draft4:check_one_of/3 drops the branch errors)', async () => {
    const notOne = (value: unknown) => ({ not_one_schema_valid: { message: 'failed to validate', value } });
    const single = await h.call('PUT', `${h.acct}/port_requests`, {
      data: { name: 'Formats one', numbers: { '+12025558811': {} }, notifications: { email: { send_to: 'bad' } } },
    });
    expect(single.status, single.text).toBe(400);
    expect(single.body.data).toEqual({ 'notifications.email.send_to': notOne('bad') });
    const list = await h.call('PUT', `${h.acct}/port_requests`, {
      data: { name: 'Formats two', numbers: { '+12025558812': {} }, notifications: { email: { send_to: ['ok@example.com', 'bad'] } } },
    });
    expect(list.status, list.text).toBe(400);
    expect(list.body.data).toEqual({ 'notifications.email.send_to': notOne(['ok@example.com', 'bad']) });
    const fine = await h.call('PUT', `${h.acct}/port_requests`, {
      data: { name: 'Formats three', numbers: { '+12025558813': {} }, notifications: { email: { send_to: ['a@b', 'ok@example.com'] } } },
    });
    expect(fine.status, fine.text).toBe(201);
  });

  it('a format jesse does not check ("uri") takes any string (queues.cdr_url)', async () => {
    const r = await h.call('PUT', `${h.acct}/queues`, { data: { name: 'Support', cdr_url: 'not a uri' } });
    expect(r.status, r.text).toBe(201);
  });
});
