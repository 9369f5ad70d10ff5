import type { SandboxModule } from '../sandbox-module';
import { accountsModule } from './accounts';
import { apiAuthModule } from './api-auth';
import { blacklistsModule } from './blacklists';
import { callsModule } from './calls';
import { callflowsModule } from './callflows';
import { cdrsModule } from './cdrs';
import { channelsModule } from './channels';
import { clicktocallModule } from './clicktocall';
import { conferencesModule } from './conferences';
import { connectivityModule } from './connectivity';
import { devicesModule } from './devices';
import { directoriesModule } from './directories';
import { faxboxesModule } from './faxboxes';
import { faxesModule } from './faxes';
import { groupsModule } from './groups';
import { limitsModule } from './limits';
import { listsModule } from './lists';
import { mediaModule } from './media';
import { menusModule } from './menus';
import { metaflowsModule } from './metaflows';
import { notificationsModule } from './notifications';
import { phoneNumbersModule } from './phone-numbers';
import { queuesModule } from './queues';
import { recordingsModule } from './recordings';
import { registrationsModule } from './registrations';
import { searchModule } from './search';
import { securityModule } from './security';
import { smsModule } from './sms';
import { temporalRulesModule } from './temporal-rules';
import { temporalRulesSetsModule } from './temporal-rules-sets';
import { tokenAuthModule } from './token-auth';
import { tokenRestrictionsModule } from './token-restrictions';
import { userAuthModule } from './user-auth';
import { usersModule } from './users';
import { vmboxesModule } from './vmboxes';
import { webhooksModule } from './webhooks';

/**
 * Every Crossbar module the sandbox serves, one line each. A module is one file in this folder
 * (its documents, validators, endpoints and demo content); adding one is that file plus a line here.
 */
export const MODULES: readonly SandboxModule[] = [
  userAuthModule,
  tokenRestrictionsModule,
  tokenAuthModule,
  securityModule,
  searchModule,
  recordingsModule,
  phoneNumbersModule,
  notificationsModule,
  metaflowsModule,
  faxesModule,
  cdrsModule,
  apiAuthModule,
  accountsModule,
  vmboxesModule,
  usersModule,
  registrationsModule,
  mediaModule,
  listsModule,
  limitsModule,
  devicesModule,
  conferencesModule,
  channelsModule,
  callflowsModule,
  blacklistsModule,
  callsModule,
  clicktocallModule,
  connectivityModule,
  directoriesModule,
  faxboxesModule,
  groupsModule,
  menusModule,
  queuesModule,
  smsModule,
  temporalRulesModule,
  temporalRulesSetsModule,
  webhooksModule,
];
