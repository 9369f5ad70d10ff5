import type { ResourceClass } from './registry-types';
import { Cdrs } from './resources/cdrs';
import { Channels } from './resources/channels';
import { ClickToCall } from './resources/clicktocall';
import { Connectivity } from './resources/connectivity';
import { Faxboxes } from './resources/faxboxes';
import { Faxes } from './resources/faxes';
import { Limits } from './resources/limits';
import { Metaflows } from './resources/metaflows';
import { Notifications } from './resources/notifications';
import { PhoneNumbers } from './resources/phone-numbers';
import { Queues } from './resources/queues';
import { Recordings } from './resources/recordings';
import { Registrations } from './resources/registrations';
import { Search } from './resources/search';
import { Security } from './resources/security';
import { SmsMessages } from './resources/sms';
import { TokenRestrictions } from './resources/token-restrictions';
import { Webhooks } from './resources/webhooks';

/** Numbers, records and operations resources (phone numbers, CDRs, faxes, webhooks, registrations, channels, …). */
export const RESOURCES_B = {
  phone_numbers: PhoneNumbers,
  cdrs: Cdrs,
  faxboxes: Faxboxes,
  faxes: Faxes,
  webhooks: Webhooks,
  notifications: Notifications,
  registrations: Registrations,
  channels: Channels,
  connectivity: Connectivity,
  queues: Queues,
  recordings: Recordings,
  sms: SmsMessages,
  limits: Limits,
  metaflows: Metaflows,
  clicktocall: ClickToCall,
  search: Search,
  token_restrictions: TokenRestrictions,
  security: Security,
} as const satisfies Record<string, ResourceClass>;
