import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** A request the server received, body included. */
export interface RecordedRequest {
  readonly method: string;
  /** Path and query as sent. */
  readonly url: string;
  /** Path without the query, still percent-encoded. */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingMessage['headers'];
  readonly body: Buffer;
  readonly text: string;
  /** The body parsed as JSON, or undefined. */
  readonly json: unknown;
}

/** How to answer. */
export interface Reply {
  readonly status?: number;
  /** An object is sent as JSON; a string or Buffer as it is. */
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  /** Wait before answering (ms). */
  readonly delay?: number;
  /**
   * Break the connection: `before-response` destroys the socket without answering (after the
   * request was read); `mid-body` sends the headers and half the body, then destroys it.
   */
  readonly destroy?: 'before-response' | 'mid-body';
  /**
   * Send the headers and the first `stall.bytes` bytes of the body (half when omitted), then
   * nothing more: the connection stays open, as with a wedged upstream, until the server closes.
   * `every` (ms) instead trickles the rest one byte at a time at that interval.
   */
  readonly stall?: { readonly bytes?: number; readonly every?: number };
}

export type Handler = (req: RecordedRequest) => Reply | Promise<Reply>;

/** One scripted exchange: what must come, and the answer. */
export interface Expectation {
  readonly method: string;
  /** Exact path (without query) or a RegExp on it. */
  readonly path: string | RegExp;
  readonly reply: Reply | Handler;
}

export interface TestServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  /** `http://127.0.0.1:<port>/v2/` */
  readonly baseUrl: string;
  readonly port: number;
  /** Every request received, in order. */
  readonly requests: RecordedRequest[];
  /** Adds a route answered whenever no scripted expectation is pending. */
  route(method: string, path: string | RegExp, handler: Handler | Reply): void;
  /** Queues scripted exchanges, consumed in order. */
  expect(...expectations: Expectation[]): void;
  /** Throws when scripted exchanges were not consumed. */
  assertDone(): void;
  /** Forgets routes, expectations and recorded requests. */
  reset(): void;
  close(): Promise<void>;
}

/** A Crossbar success envelope around `data`. */
export function envelope(data: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    auth_token: '',
    data,
    node: 'test-node',
    request_id: 'req-test',
    revision: 'automatic',
    status: 'success',
    timestamp: new Date().toISOString(),
    version: '5.4.32.6',
    ...extra,
  };
}

/** A Crossbar error envelope. */
export function errorEnvelope(status: number, message: string, data: unknown = {}): Record<string, unknown> {
  return {
    auth_token: '',
    data,
    error: String(status),
    message,
    node: 'test-node',
    request_id: 'req-test',
    status: 'error',
    timestamp: new Date().toISOString(),
    version: '5.4.32.6',
  };
}

/** An unsigned JWT-shaped token with the given claims (the SDK only decodes the payload). */
export function fakeJwt(claims: Record<string, unknown>): string {
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  return `${b64({ alg: 'RS256', typ: 'JWT' })}.${b64(claims)}.c2lnbmF0dXJl`;
}

/** Starts a scripted server on 127.0.0.1 with an ephemeral port. */
export async function startTestServer(): Promise<TestServer> {
  const routes: { method: string; path: string | RegExp; handler: Handler }[] = [];
  const queue: Expectation[] = [];
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const failures: string[] = [];

  const server: Server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const url = req.url ?? '/';
    const qIndex = url.indexOf('?');
    const text = body.toString('utf8');
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      url,
      path: qIndex >= 0 ? url.slice(0, qIndex) : url,
      query: new URLSearchParams(qIndex >= 0 ? url.slice(qIndex + 1) : ''),
      headers: req.headers,
      body,
      text,
      json,
    };
    requests.push(recorded);

    let handler: Handler | undefined;
    const next = queue[0];
    const route = routes.find((r) => r.method === recorded.method && matches(r.path, recorded.path));
    if (next && next.method.toUpperCase() === recorded.method && matches(next.path, recorded.path)) {
      queue.shift();
      handler = typeof next.reply === 'function' ? next.reply : constant(next.reply);
    } else if (route) {
      // Standing routes (a login endpoint, say) answer between scripted exchanges.
      handler = route.handler;
    } else if (next) {
      queue.shift();
      failures.push(`expected ${next.method} ${String(next.path)}, got ${recorded.method} ${recorded.path}`);
      send(res, { status: 599, body: { error: 'unexpected request' } }, recorded);
      return;
    }
    if (!handler) {
      send(
        res,
        { status: 404, body: errorEnvelope(404, 'not_found', { message: `no route for ${recorded.method} ${recorded.path}` }) },
        recorded,
      );
      return;
    }
    const reply = await handler(recorded);
    if (reply.delay) await new Promise((r) => setTimeout(r, reply.delay));
    send(res, reply, recorded);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    baseUrl: `${url}/v2/`,
    port,
    requests,
    route(method, path, handler) {
      routes.push({ method: method.toUpperCase(), path, handler: typeof handler === 'function' ? handler : constant(handler) });
    },
    expect(...expectations) {
      queue.push(...expectations);
    },
    assertDone() {
      const problems = [...failures];
      if (queue.length)
        problems.push(`${queue.length} scripted request(s) never came: ${queue.map((q) => `${q.method} ${String(q.path)}`).join(', ')}`);
      if (problems.length) throw new Error(problems.join('\n'));
    },
    reset() {
      routes.length = 0;
      queue.length = 0;
      requests.length = 0;
      failures.length = 0;
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function constant(reply: Reply): Handler {
  return () => reply;
}

function matches(pattern: string | RegExp, path: string): boolean {
  return typeof pattern === 'string' ? pattern === path : pattern.test(path);
}

function send(res: ServerResponse, reply: Reply, req: RecordedRequest): void {
  const status = reply.status ?? 200;
  const isJson = reply.body !== undefined && typeof reply.body === 'object' && !Buffer.isBuffer(reply.body);
  const payload =
    reply.body === undefined
      ? Buffer.alloc(0)
      : Buffer.isBuffer(reply.body)
        ? reply.body
        : Buffer.from(isJson ? JSON.stringify(reply.body) : String(reply.body));
  if (reply.destroy === 'before-response') {
    res.socket?.destroy();
    return;
  }
  const headers: Record<string, string> = {
    'content-type': isJson ? 'application/json' : 'text/plain',
    'content-length': String(payload.length),
    ...(typeof req.headers['x-request-id'] === 'string' ? { 'x-request-id': req.headers['x-request-id'] } : {}),
    ...reply.headers,
  };
  res.writeHead(status, headers);
  if (reply.stall) {
    const first = reply.stall.bytes ?? Math.floor(payload.length / 2);
    res.write(payload.subarray(0, first));
    const every = reply.stall.every;
    if (every !== undefined) {
      let sent = first;
      const timer = setInterval(() => {
        if (sent >= payload.length || res.destroyed) {
          clearInterval(timer);
          res.end();
          return;
        }
        res.write(payload.subarray(sent, sent + 1));
        sent++;
      }, every);
      res.on('close', () => clearInterval(timer));
    }
    return;
  }
  if (reply.destroy === 'mid-body') {
    res.write(payload.subarray(0, Math.floor(payload.length / 2)));
    setTimeout(() => res.socket?.destroy(), 10);
    return;
  }
  res.end(payload);
}

export { assertNoSecrets } from './no-secrets';
