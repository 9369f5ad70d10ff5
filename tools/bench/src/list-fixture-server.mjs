// Serves a users listing of `total` synthetic users, `page_size` at a time, with opaque
// next_start_key cursors — like Crossbar, and without holding the users in memory.
import { createServer } from 'node:http';

const total = Number(process.argv[2] ?? 100_000);
const server = createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  if (req.method === 'PUT') {
    req.resume();
    return req.on('end', () =>
      res
        .writeHead(201, { 'content-type': 'application/json' })
        .end(JSON.stringify({ auth_token: 'tok', data: { account_id: 'a'.repeat(32) }, status: 'success' })),
    );
  }
  const size = Number(url.searchParams.get('page_size') ?? 50);
  const start = url.searchParams.get('start_key') ? Number(Buffer.from(url.searchParams.get('start_key'), 'base64url').toString()) : 0;
  const end = Math.min(total, start + size);
  const data = [];
  for (let i = start; i < end; i++) {
    data.push({
      id: i.toString(16).padStart(32, '0'),
      first_name: `First${i}`,
      last_name: `Last${i}`,
      username: `user${i}@example.com`,
      email: `user${i}@example.com`,
      priv_level: 'user',
      presence_id: String(1000 + i),
      features: ['caller_id'],
      flags: [],
    });
  }
  const body = { auth_token: 'tok', data, page_size: data.length, status: 'success', request_id: 'r', revision: 'automatic' };
  if (end < total) body.next_start_key = Buffer.from(String(end)).toString('base64url');
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
});
server.listen(0, '127.0.0.1', () => process.send?.({ port: server.address().port }));
process.on('disconnect', () => process.exit(0));
