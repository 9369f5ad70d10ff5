// A fixed-answer Crossbar stand-in for the request-overhead benchmark, run in its own process so
// that its CPU does not count against the client being measured.
import { createServer } from 'node:http';

const ACCOUNT = '0123456789abcdef0123456789abcdef';
const user = {
  id: 'fedcba9876543210fedcba9876543210',
  first_name: 'Ada',
  last_name: 'Lovelace',
  username: 'ada',
  email: 'ada@example.com',
  enabled: true,
  priv_level: 'admin',
  presence_id: '1001',
  caller_id: { internal: { number: '1001', name: 'Ada' }, external: { number: '+14155550100' } },
  call_forward: { enabled: false, number: '', require_keypress: true, keep_caller_id: true, substitute: true },
  hotdesk: { enabled: false, require_pin: false, keep_logged_in_elsewhere: false },
  music_on_hold: {},
  vm_to_email_enabled: true,
  timezone: 'America/New_York',
};
const userBody = JSON.stringify({
  auth_token: 'tok',
  data: user,
  revision: '1-abc',
  request_id: 'r',
  status: 'success',
  node: 'n',
  version: '5.4.32.6',
  timestamp: '2026-01-01T00:00:00Z',
  tokens: { consumed: 1, remaining: 100 },
});
const loginBody = JSON.stringify({ auth_token: 'bench-token', data: { account_id: ACCOUNT }, status: 'success' });

const server = createServer((req, res) => {
  if (req.method === 'PUT') {
    req.resume();
    req.on('end', () => res.writeHead(201, { 'content-type': 'application/json' }).end(loginBody));
    return;
  }
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(userBody) });
  res.end(userBody);
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  process.send?.({ port: server.address().port, account: ACCOUNT, user: user.id });
});
process.on('disconnect', () => process.exit(0));
