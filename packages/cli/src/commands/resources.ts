import { readFileSync } from 'node:fs';
import { NotFoundError, redactSecrets } from '@audian/core';
import { Command, Option } from 'commander';
import { setActivity } from '../internal/activity';
import { buildBody, collect, parseLooseValue, splitAssignment } from '../internal/body';
import { type ArgToken, argumentSyntax, positionalsOf, reads } from '../internal/call-args';
import { CliError, EXIT_CODES, UsageError } from '../internal/cli-error';
import { coerceForResource } from '../internal/coerce';
import {
  addAccountOption,
  addBodyOptions,
  addChargesOption,
  addListOptions,
  addOutFileOption,
  addOutputOptions,
} from '../internal/command-options';
import { confirmAction } from '../internal/confirm-action';
import { type ConnectOptions, connect } from '../internal/connect';
import { contentTypeOf } from '../internal/content-type';
import type { DomainVerb } from '../internal/domain-verbs';
import { fileError } from '../internal/file-error';
import { createDryRunClient } from '../internal/import/dry-run';
import { type ListFlags, toListParams } from '../internal/list-options';
import { OUTPUT_FORMATS, printValue } from '../internal/output';
import { isPagePromise, type OutputFlags, outputOptions, present, printList } from '../internal/present';
import { callOptions, invoke, type ResourceObject, resourceClasses, resourceName, resourceOf } from '../internal/resource-class';
import { singular } from '../internal/resource-schemas';
import { type CrudCommand, type CrudVerb, commandNames, type ResourceSpec, specOf, specsOf } from '../internal/resource-spec';
import { note } from '../internal/stdout';
import type { ResourceStub } from '../program';

/** Every flag a resource sub-command may have. */
type Flags = ConnectOptions &
  ListFlags &
  OutputFlags & {
    readonly data?: string;
    readonly set?: string[];
    readonly query?: string[];
    readonly acceptCharges?: boolean;
    readonly yes?: boolean;
    readonly contentType?: string;
    readonly dryRun?: boolean;
  };

const CRUD_HELP: Readonly<Record<CrudCommand, string>> = {
  list: 'list them (first page; --all for every page, --limit N)',
  get: 'fetch one',
  create: 'create one from --data and/or --set (PUT)',
  update: 'replace it (POST): --data is the whole document; --set alone edits the current one',
  patch: 'change some fields (PATCH, deep merge; null deletes a key)',
  delete: 'delete (asks first; --yes to skip)',
};

/** The resource command `name` (wire name or its kebab-case alias) built from the live registry, if it exists. */
export function resourceCommand(name: string): Command | undefined {
  const wire = resourceName(name);
  if (!wire) return undefined;
  return buildResourceCommand(specOf(wire, resourceClasses()[wire] as abstract new (...args: never[]) => object));
}

/** Every resource command built from the live registry. */
export function allResourceCommands(): Command[] {
  return specsOf(resourceClasses()).map(buildResourceCommand);
}

/** The resources of the live registry, for the top-level help and suggestions. */
export function liveStubs(): ResourceStub[] {
  return specsOf(resourceClasses()).map((s) => ({ name: s.name, commands: commandNames(s) }));
}

/** Builds `audian <resource>` with the sub-commands its class has. */
export function buildResourceCommand(spec: ResourceSpec): Command {
  const cmd = new Command(spec.name).description(`${spec.name}: ${commandNames(spec).join(', ')}`);
  if (spec.name.includes('_')) cmd.alias(spec.name.replace(/_/g, '-'));
  for (const verb of spec.crud) cmd.addCommand(crudCommand(spec, verb));
  for (const verb of spec.domain) cmd.addCommand(domainCommand(spec, verb));
  return cmd.addHelpText('after', examples(spec));
}

/**
 * A field and value to show in a resource's help examples, for the resources whose documents
 * have no `name` (every other one filters and patches `name`).
 */
const EXAMPLE_FIELD: Readonly<Record<string, readonly [string, string] | null>> = {
  users: ['last_name', 'Lovelace'],
  cdrs: ['call_direction', 'inbound'],
  phone_numbers: ['state', 'in_service'],
  faxes: ['to_number', '+14155550100'],
  sms: ['to', '+14155550100'],
  notifications: ['category', 'user'],
  limits: ['inbound_trunks', '2'],
  metaflows: ['binding_digit', '*'],
  // No field that reads well in an example.
  security: null,
  token_restrictions: null,
  registrations: null,
  channels: null,
  recordings: null,
  search: null,
};

function examples(spec: ResourceSpec): string {
  const has = (verb: CrudCommand) => spec.crud.find((c) => c.command === verb);
  const id = (verb: CrudCommand) =>
    (has(verb)?.args ?? [])
      .filter((t) => !t.startsWith('@') && !t.endsWith('?'))
      .map((t) => ` ${t.replace(/\.\.\.$/, '').toUpperCase()}`)
      .join('');
  const lines: string[] = [];
  const example = spec.name in EXAMPLE_FIELD ? EXAMPLE_FIELD[spec.name] : (['name', 'Reception'] as const);
  const [field, value] = example ?? ['', ''];
  if (has('list') && example) lines.push(`audian ${spec.name} list --filter ${field}=${value} --all --output csv`);
  if (has('get')) lines.push(`audian ${spec.name} get${id('get')} --output yaml`);
  if (has('create')) lines.push(`audian ${spec.name} create${id('create')} --data @${spec.name}.json --set enabled=true`);
  if (has('patch') && example) lines.push(`audian ${spec.name} patch${id('patch')} --set ${field}="${value}"`);
  if (has('delete')) lines.push(`audian ${spec.name} delete${id('delete')} --yes`);
  return lines.length ? `\nExamples:\n${lines.map((l) => `  ${l}`).join('\n')}` : '';
}

function flagsOf(args: unknown[]): { positionals: unknown[]; flags: Flags } {
  const cmd = args[args.length - 1] as Command;
  return { positionals: [...cmd.processedArgs], flags: cmd.optsWithGlobals() as Flags };
}

function open(spec: ResourceSpec, flags: Flags): ResourceObject {
  return resourceOf(connect(flags).audian, spec.name);
}

/** Declares the positionals and input flags that `tokens` read. */
function declare(cmd: Command, tokens: readonly ArgToken[], variadicFirst = false, resource?: string): void {
  positionalsOf(tokens).forEach((p, i) => {
    const shown = variadicFirst && i === 0 && p.required ? { ...p, variadic: true } : p;
    cmd.argument(argumentSyntax(shown));
  });
  if (reads(tokens, '@list')) addListOptions(cmd, true, resource);
  if (reads(tokens, '@body')) addBodyOptions(cmd);
  if (reads(tokens, '@query')) cmd.option('--query <key=value>', 'a parameter (repeatable; numbers and booleans are parsed)', collect);
  if (reads(tokens, '@file')) cmd.option('--content-type <type>', 'the file’s media type (default: from its name)');
}

/** Fills a method's arguments from `tokens`, consuming positionals from `cursor`. */
async function fill(tokens: readonly ArgToken[], positionals: readonly unknown[], cursor: { i: number }, flags: Flags): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const token of tokens) {
    switch (token) {
      case '@list':
        out.push(toListParams(flags));
        break;
      case '@body':
        out.push(await buildBody(flags));
        break;
      case '@query':
        out.push(queryOf(flags.query));
        break;
      case '@skip':
        out.push(undefined);
        break;
      case '@file': {
        const file = positionals[cursor.i++] as string;
        const type = flags.contentType ?? (await contentTypeOf(file));
        if (!type) throw new UsageError(`cannot tell the media type of ${file}: pass --content-type`);
        out.push(readUpload(file), type);
        break;
      }
      default:
        out.push(positionals[cursor.i++]);
    }
  }
  return out;
}

function crudCommand(spec: ResourceSpec, verb: CrudVerb): Command {
  const { name } = spec;
  const cmd = new Command(verb.command).description(CRUD_HELP[verb.command]);
  const idTokens = verb.args.filter((t) => !t.startsWith('@'));
  const label = (positionals: readonly unknown[]): string =>
    positionals.filter((p) => p !== undefined).length ? `${name}/${positionals.filter((p) => p !== undefined).join('/')}` : name;
  addAccountOption(cmd);
  if (verb.command === 'delete') {
    // delete takes several ids when the method takes one.
    declare(cmd, verb.args, true, name);
    addChargesOption(cmd)
      .option('-y, --yes', 'do not ask for confirmation')
      .option('--dry-run', DRY_RUN_HELP)
      .addOption(new Option('-o, --output <format>', 'also print the deleted documents in this format').choices([...OUTPUT_FORMATS]))
      .action(async (...args: unknown[]) => {
        const { positionals, flags } = flagsOf(args);
        const first = positionals[0];
        const targets: unknown[][] = Array.isArray(first) ? first.map((id) => [id, ...positionals.slice(1)]) : [positionals];
        if (flags.dryRun) {
          const dry = dryRunResource(spec, flags);
          for (const target of targets)
            await invoke(dry, verb.method, [...(await fill(verb.args, target, { i: 0 }, flags)), callOptions(flags)]);
          return;
        }
        await confirmAction(`delete ${targets.map((t) => label(t)).join(', ')}`, flags.yes);
        const resource = open(spec, flags);
        const deleted: unknown[] = [];
        for (const target of targets) {
          setActivity(`deleting ${label(target)}`);
          const call = invoke(resource, verb.method, [...(await fill(verb.args, target, { i: 0 }, flags)), callOptions(flags)]);
          deleted.push(await orNotFound(name, target, call));
          note(`deleted ${label(target)}`);
        }
        // The deleted documents go to standard output only when an output format is asked for.
        if (flags.output) await printValue(targets.length === 1 ? deleted[0] : deleted, outputOptions(flags));
      });
    return cmd;
  }
  declare(cmd, verb.args, false, name);
  addOutputOptions(cmd);
  if (verb.command !== 'list' && verb.command !== 'get') addChargesOption(cmd).option('--dry-run', DRY_RUN_HELP);
  return cmd.action(async (...args: unknown[]) => {
    const { positionals, flags } = flagsOf(args);
    const output = outputOptions(flags);
    if ((verb.command === 'update' || verb.command === 'patch') && flags.data === undefined && !flags.set?.length) {
      throw new UsageError(`nothing to ${verb.command}: give --data and/or --set`);
    }
    const callArgs = await fill(verb.args, positionals, { i: 0 }, flags);
    const resource = open(spec, flags);
    if (verb.command === 'list') {
      setActivity(`listing ${name}`);
      await printList(invoke(resource, verb.method, [...callArgs, callOptions(flags)]) as never, flags, name);
      return;
    }
    const get = spec.crud.find((c) => c.command === 'get');
    const bodyAt = verb.args.indexOf('@body');
    if (verb.command === 'update' && flags.data === undefined && get) {
      // POST replaces the whole document: --set alone edits the current one.
      setActivity(`getting ${label(positionals)}`);
      const ids = positionals.slice(0, idTokens.length);
      const current = await orNotFound(name, ids, invoke(resource, 'get', [...ids, callOptions(flags)]));
      callArgs[bodyAt] = await buildBody(flags, async () => current);
    }
    // `--set number=1010` parses as a number; the schema says whether the field wants text.
    if (bodyAt >= 0) callArgs[bodyAt] = await coerceForResource(name, callArgs[bodyAt]);
    if (flags.dryRun) {
      // Validated exactly as a real call is, then shown instead of sent.
      await invoke(dryRunResource(spec, flags), verb.method, [...callArgs, callOptions(flags)]);
      return;
    }
    setActivity(`${verb.command === 'get' ? 'getting' : `${verb.command.replace(/e$/, '')}ing`} ${label(positionals)}`);
    const result = invoke(resource, verb.method, [...callArgs, callOptions(flags)]);
    await printValue(await orNotFound(name, positionals.slice(0, idTokens.length), result), output);
  });
}

const DRY_RUN_HELP = 'validate and print the request (secrets redacted) instead of sending it';

/**
 * The resource on a client that sends nothing: each request it would send is printed on standard
 * output (method, URL, then the JSON body with secrets redacted). The base URL and account are the
 * profile's, so the URL is the real one.
 */
function dryRunResource(spec: ResourceSpec, flags: Flags): ResourceObject {
  const { profile } = connect(flags);
  const account = flags.account ?? (process.env.AUDIAN_ACCOUNT_ID?.trim() || undefined) ?? profile.accountId ?? '{account_id}';
  const client = createDryRunClient({
    baseUrl: profile.baseUrl,
    accountId: account,
    onRequest: (request) => {
      const body = request.body === undefined ? '' : `\n${JSON.stringify(redactSecrets(request.body), null, 2)}`;
      process.stdout.write(`dry run, not sent: ${request.method} ${request.url}${body}\n`);
    },
  });
  return resourceOf(client, spec.name);
}

function domainCommand(spec: ResourceSpec, verb: DomainVerb): Command {
  const cmd = new Command(verb.command).description(verb.description);
  const tokens = [...verb.args, ...(verb.sub?.args ?? [])];
  declare(cmd, tokens, false, spec.name);
  addAccountOption(cmd);
  if (verb.destructive) cmd.option('-y, --yes', 'do not ask for confirmation');
  if (verb.binary) addOutFileOption(cmd);
  else addOutputOptions(cmd);
  // Only changes can incur service-plan charges.
  if (verb.destructive || tokens.includes('@body') || tokens.includes('@file')) addChargesOption(cmd);
  cmd.action(async (...args: unknown[]) => {
    const { positionals, flags } = flagsOf(args);
    if (!verb.binary) outputOptions(flags);
    const shown = positionals
      .flat()
      .filter((p) => p !== undefined)
      .join(' ');
    const cursor = { i: 0 };
    const first = await fill(verb.args, positionals, cursor, flags);
    const subArgs = verb.sub ? await fill(verb.sub.args, positionals, cursor, flags) : [];
    if (verb.destructive) await confirmAction(`${verb.command} ${spec.name} ${shown}`.trim(), flags.yes);
    const resource = open(spec, flags);
    setActivity(`${spec.name} ${verb.command}${shown ? ` ${shown}` : ''}`);
    const options = callOptions(flags);
    const result = verb.sub
      ? invoke(invoke(resource, verb.method, first) as ResourceObject, verb.sub.method, [...subArgs, options])
      : invoke(resource, verb.method, [...first, options]);
    // A listing is a lazy thenable: awaiting it would keep only its first page.
    await present(isPagePromise(result) ? result : await result, flags);
  });
  return cmd;
}

/**
 * Awaits a call on one document, turning a 404 into "user ID not found" followed by Crossbar's
 * own words (exit 4). A call without an id (a singleton, a create) keeps the API's message.
 */
async function orNotFound<T>(resource: string, ids: readonly unknown[], call: T): Promise<Awaited<T>> {
  try {
    return await call;
  } catch (error) {
    const shown = ids.filter((id) => id !== undefined && !Array.isArray(id));
    if (!(error instanceof NotFoundError) || shown.length === 0) throw error;
    // The message says what was looked for; the activity prefix would only repeat it.
    setActivity(undefined);
    throw new CliError(`${singular(resource)} ${shown.join('/')} not found: ${error.message}`, EXIT_CODES.notFound, [], error);
  }
}

function queryOf(pairs: readonly string[] | undefined): Record<string, string | number | boolean> {
  const query: Record<string, string | number | boolean> = {};
  for (const pair of pairs ?? []) {
    const [key, value] = splitAssignment('--query', pair);
    const parsed = parseLooseValue(value);
    query[key] = typeof parsed === 'number' || typeof parsed === 'boolean' ? parsed : value;
  }
  return query;
}

function readUpload(file: string): Uint8Array {
  try {
    return readFileSync(file);
  } catch (error) {
    throw fileError(file, error);
  }
}
