import type { CallOptions } from '@audian/core';
import type { Audian } from '@audian/resources';
import { RESOURCES } from '@audian/resources/classes';
import { interruption } from './interrupt';

/** A resource object of the client, seen as a bag of methods. */
export type ResourceObject = Record<string, ((...args: unknown[]) => unknown) | undefined>;

/** The wire name for a command name (`phone-numbers` → `phone_numbers`), when it is a resource. */
export function resourceName(name: string): string | undefined {
  const wire = name.replace(/-/g, '_');
  return Object.hasOwn(RESOURCES, wire) ? wire : undefined;
}

/** Every resource class by wire name (the live registry). */
export function resourceClasses(): Readonly<Record<string, abstract new (...args: never[]) => object>> {
  return RESOURCES as unknown as Record<string, abstract new (...args: never[]) => object>;
}

/** The resource object `name` of a client. */
export function resourceOf(audian: Audian, name: string): ResourceObject {
  return (audian as unknown as Record<string, ResourceObject>)[name] as ResourceObject;
}

/** Per-call options: Ctrl-C aborts, `--accept-charges` accepts charges. */
export function callOptions(flags: { acceptCharges?: boolean }): CallOptions {
  return { signal: interruption.signal, ...(flags.acceptCharges ? { acceptCharges: true } : {}) };
}

/** Calls a resource method by name. */
export function invoke(resource: ResourceObject, method: string, args: readonly unknown[]): unknown {
  const member = resource[method];
  if (typeof member === 'function') return member.apply(resource, [...args]);
  // A sub-resource getter (`faxes.inbox`, `media.prompts`): the object, whose method the command calls next.
  if (member !== null && typeof member === 'object' && args.length === 0) return member;
  throw new Error(`the resource has no method ${method}`);
}
