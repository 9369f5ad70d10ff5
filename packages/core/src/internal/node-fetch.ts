import type * as Http from 'node:http';
import type { Socket } from 'node:net';

import type { PlainInit } from './node-fetch-types';

export type { PlainInit };

/**
 * Marks a Response whose body was read in full before it was returned (so it cannot stall):
 * `true`, or the body's text when the caller asked for text only.
 */
export const BUFFERED = Symbol.for('@audian/core.buffered-body');

type HttpModule = typeof Http;

interface NodeProcess {
  getBuiltinModule?: (id: string) => unknown;
  versions?: { node?: string };
}

/**
 * A `fetch` on Node's own http/https clients with keep-alive agents, used under ky on Node.
 * Node's global fetch (undici) spends most of a small request's CPU on WHATWG stream and object
 * plumbing; this one writes the request and buffers a JSON answer directly, and streams anything
 * else. It speaks only what the transport needs: no redirects, no cookies, no proxies — none of
 * which Crossbar uses. Returns `undefined` outside Node (the global fetch is used there).
 */
export function createNodeFetch(): typeof globalThis.fetch | undefined {
  const proc = (globalThis as { process?: NodeProcess }).process;
  // getBuiltinModule keeps browser bundlers from ever seeing an import of node:http.
  const http = proc?.getBuiltinModule?.('node:http') as HttpModule | undefined;
  const https = proc?.getBuiltinModule?.('node:https') as HttpModule | undefined;
  const streams = proc?.getBuiltinModule?.('node:stream') as typeof import('node:stream') | undefined;
  if (!http || !https || !streams) return undefined;
  const agents = {
    'http:': keepAliveAgent(http.Agent),
    'https:': keepAliveAgent(https.Agent),
  };

  /** One exchange on the Node clients; `plain` (when given) says how to hand the answer over. */
  const send = (
    target: string,
    method: string,
    headers: Record<string, string>,
    body: Buffer | string | undefined,
    signal: AbortSignal | undefined,
    plain: PlainInit | undefined,
  ): Promise<Response> => {
    if (signal?.aborted) return Promise.reject(signal.reason);
    const url = new URL(target);
    if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
    const client = url.protocol === 'https:' ? https : http;
    const owned = plain?.owned;

    return new Promise<Response>((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      let expired: DOMException | undefined;
      const req = client.request(
        {
          agent: agents[url.protocol as 'http:' | 'https:'],
          protocol: url.protocol,
          hostname: url.hostname.replace(/^\[|\]$/g, ''),
          port: url.port || undefined,
          path: url.pathname + url.search,
          method,
          headers,
        },
        (res) => {
          const status = res.statusCode ?? 0;
          const raw = res.rawHeaders;
          // Read off the raw list: res.headers would build a second copy of every header.
          let type = '';
          let keepAlive: string | undefined;
          for (let i = 0; i < raw.length; i += 2) {
            const name = raw[i] as string;
            if (name.length === 12 && name.toLowerCase() === 'content-type') type = raw[i + 1] as string;
            else if (name.length === 10 && name.toLowerCase() === 'keep-alive') keepAlive = raw[i + 1] as string;
          }
          (res.socket as HintedSocket)[KEEP_ALIVE_HINT] = keepAlive;
          // Pairs, not a Headers object, which the Response would copy entry by entry. They go in
          // through `init`: a Response class that sets a default content type when there is none
          // (as @hono/node-server's global one does) must see the server's.
          const pairs: [string, string][] = [];
          for (let i = 0; i < raw.length; i += 2) pairs.push([raw[i] as string, raw[i + 1] as string]);
          const answer = (body: BodyInit | null): Response => new Response(body, { status, statusText: res.statusMessage, headers: pairs });
          const nullBody = status === 204 || status === 304 || method === 'HEAD';
          if (nullBody || type.includes('json') || status >= 400) {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () => {
              cleanup();
              const buffer = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
              const asText = plain?.textOnly === true;
              const response = answer(nullBody || asText ? null : (buffer as unknown as BodyInit));
              // The marker is `true` for a buffered body, or the body itself as text.
              (response as unknown as Record<symbol, unknown>)[BUFFERED] = asText ? (nullBody ? '' : buffer.toString('utf8')) : true;
              resolve(response);
            });
            res.on('error', (error) => {
              cleanup();
              reject(expired ?? networkError(error));
            });
          } else {
            // Audio, faxes, CSV exports: hand the body over as a stream, never buffered whole.
            // An owned deadline covers the wait for the headers; the caller times the body.
            if (timer !== undefined) clearTimeout(timer);
            const stream = streams.Readable.toWeb(res) as unknown as ReadableStream<Uint8Array>;
            res.once('close', cleanup);
            resolve(answer(stream));
          }
        },
      );
      const onAbort = () => req.destroy(signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
      const cleanup = () => {
        if (timer !== undefined) clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      if (owned && owned.timeout !== false) {
        const ms = owned.timeout;
        timer = setTimeout(() => {
          expired = new DOMException(`no response within ${ms} ms`, 'TimeoutError');
          req.destroy(expired);
        }, ms);
      }
      req.on('error', (error) => {
        cleanup();
        reject(expired ?? (signal?.aborted ? signal.reason : networkError(error)));
      });
      req.end(body);
    });
  };

  return function nodeFetch(input: RequestInfo | URL, init?: RequestInit & { audianPlain?: PlainInit }): Promise<Response> {
    const plain = init?.audianPlain;
    if (plain) {
      // With `owned`, ky's Request carries nothing this fetch needs: it is never read.
      const signal = plain.owned ? plain.owned.signal : requestOf(input, init).signal;
      return send(plain.url, plain.method, { ...plain.headers }, plain.body, signal, plain);
    }
    const request = requestOf(input, init);
    const headers: Record<string, string> = {};
    request.headers.forEach((value, key) => {
      headers[key] = value;
    });
    if (!request.body) return send(request.url, request.method, headers, undefined, request.signal, undefined);
    return request.arrayBuffer().then((bytes) => send(request.url, request.method, headers, Buffer.from(bytes), request.signal, undefined));
  };
}

function requestOf(input: RequestInfo | URL, init: RequestInit | undefined): Request {
  return input instanceof Request ? input : new Request(input, init);
}

const KEEP_ALIVE_HINT = Symbol('keep-alive hint');
type HintedSocket = Socket & { [KEEP_ALIVE_HINT]?: string | undefined; [KEEP_ALIVE_SET]?: true };
const KEEP_ALIVE_SET = Symbol('keep-alive set');
/** Node's margin between a server's announced keep-alive timeout and the client's own. */
const SERVER_TIMEOUT_MARGIN = 1000;

/**
 * Node's keep-alive agent, with what it does each time a socket goes back to the pool done once
 * per socket: the stock agent turns TCP keep-alive on again (two system calls) and builds the
 * response's header object to read the server's `Keep-Alive: timeout=N` hint on every request.
 * Here the hint comes from the raw headers the response callback already scans, and the rules are
 * the stock agent's (without an agent timeout): a socket whose server keeps it less than a second
 * is not kept, and a kept socket has no idle timeout.
 */
function keepAliveAgent(Agent: typeof Http.Agent): Http.Agent {
  class KeepAliveAgent extends Agent {
    override keepSocketAlive(socket: HintedSocket): boolean {
      if (!socket[KEEP_ALIVE_SET]) {
        socket.setKeepAlive(true, 1000);
        socket[KEEP_ALIVE_SET] = true;
      }
      socket.unref();
      const hint = socket[KEEP_ALIVE_HINT];
      const seconds = hint === undefined ? undefined : /^timeout=(\d+)/.exec(hint)?.[1];
      if (seconds !== undefined && Number.parseInt(seconds, 10) * 1000 - SERVER_TIMEOUT_MARGIN <= 0) return false;
      if (socket.timeout !== 0) socket.setTimeout(0);
      return true;
    }
  }
  return new KeepAliveAgent({ keepAlive: true, scheduling: 'lifo' });
}

/** The shape of error `fetch` rejects with (a TypeError with the socket error as `cause`). */
function networkError(cause: Error): TypeError {
  return new TypeError('fetch failed', { cause });
}
