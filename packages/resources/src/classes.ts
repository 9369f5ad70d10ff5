// @audian/resources/classes — the resource classes as values, for tools that construct them or
// walk them (a CLI, code generators): `RESOURCES.users` is the `Users` class. Apps use
// createAudian(), whose resources load these classes lazily; importing this entry loads them all.

export { RESOURCES, type ResourceClass } from './registry.js';
