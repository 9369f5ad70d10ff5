// @audian/resources — typed Crossbar resources and createAudian().
// The resource classes are exported as types only: the client loads them lazily, and a value
// export here would put every class in every bundle. They are values in ./classes.ts.

export { type Audian, type AudianOptions, type AudianResources, createAudian, type SessionInfo } from './client.js';
export * from './exports-a.js';
export * from './exports-b.js';
export type { ResourceContext } from './internal/resource-base.js';
export type { ResourceClass } from './registry.js';
export type { Devices } from './resources/devices.js';
export type { Users } from './resources/users.js';
export type { Device, DeviceCreateParams, DevicePatchParams, DeviceStatus, DeviceSummary } from './schemas/devices.js';
export type { DeepPartialNullable, User, UserCreateParams, UserPatchParams, UserSummary } from './schemas/users.js';
