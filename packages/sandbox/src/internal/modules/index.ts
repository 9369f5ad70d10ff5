import type { SandboxModule } from '../sandbox-module';
import { aboutModule } from './about';
import { accessListsModule } from './access-lists';
import { accountsModule } from './accounts';
import { acdcCallStatsModule } from './acdc-call-stats';
import { aclsModule } from './acls';
import { agentsModule } from './agents';
import { alertsModule } from './alerts';
import { allotmentsModule } from './allotments';
import { apiAuthModule } from './api-auth';
import { appsLinkModule } from './apps-link';
import { appsStoreModule } from './apps-store';
import { attHandlersErrorsModule } from './att-handlers-errors';
import { blacklistsModule } from './blacklists';
import { bulkModule } from './bulk';
import { callInspectorModule } from './call-inspector';
import { callflowsModule } from './callflows';
import { callsModule } from './calls';
import { cccpsModule } from './cccps';
import { cdrsModule } from './cdrs';
import { channelsModule } from './channels';
import { clicktocallModule } from './clicktocall';
import { commentsModule } from './comments';
import { conferencesModule } from './conferences';
import { configsModule } from './configs';
import { connectivityModule } from './connectivity';
import { contactListModule } from './contact-list';
import { devicesModule } from './devices';
import { dialplansModule } from './dialplans';
import { directoriesModule } from './directories';
import { faxboxesModule } from './faxboxes';
import { faxesModule } from './faxes';
import { functionsModule } from './functions';
import { groupsModule } from './groups';
import { hotdesksModule } from './hotdesks';
import { ipAuthModule } from './ip-auth';
import { ipsModule } from './ips';
import { ledgersModule } from './ledgers';
import { limitsModule } from './limits';
import { listsModule } from './lists';
import { localProvisionerTemplatesModule } from './local-provisioner-templates';
import { mediaModule } from './media';
import { menusModule } from './menus';
import { metaflowsModule } from './metaflows';
import { mmsModule } from './mms';
import { multiFactorModule } from './multi-factor';
import { notificationsModule } from './notifications';
import { onboardModule } from './onboard';
import { parkedCallsModule } from './parked-calls';
import { phoneNumbersModule } from './phone-numbers';
import { pivotModule } from './pivot';
import { portRequestsModule } from './port-requests';
import { presenceModule } from './presence';
import { queuesModule } from './queues';
import { quickcallModule } from './quickcall';
import { rateLimitsModule } from './rate-limits';
import { ratesModule } from './rates';
import { recordingsModule } from './recordings';
import { registrationsModule } from './registrations';
import { resourceSelectorsModule } from './resource-selectors';
import { resourceTemplatesModule } from './resource-templates';
import { resourcesModule } from './resources';
import { searchModule } from './search';
import { securityModule } from './security';
import { servicesModule } from './services';
import { smsModule } from './sms';
import { storageModule } from './storage';
import { tasksModule } from './tasks';
import { temporalRulesModule } from './temporal-rules';
import { temporalRulesSetsModule } from './temporal-rules-sets';
import { tokenAuthModule } from './token-auth';
import { tokenRestrictionsModule } from './token-restrictions';
import { transactionsModule } from './transactions';
import { userAuthModule } from './user-auth';
import { userAuthImpersonationModule } from './user-auth-impersonation';
import { userAuthRecoveryModule } from './user-auth-recovery';
import { usersModule } from './users';
import { vmboxesModule } from './vmboxes';
import { webhookSamplesModule } from './webhook-samples';
import { webhooksModule } from './webhooks';
import { websocketsModule } from './websockets';
import { whitelabelModule } from './whitelabel';

/**
 * Every Crossbar module the sandbox serves, one line each. A module is one file in this folder
 * (its documents, validators, endpoints and demo content); adding one is that file plus a line here.
 */
export const MODULES: readonly SandboxModule[] = [
  // call routing
  resourcesModule,
  resourceSelectorsModule,
  resourceTemplatesModule,
  dialplansModule,
  localProvisionerTemplatesModule,
  accessListsModule,
  rateLimitsModule,
  ipsModule,
  functionsModule,
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
  quickcallModule,
  acdcCallStatsModule,
  agentsModule,
  callInspectorModule,
  hotdesksModule,
  parkedCallsModule,
  pivotModule,
  presenceModule,
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
  appsLinkModule,
  attHandlersErrorsModule,
  bulkModule,
  cccpsModule,
  configsModule,
  contactListModule,
  mmsModule,
  onboardModule,
  storageModule,
  tasksModule,
  websocketsModule,
  // reseller onboarding
  portRequestsModule,
  whitelabelModule,
  appsStoreModule,
  commentsModule,
  alertsModule,
  // money, logins and platform information
  servicesModule,
  transactionsModule,
  ledgersModule,
  allotmentsModule,
  ratesModule,
  multiFactorModule,
  ipAuthModule,
  userAuthRecoveryModule,
  userAuthImpersonationModule,
  webhookSamplesModule,
  aboutModule,
  aclsModule,
];
