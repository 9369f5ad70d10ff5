import { createApiKeyAuth } from '@audian/auth';
import {
  type ApiResponse,
  type AuthStrategy,
  type BinaryResponse,
  createTransport,
  InvalidArgumentError,
  type RequestParams,
  type Transport,
  type TransportOptions,
} from '@audian/core';
// Types only: `@audian/events` is loaded on first use of `audian.events`, never bundled eagerly.
import type { Binding, EventForBinding, EventSubscription, OnOptions, ReconnectInfo, SubscribeOptions } from '@audian/events';
import type {
  About,
  AccessLists,
  AccountAllotments,
  Accounts,
  AcdcCallStats,
  Acls,
  Agents,
  Alerts,
  AppsLink,
  AppsStore,
  AttachmentHandlerErrors,
  Blacklists,
  Bulk,
  Callflows,
  CallInspector,
  Cccps,
  Cdrs,
  Channels,
  ClickToCall,
  Comments,
  Conferences,
  Configs,
  Connectivity,
  ContactList,
  Devices,
  Dialplans,
  Directories,
  Faxboxes,
  Faxes,
  Functions,
  Groups,
  Hotdesks,
  Ips,
  Ledgers,
  Limits,
  Lists,
  LocalProvisionerTemplates,
  Media,
  Menus,
  Metaflows,
  MmsMessages,
  MultiFactor,
  Notifications,
  Onboard,
  ParkedCalls,
  PhoneNumbers,
  Pivot,
  PortRequests,
  Presence,
  Queues,
  Quickcall,
  RateLimits,
  Rates,
  Recordings,
  Registrations,
  ResourceSelectors,
  Resources,
  ResourceTemplates,
  Search,
  Security,
  Services,
  SmsMessages,
  StorageSettings,
  Tasks,
  TemporalRules,
  TemporalRulesSets,
  TokenRestrictions,
  Transactions,
  Users,
  Vmboxes,
  Webhooks,
  Websockets,
  WhitelabelSettings,
} from './index.js';
import { readEnvironment } from './internal/environment.js';
import { eventsUrlResolver, LazyEvents } from './internal/events.js';
import { type AudianResources, LAZY_RESOURCES } from './internal/lazy-resources.generated.js';
import type { ResourceContext } from './internal/resource-base.js';
import type { ResourceMethods } from './resource-methods.js';

/**
 * Options of {@link createAudian}: credentials (`apiKey` or `auth`) plus the transport's options
 * (base URL, account, timeout, retry, rate limit, fetch, hooks, logger, signal). Where there is a
 * `process.env`, `AUDIAN_API_KEY`, `AUDIAN_BASE_URL` and `AUDIAN_ACCOUNT_ID` fill in what is not given.
 */
export interface AudianOptions extends TransportOptions {
  /**
   * How to authenticate: `createApiKeyAuth`, `createUserAuth` or `createTokenAuth` from `@audian/auth`.
   *
   * @default createApiKeyAuth({ apiKey }) when `apiKey` is given or `AUDIAN_API_KEY` is set
   */
  readonly auth?: AuthStrategy;
  /**
   * The account's API key: shorthand for `auth: createApiKeyAuth({ apiKey })`.
   *
   * @default process.env.AUDIAN_API_KEY
   */
  readonly apiKey?: string;
  /**
   * The API's websocket (KAZOO's blackhole), `ws://` or `wss://`, for {@link Audian.events}.
   *
   * @default process.env.AUDIAN_EVENTS_URL; else the URL the login answer names
   *   (`ui_config.api.kazoo_websocket.url`); else, for an API on 127.0.0.1 or localhost (the sandbox), `ws://host:port/`
   */
  readonly eventsUrl?: string;
}

/**
 * `audian.events`: live KAZOO websocket events, typed by binding (see `@audian/events`). It uses
 * the client's own login and account; `@audian/events` is loaded, and the websocket URL resolved
 * (`eventsUrl`, `AUDIAN_EVENTS_URL`, the login answer's URL, a local API's own port), on first use.
 *
 * @example
 * ```ts
 * import { createAudian } from '@audian/resources';
 *
 * const audian = createAudian({ eventsUrl: 'wss://api.audian.com:7777/' });
 * for await (const event of audian.events.subscribe('object.doc_created.user')) {
 *   console.log('user created', event.data.id);
 * }
 * ```
 */
export interface AudianEvents {
  /**
   * An async iterator of the events of these bindings (`call.CHANNEL_CREATE.*` yields
   * `CallEvent<'CHANNEL_CREATE'>`). The subscribe is sent on first iteration (or `ready`); it ends
   * on `break`, `close()`, an aborted `signal` or `audian.events.close()`.
   *
   * @throws AudianError when `audian.events` is closed; bad bindings, and no events URL at all,
   *   reject the first `next()` (and `ready`) with InvalidArgumentError
   */
  subscribe<const B extends Binding>(bindings: B | readonly B[], options?: SubscribeOptions): EventSubscription<EventForBinding<B>>;
  /**
   * Calls `handler` for each event of these bindings until the returned function is called.
   * Failures (bad bindings, a refused subscription, a lost socket) go to `options.onError`.
   *
   * @throws InvalidArgumentError when `handler` is not a function
   * @throws AudianError when `audian.events` is closed
   */
  on<const B extends Binding>(bindings: B | readonly B[], handler: (event: EventForBinding<B>) => void, options?: OnOptions): () => void;
  /**
   * Calls `listener` each time a dropped socket was reopened and every subscription sent again.
   * KAZOO does not replay what was published meanwhile: re-read the state the events keep up to
   * date (e.g. `audian.channels.list()` for the calls in progress). Returns the function that
   * removes the listener.
   *
   * @throws InvalidArgumentError when `listener` is not a function
   */
  onReconnect(listener: (info: ReconnectInfo) => void): () => void;
  /**
   * The websocket URL the events use, resolved as they connect: `eventsUrl`, else
   * `AUDIAN_EVENTS_URL`, else the URL the login answer named (logging in first when needed),
   * else `ws://host:port/` for an API on this machine.
   *
   * @throws InvalidArgumentError naming `eventsUrl` when there is none, or naming the login
   *   answer's field when its URL is not `ws://` or `wss://` (the promise rejects)
   */
  url(): Promise<string>;
  /** Ends every subscription and handler and closes the socket; later `subscribe`/`on` calls throw. */
  close(): void;
}

/** Who the client is logged in as (never the token). */
export interface SessionInfo {
  readonly accountId: string | undefined;
  readonly ownerId?: string;
  readonly resellerId?: string;
  readonly isReseller?: boolean;
  readonly accountName?: string;
  /** The events websocket the login answer named (`ui_config.api.kazoo_websocket.url`), if any. */
  readonly eventsUrl?: string;
  readonly expiresAt?: Date;
}

/** The wire name of every resource on the client: `'users'`, `'phone_numbers'`, … */
export type ResourceName = keyof AudianResources;

export type { AudianResources };

/**
 * The Audian client: the resources (`audian.users`, `audian.phone_numbers`, …) plus session,
 * account scoping and the raw escape hatch. Made by {@link createAudian}.
 *
 * Each resource is constructed on first access, and its class is loaded on its first call: a
 * browser bundle carries a few bytes per resource method, not every resource's code.
 */
export class Audian implements AudianResources {
  /** The account every call acts on (`undefined`: the session's own account). */
  readonly accountId: string | undefined;
  /** The transport underneath, for advanced use. */
  readonly transport: Transport;
  readonly #ctx: ResourceContext;
  readonly #resources: { -readonly [K in ResourceName]?: AudianResources[K] } = {};
  readonly #eventsUrl: () => Promise<string>;
  #events: LazyEvents | undefined;

  /** @internal Use {@link createAudian}. */
  constructor(transport: Transport, accountId: string | undefined, eventsUrl: () => Promise<string>) {
    this.transport = transport;
    this.accountId = accountId;
    this.#eventsUrl = eventsUrl;
    this.#ctx = { transport, accountId };
  }

  /**
   * {@link AudianEvents}: live websocket events for this client's account, over its own login.
   * The websocket URL is resolved when the socket opens (after the login): with none at all (no
   * option, no `AUDIAN_EVENTS_URL`, none in the login answer, and an API that is not on this
   * machine) the first subscription rejects with an InvalidArgumentError naming `eventsUrl`.
   */
  get events(): AudianEvents {
    this.#events ??= new LazyEvents({ transport: this.transport, eventsUrl: this.#eventsUrl, accountId: this.accountId });
    return this.#events;
  }

  /** The resource `name`, made on first access (its class loads on its first call). */
  #lazy<K extends ResourceName>(name: K): AudianResources[K] {
    const made = this.#resources[name];
    if (made !== undefined) return made;
    const created = LAZY_RESOURCES[name](this.#ctx);
    this.#resources[name] = created;
    return created;
  }

  /** {@link Users}: `audian.users`. */
  get users(): ResourceMethods<Users> {
    return this.#lazy('users');
  }

  /** {@link Devices}: `audian.devices`. */
  get devices(): ResourceMethods<Devices> {
    return this.#lazy('devices');
  }

  /** {@link Accounts}: `audian.accounts`. */
  get accounts(): ResourceMethods<Accounts> {
    return this.#lazy('accounts');
  }

  /** {@link Callflows}: `audian.callflows`. */
  get callflows(): ResourceMethods<Callflows> {
    return this.#lazy('callflows');
  }

  /** {@link Vmboxes}: `audian.vmboxes`. */
  get vmboxes(): ResourceMethods<Vmboxes> {
    return this.#lazy('vmboxes');
  }

  /** {@link Conferences}: `audian.conferences`. */
  get conferences(): ResourceMethods<Conferences> {
    return this.#lazy('conferences');
  }

  /** {@link Media}: `audian.media`. */
  get media(): ResourceMethods<Media> {
    return this.#lazy('media');
  }

  /** {@link Menus}: `audian.menus`. */
  get menus(): ResourceMethods<Menus> {
    return this.#lazy('menus');
  }

  /** {@link Groups}: `audian.groups`. */
  get groups(): ResourceMethods<Groups> {
    return this.#lazy('groups');
  }

  /** {@link TemporalRules}: `audian.temporal_rules`. */
  get temporal_rules(): ResourceMethods<TemporalRules> {
    return this.#lazy('temporal_rules');
  }

  /** {@link TemporalRulesSets}: `audian.temporal_rules_sets`. */
  get temporal_rules_sets(): ResourceMethods<TemporalRulesSets> {
    return this.#lazy('temporal_rules_sets');
  }

  /** {@link Directories}: `audian.directories`. */
  get directories(): ResourceMethods<Directories> {
    return this.#lazy('directories');
  }

  /** {@link Lists}: `audian.lists`. */
  get lists(): ResourceMethods<Lists> {
    return this.#lazy('lists');
  }

  /** {@link Blacklists}: `audian.blacklists`. */
  get blacklists(): ResourceMethods<Blacklists> {
    return this.#lazy('blacklists');
  }

  /** {@link PhoneNumbers}: `audian.phone_numbers`. */
  get phone_numbers(): ResourceMethods<PhoneNumbers> {
    return this.#lazy('phone_numbers');
  }

  /** {@link Cdrs}: `audian.cdrs`. */
  get cdrs(): ResourceMethods<Cdrs> {
    return this.#lazy('cdrs');
  }

  /** {@link Faxboxes}: `audian.faxboxes`. */
  get faxboxes(): ResourceMethods<Faxboxes> {
    return this.#lazy('faxboxes');
  }

  /** {@link Faxes}: `audian.faxes`. */
  get faxes(): ResourceMethods<Faxes> {
    return this.#lazy('faxes');
  }

  /** {@link Webhooks}: `audian.webhooks`. */
  get webhooks(): ResourceMethods<Webhooks> {
    return this.#lazy('webhooks');
  }

  /** {@link Notifications}: `audian.notifications`. */
  get notifications(): ResourceMethods<Notifications> {
    return this.#lazy('notifications');
  }

  /** {@link Registrations}: `audian.registrations`. */
  get registrations(): ResourceMethods<Registrations> {
    return this.#lazy('registrations');
  }

  /** {@link Channels}: `audian.channels`. */
  get channels(): ResourceMethods<Channels> {
    return this.#lazy('channels');
  }

  /** {@link Connectivity}: `audian.connectivity`. */
  get connectivity(): ResourceMethods<Connectivity> {
    return this.#lazy('connectivity');
  }

  /** {@link Queues}: `audian.queues`. */
  get queues(): ResourceMethods<Queues> {
    return this.#lazy('queues');
  }

  /** {@link Recordings}: `audian.recordings`. */
  get recordings(): ResourceMethods<Recordings> {
    return this.#lazy('recordings');
  }

  /** {@link SmsMessages}: `audian.sms`. */
  get sms(): ResourceMethods<SmsMessages> {
    return this.#lazy('sms');
  }

  /** {@link Limits}: `audian.limits`. */
  get limits(): ResourceMethods<Limits> {
    return this.#lazy('limits');
  }

  /** {@link Metaflows}: `audian.metaflows`. */
  get metaflows(): ResourceMethods<Metaflows> {
    return this.#lazy('metaflows');
  }

  /** {@link ClickToCall}: `audian.clicktocall`. */
  get clicktocall(): ResourceMethods<ClickToCall> {
    return this.#lazy('clicktocall');
  }

  /** {@link Search}: `audian.search`. */
  get search(): ResourceMethods<Search> {
    return this.#lazy('search');
  }

  /** {@link TokenRestrictions}: `audian.token_restrictions`. */
  get token_restrictions(): ResourceMethods<TokenRestrictions> {
    return this.#lazy('token_restrictions');
  }

  /** {@link Security}: `audian.security`. */
  get security(): ResourceMethods<Security> {
    return this.#lazy('security');
  }

  /** {@link Services}: `audian.services`. */
  get services(): ResourceMethods<Services> {
    return this.#lazy('services');
  }

  /** {@link Transactions}: `audian.transactions`. */
  get transactions(): ResourceMethods<Transactions> {
    return this.#lazy('transactions');
  }

  /** {@link Ledgers}: `audian.ledgers`. */
  get ledgers(): ResourceMethods<Ledgers> {
    return this.#lazy('ledgers');
  }

  /** {@link AccountAllotments}: `audian.allotments`. */
  get allotments(): ResourceMethods<AccountAllotments> {
    return this.#lazy('allotments');
  }

  /** {@link Rates}: `audian.rates`. */
  get rates(): ResourceMethods<Rates> {
    return this.#lazy('rates');
  }

  /** {@link MultiFactor}: `audian.multi_factor`. */
  get multi_factor(): ResourceMethods<MultiFactor> {
    return this.#lazy('multi_factor');
  }

  /** {@link Agents}: `audian.agents`. */
  get agents(): ResourceMethods<Agents> {
    return this.#lazy('agents');
  }

  /** {@link Presence}: `audian.presence`. */
  get presence(): ResourceMethods<Presence> {
    return this.#lazy('presence');
  }

  /** {@link Hotdesks}: `audian.hotdesks`. */
  get hotdesks(): ResourceMethods<Hotdesks> {
    return this.#lazy('hotdesks');
  }

  /** {@link ParkedCalls}: `audian.parked_calls`. */
  get parked_calls(): ResourceMethods<ParkedCalls> {
    return this.#lazy('parked_calls');
  }

  /** {@link CallInspector}: `audian.call_inspector`. */
  get call_inspector(): ResourceMethods<CallInspector> {
    return this.#lazy('call_inspector');
  }

  /** {@link Pivot}: `audian.pivot`. */
  get pivot(): ResourceMethods<Pivot> {
    return this.#lazy('pivot');
  }

  /** {@link AcdcCallStats}: `audian.acdc_call_stats`. */
  get acdc_call_stats(): ResourceMethods<AcdcCallStats> {
    return this.#lazy('acdc_call_stats');
  }

  /** {@link Quickcall}: `audian.quickcall`. */
  get quickcall(): ResourceMethods<Quickcall> {
    return this.#lazy('quickcall');
  }

  /** {@link About}: `audian.about`. */
  get about(): ResourceMethods<About> {
    return this.#lazy('about');
  }

  /** {@link Acls}: `audian.acls`. */
  get acls(): ResourceMethods<Acls> {
    return this.#lazy('acls');
  }

  /** {@link PortRequests}: `audian.port_requests`. */
  get port_requests(): ResourceMethods<PortRequests> {
    return this.#lazy('port_requests');
  }

  /** {@link WhitelabelSettings}: `audian.whitelabel`. */
  get whitelabel(): ResourceMethods<WhitelabelSettings> {
    return this.#lazy('whitelabel');
  }

  /** {@link AppsStore}: `audian.apps_store`. */
  get apps_store(): ResourceMethods<AppsStore> {
    return this.#lazy('apps_store');
  }

  /** {@link Comments}: `audian.comments`. */
  get comments(): ResourceMethods<Comments> {
    return this.#lazy('comments');
  }

  /** {@link Alerts}: `audian.alerts`. */
  get alerts(): ResourceMethods<Alerts> {
    return this.#lazy('alerts');
  }

  /** {@link Tasks}: `audian.tasks`. */
  get tasks(): ResourceMethods<Tasks> {
    return this.#lazy('tasks');
  }

  /** {@link StorageSettings}: `audian.storage`. */
  get storage(): ResourceMethods<StorageSettings> {
    return this.#lazy('storage');
  }

  /** {@link ContactList}: `audian.contact_list`. */
  get contact_list(): ResourceMethods<ContactList> {
    return this.#lazy('contact_list');
  }

  /** {@link Configs}: `audian.configs`. */
  get configs(): ResourceMethods<Configs> {
    return this.#lazy('configs');
  }

  /** {@link Websockets}: `audian.websockets`. */
  get websockets(): ResourceMethods<Websockets> {
    return this.#lazy('websockets');
  }

  /** {@link MmsMessages}: `audian.mms`. */
  get mms(): ResourceMethods<MmsMessages> {
    return this.#lazy('mms');
  }

  /** {@link Cccps}: `audian.cccps`. */
  get cccps(): ResourceMethods<Cccps> {
    return this.#lazy('cccps');
  }

  /** {@link Bulk}: `audian.bulk`. */
  get bulk(): ResourceMethods<Bulk> {
    return this.#lazy('bulk');
  }

  /** {@link AttachmentHandlerErrors}: `audian.att_handlers_errors`. */
  get att_handlers_errors(): ResourceMethods<AttachmentHandlerErrors> {
    return this.#lazy('att_handlers_errors');
  }

  /** {@link Onboard}: `audian.onboard`. */
  get onboard(): ResourceMethods<Onboard> {
    return this.#lazy('onboard');
  }

  /** {@link AppsLink}: `audian.apps_link`. */
  get apps_link(): ResourceMethods<AppsLink> {
    return this.#lazy('apps_link');
  }

  /** {@link Resources}: `audian.resources`. */
  get resources(): ResourceMethods<Resources> {
    return this.#lazy('resources');
  }

  /** {@link ResourceSelectors}: `audian.resource_selectors`. */
  get resource_selectors(): ResourceMethods<ResourceSelectors> {
    return this.#lazy('resource_selectors');
  }

  /** {@link ResourceTemplates}: `audian.resource_templates`. */
  get resource_templates(): ResourceMethods<ResourceTemplates> {
    return this.#lazy('resource_templates');
  }

  /** {@link Dialplans}: `audian.dialplans`. */
  get dialplans(): ResourceMethods<Dialplans> {
    return this.#lazy('dialplans');
  }

  /** {@link LocalProvisionerTemplates}: `audian.local_provisioner_templates`. */
  get local_provisioner_templates(): ResourceMethods<LocalProvisionerTemplates> {
    return this.#lazy('local_provisioner_templates');
  }

  /** {@link AccessLists}: `audian.access_lists`. */
  get access_lists(): ResourceMethods<AccessLists> {
    return this.#lazy('access_lists');
  }

  /** {@link RateLimits}: `audian.rate_limits`. */
  get rate_limits(): ResourceMethods<RateLimits> {
    return this.#lazy('rate_limits');
  }

  /** {@link Functions}: `audian.functions`. */
  get functions(): ResourceMethods<Functions> {
    return this.#lazy('functions');
  }

  /** {@link Ips}: `audian.ips`. */
  get ips(): ResourceMethods<Ips> {
    return this.#lazy('ips');
  }

  /** Logs in when needed and says who the client is (never the token). */
  async session(): Promise<SessionInfo> {
    const { token: _token, ...info } = await this.transport.session();
    return { accountId: info.accountId, ...info };
  }

  /**
   * The same client acting on another account the login may reach (a sub-account, for resellers).
   *
   * @throws InvalidArgumentError when the id is empty
   */
  account(accountId: string): Audian {
    if (typeof accountId !== 'string' || accountId.trim() === '')
      throw new InvalidArgumentError('accountId', 'accountId must be a non-empty string');
    return new Audian(this.transport, accountId, this.#eventsUrl);
  }

  /** The raw escape hatch: any Crossbar request, `{account_id}` filled in (see `@audian/core`'s `RequestParams`). */
  request<T = unknown>(params: RequestParams): Promise<ApiResponse<T>> {
    return this.transport.request<T>({ accountId: this.accountId, ...params });
  }

  /** The raw escape hatch for binary and CSV answers. */
  download(params: RequestParams): Promise<BinaryResponse> {
    return this.transport.download({ accountId: this.accountId, ...params });
  }

  /** Ends the session on the server (best effort) and forgets the token. */
  logout(): Promise<void> {
    return this.transport.logout();
  }

  /** What `JSON.stringify` shows: the account and the transport's safe settings, never a secret. */
  toJSON(): Record<string, unknown> {
    return { accountId: this.accountId, transport: this.transport.toJSON() };
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `Audian { baseUrl: '${this.transport.baseUrl}', accountId: ${this.accountId ? `'${this.accountId}'` : 'session'} }`;
  }
}

/**
 * Creates an Audian client. Nothing is sent until the first call; the login happens then (once,
 * however many calls are in flight). With no options it reads `AUDIAN_API_KEY`,
 * `AUDIAN_BASE_URL` and `AUDIAN_ACCOUNT_ID` from the environment (in Node, Bun, Deno; a browser
 * has none); options given win over the environment.
 *
 * @throws InvalidArgumentError when there are no credentials (no `apiKey`, no `auth`, no
 *   `AUDIAN_API_KEY`), when both `apiKey` and `auth` are given, for a malformed API key, and for
 *   invalid transport options (base URL, timeout, retry, rate limit), and for an `eventsUrl` (or
 *   `AUDIAN_EVENTS_URL`) that is not a `ws://` or `wss://` URL
 *
 * @example
 * ```ts
 * import { createAudian } from '@audian/resources';
 *
 * const audian = createAudian(); // AUDIAN_API_KEY, AUDIAN_BASE_URL, AUDIAN_ACCOUNT_ID
 * const other = createAudian({ apiKey: process.env.RESELLER_KEY, baseUrl: 'https://crossbar.example.com:8443/v2/' });
 * for await (const user of audian.users.list()) console.log(user.first_name, user.last_name);
 * ```
 */
export function createAudian(options: AudianOptions = {}): Audian {
  const env = readEnvironment();
  const { apiKey: givenKey, auth: givenAuth, eventsUrl: givenEventsUrl, ...transport } = options;
  if (givenKey !== undefined && givenAuth !== undefined) {
    throw new InvalidArgumentError(
      'apiKey',
      'give either apiKey or auth, not both (apiKey is shorthand for auth: createApiKeyAuth({ apiKey }))',
    );
  }
  const apiKey = givenAuth === undefined ? (givenKey ?? env.AUDIAN_API_KEY) : undefined;
  const auth = givenAuth ?? (apiKey === undefined ? undefined : createApiKeyAuth({ apiKey }));
  if (auth === undefined) {
    throw new InvalidArgumentError(
      'apiKey',
      'createAudian() has no credentials: pass { apiKey } (or { auth } from @audian/auth: createApiKeyAuth, createUserAuth, createTokenAuth), or set AUDIAN_API_KEY',
    );
  }
  const accountId = transport.accountId ?? env.AUDIAN_ACCOUNT_ID;
  const baseUrl = transport.baseUrl ?? env.AUDIAN_BASE_URL;
  const created = createTransport({
    ...transport,
    auth,
    ...(accountId === undefined ? {} : { accountId }),
    ...(baseUrl === undefined ? {} : { baseUrl }),
  });
  return new Audian(created, accountId, eventsUrlResolver(created, givenEventsUrl, env.AUDIAN_EVENTS_URL));
}
