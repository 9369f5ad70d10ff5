// Schemas of the provisioning resources.

export * from './accounts';
export * from './blacklists';
export * from './callflows';
export * from './conferences';
export * from './directories';
export * from './groups';
export * from './lists';
export * from './media';
export * from './menus';
export * from './temporal-rules';
export * from './temporal-rules-sets';
export * from './vmboxes';
