import type * as Http from 'node:http';

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
  const stream = proc?.getBuiltinModule?.('node:stream') as typeof import('node:stream') | undefined;
  if (!http || !https || !stream) return undefined;
  const agents = {
    'http:': new http.Agent({ keepAlive: true, scheduling: 'lifo' }),
    'https:': new https.Agent({ keepAlive: true, scheduling: 'lifo' }),
  };

  return async function nodeFetch(input: RequestInfo | URL, init?: RequestInit & { audianPlain?: PlainInit }): Promise<Response> {
    const request = input instanceof Request ? input : new Request(input, init);
    const plain = init?.audianPlain;
    const url = new URL(plain?.url ?? request.url);
    const method = plain?.method ?? request.method;
    let headers: Record<string, string>;
    if (plain) headers = { ...plain.headers };
    else {
      headers = {};
      request.headers.forEach((value, key) => {
        headers[key] = value;
      });
    }
    const body: Buffer | string | undefined = plain ? plain.body : request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
    if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
    const client = url.protocol === 'https:' ? https : http;
    const signal = request.signal;
    if (signal.aborted) throw signal.reason;

    return new Promise<Response>((resolve, reject) => {
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
          const responseHeaders = new Headers();
          const raw = res.rawHeaders;
          for (let i = 0; i < raw.length; i += 2) responseHeaders.append(raw[i] as string, raw[i + 1] as string);
          const type = res.headers['content-type'] ?? '';
          const nullBody = status === 204 || status === 304 || method === 'HEAD';
          if (nullBody || type.includes('json') || status >= 400) {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () => {
              cleanup();
              const buffer = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
              const asText = plain?.textOnly === true;
              const response = new Response(nullBody || asText ? null : (buffer as unknown as BodyInit), {
                status,
                statusText: res.statusMessage,
                headers: responseHeaders,
              });
              // The marker is `true` for a buffered body, or the body itself as text.
              Object.defineProperty(response, BUFFERED, { value: asText ? (nullBody ? '' : buffer.toString('utf8')) : true });
              resolve(response);
            });
            res.on('error', (error) => {
              cleanup();
              reject(networkError(error));
            });
          } else {
            // Audio, faxes, CSV exports: hand the body over as a stream, never buffered whole.
            const body = stream.Readable.toWeb(res) as unknown as ReadableStream<Uint8Array>;
            res.once('close', cleanup);
            resolve(new Response(body, { status, statusText: res.statusMessage, headers: responseHeaders }));
          }
        },
      );
      const onAbort = () => req.destroy(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
      const cleanup = () => signal.removeEventListener('abort', onAbort);
      signal.addEventListener('abort', onAbort, { once: true });
      req.on('error', (error) => {
        cleanup();
        reject(signal.aborted ? signal.reason : networkError(error));
      });
      req.end(body);
    });
  };
}

/** The shape of error `fetch` rejects with (a TypeError with the socket error as `cause`). */
function networkError(cause: Error): TypeError {
  return new TypeError('fetch failed', { cause });
}
