// A scripted blackhole (KAZOO's websocket events service) on 127.0.0.1 for the tests, written
// from the server's source: the command pipeline of blackhole_socket_callback:recv/2 (authenticate
// once per socket, validate, authorize, command), the reply and event shapes of
// blackhole_data_emitter, and the error texts of bh_token_auth, bh_events, bh_call and
// bh_authz_subscribe. It also answers PUT /v2/api_auth so a real auth strategy can log in.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

export interface Command {
  readonly action: string;
  readonly auth_token?: string;
  readonly request_id?: string;
  readonly data?: { account_id?: string; binding?: string; [key: string]: unknown };
  readonly socket: number;
}

interface Session {
  readonly id: number;
  readonly socket: WebSocket;
  authAccount: string | undefined;
  readonly bindings: Map<string, { account: string; binding: string }>;
}

const CALL_EVENTS = [
  'CHANNEL_CREATE',
  'CHANNEL_ANSWER',
  'CHANNEL_DESTROY',
  'CHANNEL_HOLD',
  'CHANNEL_UNHOLD',
  'CHANNEL_BRIDGE',
  'PARK_PARKED',
  'PARK_RETRIEVED',
  'PARK_ABANDONED',
];

export interface BlackholeServer {
  /** ws://127.0.0.1:port */
  readonly url: string;
  /** http://127.0.0.1:port/v2/ (api_auth) */
  readonly baseUrl: string;
  /** Every command received, in order. */
  readonly commands: Command[];
  /** Sockets opened so far. */
  readonly connections: number;
  /** Sockets open now. */
  readonly openSockets: number;
  /** Tokens the server accepts, with their account. */
  readonly tokens: Map<string, string>;
  /** Whether to answer `ping` commands. */
  answerPings: boolean;
  /** Whether to accept new sockets (a refused upgrade answers 503). */
  acceptConnections: boolean;
  /** Resolves when `count` websocket upgrades (accepted or refused) have been asked for in total. */
  waitForAttempts(count: number): Promise<void>;
  /** Resolves when no socket is open. */
  waitForNoSockets(): Promise<void>;
  /** Accounts below the token's account (bh_authz_subscribe checks the hierarchy). */
  readonly descendants: Set<string>;
  /** How many of the next commands to refuse as rate-limited (blackhole_socket_callback:rate/3). */
  rateLimitNext: number;
  /** Whether api_auth answers 404 bad identifier, as Crossbar does for an unknown API key. */
  rejectLogins: boolean;
  /** Tokens api_auth hands out, in order (the last one repeats). */
  loginTokens: string[];
  logins: number;
  /** Resolves when a command matching `predicate` has arrived (including already arrived ones after `from`). */
  waitForCommand(predicate: (command: Command) => boolean, from?: number): Promise<Command>;
  /** Resolves when `count` sockets have been opened in total. */
  waitForConnections(count: number): Promise<void>;
  /** Sends an event to every socket subscribed to `binding` for `account`; returns how many got it. */
  emit(account: string, binding: string, name: string, data: Record<string, unknown>, routingKey?: string): number;
  /** Drops every socket without a close handshake. */
  kill(): void;
  /** Sends an RFC 6455 ping frame to every socket; resolves when all answered. */
  pingFrames(): Promise<void>;
  close(): Promise<void>;
}

export async function startBlackhole(): Promise<BlackholeServer> {
  const http: Server = createServer((req, res) => apiAuth(req, res));
  const wss = new WebSocketServer({
    server: http,
    verifyClient: (_info, done) => {
      state.attempts++;
      notify();
      done(state.acceptConnections, 503);
    },
  });
  const sessions = new Set<Session>();
  const waiters: Array<() => void> = [];
  let nextId = 0;
  const notify = () => {
    for (const waiter of waiters.splice(0)) waiter();
  };

  const state = {
    commands: [] as Command[],
    connections: 0,
    attempts: 0,
    tokens: new Map<string, string>(),
    answerPings: true,
    acceptConnections: true,
    descendants: new Set<string>(),
    rateLimitNext: 0,
    rejectLogins: false,
    loginTokens: [] as string[],
    logins: 0,
  };

  function apiAuth(req: IncomingMessage, res: ServerResponse): void {
    req.resume();
    req.on('end', () => {
      if (req.method !== 'PUT' || !req.url?.endsWith('/v2/api_auth')) {
        res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: '404', message: 'not_found', data: {} }));
        return;
      }
      if (state.rejectLogins) {
        res
          .writeHead(404, { 'content-type': 'application/json' })
          .end(JSON.stringify({ error: '404', message: 'bad identifier', data: { api_key: 'echoed' }, status: 'error' }));
        return;
      }
      const token = state.loginTokens[Math.min(state.logins, state.loginTokens.length - 1)] ?? 'none';
      state.logins++;
      const account = state.tokens.get(token) ?? '';
      res
        .writeHead(201, { 'content-type': 'application/json' })
        .end(JSON.stringify({ auth_token: token, data: { account_id: account }, status: 'success', request_id: `login-${state.logins}` }));
    });
  }

  const reply = (session: Session, requestId: string | undefined, status: string, data: unknown) =>
    session.socket.send(JSON.stringify({ action: 'reply', request_id: requestId ?? 'rand', status, data }));
  const refuse = (session: Session, requestId: string | undefined, error: string) =>
    reply(session, requestId, 'error', { errors: [error] });

  wss.on('connection', (socket) => {
    const session: Session = { id: ++nextId, socket, authAccount: undefined, bindings: new Map() };
    sessions.add(session);
    state.connections++;
    notify();
    socket.on('close', () => {
      sessions.delete(session);
      notify();
    });
    socket.on('message', (raw, isBinary) => {
      if (isBinary) return;
      const json = JSON.parse(raw.toString()) as Omit<Command, 'socket'>;
      const command: Command = { ...json, action: json.action ?? 'noop', socket: session.id };
      state.commands.push(command);
      notify();
      if (command.action === 'ping' && !state.answerPings) return;
      if (state.rateLimitNext > 0) {
        state.rateLimitNext--;
        return refuse(session, command.request_id, `rate limiting threshold hit for 127.0.0.1:${session.id}!`);
      }
      // blackhole_socket_callback:authenticate/3 runs only while the socket is not authenticated.
      if (session.authAccount === undefined) {
        const token = command.auth_token;
        if (token === undefined) return refuse(session, command.request_id, 'authentication token required');
        const account = state.tokens.get(token);
        // bh_token_auth:authenticate/3 echoes the refused token back.
        if (account === undefined) return refuse(session, command.request_id, `failed to authenticate token ${token}`);
        session.authAccount = account;
      }
      if (command.action === 'ping') return reply(session, command.request_id, 'success', { response: 'pong' });
      if (command.action !== 'subscribe' && command.action !== 'unsubscribe') return;
      const { account_id: account, binding } = command.data ?? {};
      // bh_events:validate_data/3
      if (account === undefined || binding === undefined) return refuse(session, command.request_id, 'missing required keys : binding');
      const [family, ...keys] = binding.split('.');
      if (family === 'call') {
        // bh_call:validate/2
        if (keys.length !== 2) return refuse(session, command.request_id, `invalid format for call subscription : ${keys.join('.')}`);
        if (keys[0] !== '*' && !CALL_EVENTS.includes(keys[0] as string))
          return refuse(session, command.request_id, `event ${keys[0]} not supported`);
      } else if (family !== 'object' && family !== 'fax' && family !== 'conference') {
        return refuse(session, command.request_id, 'no available subscriptions to requested binding');
      }
      // bh_authz_subscribe:maybe_authorize_account/3
      if (account !== session.authAccount && !state.descendants.has(account))
        return refuse(session, command.request_id, 'unauthorized account id');
      const key = `${account}|${binding}`;
      if (command.action === 'subscribe') {
        session.bindings.set(key, { account, binding });
        return reply(session, command.request_id, 'success', { subscribed: [...session.bindings.values()].map((b) => b.binding) });
      }
      session.bindings.delete(key);
      return reply(session, command.request_id, 'success', {
        unsubscribed: [binding],
        subscribed: [...session.bindings.values()].map((b) => b.binding),
      });
    });
  });

  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;

  const server: BlackholeServer = {
    url: `ws://127.0.0.1:${port}`,
    baseUrl: `http://127.0.0.1:${port}/v2/`,
    get commands() {
      return state.commands;
    },
    get connections() {
      return state.connections;
    },
    get openSockets() {
      return sessions.size;
    },
    tokens: state.tokens,
    descendants: state.descendants,
    get rateLimitNext() {
      return state.rateLimitNext;
    },
    set rateLimitNext(value: number) {
      state.rateLimitNext = value;
    },
    get rejectLogins() {
      return state.rejectLogins;
    },
    set rejectLogins(value: boolean) {
      state.rejectLogins = value;
    },
    get answerPings() {
      return state.answerPings;
    },
    set answerPings(value: boolean) {
      state.answerPings = value;
    },
    get acceptConnections() {
      return state.acceptConnections;
    },
    set acceptConnections(value: boolean) {
      state.acceptConnections = value;
    },
    waitForAttempts(count) {
      return new Promise((resolve) => {
        const check = () => (state.attempts >= count ? resolve() : waiters.push(check));
        check();
      });
    },
    waitForNoSockets() {
      return new Promise((resolve) => {
        const check = () => (sessions.size === 0 ? resolve() : waiters.push(check));
        check();
      });
    },
    get loginTokens() {
      return state.loginTokens;
    },
    set loginTokens(value: string[]) {
      state.loginTokens = value;
    },
    get logins() {
      return state.logins;
    },
    set logins(value: number) {
      state.logins = value;
    },
    waitForCommand(predicate, from = 0) {
      return new Promise((resolve) => {
        const check = () => {
          const found = state.commands.slice(from).find(predicate);
          if (found) resolve(found);
          else waiters.push(check);
        };
        check();
      });
    },
    waitForConnections(count) {
      return new Promise((resolve) => {
        const check = () => (state.connections >= count ? resolve() : waiters.push(check));
        check();
      });
    },
    emit(account, binding, name, data, routingKey) {
      let sent = 0;
      for (const session of sessions) {
        if (!session.bindings.has(`${account}|${binding}`)) continue;
        const [family, ...rest] = binding.split('.');
        session.socket.send(
          JSON.stringify({
            action: 'event',
            subscribed_key: binding,
            subscription_key: [family, account, ...rest].join('.'),
            name,
            routing_key: routingKey ?? [family, account, name, data.call_id ?? 'x'].join('.'),
            data,
          }),
        );
        sent++;
      }
      return sent;
    },
    kill() {
      for (const session of sessions) session.socket.terminate();
    },
    async pingFrames() {
      await Promise.all(
        [...sessions].map(
          (session) =>
            new Promise<void>((resolve) => {
              session.socket.once('pong', () => resolve());
              session.socket.ping();
            }),
        ),
      );
    },
    async close() {
      for (const session of sessions) session.socket.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
  return server;
}

/** A JWT-shaped token (unsigned: clients only read its claims) expiring `expiresInSeconds` from now. */
export function jwt(accountId: string, expiresInSeconds: number, nonce: string): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'RS256', typ: 'JWT' })}.${part({ account_id: accountId, exp: Math.floor(Date.now() / 1000) + expiresInSeconds, nonce })}.c2lnbmF0dXJl`;
}
