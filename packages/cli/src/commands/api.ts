import { toListQuery } from '@audian/core';
import { Command } from 'commander';
import { setActivity } from '../internal/activity';
import { buildBody, collect, splitAssignment } from '../internal/body';
import { UsageError } from '../internal/cli-error';
import { addAccountOption, addBodyOptions, addChargesOption, addListOptions, addOutputOptions } from '../internal/command-options';
import { type ConnectOptions, connect } from '../internal/connect';
import { isDoc } from '../internal/fields';
import { interruption } from '../internal/interrupt';
import { type ListFlags, toListParams } from '../internal/list-options';
import { printValue } from '../internal/output';
import { type OutputFlags, outputOptions, printList } from '../internal/present';
import { write } from '../internal/stdout';

const METHODS = ['GET', 'PUT', 'POST', 'PATCH', 'DELETE', 'HEAD'] as const;

type ApiFlags = ConnectOptions &
  ListFlags &
  OutputFlags & {
    readonly data?: string;
    readonly set?: string[];
    readonly query?: string[];
    readonly paginate?: boolean;
    readonly raw?: boolean;
    readonly acceptCharges?: boolean;
  };

/** `audian api METHOD PATH`: any Crossbar request, for what the resource commands do not cover. */
export function apiCommand(): Command {
  const cmd = new Command('api')
    .description('send any request to the API: the unwrapped data is printed (the whole envelope with --raw)')
    .argument('<method>', `HTTP method: ${METHODS.join(', ')}`)
    .argument('<path>', 'path under the API root, e.g. accounts/{account_id}/callflows ({account_id} is filled in)')
    .option('--query <key=value>', 'a query parameter (repeatable)', collect)
    .option('--paginate', 'follow next_start_key and print every item of every page (GET listings)')
    .option('--raw', 'print the whole response envelope (auth_token removed) as it came');
  addOutputOptions(addChargesOption(addBodyOptions(addAccountOption(cmd))));
  addListOptions(cmd, false);
  return cmd
    .addHelpText(
      'after',
      `
Examples:
  audian api GET 'accounts/{account_id}/callflows' --query paginate=false
  audian api PUT 'accounts/{account_id}/callflows' --data @callflow.json
  audian api GET 'accounts/{account_id}/cdrs' --paginate --created-from 2026-01-01 --output ndjson
  audian api GET 'accounts/{account_id}' --raw`,
    )
    .action(async (methodArg: string, pathArg: string, _options: unknown, command: Command) => {
      const flags = command.optsWithGlobals() as ApiFlags;
      const method = methodArg.toUpperCase();
      if (!(METHODS as readonly string[]).includes(method))
        throw new UsageError(`unknown method ${JSON.stringify(methodArg)} (use ${METHODS.join(', ')})`);
      if (flags.raw && flags.paginate) throw new UsageError('--raw and --paginate cannot be used together');
      const path = pathArg.replace(/^\/+/, '').replace(/^v2\//, '');
      if (path === '') throw new UsageError('the path is empty');
      const output = outputOptions(flags);
      const query: Record<string, string> = {};
      for (const pair of flags.query ?? []) {
        const [key, value] = splitAssignment('--query', pair);
        query[key] = value;
      }
      const hasBody = flags.data !== undefined || (flags.set?.length ?? 0) > 0;
      const data = hasBody ? await buildBody(flags) : undefined;
      const list = toListParams(flags);
      const conn = connect(flags);
      const params = {
        method: method as (typeof METHODS)[number],
        path,
        query: { ...query },
        ...(data !== undefined ? { data } : {}),
        ...(flags.acceptCharges ? { acceptCharges: true } : {}),
        signal: interruption.signal,
      };
      setActivity(`${method} ${path}`);
      if (flags.paginate) {
        await printList(conn.audian.transport.paginate({ ...params, accountId: conn.audian.accountId }, { list }), { ...flags, all: true });
        return;
      }
      const fullQuery = { ...toListQuery(list), ...query };
      if (flags.raw) {
        const response = await conn.audian.download({ ...params, query: fullQuery, accept: 'json' });
        const text = await response.text();
        let envelope: unknown;
        try {
          envelope = JSON.parse(text);
        } catch {
          await write(text);
          return;
        }
        if (isDoc(envelope)) delete envelope.auth_token;
        await printValue(envelope, output);
        return;
      }
      const response = await conn.audian.request({ ...params, query: fullQuery });
      await printValue(response.data, output);
    });
}
