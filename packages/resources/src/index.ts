// @audian/resources — typed Crossbar resources and createAudian().

export { type Audian, type AudianOptions, type AudianResources, createAudian, type SessionInfo } from './client.js';
export * from './exports-a.js';
export * from './exports-b.js';
export type { ResourceContext } from './internal/resource-base.js';
export { RESOURCES, type ResourceClass } from './registry.js';
export { Devices } from './resources/devices.js';
export { Users } from './resources/users.js';
export type { Device, DeviceCreateParams, DevicePatchParams, DeviceStatus, DeviceSummary } from './schemas/devices.js';
export type { DeepPartialNullable, User, UserCreateParams, UserPatchParams, UserSummary } from './schemas/users.js';
