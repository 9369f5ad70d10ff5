import { type Binding, CALL_EVENT_NAMES, type KazooEvent } from '@audian/events';
import { Command } from 'commander';
import { version } from '../../package.json';
import { setActivity } from '../internal/activity';
import { UsageError } from '../internal/cli-error';
import { addAccountOption } from '../internal/command-options';
import { type EventsCommandOptions, eventsError, openEvents } from '../internal/events-client';
import { eventSummary, webhookPayload } from '../internal/events-webhook';
import { interruption } from '../internal/interrupt';
import { write } from '../internal/stdout';

const DOCUMENT_ACTIONS = ['doc_created', 'doc_edited', 'doc_deleted'] as const;
const DELIVERY_TIMEOUT_MS = 10_000;

/** The bindings for `--events`: document actions and call event names, as KAZOO's webhooks name them. */
export function listenBindings(list: string | undefined): Binding[] {
  if (list === undefined) return ['object.*.*', 'call.*.*'];
  const known = [...DOCUMENT_ACTIONS, ...CALL_EVENT_NAMES.map((n) => n.toLowerCase())];
  const names = list
    .split(',')
    .map((n) => n.trim().toLowerCase())
    .filter(Boolean);
  if (names.length === 0) throw new UsageError('--events: give at least one event name');
  return [...new Set(names)].map((name): Binding => {
    if ((DOCUMENT_ACTIONS as readonly string[]).includes(name)) return `object.${name as (typeof DOCUMENT_ACTIONS)[number]}.*`;
    if (known.includes(name)) return `call.${name.toUpperCase() as (typeof CALL_EVENT_NAMES)[number]}.*`;
    throw new UsageError(`--events: unknown event ${JSON.stringify(name)} (one of ${known.join(', ')})`);
  });
}

function forwardUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--forward-to: ${JSON.stringify(value)} is not a URL (e.g. http://localhost:3000/hook)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new UsageError(`--forward-to: ${JSON.stringify(value)} must be http:// or https://`);
  return url;
}

/** POSTs one event and says how it went; a failed delivery is reported, never fatal. */
async function deliver(event: KazooEvent, url: URL): Promise<string> {
  const what = `${event.name} ${eventSummary(event)}`;
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': `audian-cli/${version}` },
      body: JSON.stringify(webhookPayload(event)),
      signal: AbortSignal.any([interruption.signal, AbortSignal.timeout(DELIVERY_TIMEOUT_MS)]),
    });
    await response.body?.cancel();
    return `${new Date().toISOString()}  ${what}  -> POST ${url.href} [${response.status}]`;
  } catch (error) {
    if (interruption.signal.aborted) throw error;
    const reason = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
    return `${new Date().toISOString()}  ${what}  -> POST ${url.href} failed: ${reason}`;
  }
}

/** `audian listen`: forwards live events to a local URL as webhook POSTs. */
export function listenCommand(): Command {
  return addAccountOption(new Command('listen'))
    .description('forward live events to a local URL as webhook POSTs, until Ctrl-C')
    .requiredOption('--forward-to <url>', 'where to POST each event, e.g. http://localhost:3000/hook')
    .option('--events <list>', `comma-separated: ${DOCUMENT_ACTIONS.join(', ')}, channel_create, channel_destroy, … (default: all)`)
    .option(
      '--events-url <url>',
      'the websocket, ws:// or wss:// (env: AUDIAN_EVENTS_URL; else the one the login answer names; derived for a local sandbox)',
    )
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  audian listen --forward-to http://localhost:3000/hook',
        '  audian listen --forward-to http://localhost:3000/hook --events doc_created,doc_deleted',
        '  audian listen --forward-to http://localhost:3000/calls --events channel_create,channel_destroy',
      ].join('\n'),
    )
    .action(async (_options: unknown, command: Command) => {
      const options = command.optsWithGlobals() as EventsCommandOptions & { forwardTo: string; events?: string };
      const url = forwardUrl(options.forwardTo);
      const bindings = listenBindings(options.events);
      const { events, eventsUrl, accountId } = await openEvents(options);
      setActivity(`listening on ${eventsUrl}`);
      const subscription = events.subscribe(bindings, { signal: interruption.signal, ...(accountId ? { accountId } : {}) });
      try {
        await subscription.ready;
        process.stderr.write(`ready: forwarding ${bindings.join(', ')} to ${url.href} (Ctrl-C to stop)\n`);
        for await (const event of subscription) {
          await write(`${await deliver(event as KazooEvent, url)}\n`);
        }
      } catch (error) {
        if (interruption.signal.aborted) return;
        throw eventsError(error);
      } finally {
        events.close();
      }
    });
}
