import { AsyncLocalStorage } from 'node:async_hooks';
import { chmodSync, existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { type AddressInfo, isIPv6 } from 'node:net';
import { InvalidArgumentError } from '@audian/core';
import { serve } from '@hono/node-server';
import { normalizeAccountName } from './internal/accounts-def';
import { Blackhole, EVENTS_PATH } from './internal/blackhole';
import { CallEngine, CallRequestError, DEFAULT_CALL_TIMING, MAX_CALL_MS } from './internal/calls';
import { Clock } from './internal/clock';
import { addDemoData } from './internal/demo-data';
import { Engine } from './internal/engine';
import { FaultInjector } from './internal/faults';
import { createApp } from './internal/http';
import { createTopAccount, ensureSeed, ensureSubAccounts, type SeededAccount } from './internal/seed';
import { RequestStats } from './internal/stats';
import { Store } from './internal/store';
import { WEBHOOK_ATTEMPT_TYPE, WebhookDelivery } from './internal/webhook-delivery';
import type {
  FaultRule,
  PlaceCallParams,
  RateLimitSettings,
  SandboxOptions,
  SandboxStats,
  ServicePlanSettings,
  SimulatedCallInfo,
} from './sandbox-options';

/**
 * The login details of a sandbox account: the seeded one (on {@link Sandbox} itself) or one made
 * with {@link Sandbox.createAccount}.
 *
 * @example
 * ```ts
 * import { startSandbox } from '@audian/sandbox';
 *
 * const sandbox = await startSandbox();
 * const { accountId, apiKey, username, password } = sandbox.createAccount({ name: 'Tenant A' });
 * ```
 */
export interface SandboxAccount {
  readonly accountId: string;
  readonly accountName: string;
  /** The account's 64-character API key (for `PUT /v2/api_auth`). */
  readonly apiKey: string;
  /** The admin user's id, username and password (for `PUT /v2/user_auth`). */
  readonly userId: string;
  readonly username: string;
  readonly password: string;
}

/**
 * A fault rule as it is active: its id and how many more requests it applies to.
 *
 * @example
 * ```ts
 * import { startSandbox } from '@audian/sandbox';
 *
 * const sandbox = await startSandbox();
 * sandbox.addFault({ kind: 'error-before', status: 503, times: 2 });
 * console.log(sandbox.faults()); // [{ id: 'fault-1', rule: {…}, remaining: 2 }]
 * ```
 */
export interface ActiveFault {
  readonly id: string;
  readonly rule: FaultRule;
  readonly remaining: number;
}

/**
 * A simulated call just placed: its state at the start, and a promise of its state once it ended.
 *
 * @example
 * ```ts
 * import { startSandbox } from '@audian/sandbox';
 *
 * const sandbox = await startSandbox({ demoData: true });
 * const call = sandbox.placeCall({ to: '1001', answerAfterMs: 100, durationMs: 500 });
 * console.log(call.call_id, call.status); // '…@sandbox' 'ringing'
 * console.log((await call.finished).hangup_cause); // 'NORMAL_CLEARING'
 * ```
 */
export interface PlacedCall extends SimulatedCallInfo {
  /** Resolves when the call has ended (its CDR, and voicemail message if any, are then stored). */
  readonly finished: Promise<SimulatedCallInfo>;
}

/**
 * A running sandbox: where it listens, the seeded account's credentials (empty strings when the
 * database was not seeded), and the controls tests use.
 *
 * @example
 * ```ts
 * import { startSandbox } from '@audian/sandbox';
 *
 * const sandbox = await startSandbox();
 * sandbox.setServicePlan({ charges: { users: { rate: 5 } } }); // creating users now answers 402
 * sandbox.addFault({ kind: 'drop-after', method: 'PUT', times: 1 }); // the next PUT commits, then the connection drops
 * console.log(sandbox.stats().byStatus);
 * await sandbox.stop();
 * ```
 */
export interface Sandbox extends SandboxAccount {
  /** The server root (`http://127.0.0.1:PORT`); the API is under `${url}/v2/`. */
  readonly url: string;
  /** `${url}/v2/`, ready for `createAudian({ baseUrl })`. */
  readonly apiUrl: string;
  /**
   * The websocket (`ws://127.0.0.1:PORT/`) serving KAZOO's live events (blackhole) on the same
   * port, ready for `createEvents({ eventsUrl })`: every document write as `object.*` events.
   * Every login answer names it too, as KAZOO names its `blackhole` URL
   * (`data.ui_config.api.kazoo_websocket.url`), so `audian.events` finds it without an option.
   */
  readonly eventsUrl: string;
  readonly port: number;
  /** The SQLite file (or `':memory:'`). */
  readonly dbPath: string;
  /** Stops listening, closes open connections and the database. Safe to call twice. */
  stop(): Promise<void>;
  /** Activates a fault rule; returns its id. */
  addFault(rule: FaultRule): string;
  /** Removes one rule; false when it was not active (expired or unknown). */
  removeFault(id: string): boolean;
  clearFaults(): void;
  /** The active rules. */
  faults(): ActiveFault[];
  /** Turns Crossbar's token bucket on (fresh buckets) or off. */
  setRateLimit(settings: RateLimitSettings | false): void;
  /** Turns the 402 mode on or off. */
  setServicePlan(settings: ServicePlanSettings | false): void;
  /** Request counters since start (or the last reset). */
  stats(): SandboxStats;
  resetStats(): void;
  /** Moves the sandbox's clock forward (token expiry, `created`/`modified`, CDR ranges); `0` resets it. */
  advanceClock(seconds: number): void;
  /**
   * Creates another top-level reseller account with its own API key and admin user (test isolation).
   * Names are unique, as in KAZOO; without one, the first free `Sandbox Account N` is used.
   * @throws InvalidArgumentError when `name` is empty or already taken
   */
  createAccount(options?: { name?: string; username?: string; password?: string }): SandboxAccount;
  /**
   * Places a simulated inbound call to a number of an account (the seeded one by default), as the
   * sandbox-only `PUT /v2/accounts/{ACCOUNT_ID}/sandbox/calls` does: routed through the account's
   * callflows, publishing `CHANNEL_CREATE`/`ANSWER`/`BRIDGE`/`DESTROY`, visible in `channels` while
   * it lasts, leaving a CDR.
   * @throws InvalidArgumentError when `to` is empty or no callflow routes it, or a time is out of range
   */
  placeCall(params: PlaceCallParams): PlacedCall;
  /** The simulated calls of an account (the seeded one by default), newest first, the last ended ones included. */
  calls(accountId?: string): SimulatedCallInfo[];
  /** Hangs up a simulated call at once; the ended call, or undefined when the account has no such call. */
  hangupCall(callId: string, accountId?: string): SimulatedCallInfo | undefined;
}

function check(condition: boolean, argument: string, message: string): void {
  if (!condition) throw new InvalidArgumentError(argument, message);
}

function checkOptions(options: SandboxOptions): void {
  const { port, host, dbPath, tokenTtlSeconds, rateLimit, maxUploadBytes, faults } = options;
  check(port === undefined || (Number.isInteger(port) && port >= 0 && port <= 65_535), 'port', 'port must be an integer from 0 to 65535');
  check(host === undefined || (typeof host === 'string' && host !== ''), 'host', 'host must be a non-empty string');
  check(dbPath === undefined || (typeof dbPath === 'string' && dbPath !== ''), 'dbPath', "dbPath must be a file path or ':memory:'");
  check(
    tokenTtlSeconds === undefined || (Number.isInteger(tokenTtlSeconds) && tokenTtlSeconds > 0),
    'tokenTtlSeconds',
    'tokenTtlSeconds must be a positive integer',
  );
  check(
    maxUploadBytes === undefined || (Number.isInteger(maxUploadBytes) && maxUploadBytes > 0),
    'maxUploadBytes',
    'maxUploadBytes must be a positive integer',
  );
  check(
    options.subAccounts === undefined ||
      (Number.isInteger(options.subAccounts) && options.subAccounts >= 0 && options.subAccounts <= 10_000),
    'subAccounts',
    'subAccounts must be an integer from 0 to 10000',
  );
  if (rateLimit) checkRateLimit(rateLimit);
  for (const rule of faults ?? []) checkFault(rule);
  for (const key of ['answerAfterMs', 'durationMs'] as const) {
    const value = options.calls?.[key];
    check(
      value === undefined || (Number.isInteger(value) && value >= 0 && value <= MAX_CALL_MS),
      `calls.${key}`,
      `calls.${key} must be an integer from 0 to ${MAX_CALL_MS}`,
    );
  }
  const allow = options.webhooks?.allow;
  check(
    allow === undefined || (Array.isArray(allow) && allow.every((h) => typeof h === 'string' && h !== '')),
    'webhooks.allow',
    'webhooks.allow must be a list of host names or IP addresses',
  );
}

function checkRateLimit(settings: RateLimitSettings): void {
  check(Number.isFinite(settings.capacity) && settings.capacity >= 1, 'rateLimit.capacity', 'rateLimit.capacity must be at least 1');
  check(
    Number.isFinite(settings.refillPerSecond) && settings.refillPerSecond >= 0,
    'rateLimit.refillPerSecond',
    'rateLimit.refillPerSecond must be zero or more',
  );
}

const FAULT_KINDS = new Set(['delay', 'drop-before', 'drop-after', 'error-before', 'error-after', 'malformed', 'truncated', 'html']);

function checkFault(rule: FaultRule): void {
  check(FAULT_KINDS.has(rule?.kind), 'fault.kind', `fault.kind must be one of ${[...FAULT_KINDS].join(', ')}`);
  check(
    rule.times === undefined || (Number.isInteger(rule.times) && rule.times > 0),
    'fault.times',
    'fault.times must be a positive integer',
  );
  check(
    rule.delayMs === undefined || (Number.isFinite(rule.delayMs) && rule.delayMs >= 0),
    'fault.delayMs',
    'fault.delayMs must be zero or more',
  );
  check(
    rule.status === undefined || (Number.isInteger(rule.status) && rule.status >= 400 && rule.status <= 599),
    'fault.status',
    'fault.status must be an HTTP error status (400-599)',
  );
}

/**
 * Keeps a database file made by an older version (created with the umask's mode) readable by its
 * owner only; new files are created with mode 0600 by the store itself.
 */
function restrictPermissions(dbPath: string): void {
  if (dbPath === ':memory:') return;
  for (const file of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`]) {
    try {
      if (existsSync(file)) chmodSync(file, 0o600);
    } catch {
      // best effort: a file system without permissions (Windows) keeps its defaults
    }
  }
}

/**
 * Starts a local, stateful Crossbar (the Audian API v2) on SQLite: real HTTP, KAZOO's envelope,
 * validation, pagination, filters, auth and errors. With `seed` (the default) the database gets a
 * reseller account, its API key and an admin user on first start; a database file keeps them
 * (and everything else) across restarts.
 *
 * @throws InvalidArgumentError for an invalid option (port, host, dbPath, tokenTtlSeconds, rateLimit, faults, maxUploadBytes)
 * @throws Error when the port cannot be bound or the database file cannot be opened
 *
 * @example
 * ```ts
 * import { startSandbox } from '@audian/sandbox';
 * import { createAudian } from '@audian/resources';
 * import { createApiKeyAuth } from '@audian/auth';
 *
 * const sandbox = await startSandbox();
 * const audian = createAudian({ baseUrl: sandbox.apiUrl, auth: createApiKeyAuth({ apiKey: sandbox.apiKey }) });
 * await audian.users.create({ first_name: 'Ada', last_name: 'Lovelace' });
 * await sandbox.stop();
 * ```
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  checkOptions(options);
  const dbPath = options.dbPath ?? ':memory:';
  const store = new Store(dbPath);
  restrictPermissions(dbPath);
  const clock = new Clock();
  let engine: Engine;
  let seeded: SeededAccount | undefined;
  try {
    engine = new Engine(store, clock, {
      tokenTtlSeconds: options.tokenTtlSeconds ?? 3600,
      maxUploadBytes: options.maxUploadBytes ?? 8_000_000,
      rateLimit: options.rateLimit ?? false,
      servicePlan: options.servicePlan ?? false,
    });
    if (options.seed !== false) {
      const fresh = !store.meta('seed');
      seeded = ensureSeed(engine);
      if (options.demoData && (fresh || !store.meta('demo'))) {
        const account = store.get(seeded.accountId, seeded.accountId);
        addDemoData(engine, seeded.accountId, String(account?.body.realm ?? 'sandbox.sip.local'));
        store.setMeta('demo', '1');
      }
      if (options.subAccounts) ensureSubAccounts(engine, seeded.accountId, options.subAccounts);
    }
  } catch (error) {
    store.close();
    throw error;
  }
  const faults = new FaultInjector();
  for (const rule of options.faults ?? []) faults.add(rule);
  const stats = new RequestStats();
  const app = createApp({ engine, faults, stats, logger: options.logger });

  const host = options.host ?? '127.0.0.1';
  const allInterfaces = host === '0.0.0.0' || host === '::';
  // On all interfaces no one address is the sandbox's: each answer names the websocket at the host
  // its client asked for. The answers read `engine.settings.eventsUrl` deep inside the request, so
  // the request's URL travels there in async context rather than through every handler.
  const requestEventsUrl = new AsyncLocalStorage<string>();
  const fetch: typeof app.fetch = (request, ...rest) => {
    if (!allInterfaces) return app.fetch(request, ...rest);
    const clientHost = hostHeader(request.headers.get('host'));
    return clientHost === undefined
      ? app.fetch(request, ...rest)
      : requestEventsUrl.run(`ws://${clientHost}${EVENTS_PATH}`, () => app.fetch(request, ...rest));
  };
  // The node server would otherwise swap the process's global Request and Response for its own
  // (for good: they cannot be set back), under the tests and code of whoever embeds the sandbox.
  const server = serve({ fetch, port: options.port ?? 0, hostname: host, overrideGlobalObjects: false });
  const blackhole = new Blackhole(engine);
  blackhole.attach(server as Server);
  const calls = CallEngine.attach(engine, { ...DEFAULT_CALL_TIMING, ...options.calls });
  const webhooks = new WebhookDelivery(engine, {
    allow: (options.webhooks?.allow ?? []).map((h) => h.toLowerCase()),
    retryDelayMs: 2000,
  });
  calls.onEvent((event) => {
    blackhole.publishCall(event);
    webhooks.onCallEvent(event);
  });
  store.onChange = (change) => {
    // Delivery attempts are saved without a change notice, as KAZOO saves them.
    if (change.type === WEBHOOK_ATTEMPT_TYPE) return;
    blackhole.publish(change);
    webhooks.onDocument(change);
  };
  try {
    await new Promise<void>((resolve, reject) => {
      if (server.listening) resolve();
      server.once('listening', () => resolve());
      server.once('error', reject);
    });
  } catch (error) {
    store.close();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  const shownHost = allInterfaces ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  const url = `http://${shownHost}:${port}`;
  const eventsUrl = `ws://${shownHost}:${port}${EVENTS_PATH}`;
  Object.defineProperty(engine.settings, 'eventsUrl', {
    get: () => requestEventsUrl.getStore() ?? eventsUrl,
    configurable: true,
    enumerable: true,
  });
  options.logger?.info?.(`sandbox: listening on ${url} (database ${dbPath})`);

  let stopped: Promise<void> | undefined;
  const seedAccount = seeded;
  const sandbox: Sandbox = {
    url,
    apiUrl: `${url}/v2/`,
    eventsUrl,
    port,
    dbPath,
    accountId: seedAccount?.accountId ?? '',
    accountName: seedAccount?.accountName ?? '',
    get apiKey() {
      if (!seedAccount || !store.db.open) return seedAccount?.apiKey ?? '';
      const account = store.get(seedAccount.accountId, seedAccount.accountId);
      return String(account?.body.pvt_api_key ?? seedAccount.apiKey);
    },
    userId: seedAccount?.userId ?? '',
    username: seedAccount?.username ?? '',
    password: seedAccount?.password ?? '',
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        store.onChange = undefined;
        calls.close();
        webhooks.close();
        blackhole.close();
        server.close(() => {
          store.close();
          resolve();
        });
        const http = server as unknown as { closeAllConnections?: () => void };
        http.closeAllConnections?.();
      });
      return stopped;
    },
    addFault(rule) {
      checkFault(rule);
      return faults.add(rule);
    },
    removeFault: (id) => faults.remove(id),
    clearFaults: () => faults.clear(),
    faults: () => faults.list(),
    setRateLimit(settings) {
      if (settings) checkRateLimit(settings);
      engine.setRateLimit(settings);
    },
    setServicePlan(settings) {
      engine.settings.servicePlan = settings;
    },
    stats: () => stats.snapshot(),
    resetStats: () => stats.reset(),
    advanceClock(seconds) {
      check(Number.isFinite(seconds), 'seconds', 'seconds must be a finite number');
      if (seconds === 0) clock.reset();
      else clock.advance(seconds);
    },
    createAccount(opts = {}) {
      check(
        opts.name === undefined || (typeof opts.name === 'string' && opts.name.trim() !== ''),
        'name',
        'name must be a non-empty string',
      );
      // Account names are unique (compared on letters and digits, as KAZOO does): a default name skips taken ones.
      const taken = new Set(store.allOfType('account').map((a) => normalizeAccountName(String(a.body.name ?? ''))));
      check(opts.name === undefined || !taken.has(normalizeAccountName(opts.name)), 'name', 'an account with that name already exists');
      let name = opts.name;
      for (let n = taken.size + 1; name === undefined; n++)
        if (!taken.has(normalizeAccountName(`Sandbox Account ${n}`))) name = `Sandbox Account ${n}`;
      const created = createTopAccount(engine, { name, username: opts.username, password: opts.password });
      restrictPermissions(dbPath);
      return created;
    },
    placeCall(params) {
      check(typeof params?.to === 'string' && params.to.trim() !== '', 'to', 'to must be a number or extension');
      const accountId = params.accountId ?? seedAccount?.accountId ?? '';
      check(engine.account(accountId) !== undefined, 'accountId', 'accountId must name an account of the sandbox');
      try {
        return calls.place({ ...params, accountId });
      } catch (error) {
        if (error instanceof CallRequestError) {
          const field = { answer_after_ms: 'answerAfterMs', duration_ms: 'durationMs' }[error.field] ?? error.field;
          throw new InvalidArgumentError(field, error.message.replace(error.field, field));
        }
        throw error;
      }
    },
    calls: (accountId) => calls.list(accountId ?? seedAccount?.accountId ?? ''),
    hangupCall: (callId, accountId) => calls.hangup(accountId ?? seedAccount?.accountId ?? '', callId),
  };
  return sandbox;
}

const HOST_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * A `Host` header reduced to what may stand in a URL's authority: a DNS name or IPv4 address, or
 * an IPv6 address in brackets, and an optional port (1–65535), lower-cased. Anything else
 * (credentials, paths, spaces, a second host) gives undefined, so it cannot reach an answer.
 */
function hostHeader(value: string | null): string | undefined {
  if (value === null || value.length > 261) return undefined;
  const match = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(?::(\d{1,5}))?$/.exec(value);
  if (!match) return undefined;
  const name = (match[1] as string).toLowerCase();
  const port = match[2];
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) return undefined;
  if (name.startsWith('[')) {
    if (!isIPv6(name.slice(1, -1))) return undefined;
  } else if (name.length > 253 || !name.split('.').every((label) => HOST_LABEL.test(label))) {
    return undefined;
  }
  return port === undefined ? name : `${name}:${Number(port)}`;
}
