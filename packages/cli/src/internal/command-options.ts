import { type Command, InvalidArgumentError, Option } from 'commander';
import { collect } from './body';
import { OUTPUT_FORMATS } from './output';

/** Commander parser for a positive integer option value. */
export function positiveInt(name: string): (value: string) => number {
  return (value) => {
    if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError(`${name} must be a positive integer`);
    return Number(value);
  };
}

/** `--account ID`: act on another account the login may reach. */
export function addAccountOption(cmd: Command): Command {
  return cmd.option('--account <id>', 'act on this account instead of the login’s own (env: AUDIAN_ACCOUNT_ID)');
}

/** `--output`, `--fields` and `--jmespath`. */
export function addOutputOptions(cmd: Command): Command {
  return cmd
    .addOption(
      new Option('-o, --output <format>', 'output format (default: table on a terminal, json when piped)').choices([...OUTPUT_FORMATS]),
    )
    .option('--fields <list>', 'comma-separated fields (dot paths) to show, e.g. id,name,caller_id.internal.number')
    .option('--jmespath <expression>', "a JMESPath query applied to the result before printing, e.g. '[?priv_level==`admin`].email'");
}

/** `--data` and repeatable `--set`. */
export function addBodyOptions(cmd: Command): Command {
  return cmd
    .option('-d, --data <json>', 'the body: inline JSON, @file.json, or - for standard input')
    .option('--set <key=value>', 'set a field (dot path) on the body; the value is parsed as JSON when it parses (repeatable)', collect);
}

/** `--accept-charges`. */
export function addChargesOption(cmd: Command): Command {
  return cmd.option('--accept-charges', 'accept service-plan charges the change incurs (answers a 402)');
}

/** The filtering and paging flags of listings. */
export function addListOptions(cmd: Command, paging = true): Command {
  cmd
    .option(
      '-f, --filter <key=value>',
      'keep items whose field equals value; key!=value excludes; key=["a","b"] matches any (repeatable)',
      collect,
    )
    .option('--has <key>', 'keep items that have this field')
    .option('--missing <key>', 'keep items that lack this field')
    .option('--created-from <date>', 'created at or after this ISO date')
    .option('--created-to <date>', 'created at or before this ISO date')
    .option('--modified-from <date>', 'modified at or after this ISO date')
    .option('--modified-to <date>', 'modified at or before this ISO date')
    .option('--ascending', 'oldest first (Crossbar lists newest first)')
    .option('--page-size <n>', 'items per request', positiveInt('--page-size'));
  if (paging) {
    cmd.option('--all', 'fetch every page').option('--limit <n>', 'stop after n items (fetching pages as needed)', positiveInt('--limit'));
  }
  return cmd;
}

/** `--out FILE` for binary answers. */
export function addOutFileOption(cmd: Command): Command {
  return cmd.option('--out <file>', 'write the answer to this file instead of standard output');
}
