import { PagePromise } from '@audian/core';
import { APIPromise } from '../api-promise.js';

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
