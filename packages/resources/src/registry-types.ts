import type { ResourceContext } from './internal/resource-base';

/** A resource class: constructed with the client's transport and account. */
export type ResourceClass = new (ctx: ResourceContext) => object;
