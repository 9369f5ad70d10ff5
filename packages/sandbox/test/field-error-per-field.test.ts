import { describe, expect, it } from 'vitest';
import { data, useHarness } from './helpers';

const h = useHarness();

type Fields = Record<string, Record<string, unknown>>;

const USERNAME_PATTERN = '^([+@.\\w_-]+)$';

const typeError = (target: string, value: unknown) => ({
  type: { message: `Value did not match type(s): ${target}`, target, value },
});

const patternError = (pattern: string, value: string) => ({
  pattern: { message: `Failed to match pattern '${pattern}'`, target: pattern, value },
});

// jesse (1.5-rc13) appends each error as it meets it (jesse_error:default_error_handler/3) while
// jesse_validator_draft4:check_value/3 walks a property's keywords in the order its schema lists
// them, and every KAZOO schema lists them sorted (enum, format, maxLength, minLength, pattern,
// type). cb_context:failed/2 folds that list with failed_error/2, whose
// kz_json_schema:error_to_jobj/2 answers `{"<dotted.path>": {<code>: …}}` and whose
// kz_json:merge_jobjs/2 sets that one top-level key whole: the last error for a field wins.
describe('one error code per field (cb_context:failed_error/2, kz_json:merge_jobjs/2)', () => {
  it('a username too long and off its pattern answers pattern alone, the later keyword (kz_json_schema:error_to_jobj/2)', async () => {
    const username = `a b${'c'.repeat(260)}`;
    const r = await h.call('PUT', `${h.acct}/users`, { data: { first_name: 'Ada', last_name: 'Rivera', username } });
    expect(r.status, r.text).toBe(400);
    expect(r.body.message).toBe('validation error');
    expect(r.body.data).toEqual({ username: patternError(USERNAME_PATTERN, username) });
  });

  it('an empty username, too short and off its pattern, answers pattern alone (jesse_validator_draft4:check_value/3)', async () => {
    const r = await h.call('PUT', `${h.acct}/users`, { data: { first_name: 'Ada', last_name: 'Rivera', username: '' } });
    expect(r.status, r.text).toBe(400);
    expect(r.body.data).toEqual({ username: patternError(USERNAME_PATTERN, '') });
  });

  it('a number where a string enum is expected answers type alone, checked after enum (cb_context:failed_error/2)', async () => {
    const r = await h.call('PUT', `${h.acct}/users`, { data: { first_name: 'Ada', last_name: 'Rivera', priv_level: 5 } });
    expect(r.status, r.text).toBe(400);
    expect(r.body.data).toEqual({ priv_level: typeError('string', 5) });
  });

  it('a string outside the enum still answers enum (kz_json_schema:error_to_jobj/2)', async () => {
    const r = await h.call('PUT', `${h.acct}/users`, { data: { first_name: 'Ada', last_name: 'Rivera', priv_level: 'root' } });
    expect(r.status, r.text).toBe(400);
    expect(r.body.data).toEqual({
      priv_level: { enum: { message: 'Value not found in enumerated list of values', target: ['user', 'admin'], value: 'root' } },
    });
  });

  it('a nested field keeps its dotted path as one flat key with one code (kz_json_schema:build_validate_error/4)', async () => {
    const r = await h.call('PUT', `${h.acct}/users`, {
      data: { first_name: 'Ada', last_name: 'Rivera', caller_id_options: { outbound_privacy: 0 }, username: 'x y' },
    });
    expect(r.status, r.text).toBe(400);
    expect(r.body.data).toEqual({
      'caller_id_options.outbound_privacy': typeError('string', 0),
      username: patternError(USERNAME_PATTERN, 'x y'),
    });
  });

  it('a pattern is answered as the schema spells it, slashes unescaped (kz_json_schema:error_to_jobj/2 reads it from the schema)', async () => {
    const r = await h.call('PUT', `${h.acct}/faxes`, {
      data: { from_number: '+14155550100', to_number: '+14155550123', document: { url: 'ftp://example.com/a.pdf' } },
    });
    expect(r.status, r.text).toBe(400);
    expect(r.body.data).toEqual({ 'document.url': patternError('^https?://', 'ftp://example.com/a.pdf') });
  });

  it('a PATCH merged into a stored user answers one code per field too (crossbar_doc:patch_and_validate/3)', async () => {
    const created = await h.call('PUT', `${h.acct}/users`, { data: { first_name: 'Grace', last_name: 'Hopper' } });
    expect(created.status, created.text).toBe(201);
    const id = data(created).id;
    const r = await h.call('PATCH', `${h.acct}/users/${id}`, { data: { priv_level: [], username: ' ' } });
    expect(r.status, r.text).toBe(400);
    expect(r.body.data).toEqual({ priv_level: typeError('string', []), username: patternError(USERNAME_PATTERN, ' ') });
  });
});

// cb_vmboxes:validate_unique_vmbox/3 records a clash with cb_context:add_validation_error/4 and then
// runs the schema; both merge with kz_json:merge_jobjs/2, so whichever comes later sets the field.
describe('a module error and schema errors on one field (cb_context:add_validation_error/4)', () => {
  it('a taken mailbox that is also a number answers the schema type alone, not unique', async () => {
    const box = await h.call('PUT', `${h.acct}/vmboxes`, { data: { name: 'Box 7300', mailbox: '7300' } });
    expect(box.status, box.text).toBe(201);
    const r = await h.call('PUT', `${h.acct}/vmboxes`, { data: { name: 'Clash', mailbox: 7300, media_extension: 3 } });
    expect(r.status, r.text).toBe(400);
    expect(r.body.data).toEqual({ mailbox: typeError('string', 7300), media_extension: typeError('string', 3) });
  });

  it('a taken mailbox next to another field breaking two keywords keeps unique and the later keyword', async () => {
    const box = await h.call('PUT', `${h.acct}/vmboxes`, { data: { name: 'Box 7400', mailbox: '7400' } });
    expect(box.status, box.text).toBe(201);
    const r = await h.call('PUT', `${h.acct}/vmboxes`, { data: { name: 'Clash', mailbox: '7400', media_extension: true } });
    expect(r.status, r.text).toBe(400);
    const fields = r.body.data as Fields;
    expect(fields).toEqual({
      mailbox: { unique: { message: 'Invalid mailbox number or already exists' } },
      media_extension: typeError('string', true),
    });
  });
});
