import { createEvents, type EventsClient, SubscriptionRefusedError } from '@audian/events';
import { CliError, EXIT_CODES } from './cli-error';
import { type Connection, type ConnectOptions, connect } from './connect';
import { createDebugLogger } from './debug-logger';
import { resolveEventsUrl } from './events-url';
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
 * Opens an events client sharing the profile's transport (one cached session, one login). A
 * reconnect is announced on standard error, since events published meanwhile are not replayed.
 *
 * @throws UsageError when no events URL can be found; NotLoggedInError without credentials
 */
export function openEvents(options: EventsCommandOptions, env: NodeJS.ProcessEnv = process.env): EventsConnection {
  const conn = connect(options, env);
  const eventsUrl = resolveEventsUrl(options.eventsUrl, conn.profile.baseUrl, env);
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
