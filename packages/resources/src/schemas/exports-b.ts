// Schemas of the numbers, records and operations resources.

export * from './cdrs';
export * from './channels';
export * from './clicktocall';
export * from './connectivity';
export * from './faxboxes';
export * from './faxes';
export * from './limits';
export * from './metaflows';
export * from './notifications';
export * from './phone-numbers';
export * from './queues';
export * from './recordings';
export * from './registrations';
export * from './search';
export * from './security';
export * from './sms';
export * from './token-restrictions';
export * from './webhooks';
