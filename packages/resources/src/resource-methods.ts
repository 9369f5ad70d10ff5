/**
 * The public methods of a resource class, as the client's properties show them: the type of
 * `audian.users` is `ResourceMethods<Users>`. Before a resource's class has loaded, the client
 * hands out an object with exactly these methods, each loading the class on first use. Editors
 * jump from these methods to the class itself.
 *
 * @example
 * ```ts
 * import type { ResourceMethods, Users } from '@audian/resources';
 *
 * function countUsers(users: ResourceMethods<Users>) {
 *   return users.list().toArray().then((all) => all.length);
 * }
 * ```
 */
export type ResourceMethods<T> = { readonly [K in keyof T]: T[K] };
