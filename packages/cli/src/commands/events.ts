import type { Binding, KazooEvent } from '@audian/events';
import { Command, Option } from 'commander';
import { setActivity } from '../internal/activity';
import { addAccountOption } from '../internal/command-options';
import { type EventsCommandOptions, eventsError, openEvents } from '../internal/events-client';
import { eventAccount, eventSummary } from '../internal/events-webhook';
import { interruption } from '../internal/interrupt';
import { write } from '../internal/stdout';

/** What `events tail` subscribes to without `--binding`: every document write and every call event. */
export const DEFAULT_BINDINGS: readonly Binding[] = ['object.*.*', 'call.*.*'];

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** One line of `events tail -o table`: time received, event name, account, what it is about. */
function tableLine(event: KazooEvent): string {
  return [new Date().toISOString(), event.name.padEnd(15), eventAccount(event), eventSummary(event)].join('  ');
}

/**
 * Prints every event of the bindings until Ctrl-C (which ends it with exit 0) or until the server
 * refuses a binding or the token.
 */
async function tail(options: EventsCommandOptions & { binding?: string[]; output?: 'table' | 'ndjson' }): Promise<void> {
  const bindings = (options.binding?.length ? options.binding : DEFAULT_BINDINGS) as Binding[];
  const { events, eventsUrl, accountId } = await openEvents(options);
  setActivity(`listening on ${eventsUrl}`);
  const subscription = events.subscribe(bindings, { signal: interruption.signal, ...(accountId ? { accountId } : {}) });
  try {
    await subscription.ready;
    process.stderr.write(`ready: ${bindings.join(', ')} on ${eventsUrl} (Ctrl-C to stop)\n`);
    for await (const event of subscription) {
      await write(`${options.output === 'ndjson' ? JSON.stringify(event) : tableLine(event as KazooEvent)}\n`);
    }
  } catch (error) {
    if (interruption.signal.aborted) return;
    throw eventsError(error);
  } finally {
    events.close();
  }
}

/** `audian events`: live events from the API's websocket. */
export function eventsCommand(): Command {
  const cmd = new Command('events').description('watch live events (calls, document changes) from the API’s websocket');
  const tailCmd = addAccountOption(new Command('tail'))
    .description('print live events, one a line, until Ctrl-C')
    .option('-b, --binding <binding>', `a binding to subscribe to, repeatable (default: ${DEFAULT_BINDINGS.join(', ')})`, collect)
    .addOption(
      new Option('-o, --output <format>', 'table: time, name, account, summary; ndjson: each event as received')
        .choices(['table', 'ndjson'])
        .default('table'),
    )
    .option(
      '--events-url <url>',
      'the websocket, ws:// or wss:// (env: AUDIAN_EVENTS_URL; else the one the login answer names; derived for a local sandbox)',
    )
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  audian events tail',
        '  audian events tail --binding object.doc_created.user -o ndjson',
        "  audian events tail --binding 'call.CHANNEL_CREATE.*' --binding 'call.CHANNEL_DESTROY.*'",
        '  audian events tail --events-url wss://api.example.com:5555/',
      ].join('\n'),
    )
    .action(async (_options: unknown, command: Command) => {
      await tail(command.optsWithGlobals());
    });
  return cmd.addCommand(tailCmd);
}
