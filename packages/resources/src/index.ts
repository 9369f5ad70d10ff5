// @audian/resources — typed Crossbar resources and createAudian().

export { type Audian, type AudianOptions, type AudianResources, createAudian, type SessionInfo } from './client';
export * from './exports-a';
export * from './exports-b';
export type { ResourceContext } from './internal/resource-base';
export { RESOURCES, type ResourceClass } from './registry';
export { Devices } from './resources/devices';
export { Users } from './resources/users';
export type { Device, DeviceCreateParams, DevicePatchParams, DeviceStatus, DeviceSummary } from './schemas/devices';
export type { DeepPartialNullable, User, UserCreateParams, UserPatchParams, UserSummary } from './schemas/users';
