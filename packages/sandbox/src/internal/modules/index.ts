import type { SandboxModule } from '../sandbox-module';
import { blacklistsModule } from './blacklists';
import { callflowsModule } from './callflows';
import { channelsModule } from './channels';
import { clicktocallModule } from './clicktocall';
import { conferencesModule } from './conferences';
import { connectivityModule } from './connectivity';
import { devicesModule } from './devices';
import { directoriesModule } from './directories';
import { faxboxesModule } from './faxboxes';
import { groupsModule } from './groups';
import { limitsModule } from './limits';
import { listsModule } from './lists';
import { mediaModule } from './media';
import { menusModule } from './menus';
import { queuesModule } from './queues';
import { registrationsModule } from './registrations';
import { smsModule } from './sms';
import { temporalRulesModule } from './temporal-rules';
import { temporalRulesSetsModule } from './temporal-rules-sets';
import { usersModule } from './users';
import { vmboxesModule } from './vmboxes';
import { webhooksModule } from './webhooks';

/**
 * Every Crossbar module the sandbox serves, one line each. A module is one file in this folder
 * (its documents, validators, endpoints and demo content); adding one is that file plus a line here.
 */
export const MODULES: readonly SandboxModule[] = [
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
