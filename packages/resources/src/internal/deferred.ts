import { PagePromise } from '@audian/core';
import { APIPromise } from '../api-promise.js';
import type { ResourceMethods } from '../resource-methods.js';

/** Loads (once) the object a lazy resource forwards to; `loaded` holds it once it has loaded. */
export interface Loader<T> {
  (): Promise<T>;
  readonly loaded?: T;
}

/** Memoises `load` (and forgets a failed load, so the next call tries again). */
export function once<T>(load: () => Promise<T>): Loader<T> {
  let promise: Promise<T> | undefined;
  const loader: { (): Promise<T>; loaded?: T } = () => {
    promise ??= load().then(
      (value) => {
        loader.loaded = value;
        return value;
      },
      (error: unknown) => {
        promise = undefined;
        throw error;
      },
    );
    return promise;
  };
  return loader;
}

/** A call of a resource whose class is still loading; keeps `withResponse()`. */
export function deferApi<R, T>(load: Loader<R>, call: (resource: R) => APIPromise<T>): APIPromise<T> {
  // Once the class has loaded, calls go straight to it: no extra turns of the event loop per request.
  const resource = load.loaded;
  if (resource === undefined) return APIPromise.defer(() => load().then((r) => () => call(r)));
  try {
    return call(resource);
  } catch (error) {
    // A check that throws still rejects, as it did while the class was loading.
    return new APIPromise<T>(Promise.reject(error));
  }
}

/** A listing of a resource whose class is still loading; stays lazy (nothing loads until it is awaited or iterated). */
export function deferPages<R, T>(load: Loader<R>, list: (resource: R) => PagePromise<T>): PagePromise<T> {
  const resource = load.loaded;
  if (resource === undefined) return PagePromise.defer(() => load().then((r) => () => list(r)));
  try {
    return list(resource);
  } catch (error) {
    return new PagePromise<T>(() => Promise.reject(error));
  }
}

/** A member that returns an {@link APIPromise}: forwarded with {@link deferApi} (keeps `withResponse()`). */
export const API = 0;
/** A member that returns a `PagePromise`: forwarded with {@link deferPages} (stays lazy). */
export const PAGES = 1;
/** A member that returns a plain promise (downloads): forwarded once the class has loaded. */
export const CALL = 2;

/**
 * How a lazy object forwards one member of `T`, checked against the member's type: `API`, `PAGES`
 * or `CALL` for a method by what it returns, `[shape]` for a method that returns a sub-resource
 * (`vmboxes.messages(id)`), and the sub-resource's own shape for a property (`faxes.inbox`).
 */
export type Member<F> = F extends (...args: never) => infer R
  ? R extends PagePromise<infer _>
    ? typeof PAGES
    : R extends APIPromise<infer _>
      ? typeof API
      : R extends Promise<infer _>
        ? typeof CALL
        : readonly [Shape<R>]
  : Shape<F>;

/**
 * Every public member of a resource class with how its lazy object forwards it (and, for a class
 * with `toJSON`, the name it shows). tsc fails when a class gains, loses or changes a member its
 * shape does not match.
 */
export type Shape<T> = { readonly [K in Exclude<keyof T, 'toJSON'>]-?: Member<T[K]> } & ('toJSON' extends keyof T
  ? { readonly toJSON: string }
  : unknown);

type Members = Record<string, (...args: unknown[]) => unknown>;

/**
 * The object a resource is until its class has loaded: the members of `shape`, each loading the
 * class (once) and forwarding to it. One table per class instead of one closure per method keeps
 * a browser bundle small: the client carries these shapes for every resource.
 */
export function lazyObject<T>(load: Loader<T>, shape: Shape<T>): ResourceMethods<T> {
  const target: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(shape as Record<string, unknown>)) {
    const method = (resource: T, args: unknown[]) => (resource as Members)[key]?.(...args) as never;
    if (key === 'toJSON') target[key] = () => member;
    else if (member === API) target[key] = (...a: unknown[]) => deferApi(load, (r) => method(r, a));
    else if (member === PAGES) target[key] = (...a: unknown[]) => deferPages(load, (r) => method(r, a));
    else if (member === CALL) target[key] = (...a: unknown[]) => load().then((r) => method(r, a));
    else if (Array.isArray(member))
      target[key] = (...a: unknown[]) =>
        lazyObject<unknown>(
          once(() => load().then((r) => method(r, a))),
          member[0] as Shape<unknown>,
        );
    else {
      let sub: unknown;
      Object.defineProperty(target, key, {
        enumerable: true,
        get: () =>
          (sub ??= lazyObject<unknown>(
            once(() => load().then((r) => (r as Members)[key])),
            member as Shape<unknown>,
          )),
      });
    }
  }
  // The shape was checked against T member by member; the object built from it has T's members.
  return target as ResourceMethods<T>;
}
