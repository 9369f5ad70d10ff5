import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { type Sandbox, type SandboxOptions, startSandbox } from '../src/index';

/** A parsed answer: status, headers and the JSON envelope (or the raw text when it is not JSON). */
export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Record<string, unknown> & { data?: unknown; status?: string; message?: string; error?: string };
  readonly text: string;
}

export interface CallOptions {
  readonly data?: unknown;
  /** A whole body (string or bytes), sent as is. */
  readonly raw?: string | Uint8Array;
  readonly envelope?: Record<string, unknown>;
  readonly token?: string | null;
  readonly headers?: Record<string, string>;
}

/** A started sandbox plus a logged-in token and a small raw-HTTP client. */
export interface Harness {
  readonly sandbox: Sandbox;
  readonly token: string;
  /** `/v2/accounts/<seeded account>` */
  readonly acct: string;
  call(method: string, path: string, options?: CallOptions): Promise<Answer>;
  login(apiKey: string): Promise<string>;
  stop(): Promise<void>;
}

/** Sends one request to the sandbox; `path` is relative to the server root (`/v2/...`). */
export async function request(sandbox: Sandbox, method: string, path: string, options: CallOptions = {}, token?: string): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  const auth = options.token === undefined ? token : options.token;
  if (auth) headers['x-auth-token'] = auth;
  let body: string | Uint8Array | undefined;
  if (options.raw !== undefined) body = options.raw;
  else if (options.data !== undefined || options.envelope !== undefined) {
    body = JSON.stringify({ ...options.envelope, ...(options.data === undefined ? {} : { data: options.data }) });
    headers['content-type'] ??= 'application/json';
  }
  const res = await fetch(`${sandbox.url}${path}`, { method, headers, body: body as BodyInit | undefined });
  const text = await res.text();
  let parsed: Answer['body'] = {};
  try {
    parsed = JSON.parse(text) as Answer['body'];
  } catch {
    // not JSON: callers read `text`
  }
  return { status: res.status, headers: res.headers, body: parsed, text };
}

/** Logs in with an API key and returns the token. */
export async function apiLogin(sandbox: Sandbox, apiKey: string): Promise<string> {
  const answer = await request(sandbox, 'PUT', '/v2/api_auth', { data: { api_key: apiKey } });
  if (answer.status !== 201) throw new Error(`login failed: ${answer.status} ${answer.text}`);
  return String(answer.body.auth_token);
}

/** A JSON document as the sandbox answers it. */
export type Doc = Record<string, unknown> & { id: string };

/** The `data` of an answer, as a document. */
export const data = (answer: { body: { data?: unknown } }): Doc => answer.body.data as Doc;

/**
 * Registers the hooks of a test file (or describe block) that shares one sandbox: started and
 * logged in before its tests, stopped after them. The harness it returns forwards to that sandbox.
 */
export function useHarness(options: SandboxOptions = {}): Harness {
  let started: Harness | undefined;
  beforeAll(async () => {
    started = await harness(options);
  });
  afterAll(() => started?.stop());
  const current = (): Harness => {
    if (!started) throw new Error('the sandbox starts in beforeAll: use the harness inside a test or hook');
    return started;
  };
  return {
    get sandbox() {
      return current().sandbox;
    },
    get token() {
      return current().token;
    },
    get acct() {
      return current().acct;
    },
    call: (method, path, opts) => current().call(method, path, opts),
    login: (apiKey) => current().login(apiKey),
    stop: () => current().stop(),
  };
}

/** A `multipart/mixed` fax request: the JSON envelope, then the document, as the SDK and curl send it. */
export function multipart(envelope: unknown, document: Buffer, type: string): { raw: Uint8Array; headers: Record<string, string> } {
  const boundary = 'sandbox-test-boundary';
  const raw = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(envelope)}\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Type: ${type}\r\n\r\n`),
    document,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { raw, headers: { 'content-type': `multipart/mixed; boundary=${boundary}` } };
}

/** Starts a sandbox on 127.0.0.1:0 and logs in with the seeded API key. */
export async function harness(options: SandboxOptions = {}): Promise<Harness> {
  const sandbox = await startSandbox(options);
  const token = await apiLogin(sandbox, sandbox.apiKey);
  return {
    sandbox,
    token,
    acct: `/v2/accounts/${sandbox.accountId}`,
    call: (method, path, opts) => request(sandbox, method, path, opts, token),
    login: (apiKey) => apiLogin(sandbox, apiKey),
    stop: () => sandbox.stop(),
  };
}

/** md5/sha1 hex of `lower(username):password`, as `user_auth` takes. */
export async function credentials(username: string, password: string, method: 'md5' | 'sha1' = 'md5'): Promise<string> {
  const { createHash } = await import('node:crypto');
  return createHash(method).update(`${username.toLowerCase()}:${password}`).digest('hex');
}

/**
 * The shared reference folder (`<repo>/../shared`, or `AUDIAN_SHARED_DIR`), or undefined when it
 * is not there (tests that need it skip with a message).
 */
export function sharedDir(): string | undefined {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [process.env.AUDIAN_SHARED_DIR, resolve(here, '../../../../shared')].filter((p): p is string => Boolean(p));
  return candidates.find((p) => existsSync(join(p, 'kazoo-examples')));
}
