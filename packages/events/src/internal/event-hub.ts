import {
  type AuthSession,
  ConnectionError,
  InvalidArgumentError,
  type Logger,
  RateLimitError,
  type SecretRegistry,
  ServerError,
  TimeoutError,
} from '@audian/core';
import { EventsConnectionError } from '../events-connection-error';
import type { ReconnectInfo } from '../events-options';
import type { EventMessage } from '../kazoo-event';
import { SubscriptionRefusedError } from '../subscription-refused-error';
import { mentionsAccount } from './account-match';
import type { Consumer } from './consumer';
import { reconnectDelay } from './reconnect-delay';
import { SocketConnection, type SocketOptions, unref } from './socket-connection';
import { type Entry, SubscriptionRegistry } from './subscription-registry';
import { type CommandMessage, type ReplyMessage, refusalKind, replyErrors } from './wire';

/** Never refresh the token more often than this, whatever its expiry says. */
const MIN_REFRESH_DELAY = 1000;

export interface HubOptions extends Pick<SocketOptions, 'url' | 'safeUrl' | 'WebSocket' | 'reconnect' | 'ping'> {
  readonly session: () => Promise<AuthSession>;
  readonly accountId: string | undefined;
  readonly logger: Logger;
  readonly secrets: SecretRegistry;
  readonly refreshMarginMs: number;
  readonly onReconnect: ((info: ReconnectInfo) => void) | undefined;
}

/**
 * The machinery behind a client: one socket, the reference-counted bindings on it, the session
 * whose token the commands carry, and what to do with each reply and event.
 */
export class EventHub {
  readonly #options: HubOptions;
  readonly #registry = new SubscriptionRegistry();
  readonly #socket: SocketConnection;
  /** Subscribe requests awaiting their reply, by request id. */
  readonly #pending = new Map<string, Entry>();
  #session: AuthSession | undefined;
  #refreshTimer: ReturnType<typeof setTimeout> | undefined;
  #closed = false;
  #counter = 0;

  constructor(options: HubOptions) {
    this.#options = options;
    this.#socket = new SocketConnection({
      url: options.url,
      safeUrl: options.safeUrl,
      WebSocket: options.WebSocket,
      reconnect: options.reconnect,
      ping: options.ping,
      logger: options.logger,
      newId: () => this.#newId(),
      hooks: {
        prepare: () => this.#prepare(),
        opened: (attempts, downSince) => this.#opened(attempts, downSince),
        message: (message) => (message.action === 'reply' ? this.#reply(message) : this.#event(message)),
        lost: () => this.#lost(),
        gaveUp: (error) => this.#failAll(error),
        ping: (requestId) => ({ action: 'ping', auth_token: this.#session?.token ?? '', request_id: requestId }),
      },
    });
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** Starts a consumer on these bindings; the socket opens if it was not. */
  add(consumer: Consumer, bindings: readonly string[], accountId: string | undefined): void {
    const { created, entries } = this.#registry.add(consumer, bindings, accountId ?? this.#options.accountId);
    consumer.expect(entries.map((entry) => entry.key));
    for (const entry of entries) if (entry.state === 'active' && !created.includes(entry)) consumer.accepted(entry.key);
    if (this.#socket.isOpen) for (const entry of created) this.#subscribe(entry);
    this.#socket.start();
  }

  /** Stops a consumer: bindings nobody else uses are unsubscribed, and the socket closes when none are left. */
  remove(consumer: Consumer): void {
    for (const entry of this.#registry.remove(consumer)) {
      if (entry.requestId) this.#pending.delete(entry.requestId);
      const accountId = this.#accountFor(entry);
      if (accountId && this.#session)
        this.#send({ action: 'unsubscribe', ...this.#auth(), data: { account_id: accountId, binding: entry.binding } });
    }
    if (this.#registry.size === 0) this.#idle();
  }

  /** Ends every consumer and closes the socket for good. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const consumer of this.#registry.consumers()) {
      this.#registry.remove(consumer);
      consumer.end();
    }
    this.#idle();
  }

  #idle(): void {
    clearTimeout(this.#refreshTimer);
    this.#pending.clear();
    this.#socket.stop();
  }

  async #prepare(): Promise<boolean> {
    if (this.#registry.size === 0) return false;
    try {
      this.#useSession(await this.#options.session());
      return true;
    } catch (error) {
      if (isTransient(error)) throw error;
      this.#options.logger.error(`events: no session for the events socket (${(error as Error).name})`);
      this.#failAll(new EventsConnectionError('could not get a session for the events socket', { cause: error }));
      return false;
    }
  }

  #opened(attempts: number, downSince: Date | undefined): void {
    for (const entry of this.#registry.entries()) this.#subscribe(entry);
    if (downSince) {
      const info: ReconnectInfo = { disconnectedAt: downSince, reconnectedAt: new Date(), attempts };
      this.#options.logger.info(
        `events: reconnected after ${info.reconnectedAt.getTime() - downSince.getTime()} ms; events published meanwhile are not replayed`,
      );
      try {
        this.#options.onReconnect?.(info);
      } catch (error) {
        this.#options.logger.error(`events: onReconnect threw: ${this.#scrub(String((error as Error)?.message ?? error))}`);
      }
    }
  }

  #lost(): void {
    this.#pending.clear();
    clearTimeout(this.#refreshTimer);
    for (const entry of this.#registry.entries()) {
      entry.state = 'pending';
      entry.requestId = undefined;
    }
  }

  #subscribe(entry: Entry): void {
    const accountId = this.#accountFor(entry);
    if (!accountId) {
      this.#refuse(entry, new InvalidArgumentError('accountId', 'no account to subscribe for: pass accountId (the session names none)'));
      return;
    }
    const requestId = this.#newId();
    entry.requestId = requestId;
    entry.state = 'pending';
    this.#pending.set(requestId, entry);
    this.#send({ action: 'subscribe', ...this.#auth(), request_id: requestId, data: { account_id: accountId, binding: entry.binding } });
  }

  #reply(reply: ReplyMessage): void {
    const entry = this.#pending.get(reply.request_id);
    if (!entry) return;
    this.#pending.delete(reply.request_id);
    if (!this.#registry.has(entry) || entry.requestId !== reply.request_id) return;
    if (reply.status === 'success') {
      entry.state = 'active';
      entry.tokenRetried = false;
      for (const consumer of entry.consumers) consumer.accepted(entry.key);
      return;
    }
    const errors = replyErrors(reply).map((text) => this.#scrub(text));
    const kind = refusalKind(errors);
    if (kind === 'rate_limit') {
      const delay = reconnectDelay(2, this.#options.reconnect ? this.#options.reconnect.minDelayMs : 500, 30_000);
      this.#options.logger.warn(`events: blackhole rate-limited "${entry.binding}": subscribing again in ${delay} ms`);
      unref(
        setTimeout(() => {
          if (this.#registry.has(entry) && this.#socket.isOpen) this.#subscribe(entry);
        }, delay),
      );
      return;
    }
    if (kind === 'token' && !entry.tokenRetried) {
      entry.tokenRetried = true;
      void this.#retryWithFreshToken(entry, errors);
      return;
    }
    this.#refuse(
      entry,
      new SubscriptionRefusedError({
        reason: kind,
        binding: entry.binding,
        accountId: this.#accountFor(entry) ?? '',
        serverErrors: errors,
      }),
    );
  }

  /**
   * The server refused the token: ask the strategy once more (its single-flight login runs if the
   * token is near expiry) and send the subscribe again if that gives another token.
   */
  async #retryWithFreshToken(entry: Entry, errors: string[]): Promise<void> {
    const rejected = this.#session?.token;
    try {
      this.#useSession(await this.#options.session());
    } catch (error) {
      this.#options.logger.warn(`events: renewing the session failed (${(error as Error).name})`);
    }
    if (!this.#registry.has(entry)) return;
    if (this.#session && this.#session.token !== rejected) {
      this.#options.logger.info(`events: token refused; subscribing "${entry.binding}" again with a new one`);
      if (this.#socket.isOpen) this.#subscribe(entry);
      return;
    }
    this.#refuse(
      entry,
      new SubscriptionRefusedError({
        reason: 'token',
        binding: entry.binding,
        accountId: this.#accountFor(entry) ?? '',
        serverErrors: errors,
      }),
    );
  }

  #refuse(entry: Entry, error: Error): void {
    this.#options.logger.error(`events: ${this.#scrub(error.message)}`);
    for (const consumer of this.#registry.drop(entry)) {
      this.remove(consumer);
      consumer.fail(error);
    }
  }

  #event(event: EventMessage): void {
    let entries = this.#registry.withBinding(event.subscribed_key);
    if (entries.length > 1) {
      // The same binding on several accounts: the subscription key names the account.
      const mine = entries.filter((entry) => {
        const accountId = this.#accountFor(entry);
        return (
          accountId !== undefined && (mentionsAccount(event.subscription_key, accountId) || mentionsAccount(event.routing_key, accountId))
        );
      });
      if (mine.length > 0) entries = mine;
    }
    const consumers = new Set<Consumer>();
    for (const entry of entries) for (const consumer of entry.consumers) consumers.add(consumer);
    for (const consumer of consumers) consumer.deliver(event);
  }

  #failAll(error: Error): void {
    for (const consumer of this.#registry.consumers()) {
      this.#registry.remove(consumer);
      consumer.fail(error);
    }
    this.#idle();
  }

  #useSession(session: AuthSession): void {
    this.#options.secrets.add(session.token);
    this.#session = session;
    this.#scheduleRefresh(session);
  }

  /**
   * Asks the strategy for a session shortly before the token's `exp`: a login strategy logs in
   * again (single-flight, shared with REST calls) and every binding is subscribed again with the
   * new token. The server keeps a socket authenticated once it accepted a token
   * (`bh_context:is_authenticated/1`) and ignores bindings it already has
   * (`bh_events:add_event_bindings_fold/2`), so this sends no duplicate events; it keeps the
   * session's token current for the commands that follow.
   */
  #scheduleRefresh(session: AuthSession): void {
    clearTimeout(this.#refreshTimer);
    if (!session.expiresAt) return;
    const remaining = session.expiresAt.getTime() - Date.now();
    const early = remaining - this.#options.refreshMarginMs;
    const delay = early > 0 ? early : Math.max(MIN_REFRESH_DELAY, remaining / 2);
    if (delay >= remaining) return;
    this.#refreshTimer = setTimeout(() => void this.#refresh(), delay);
    unref(this.#refreshTimer);
  }

  async #refresh(): Promise<void> {
    const previous = this.#session?.token;
    try {
      this.#useSession(await this.#options.session());
    } catch (error) {
      this.#options.logger.warn(`events: renewing the session failed (${(error as Error).name}); the socket keeps its token`);
      return;
    }
    if (this.#session?.token === previous || !this.#socket.isOpen) return;
    this.#options.logger.info('events: token renewed; subscribing again with it');
    for (const entry of this.#registry.entries()) this.#subscribe(entry);
  }

  #accountFor(entry: Entry): string | undefined {
    return entry.accountId ?? this.#session?.accountId;
  }

  #auth(): { auth_token: string; request_id: string } {
    return { auth_token: this.#session?.token ?? '', request_id: this.#newId() };
  }

  #send(message: CommandMessage): void {
    this.#socket.send(message);
  }

  #scrub(text: string): string {
    return this.#options.secrets.scrub(text);
  }

  #newId(): string {
    const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
    return c?.randomUUID ? c.randomUUID() : `${Date.now().toString(16)}-${(++this.#counter).toString(16)}`;
  }
}

/** Failures worth another attempt later: the API was unreachable, slow, overloaded or rate-limiting. */
function isTransient(error: unknown): boolean {
  return (
    error instanceof ConnectionError || error instanceof TimeoutError || error instanceof ServerError || error instanceof RateLimitError
  );
}
