import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Doc, data, type Harness, harness, request } from './helpers';

let h: Harness;
let child: { id: string; token: string };

beforeAll(async () => {
  h = await harness();
  const created = (await h.call('PUT', h.acct, { data: { name: 'Port Customer' } })).body.data as Doc;
  const key = (await h.call('GET', `/v2/accounts/${created.id}/api_key`)).body.data as { api_key: string };
  child = { id: created.id, token: await h.login(key.api_key) };
});
afterAll(() => h.stop());

const asChild = (method: string, path: string, body?: unknown) =>
  request(h.sandbox, method, path, body === undefined ? {} : { data: body }, child.token);
let n = 0;
/** A number no other port or account holds. */
const fresh = () => `+1202555${String(7000 + n++).padStart(4, '0')}`;
const PDF = '%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n';

describe('port requests (cb_port_requests)', () => {
  it('creates unconfirmed, with KAZOO public fields, the port authority and E.164 numbers', async () => {
    const r = await asChild('PUT', `/v2/accounts/${child.id}/port_requests`, {
      name: 'Main',
      numbers: { '2025559001': {} },
      port_state: 'completed',
    });
    expect(r.status).toBe(201);
    const port = data(r);
    expect(port).toMatchObject({ name: 'Main', port_state: 'unconfirmed', sent: false, uploads: {}, numbers: { '+12025559001': {} } });
    expect(port._read_only).toMatchObject({ account_id: child.id, account_name: 'Port Customer', port_authority: h.sandbox.accountId });
    expect(typeof port.created).toBe('number');
  });

  it('refuses a number on another active port, or one already in service (check_number_portability/3)', async () => {
    const number = fresh();
    const first = data(await asChild('PUT', `/v2/accounts/${child.id}/port_requests`, { name: 'A', numbers: { [number]: {} } }));
    const again = await asChild('PUT', `/v2/accounts/${child.id}/port_requests`, { name: 'B', numbers: { [number]: {} } });
    expect(again.status).toBe(400);
    expect(again.body.data).toEqual({ [number]: { type: { message: `Number is on a port request already: ${first.id}`, cause: number } } });
    const other = await h.call('PUT', `${h.acct}/port_requests`, { data: { name: 'C', numbers: { [number]: {} } } });
    expect((other.body.data as Record<string, { type: { message: string } }>)[number]?.type.message).toBe(
      'Number is being ported for a different account',
    );
    const missing = await asChild('PUT', `/v2/accounts/${child.id}/port_requests`, { name: 'No numbers' });
    expect(missing.status).toBe(400);
    expect(missing.body.data).toHaveProperty('numbers');
  });

  it('walks the state machine: the customer submits, the port authority moves it on, illegal moves get port_state.enum', async () => {
    const port = data(await asChild('PUT', `/v2/accounts/${child.id}/port_requests`, { name: 'Walk', numbers: { [fresh()]: {} } }));
    const at = (state: string) => `/v2/accounts/${child.id}/port_requests/${port.id}/${state}`;

    const early = await asChild('PATCH', at('completed'), {});
    expect(early.status).toBe(400);
    expect(early.body.data).toEqual({
      port_state: {
        enum: {
          message: "you're not allowed to change to new state from current state, please contact your port authority",
          cause: 'completed',
        },
      },
    });

    const submitted = await asChild('PATCH', at('submitted'), { reason: 'LOA signed' });
    expect(submitted.status).toBe(200);
    expect(data(submitted).port_state).toBe('submitted');

    const skip = await h.call('PATCH', at('scheduled'), { data: { schedule_on: { date_time: '2027-06-24 12:00', timezone: 'UTC' } } });
    expect(skip.status).toBe(400);
    expect(skip.body.data).toEqual({
      port_state: { enum: { message: 'Cannot move to new state from current state', cause: 'scheduled' } },
    });

    expect(data(await h.call('PATCH', at('pending'), { data: {} })).port_state).toBe('pending');
    const noDate = await h.call('PATCH', at('scheduled'), { data: {} });
    expect(noDate.status).toBe(400);
    expect(noDate.body.data).toHaveProperty('schedule_on');
    const scheduled = data(
      await h.call('PATCH', at('scheduled'), { data: { schedule_on: { date_time: '2027-06-24 12:00', timezone: 'UTC' } } }),
    );
    expect(scheduled).toMatchObject({ port_state: 'scheduled', scheduled_date: Date.UTC(2027, 5, 24, 12) / 1000 + 62_167_219_200 });

    const edit = await asChild('POST', `/v2/accounts/${child.id}/port_requests/${port.id}`, { name: 'Walk', numbers: scheduled.numbers });
    expect(edit.status).toBe(400);
    expect(edit.body.data).toEqual({
      scheduled: { type: { message: 'Updating port requests not allowed in current port state', cause: 'scheduled' } },
    });
    const del = await asChild('DELETE', `/v2/accounts/${child.id}/port_requests/${port.id}`);
    expect(del.status).toBe(405);

    const done = data(await h.call('PATCH', at('completed'), { data: {} }));
    expect(done.port_state).toBe('completed');
    // `knm_port_request:transition_numbers/1`: the numbers are now the account's, in service.
    expect(done.numbers).toEqual({});
    expect((done._read_only as Doc).ported_numbers).toEqual(scheduled.numbers);
    const number = Object.keys(scheduled.numbers as object)[0] as string;
    const owned = await asChild('GET', `/v2/accounts/${child.id}/phone_numbers/${encodeURIComponent(number)}`);
    expect(owned.status).toBe(200);
    expect(owned.body.data).toMatchObject({ port_id: port.id, _read_only: { state: 'in_service' } });
    expect((await h.call('PATCH', at('canceled'), { data: {} })).status).toBe(400);

    const timeline = (await asChild('GET', `/v2/accounts/${child.id}/port_requests/${port.id}/timeline`)).body.data as Doc[];
    expect(timeline.map((t) => (t.transition as Doc).new)).toEqual(['unconfirmed', 'submitted', 'pending', 'scheduled', 'completed']);
    expect(timeline[1]).toMatchObject({
      type: 'transition',
      reason: 'LOA signed',
      transition: { previous: 'unconfirmed' },
      authorization: { account: { id: child.id } },
    });

    const last = (await asChild('GET', `/v2/accounts/${child.id}/port_requests/last_submitted`)).body.data as Doc[];
    expect(last.find((e) => e.id === port.id)).toMatchObject({ transition: { transition: { new: 'submitted' } } });
  });

  it('lets the customer cancel its own unconfirmed port, and lists by type, by number, for descendants and for the authority', async () => {
    const number = fresh();
    const port = data(await asChild('PUT', `/v2/accounts/${child.id}/port_requests`, { name: 'Cancel me', numbers: { [number]: {} } }));
    expect(data(await asChild('PATCH', `/v2/accounts/${child.id}/port_requests/${port.id}/canceled`, {})).port_state).toBe('canceled');

    const active = (await asChild('GET', `/v2/accounts/${child.id}/port_requests`)).body.data as Doc[];
    expect(active).toHaveLength(1);
    expect(active[0]).toMatchObject({ account_id: child.id, account_name: 'Port Customer' });
    const names = (list: Doc[]) => list.flatMap((g) => (g.port_requests as Doc[]).map((p) => p.name));
    expect(names(active)).not.toContain('Cancel me');
    expect(names((await asChild('GET', `/v2/accounts/${child.id}/port_requests?by_types=canceled`)).body.data as Doc[])).toEqual([
      'Cancel me',
    ]);
    expect(names((await h.call('GET', `${h.acct}/descendants/port_requests?by_types=all`)).body.data as Doc[])).toContain('Cancel me');
    expect(names((await h.call('GET', '/v2/port_requests?by_types=all')).body.data as Doc[])).toContain('Cancel me');
    const byNumber = (await h.call('GET', `${h.acct}/port_requests?by_number=${encodeURIComponent(number)}`)).body.data as Doc[];
    expect(byNumber.map((p) => p.id)).toEqual([port.id]);

    const bad = await h.call('GET', `${h.acct}/port_requests?by_types=pending,nope`);
    expect(bad.status).toBe(500);
    expect(bad.body).toMatchObject({
      message: 'invalid_request',
      data: { message: 'query string by_types contained invalid values: nope' },
    });
    expect((await asChild('GET', '/v2/port_requests')).status).toBe(403);
    expect((await h.call('PUT', '/v2/port_requests', { data: {} })).status).toBe(403);

    expect((await asChild('DELETE', `/v2/accounts/${child.id}/port_requests/${port.id}`)).status).toBe(200);
    expect((await asChild('GET', `/v2/accounts/${child.id}/port_requests/${port.id}`)).status).toBe(404);
  });

  it('stores PDF attachments, lists them in uploads, replaces, downloads and deletes them; the LOA is a PDF', async () => {
    const port = data(
      await asChild('PUT', `/v2/accounts/${child.id}/port_requests`, {
        name: 'Files',
        numbers: { [fresh()]: {} },
        bill: { carrier: 'Ace' },
      }),
    );
    const base = `/v2/accounts/${child.id}/port_requests/${port.id}/attachments`;
    const put = await request(
      h.sandbox,
      'PUT',
      `${base}?filename=bill`,
      { raw: PDF, headers: { 'content-type': 'application/pdf' } },
      child.token,
    );
    expect(put.status).toBe(200);
    expect((await asChild('GET', base)).body.data).toEqual({ 'bill.pdf': { content_type: 'application/pdf', length: PDF.length } });
    expect(data(await asChild('GET', `/v2/accounts/${child.id}/port_requests/${port.id}`)).uploads).toHaveProperty('bill.pdf');

    const bigger = `${PDF}% more\n`;
    expect(
      (await request(h.sandbox, 'POST', `${base}/bill.pdf`, { raw: bigger, headers: { 'content-type': 'application/pdf' } }, child.token))
        .status,
    ).toBe(200);
    const got = await request(h.sandbox, 'GET', `${base}/bill.pdf`, { headers: { accept: 'application/pdf' } }, child.token);
    expect(got.headers.get('content-type')).toContain('application/pdf');
    expect(got.text).toBe(bigger);
    const image = await request(
      h.sandbox,
      'PUT',
      `${base}?filename=x.png`,
      { raw: 'x', headers: { 'content-type': 'image/png' } },
      child.token,
    );
    expect(image.status).toBe(415);
    expect((await asChild('GET', `${base}/nope.pdf`)).status).toBe(404);
    expect((await asChild('DELETE', `${base}/bill.pdf`)).status).toBe(200);
    expect((await asChild('GET', base)).body.data).toEqual({});

    const loa = await request(
      h.sandbox,
      'GET',
      `/v2/accounts/${child.id}/port_requests/${port.id}/loa`,
      { headers: { accept: 'application/pdf' } },
      child.token,
    );
    expect(loa.status).toBe(200);
    expect(loa.headers.get('content-type')).toContain('application/pdf');
    expect(loa.text.startsWith('%PDF-1.4')).toBe(true);
    expect(loa.text).toContain('Ace');
    expect(loa.text.trimEnd().endsWith('%%EOF')).toBe(true);
  });

  it('keeps private comments from the customer and refuses theirs (validate_comments/3)', async () => {
    const port = data(await asChild('PUT', `/v2/accounts/${child.id}/port_requests`, { name: 'Talk', numbers: { [fresh()]: {} } }));
    const path = `/v2/accounts/${child.id}/port_requests/${port.id}`;
    const denied = await asChild('PATCH', path, { comments: [{ content: 'psst', is_private: true, timestamp: 63900000000 }] });
    expect(denied.status).toBe(403);
    const withNotes = data(
      await h.call('PATCH', path, {
        data: {
          comments: [
            { content: 'internal', is_private: true, timestamp: 63900000001 },
            { content: 'please sign', action_required: true, timestamp: 63900000002 },
          ],
        },
      }),
    );
    expect((withNotes.comments as Doc[]).map((c) => c.content)).toEqual(['internal', 'please sign']);
    expect((withNotes.comments as Doc[])[0]).toMatchObject({ account_id: h.sandbox.accountId, is_private: true });
    const seen = data(await asChild('GET', path));
    expect((seen.comments as Doc[]).map((c) => c.content)).toEqual(['please sign']);
  });

  it('takes the port authority from the nearest whitelabel port.authority up the tree (find_port_authority/1)', async () => {
    await asChild('PUT', `/v2/accounts/${child.id}/whitelabel`, { domain: 'ports.child.example', port: { authority: child.id } });
    const grandchild = (await asChild('PUT', `/v2/accounts/${child.id}`, { name: 'Grandchild' })).body.data as Doc;
    const port = data(await asChild('PUT', `/v2/accounts/${grandchild.id}/port_requests`, { name: 'Below', numbers: { [fresh()]: {} } }));
    expect(port._read_only).toMatchObject({ port_authority: child.id, port_authority_name: 'Port Customer' });
    const at = (state: string) => `/v2/accounts/${grandchild.id}/port_requests/${port.id}/${state}`;
    await asChild('PATCH', at('submitted'), {});
    // The child is now the authority: it moves the port on, and lists it at /v2/port_requests.
    expect(data(await asChild('PATCH', at('pending'), {})).port_state).toBe('pending');
    const managed = (await asChild('GET', '/v2/port_requests')).body.data as Doc[];
    expect(managed.flatMap((g) => (g.port_requests as Doc[]).map((p) => p.id))).toEqual([port.id]);
    expect((await h.call('PATCH', at('scheduled'), { data: { schedule_on: { date_time: '2027-01-01 09:00' } } })).status).toBe(400);
  });
});
