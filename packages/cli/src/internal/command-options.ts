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

/**
 * The order each listing comes in: Crossbar sorts by the key of the CouchDB view behind it,
 * descending unless `ascending=true` (`crossbar_view:direction/2`). The keys are those the
 * sandbox models for each view; listings not named here are keyed by document id.
 */
const LIST_ORDER: Readonly<Record<string, string>> = {
  users: 'by last name, then first name',
  accounts: 'by name',
  vmboxes: 'by name',
  cdrs: 'by time (newest first)',
  faxes: 'by time (newest first)',
  recordings: 'by time (newest first)',
  sms: 'by time (newest first)',
  clicktocall: 'by time (newest first)',
  phone_numbers: 'by number',
  registrations: 'by username',
};

/** What `--ascending` does for resource `name`, for its help. */
export function ascendingHelp(name: string | undefined): string {
  if (name === undefined)
    return 'reverse the order: each listing is sorted descending by its own key (users by last name, CDRs by time, most by id)';
  return `reverse the order: ${name.replace(/_/g, ' ')} are listed ${LIST_ORDER[name] ?? 'by document id'}, descending unless --ascending`;
}

/** The filtering and paging flags of listings (`resource` names the order in `--ascending`'s help). */
export function addListOptions(cmd: Command, paging = true, resource?: string): Command {
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
    .option('--ascending', ascendingHelp(resource))
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
