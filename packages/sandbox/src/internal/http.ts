import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import { Hono } from 'hono';
import type { SandboxLogger } from '../sandbox-options';
import { isoSeconds } from './clock';
import type { Reply, SandboxRequest } from './context';
import { CrossbarError, capEchoes, invalidIdentifier, invalidMethod, notFound, validationError } from './crossbar-error';
import { toCsv, wantsCsv } from './csv';
import type { Engine } from './engine';
import type { FaultInjector } from './faults';
import { newId } from './ids';
import { isObject, type JsonObject, parseJson } from './json';
import type { TokenReport } from './rate-limit';
import type { Verb } from './resource-def';
import { type Route, resolve } from './router';
import type { RequestStats } from './stats';

/** The version the envelope reports (KAZOO 5.4, as Audian runs). */
export const SANDBOX_VERSION = '5.4.0-sandbox';

const ALLOW_HEADERS =
  'content-type, depth, user-agent, x-http-method-override, x-file-size, x-requested-with, if-modified-since, x-file-name, cache-control, x-auth-token, x-kazoo-cluster-id, if-match';
const EXPOSE_HEADERS = 'content-type, x-auth-token, x-request-id, x-kazoo-cluster-id, location, etag';
const VERBS = new Set<string>(['GET', 'PUT', 'POST', 'PATCH', 'DELETE']);
/** Bodies past the limit are read and thrown away up to this size, so the client can read the 413. */
const DRAIN_CAP = 64 * 1024 * 1024;

type Bindings = { incoming: IncomingMessage; outgoing: ServerResponse };

/** What the HTTP layer needs besides the engine. */
export interface HttpDeps {
  readonly engine: Engine;
  readonly faults: FaultInjector;
  readonly stats: RequestStats;
  readonly logger: SandboxLogger | undefined;
}

interface Outcome {
  status: number;
  body: string | Buffer | ReadableStream<Uint8Array>;
  headers: Record<string, string>;
}

function corsHeaders(allowed: readonly string[], requested?: string): Record<string, string> {
  const methods = ['OPTIONS', ...allowed];
  if (requested && !methods.includes(requested)) methods.unshift(requested);
  return {
    'access-control-allow-origin': '*',
    'access-control-allow-methods': methods.join(', '),
    'access-control-allow-headers': ALLOW_HEADERS,
    'access-control-expose-headers': EXPOSE_HEADERS,
    'access-control-max-age': '86400',
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function mediaType(value: string | undefined): string {
  if (!value) return 'application/json';
  return (value.split(';')[0] ?? '').trim().toLowerCase() || 'application/json';
}

function parseQuery(search: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (search === '') return out;
  for (const [k, v] of new URLSearchParams(search)) out[k] = v;
  return out;
}

const EMPTY = Buffer.alloc(0);

/**
 * Reads the body up to `limit`. Past it, the rest is read and dropped (up to a cap) so the
 * client, still sending, can read the 413; past the cap the connection is cut.
 */
function readBody(incoming: IncomingMessage, limit: number): Promise<Buffer | 'too_large'> {
  const declared = header(incoming, 'content-length');
  if ((declared === undefined || declared === '0') && header(incoming, 'transfer-encoding') === undefined) return Promise.resolve(EMPTY);
  if (Number(declared) > DRAIN_CAP) return Promise.resolve('too_large');
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (result: Buffer | 'too_large') => {
      incoming.off('data', onData);
      incoming.off('end', onEnd);
      incoming.off('error', onError);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else if (size > DRAIN_CAP) {
        done('too_large');
        incoming.destroy();
      }
    };
    const onEnd = () => done(size > limit ? 'too_large' : Buffer.concat(chunks, size));
    const onError = () => done(size > limit ? 'too_large' : Buffer.concat(chunks, size));
    incoming.on('data', onData);
    incoming.on('end', onEnd);
    incoming.on('error', onError);
  });
}

const NODE = createHash('md5').update(`sandbox@${process.pid}`).digest('base64url');

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

const DEFAULT_FAULT_MESSAGES: Record<number, [string, string]> = {
  500: ['unspecified_fault', 'unspecified fault'],
  502: ['bad_gateway', 'bad gateway'],
  503: ['datastore_fault', 'datastore fatal error'],
  504: ['timeout', 'timeout'],
};

function faultError(status: number): CrossbarError {
  const [code, message] = DEFAULT_FAULT_MESSAGES[status] ?? ['unspecified_fault', 'unspecified fault'];
  return new CrossbarError(status, code, { message });
}

function htmlPage(status: number): string {
  return `<html>\r\n<head><title>${status} Bad Gateway</title></head>\r\n<body>\r\n<center><h1>${status} Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}

/**
 * Builds the Hono application: one handler that walks Crossbar's pipeline for every request
 * (faults, CORS, rate limit, routing and 404/405, body and 413/400, auth and 401/403, the
 * handler, the envelope).
 */
export function createApp(deps: HttpDeps): Hono<{ Bindings: Bindings }> {
  const app = new Hono<{ Bindings: Bindings }>();
  app.all('*', (c) => handle(deps, c.env.incoming, c.env.outgoing));
  return app;
}

async function handle(deps: HttpDeps, incoming: IncomingMessage, outgoing: ServerResponse): Promise<Response> {
  const started = Date.now();
  const { engine, faults, stats } = deps;
  const rawUrl = incoming.url ?? '/';
  const q = rawUrl.indexOf('?');
  const path = q < 0 ? rawUrl : rawUrl.slice(0, q);
  const search = q < 0 ? '' : rawUrl.slice(q + 1);
  let method = (incoming.method ?? 'GET').toUpperCase();
  stats.request(method, path);
  const given = header(incoming, 'x-request-id');
  const requestId = given && given.length <= 256 && /^[\x21-\x7e]+$/.test(given) ? given : newId();

  const fault = faults.take(method, path);
  if (fault) stats.fault(fault.kind);
  if (fault?.kind === 'delay') await sleep(fault.delayMs ?? 1000);
  if (fault?.kind === 'drop-before') return drop(deps, incoming);

  let outcome: Outcome;
  let tokens: TokenReport | undefined;
  let authToken = '';
  let authenticated = false;
  let allowed: readonly string[] = [...VERBS];
  let csv: string | undefined;
  const render = (status: number, reply: Reply | CrossbarError): Outcome =>
    toOutcome(status, reply, {
      requestId,
      tokens,
      authToken,
      authenticated,
      allowed,
      csv,
      pretty: search.includes('pretty_print=true') || header(incoming, 'x-pretty-print') === 'true',
    });

  try {
    if (fault?.kind === 'error-before') throw faultError(fault.status ?? 500);
    if (fault?.kind === 'html') {
      const status = fault.status ?? 502;
      return finish(deps, method, path, started, { status, body: htmlPage(status), headers: { 'content-type': 'text/html' } });
    }
    if (!path.startsWith('/v2/') && path !== '/v2') {
      if (path.startsWith('/v1/')) throw new CrossbarError(410, 'gone', { message: 'API version 1 is not supported' });
      throw notFound();
    }
    let segments: string[];
    try {
      segments = path
        .split('/')
        .slice(2)
        .filter((s) => s !== '')
        .map((s) => decodeURIComponent(s));
    } catch {
      throw notFound();
    }
    const blank = segments.find((s) => s.trim() === '' || s.includes('\0'));
    if (blank !== undefined) throw invalidIdentifier(blank);
    const query = parseQuery(search);
    if (wantsCsv(header(incoming, 'accept'), query)) csv = header(incoming, 'x-file-name') ?? query.file_name ?? 'result.csv';
    if (method === 'POST' && query.verb && VERBS.has(query.verb.toUpperCase())) method = query.verb.toUpperCase();
    const contentType = mediaType(header(incoming, 'content-type'));
    const route: Route | undefined = resolve(segments, contentType, method);

    if (method === 'OPTIONS') {
      outcome = {
        status: 200,
        body: '',
        headers: corsHeaders(route?.allowed ?? [...VERBS], header(incoming, 'access-control-request-method')),
      };
      return finish(deps, method, path, started, outcome);
    }
    // One bucket per (client IP, account in the URL), whether or not the path is served (`cb_modules_util:bucket_name/1`).
    const urlAccount = segments[0] === 'accounts' ? (segments[1] ?? '') : '';
    tokens = engine.buckets.consume(`${incoming.socket.remoteAddress ?? ''}|${urlAccount}`, engine.clock.nowMs());
    if (!tokens.allowed && engine.settings.rateLimit) throw new CrossbarError(429, 'too_many_requests', { message: 'too many requests' });
    if (!route) throw notFound();
    allowed = route.allowed;
    if (!VERBS.has(method) || !route.allowed.includes(method as Verb)) throw invalidMethod(route.allowed);

    const body = await readBody(incoming, engine.settings.maxUploadBytes);
    if (body === 'too_large') {
      const max = engine.settings.maxUploadBytes;
      throw validationError({ file: { maxSize: { message: `Payload or Files must not be more than ${max} bytes`, target: max } } }, 413);
    }
    let envelope: JsonObject = {};
    if (!route.binary && body.length > 0) {
      const text = body.toString('utf8').trim();
      if (text !== '') {
        const parsed = parseJson(text);
        if (!isObject(parsed)) throw validationError({ json: { invalid: { message: 'All JSON must be valid', target: 'body' } } });
        envelope = parsed;
        checkEnvelope(envelope, method);
        const tunneled = typeof envelope.verb === 'string' ? envelope.verb.toUpperCase() : undefined;
        if (method === 'POST' && tunneled && tunneled !== 'POST' && VERBS.has(tunneled)) {
          method = tunneled;
          if (!route.allowed.includes(method as Verb)) throw invalidMethod(route.allowed);
        }
      }
    }
    const req: SandboxRequest = {
      method: method as Verb,
      path,
      segments,
      query,
      headers: incoming.headers,
      envelope,
      data: envelope.data ?? {},
      body,
      contentType,
      requestId,
      clientIp: (incoming.socket.remoteAddress ?? '').replace(/^::ffff:/, ''),
      auth: undefined,
    };
    // cowboy_rest calls malformed_request/2 before is_authorized/2: an unknown account is 404 for anyone.
    engine.validateAccountResource(segments);
    if (!route.public) {
      const auth = engine.authenticate(req);
      authToken = auth.token;
      authenticated = true;
      if (route.accountId !== undefined) engine.authorize(auth, route.accountId);
    } else {
      const token = engine.tokenOf(req);
      if (token) authToken = token;
    }
    const reply = route.run(engine, req);
    if (reply.envelope && typeof reply.envelope.auth_token === 'string') {
      authToken = reply.envelope.auth_token;
      authenticated = true;
    }
    outcome = render(reply.status ?? 200, reply);
  } catch (error) {
    if (error instanceof CrossbarError) outcome = render(error.status, error);
    else {
      deps.logger?.error?.(`sandbox: ${method} ${path} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      outcome = render(500, new CrossbarError(500, 'unspecified_fault', { message: 'unspecified fault' }));
    }
  }

  if (fault?.kind === 'drop-after') return drop(deps, incoming);
  if (fault?.kind === 'error-after') outcome = render(fault.status ?? 500, faultError(fault.status ?? 500));
  if (fault?.kind === 'malformed' && typeof outcome.body === 'string') {
    outcome = { ...outcome, body: outcome.body.slice(0, Math.max(1, Math.floor(outcome.body.length / 2))) + '<!-- garbage' };
  }
  if (fault?.kind === 'truncated' && typeof outcome.body === 'string') return truncate(deps, outgoing, outcome);
  return finish(deps, method, path, started, outcome);
}

/** Crossbar's envelope schema: `data`, when present, is an object or an array; writes must carry it. */
function checkEnvelope(envelope: JsonObject, method: string): void {
  if ('data' in envelope) {
    const data = envelope.data;
    if (data === null || typeof data !== 'object') {
      throw validationError(
        { data: { type: { message: 'Value did not match type(s): object, array', target: ['object', 'array'], value: data as never } } },
        400,
        'invalid request envelope',
      );
    }
  } else if (method === 'PUT' || method === 'POST' || method === 'PATCH') {
    throw validationError({ data: { required: { message: 'Field is required but missing' } } }, 400, 'invalid request envelope');
  }
}

interface RenderContext {
  /** The file name of a CSV answer, when the client asked for CSV. */
  csv: string | undefined;
  requestId: string;
  tokens: TokenReport | undefined;
  authToken: string;
  authenticated: boolean;
  allowed: readonly string[];
  pretty: boolean;
}

function toOutcome(status: number, reply: Reply | CrossbarError, ctx: RenderContext): Outcome {
  const headers: Record<string, string> = { ...corsHeaders(ctx.allowed), 'x-request-id': ctx.requestId };
  const base: JsonObject = {
    auth_token: ctx.authToken,
    node: NODE,
    request_id: ctx.requestId,
    timestamp: isoSeconds(Date.now()),
  };
  if (ctx.authenticated) base.version = SANDBOX_VERSION;
  if (ctx.tokens) base.tokens = { consumed: ctx.tokens.consumed, remaining: ctx.tokens.remaining };
  if (reply instanceof CrossbarError) {
    Object.assign(headers, reply.headers);
    const env = { ...base, data: capEchoes(reply.data), error: String(status), message: reply.message, status: 'error' };
    return { status, headers: { ...headers, 'content-type': 'application/json' }, body: stringify(env, ctx.pretty) };
  }
  Object.assign(headers, reply.headers);
  if (reply.raw) {
    const body = typeof reply.raw.body === 'string' ? Buffer.from(reply.raw.body) : reply.raw.body;
    return { status, headers: { ...headers, 'content-type': reply.raw.contentType, 'content-length': String(body.length) }, body };
  }
  const { auth_token: _issued, ...extra } = reply.envelope ?? {};
  const env: JsonObject = { ...base, status: 'success', revision: 'automatic', ...extra };
  if (!reply.noData) env.data = reply.data ?? {};
  if (ctx.authToken) headers['x-auth-token'] = ctx.authToken;
  if (typeof env.revision === 'string' && !headers.etag && env.revision !== 'automatic' && env.revision !== 'undefined')
    headers.etag = `"${env.revision}"`;
  if (ctx.csv !== undefined && Array.isArray(reply.data) && status < 300) {
    const safeName = ctx.csv.replace(/["\r\n]/g, '');
    return {
      status,
      headers: { ...headers, 'content-type': 'text/csv', 'content-disposition': `attachment; filename="${safeName}"` },
      body: toCsv(reply.data),
    };
  }
  if (reply.chunked) return { status, headers: { ...headers, 'content-type': 'application/json' }, body: chunked(env) };
  return { status, headers: { ...headers, 'content-type': 'application/json' }, body: stringify(env, ctx.pretty) };
}

function stringify(value: unknown, pretty: boolean): string {
  try {
    return pretty ? JSON.stringify(value, null, 2) : JSON.stringify(value);
  } catch {
    // an answer that cannot be encoded is a server fault, not a crash
    return JSON.stringify({ data: { message: 'unspecified fault' }, error: '500', message: 'unspecified_fault', status: 'error' });
  }
}

/**
 * Crossbar streams some listings (CDRs): the envelope head, the items, then the paging keys —
 * written as strings — and no `tokens`.
 */
function chunked(env: JsonObject): ReadableStream<Uint8Array> {
  const { data, page_size, start_key, next_start_key, tokens: _tokens, ...head } = env;
  const items = Array.isArray(data) ? data : [];
  const encoder = new TextEncoder();
  const tail: JsonObject = {};
  if (page_size !== undefined) tail.page_size = String(page_size);
  if (start_key !== undefined) tail.start_key = String(start_key);
  if (next_start_key !== undefined) tail.next_start_key = String(next_start_key);
  const parts = [
    `${JSON.stringify(head).slice(0, -1)},"data":[`,
    ...items.map((item, i) => (i ? ',' : '') + JSON.stringify(item)),
    `],${JSON.stringify(tail).slice(1)}`,
  ];
  let i = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (i >= parts.length) controller.close();
      else controller.enqueue(encoder.encode(parts[i++]));
    },
  });
}

function finish(deps: HttpDeps, method: string, path: string, started: number, outcome: Outcome): Response {
  deps.stats.status(outcome.status);
  const debug = deps.logger?.debug;
  if (debug) setImmediate(() => debug.call(deps.logger, `sandbox: ${method} ${path} ${outcome.status} ${Date.now() - started}ms`));
  return new Response(outcome.body as BodyInit, { status: outcome.status, headers: outcome.headers });
}

function drop(deps: HttpDeps, incoming: IncomingMessage): Response {
  deps.stats.status('dropped');
  incoming.socket.destroy();
  return RESPONSE_ALREADY_SENT;
}

function truncate(deps: HttpDeps, outgoing: ServerResponse, outcome: Outcome): Response {
  const body = Buffer.from(outcome.body as string);
  deps.stats.status('dropped');
  outgoing.writeHead(outcome.status, { ...outcome.headers, 'content-length': String(body.length) });
  outgoing.write(body.subarray(0, Math.floor(body.length / 2)), () => outgoing.socket?.destroy());
  return RESPONSE_ALREADY_SENT;
}
