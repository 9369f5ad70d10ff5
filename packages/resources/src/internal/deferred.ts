import { PagePromise } from '@audian/core';
import { APIPromise } from '../api-promise.js';

/** Loads (once) the object a lazy resource forwards to. */
export type Loader<T> = () => Promise<T>;

/** Memoises `load` (and forgets a failed load, so the next call tries again). */
export function once<T>(load: () => Promise<T>): Loader<T> {
  let promise: Promise<T> | undefined;
  return () => {
    promise ??= load().catch((error: unknown) => {
      promise = undefined;
      throw error;
    });
    return promise;
  };
}

/** A call of a resource whose class is still loading; keeps `withResponse()`. */
export function deferApi<R, T>(load: Loader<R>, call: (resource: R) => APIPromise<T>): APIPromise<T> {
  return APIPromise.defer(() => load().then((resource) => () => call(resource)));
}

/** A listing of a resource whose class is still loading; stays lazy (nothing loads until it is awaited or iterated). */
export function deferPages<R, T>(load: Loader<R>, list: (resource: R) => PagePromise<T>): PagePromise<T> {
  return PagePromise.defer(() => load().then((resource) => () => list(resource)));
}
