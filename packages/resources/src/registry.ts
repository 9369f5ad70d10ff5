import { RESOURCES_A } from './registry-a';
import { RESOURCES_B } from './registry-b';
import type { ResourceClass } from './registry-types';
import { Devices } from './resources/devices';
import { Users } from './resources/users';

export type { ResourceClass } from './registry-types';

/**
 * Every resource of the client, by its wire name. Each becomes a property of `createAudian()`'s
 * client (`audian.users`, `audian.phone_numbers`, …), created on first access.
 */
export const RESOURCES = {
  users: Users,
  devices: Devices,
  ...RESOURCES_A,
  ...RESOURCES_B,
} as const satisfies Record<string, ResourceClass>;
