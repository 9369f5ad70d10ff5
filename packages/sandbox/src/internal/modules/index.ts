import type { SandboxModule } from '../sandbox-module';
import { blacklistsModule } from './blacklists';
import { clicktocallModule } from './clicktocall';
import { connectivityModule } from './connectivity';
import { directoriesModule } from './directories';
import { faxboxesModule } from './faxboxes';
import { groupsModule } from './groups';
import { menusModule } from './menus';
import { queuesModule } from './queues';
import { smsModule } from './sms';
import { temporalRulesModule } from './temporal-rules';
import { temporalRulesSetsModule } from './temporal-rules-sets';
import { webhooksModule } from './webhooks';

/**
 * Every Crossbar module the sandbox serves, one line each. A module is one file in this folder
 * (its documents, validators, endpoints and demo content); adding one is that file plus a line here.
 */
export const MODULES: readonly SandboxModule[] = [
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
