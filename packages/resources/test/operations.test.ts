import { describe, expect, it } from 'vitest';
import { ACCOUNT, acct, rejectionOf, useWireServer, wireCases } from './wire';

// The small read-only modules: contact_list, websockets, att_handlers_errors, apps_link, and onboard.
const SOCKET = 'b1ac0e5e55100000000000000000000a';
const ERR = '202501-att0000000000000000000001';
const HANDLER = '0123456789abcdef0123456789abcdef';

describe('contact_list, websockets, att_handlers_errors, apps_link, onboard on the wire', () => {
  wireCases([
    {
      label: 'contact_list.list → GET …/contact_list',
      call: async (a) => (await a.contact_list.list()).data,
      request: { method: 'GET', path: acct('/contact_list') },
      reply: [200, [{ name: 'John Quux', internal_number: '1000', external_number: '+14157775555' }]],
      result: [{ name: 'John Quux', internal_number: '1000', external_number: '+14157775555' }],
    },
    {
      label: 'websockets.list → GET …/websockets',
      call: async (a) => (await a.websockets.list()).data,
      request: { method: 'GET', path: acct('/websockets') },
      reply: [200, [{ websocket_session_id: SOCKET, bindings: ['object.doc_created.user'], timestamp: 63900000000, source: '127.0.0.1' }]],
      result: [{ websocket_session_id: SOCKET, bindings: ['object.doc_created.user'], timestamp: 63900000000, source: '127.0.0.1' }],
    },
    {
      label: 'websockets.get → GET …/websockets/{SOCKET_ID}',
      call: (a) => a.websockets.get(SOCKET),
      request: { method: 'GET', path: acct(`/websockets/${SOCKET}`) },
      reply: [200, { websocket_session_id: SOCKET, bindings: [] }],
    },
    {
      label: 'websockets.available → GET /v2/websockets',
      call: (a) => a.websockets.available(),
      request: { method: 'GET', path: '/v2/websockets' },
      reply: [200, { object: ['object.doc_created.user'] }],
      result: { object: ['object.doc_created.user'] },
    },
    {
      label: 'att_handlers_errors.list → GET …/att_handlers_errors',
      call: async (a) => (await a.att_handlers_errors.list()).data,
      request: { method: 'GET', path: acct('/att_handlers_errors') },
      reply: [200, [{ id: ERR, attachment_name: 'call.mp3', resp_code: 403, reason: 'forbidden' }]],
      result: [{ id: ERR, attachment_name: 'call.mp3', resp_code: 403, reason: 'forbidden' }],
    },
    {
      label: 'att_handlers_errors.get → GET …/att_handlers_errors/{ERROR_ID}',
      call: (a) => a.att_handlers_errors.get(ERR),
      request: { method: 'GET', path: acct(`/att_handlers_errors/${ERR}`) },
      reply: [200, { id: ERR, handler_id: HANDLER }],
    },
    {
      label: 'att_handlers_errors.listByHandler → GET …/att_handlers_errors/handler/{HANDLER_ID}',
      call: async (a) => (await a.att_handlers_errors.listByHandler(HANDLER)).data,
      request: { method: 'GET', path: acct(`/att_handlers_errors/handler/${HANDLER}`) },
      reply: [200, []],
      result: [],
    },
    {
      label: 'apps_link.authorize → GET …/apps_link/authorize',
      call: (a) => a.apps_link.authorize(),
      request: { method: 'GET', path: acct('/apps_link/authorize') },
      reply: [200, { auth_token: { account_id: ACCOUNT, method: 'cb_api_auth' }, account: { account_id: ACCOUNT, is_master: true } }],
      result: { auth_token: { account_id: ACCOUNT, method: 'cb_api_auth' }, account: { account_id: ACCOUNT, is_master: true } },
    },
    {
      label: 'onboard.create → PUT …/onboard',
      call: (a) => a.onboard.create({ account: { name: 'Acme' }, extensions: [{ user: { first_name: 'Ada' } }] }),
      request: {
        method: 'PUT',
        path: acct('/onboard'),
        body: { data: { account: { name: 'Acme' }, extensions: [{ user: { first_name: 'Ada' } }] } },
      },
      reply: [200, { account_id: 'acme0000000000000000000000000001', owner_id: 'ada00000000000000000000000000001', auth_token: 'tok' }],
    },
  ]);
});

describe('onboard validation', () => {
  const wire = useWireServer();

  it('refuses an onboarding without an account name before any request', async () => {
    const { audian, server } = wire();
    expect((await rejectionOf(audian.onboard.create({ account: {} } as never))).argument).toBe('data.account.name');
    expect(server.requests).toHaveLength(0);
  });
});
