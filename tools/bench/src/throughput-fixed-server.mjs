// The throughput baseline: a bare node:http server answering a fixed envelope.
import { createServer } from 'node:http';

const body = JSON.stringify({ auth_token: 'x', data: { id: 'u', first_name: 'A', last_name: 'B' }, status: 'success', request_id: 'r' });
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => res.writeHead(req.method === 'PUT' ? 201 : 200, { 'content-type': 'application/json' }).end(body));
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.send?.({ apiUrl: `http://127.0.0.1:${server.address().port}/v2/` }));
process.on('disconnect', () => process.exit(0));
