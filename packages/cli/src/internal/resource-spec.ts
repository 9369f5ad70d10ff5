import type { ArgToken } from './call-args';
import { type DomainVerb, domainVerbsOf } from './domain-verbs';

/** The CRUD commands and the resource methods they call. */
export const CRUD_COMMANDS = [
  ['list', 'list'],
  ['get', 'get'],
  ['create', 'create'],
  ['update', 'update'],
  ['patch', 'patch'],
  ['delete', 'delete'],
] as const;

/** A CRUD command name. */
export type CrudCommand = (typeof CRUD_COMMANDS)[number][0];

/** One CRUD command of a resource and how it fills the method's arguments. */
export interface CrudVerb {
  readonly command: CrudCommand;
  readonly method: string;
  readonly args: readonly ArgToken[];
}

/** What the CLI offers for one resource. */
export interface ResourceSpec {
  /** The wire name: `users`, `phone_numbers`. */
  readonly name: string;
  /** The CRUD commands the class has. */
  readonly crud: readonly CrudVerb[];
  /** Its domain verbs. */
  readonly domain: readonly DomainVerb[];
}

// Resources whose CRUD methods do not take the usual (id?, body?, options?) arguments.
const OVERRIDES: Readonly<Record<string, Partial<Record<CrudCommand, readonly ArgToken[]>>>> = {
  // Every accounts method acts on the login's own account when no id is given.
  accounts: { get: ['id?'], update: ['id?', '@body'], patch: ['id?', '@body'] },
  // A number is acquired by PUT on its own path; release takes { hard } after the number.
  phone_numbers: {
    get: ['number'],
    create: ['number', '@body'],
    update: ['number', '@body'],
    patch: ['number', '@body'],
    delete: ['number', '@skip'],
  },
  // A configuration is created at its own id (`PUT …/configs/{CONFIG_ID}`).
  configs: { create: ['id', '@body'] },
  // Ledger entries are listed and fetched under their source service.
  ledgers: { list: ['source', '@list'], get: ['source', 'id'] },
  // Bulk requests name several documents at once.
  bulk: { get: ['ids...'], update: ['ids...', '@body'], delete: ['ids...'] },
};

/**
 * The usual arguments, read from the method's arity: a `get(options)` or `delete(options)` with
 * no id is a per-account singleton (`limits`, `security`), as is an `update(body, options)`.
 */
function inferArgs(command: CrudCommand, method: (...args: never[]) => unknown): ArgToken[] {
  const arity = method.length;
  switch (command) {
    case 'list':
      return ['@list'];
    case 'get':
    case 'delete':
      return arity <= 1 ? [] : ['id'];
    case 'create':
      return ['@body'];
    case 'update':
    case 'patch':
      return arity <= 2 ? ['@body'] : ['id', '@body'];
  }
}

/** What a resource class offers, read from the methods its prototype really has. */
export function specOf(name: string, resourceClass: abstract new (...args: never[]) => object): ResourceSpec {
  const prototype = resourceClass.prototype as Record<string, unknown>;
  const crud: CrudVerb[] = [];
  for (const [command, method] of CRUD_COMMANDS) {
    const fn = prototype[method];
    if (typeof fn !== 'function') continue;
    crud.push({ command, method, args: OVERRIDES[name]?.[command] ?? inferArgs(command, fn as (...args: never[]) => unknown) });
  }
  return {
    name,
    crud,
    domain: domainVerbsOf(
      name,
      prototype,
      crud.map((c) => c.command),
    ),
  };
}

/** Every resource of a registry (`RESOURCES` from @audian/resources), sorted by name. */
export function specsOf(resources: Readonly<Record<string, abstract new (...args: never[]) => object>>): ResourceSpec[] {
  return Object.keys(resources)
    .sort()
    .map((name) => specOf(name, resources[name] as abstract new (...args: never[]) => object));
}

/** The sub-command names of a resource, in help order. */
export function commandNames(spec: ResourceSpec): string[] {
  return [...spec.crud.map((c) => c.command), ...spec.domain.map((v) => v.command)];
}

/** The build-time manifest of a set of resource specs (see `readManifest`). */
export function manifestOf(specs: readonly ResourceSpec[]): { resources: { name: string; commands: string[] }[] } {
  return { resources: specs.map((s) => ({ name: s.name, commands: commandNames(s) })) };
}
