import type { ResourceClass } from './registry-types';

/** Provisioning resources (accounts, callflows, voicemail, media, menus, groups, schedules, directories, lists, blacklists, conferences). */
export const RESOURCES_A = {} as const satisfies Record<string, ResourceClass>;
