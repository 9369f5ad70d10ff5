// Schemas of the provisioning resources.

export * from './accounts.js';
export * from './blacklists.js';
export * from './callflows.js';
export * from './conferences.js';
export * from './directories.js';
export * from './groups.js';
export * from './lists.js';
export * from './media.js';
export * from './menus.js';
export * from './temporal-rules.js';
export * from './temporal-rules-sets.js';
export * from './vmboxes.js';
