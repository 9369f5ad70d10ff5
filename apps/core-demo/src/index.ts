import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApiKeyAuth } from '@audian/auth';
import { createAudian } from '@audian/resources';

// A tiny stand-in for Crossbar (api_auth + a users listing), so the demo needs no account.
const apiKey = randomBytes(32).toString('hex');
const accountId = randomBytes(16).toString('hex');
const users = [
  { id: randomBytes(16).toString('hex'), first_name: 'Ada', last_name: 'Lovelace', username: 'ada', presence_id: '1001' },
  { id: randomBytes(16).toString('hex'), first_name: 'Alan', last_name: 'Turing', username: 'alan', presence_id: '1002' },
];
const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const send = (status: number, body: object) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (req.method === 'PUT' && req.url === '/v2/api_auth') {
      const key = JSON.parse(Buffer.concat(chunks).toString() || '{}')?.data?.api_key;
      if (key !== apiKey) return send(404, { error: '404', message: 'bad_identifier', status: 'error', data: {} });
      return send(201, { auth_token: `demo-${randomBytes(8).toString('hex')}`, data: { account_id: accountId }, status: 'success' });
    }
    if (req.method === 'GET' && req.url?.startsWith(`/v2/accounts/${accountId}/users`)) {
      if (!req.headers['x-auth-token']) return send(401, { error: '401', message: 'invalid_credentials', status: 'error', data: {} });
      return send(200, { data: users, page_size: users.length, status: 'success', request_id: 'demo' });
    }
    send(404, { error: '404', message: 'not_found', status: 'error', data: {} });
  });
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2/`;

const audian = createAudian({ baseUrl, auth: createApiKeyAuth({ apiKey }) });
const session = await audian.session();
const { data } = await audian.request<typeof users>({ method: 'GET', path: 'accounts/{account_id}/users', query: { paginate: false } });
console.log(`Logged in to account ${session.accountId} at ${baseUrl}`);
console.table(data.map((u) => ({ name: `${u.first_name} ${u.last_name}`, username: u.username, extension: u.presence_id })));
server.close();
