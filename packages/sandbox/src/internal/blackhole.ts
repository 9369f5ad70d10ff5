import type { IncomingMessage, Server } from 'node:http';
import { hostname } from 'node:os';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import { treeOf } from './accounts-def';
import type { CallEventMessage } from './calls-events';
import type { Engine } from './engine';
import type { DocumentChange } from './store';

/** The path the websocket is served on (any other upgrade is refused with 404). */
export const EVENTS_PATH = '/';

// kapi_conf.hrl ?DOC_ACTIONS and doc_types.hrl ?DOC_TYPES: what bh_object accepts in a binding.
const DOC_ACTIONS = ['doc_created', 'doc_edited', 'doc_deleted'];
const DOC_TYPES = ['account', 'callflow', 'device', 'faxbox', 'media', 'user', 'vmbox', 'fax', 'mailbox_message', 'call_recording'];
// bh_call ?LISTEN_TO: what a call binding may name (simulated calls publish CHANNEL_* and PARK_PARKED).
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

/** The bindings a socket may subscribe to, by family, as `GET /v2/websockets` lists them (the blackhole `bindings` setting). */
export function availableBindings(): Record<string, string[]> {
  return {
    call: CALL_EVENTS.map((event) => `call.${event}.{CALL_ID}`),
    object: DOC_ACTIONS.flatMap((action) => DOC_TYPES.map((type) => `object.${action}.${type}`)),
  };
}

interface Subscription {
  readonly accountId: string;
  readonly binding: string;
  readonly keys: readonly string[];
}

interface Session {
  readonly socket: WebSocket;
  authAccount: string | undefined;
  readonly subscriptions: Map<string, Subscription>;
  /** `blackhole_socket_handler:session_id/1`: the peer's `IP:port`. */
  readonly id: string;
  readonly source: string;
  /** When it connected, in Gregorian seconds (`bh_context`'s `timestamp`). */
  readonly timestamp: number;
}

/** One live socket as `blackhole_tracking:to_resp_data/1` describes it. */
export interface SocketInfo {
  readonly websocket_session_id: string;
  readonly bindings: string[];
  readonly timestamp: number;
  readonly source: string;
  readonly destination: string;
}

const SERVERS = new WeakMap<Engine, Blackhole>();

/** The websocket service of an engine, once started. */
export function blackholeOf(engine: Engine): Blackhole | undefined {
  return SERVERS.get(engine);
}

interface Command {
  action?: unknown;
  auth_token?: unknown;
  request_id?: unknown;
  data?: unknown;
}

/** `account/xx/yy/rest`, URL-encoded as KAZOO names account databases in routing keys (`kz_util:format_account_db/1`). */
export function accountDb(accountId: string): string {
  return `account%2F${accountId.slice(0, 2)}%2F${accountId.slice(2, 4)}%2F${accountId.slice(4)}`;
}

/**
 * KAZOO's websocket service (blackhole) on the sandbox's own port: the command pipeline of
 * `blackhole_socket_callback:recv/2` (authenticate once per socket, validate, authorize, run) and
 * the reply and event shapes of `blackhole_data_emitter`, fed by the store's committed writes.
 */
export class Blackhole {
  readonly #engine: Engine;
  readonly #wss = new WebSocketServer({ noServer: true });
  readonly #sessions = new Set<Session>();

  constructor(engine: Engine) {
    this.#engine = engine;
    this.#wss.on('connection', (socket: WebSocket, req: IncomingMessage) => this.#open(socket, req));
    SERVERS.set(engine, this);
  }

  /** Takes the server's websocket upgrades on {@link EVENTS_PATH}. */
  attach(server: Server): void {
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      const path = new URL(req.url ?? '/', 'http://sandbox').pathname;
      // blackhole_socket_handler:init/2 answers 400 to a requested subprotocol.
      if (path !== EVENTS_PATH || req.headers['sec-websocket-protocol']) {
        socket.end(`HTTP/1.1 ${path !== EVENTS_PATH ? '404 Not Found' : '400 Bad Request'}\r\nConnection: close\r\n\r\n`);
        return;
      }
      this.#wss.handleUpgrade(req, socket, head, (ws) => this.#wss.emit('connection', ws, req));
    });
  }

  /** Closes every socket. */
  close(): void {
    for (const session of this.#sessions) session.socket.terminate();
    this.#wss.close();
  }

  /** Sends a committed write to every socket whose `object.*` binding matches it (`bh_object`). */
  publish(change: DocumentChange): void {
    if (this.#sessions.size === 0) return;
    const db = accountDb(change.accountId);
    const body = change.body;
    // kapi_conf:doc_update headers, as blackhole_data_emitter sends them (keys lower-cased, `-` to `_`).
    const data = {
      id: change.id,
      rev: body._rev,
      type: change.type,
      database: db,
      account_id: change.accountId,
      date_created: body.pvt_created,
      date_modified: body.pvt_modified,
      is_soft_deleted: change.action === 'doc_deleted',
      version: body.pvt_vsn,
    };
    for (const session of this.#sessions) {
      // a closing socket is skipped: the write has committed and must not fail because of it
      if (session.socket.readyState !== WebSocket.OPEN) continue;
      for (const sub of session.subscriptions.values()) {
        if (sub.accountId !== change.accountId || sub.keys[0] !== 'object') continue;
        const [, action, type] = sub.keys;
        if ((action !== '*' && action !== change.action) || (type !== '*' && type !== change.type)) continue;
        session.socket.send(
          JSON.stringify({
            action: 'event',
            subscribed_key: sub.binding,
            subscription_key: `${action}.${db}.${type}.*`,
            name: change.action,
            routing_key: `${change.action}.${db}.${change.type}.${change.id}`,
            data,
          }),
        );
      }
    }
  }

  /**
   * Sends a simulated call's event to every socket whose `call.{EVENT}.{CALL_ID}` binding matches
   * it, with the keys `blackhole_listener:handle_hook_event/3` and `bh_call:bindings/2` make:
   * `call.{ACCOUNT_ID}.{EVENT}.{CALL_ID}`.
   */
  publishCall(event: CallEventMessage): void {
    if (this.#sessions.size === 0) return;
    // kz_amqp_util:encode/1: the characters AMQP topic keys give a meaning to are escaped.
    const encoded = event.callId.replaceAll('.', '%2E').replaceAll('*', '%2A').replaceAll('#', '%23');
    const routingKey = `call.${event.accountId}.${event.name}.${encoded}`;
    for (const session of this.#sessions) {
      if (session.socket.readyState !== WebSocket.OPEN) continue;
      for (const sub of session.subscriptions.values()) {
        if (sub.accountId !== event.accountId || sub.keys[0] !== 'call') continue;
        const [, name, callId] = sub.keys;
        if ((name !== '*' && name !== event.name) || (callId !== '*' && callId !== event.callId)) continue;
        session.socket.send(
          JSON.stringify({
            action: 'event',
            subscribed_key: sub.binding,
            subscription_key: `call.${event.accountId}.${event.name}.${callId}`,
            name: event.name,
            routing_key: routingKey,
            data: event.data,
          }),
        );
      }
    }
  }

  /**
   * The authenticated sockets of these accounts (`blackhole_tracking:get_sockets_by_account/3`:
   * each socket once), or the one socket with this session id.
   */
  sockets(query: { readonly accountIds: readonly string[] } | { readonly sessionId: string }): SocketInfo[] {
    const out: SocketInfo[] = [];
    for (const session of this.#sessions) {
      if (session.authAccount === undefined) continue;
      const wanted = 'sessionId' in query ? session.id === query.sessionId : query.accountIds.includes(session.authAccount);
      if (!wanted) continue;
      out.push({
        websocket_session_id: session.id,
        bindings: this.#bindings(session),
        timestamp: session.timestamp,
        source: session.source,
        destination: hostname(),
      });
    }
    return out;
  }

  #open(socket: WebSocket, req: IncomingMessage): void {
    const source = (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
    const session: Session = {
      socket,
      authAccount: undefined,
      subscriptions: new Map(),
      id: `${source}:${req.socket.remotePort ?? 0}`,
      source,
      timestamp: this.#engine.clock.gregorian(),
    };
    this.#sessions.add(session);
    socket.on('close', () => this.#sessions.delete(session));
    socket.on('message', (raw, isBinary) => {
      if (isBinary) return;
      let command: Command;
      try {
        command = JSON.parse(raw.toString()) as Command;
      } catch {
        return;
      }
      if (typeof command !== 'object' || command === null) return;
      this.#command(session, command);
    });
  }

  #reply(session: Session, requestId: unknown, status: 'success' | 'error', data: unknown): void {
    session.socket.send(
      JSON.stringify({ action: 'reply', request_id: typeof requestId === 'string' ? requestId : undefined, status, data }),
    );
  }

  #refuse(session: Session, requestId: unknown, error: string): void {
    this.#reply(session, requestId, 'error', { errors: [error] });
  }

  /** The token's account, or an error text (`bh_token_auth:authenticate/3`, which echoes the refused token). */
  #authenticate(token: unknown): { accountId: string } | { error: string } {
    if (typeof token !== 'string' || token === '') return { error: 'authentication token required' };
    const claims = this.#engine.signer.verify(token);
    if (!claims || claims.exp <= this.#engine.clock.unix() || !this.#engine.account(claims.account_id)) {
      return { error: `failed to authenticate token ${token}` };
    }
    return { accountId: claims.account_id };
  }

  #command(session: Session, command: Command): void {
    const requestId = command.request_id;
    if (session.authAccount === undefined) {
      const auth = this.#authenticate(command.auth_token);
      if ('error' in auth) {
        this.#refuse(session, requestId, auth.error);
        return;
      }
      session.authAccount = auth.accountId;
    }
    if (command.action === 'ping') {
      this.#reply(session, requestId, 'success', { response: 'pong' });
      return;
    }
    if (command.action !== 'subscribe' && command.action !== 'unsubscribe') return;
    const validated = this.#validate(session.authAccount, command.data);
    if (typeof validated === 'string') {
      this.#refuse(session, requestId, validated);
      return;
    }
    const key = `${validated.accountId}|${validated.binding}`;
    if (command.action === 'subscribe') {
      session.subscriptions.set(key, validated);
      this.#reply(session, requestId, 'success', { subscribed: this.#bindings(session) });
    } else {
      session.subscriptions.delete(key);
      this.#reply(session, requestId, 'success', { unsubscribed: [validated.binding], subscribed: this.#bindings(session) });
    }
  }

  #bindings(session: Session): string[] {
    return [...new Set([...session.subscriptions.values()].map((sub) => sub.binding))];
  }

  /** `bh_events:validate/2`, the module's `validate/2`, then `bh_authz_subscribe:authorize/3`; an error text when refused. */
  #validate(authAccount: string, data: unknown): Subscription | string {
    if (typeof data !== 'object' || data === null || Object.keys(data).length === 0) return 'missing required keys in data object';
    const { account_id: accountId, binding } = data as { account_id?: unknown; binding?: unknown };
    const missing = [accountId === undefined ? 'account_id' : '', binding === undefined ? 'binding' : ''].filter(Boolean);
    if (missing.length > 0) return `missing required keys : ${missing.join(', ')}`;
    if (typeof binding !== 'string' || typeof accountId !== 'string') return 'no available subscriptions to requested binding';
    const keys = binding.split('.');
    const [family, ...rest] = keys;
    const invalid =
      family === 'object'
        ? validateObject(rest)
        : family === 'call'
          ? validateCall(rest)
          : 'no available subscriptions to requested binding';
    if (invalid) return invalid;
    if (accountId === '*') return 'unauthorized wildcard account id';
    if (!this.#mayReach(authAccount, accountId)) return 'unauthorized account id';
    return { accountId, binding, keys };
  }

  /** The token's account or one below it (`bh_authz_subscribe:maybe_authorize_account/3`). */
  #mayReach(authAccount: string, accountId: string): boolean {
    if (accountId === authAccount) return true;
    const account = this.#engine.account(accountId);
    return account !== undefined && treeOf(account.body).includes(authAccount);
  }
}

/** `bh_object:validate/2`: `object.{ACTION|*}.{TYPE|*}`. */
function validateObject(keys: readonly string[]): string | undefined {
  if (keys.length !== 2) return `invalid format for object subscription : ${keys.join('.')}`;
  const [action = '', type = ''] = keys;
  if (action !== '*' && !DOC_ACTIONS.includes(action)) return `event ${action} not supported`;
  if (type !== '*' && !DOC_TYPES.includes(type)) return `event ${type} not supported`;
  return undefined;
}

/** `bh_call:validate/2`: `call.{EVENT|*}.{CALL_ID|*}`. */
function validateCall(keys: readonly string[]): string | undefined {
  if (keys.length !== 2) return `invalid format for call subscription : ${keys.join('.')}`;
  const [event = ''] = keys;
  if (event !== '*' && !CALL_EVENTS.includes(event)) return `event ${event} not supported`;
  return undefined;
}
