// @audian/resources/classes — the resource classes themselves, for tools that construct them or
// walk them (a CLI, code generators). Apps use createAudian(), whose resources load these classes
// lazily; importing this entry loads them all.

export * from './classes-a.js';
export * from './classes-b.js';
export type { ResourceContext } from './internal/resource-base.js';
export { RESOURCES, type ResourceClass } from './registry.js';
export { Devices } from './resources/devices.js';
export { Users } from './resources/users.js';
