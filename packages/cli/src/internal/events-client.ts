import { sessionEventsUrl } from '@audian/auth';
import { InvalidArgumentError } from '@audian/core';
import { createEvents, type EventsClient, SubscriptionRefusedError } from '@audian/events';
import { resolveEventsUrl } from '@audian/resources';
import { CliError, EXIT_CODES, UsageError } from './cli-error';
import { type Connection, type ConnectOptions, connect } from './connect';
import { createDebugLogger } from './debug-logger';
import { note } from './stdout';

/** The options of the commands that listen to events. */
export interface EventsCommandOptions extends ConnectOptions {
  /** `--events-url`. */
  readonly eventsUrl?: string;
}

/** An events client on the profile's session, plus the connection it shares the session with. */
export interface EventsConnection {
  readonly events: EventsClient;
  readonly conn: Connection;
  readonly eventsUrl: string;
  /** The account to subscribe for (`--account`), else the session's. */
  readonly accountId?: string;
}

/**
 * The events websocket of a profile, by the SDK's own rule (`resolveEventsUrl` of
 * `@audian/resources`): `--events-url`, else AUDIAN_EVENTS_URL, else the URL the login answer
 * named (`ui_config.api.kazoo_websocket.url`; this logs in, or reuses the cached session, when
 * neither is given), else `ws://host:port/` for an API on this machine.
 *
 * @throws UsageError naming the flag, the variable or the login answer's field when the URL is
 *   malformed or there is none
 */
export async function profileEventsUrl(flag: string | undefined, conn: Connection, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const fromEnv = env.AUDIAN_EVENTS_URL?.trim() || undefined;
  try {
    const login = flag === undefined && fromEnv === undefined ? sessionEventsUrl(await conn.root.transport.session()) : undefined;
    return resolveEventsUrl({ given: flag, givenName: '--events-url', env: fromEnv, login, baseUrl: conn.profile.baseUrl });
  } catch (error) {
    if (error instanceof InvalidArgumentError) throw new UsageError(error.message);
    throw error;
  }
}

/**
 * Opens an events client sharing the profile's transport (one cached session, one login). A
 * reconnect is announced on standard error, since events published meanwhile are not replayed.
 *
 * @throws UsageError when no events URL can be found; NotLoggedInError without credentials
 */
export async function openEvents(options: EventsCommandOptions, env: NodeJS.ProcessEnv = process.env): Promise<EventsConnection> {
  const conn = connect(options, env);
  const eventsUrl = await profileEventsUrl(options.eventsUrl, conn, env);
  const events = createEvents({
    transport: conn.root.transport,
    eventsUrl,
    logger: createDebugLogger(options.debug === true),
    onReconnect: ({ disconnectedAt }) =>
      note(`reconnected to ${eventsUrl}; events since ${disconnectedAt.toISOString()} were not delivered`),
  });
  const accountId = conn.audian.accountId;
  return { events, conn, eventsUrl, ...(accountId ? { accountId } : {}) };
}

/** Gives a refused subscription the exit code of its cause: 2 for a binding, 3 for the token or account. */
export function eventsError(error: unknown): unknown {
  if (error instanceof SubscriptionRefusedError) {
    const code = error.reason === 'binding' ? EXIT_CODES.usage : EXIT_CODES.auth;
    return new CliError(error.message, code);
  }
  return error;
}
