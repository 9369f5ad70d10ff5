// @audian/resources/schema-loaders — one resource's schemas on demand, without evaluating the
// `@audian/resources/schemas` barrel (every schema of every resource). A tool that works on one
// resource at a time (the CLI coercing a CSV of users) pays for that resource's modules only.
import { InvalidArgumentError } from '@audian/core';
import type * as z from 'zod/mini';

/**
 * The schemas of one resource: `document`, what its create and update take (`UsersSchema`), and
 * `summary`, one item of its listing (`UserSummarySchema`). A resource without one leaves it out.
 *
 * @example
 * ```ts
 * import { loadResourceSchemas, type ResourceSchemas } from '@audian/resources/schema-loaders';
 * import { safeParse } from 'zod/mini';
 *
 * const schemas: ResourceSchemas = await loadResourceSchemas('devices');
 * if (schemas.document) console.log(safeParse(schemas.document, { name: 'desk' }).success);
 * ```
 */
export interface ResourceSchemas {
  /** The document schema (`UsersSchema` for `users`). */
  readonly document?: z.ZodMiniType;
  /** The schema of one listing item (`UserSummarySchema` for `users`). */
  readonly summary?: z.ZodMiniType;
}

/**
 * A resource (by its wire name, as in `RESOURCES`) that has a document or listing schema.
 *
 * @example
 * ```ts
 * import type { SchemaResourceName } from '@audian/resources/schema-loaders';
 *
 * const name: SchemaResourceName = 'phone_numbers';
 * ```
 */
export type SchemaResourceName =
  | 'access_lists'
  | 'accounts'
  | 'agents'
  | 'allotments'
  | 'apps_link'
  | 'att_handlers_errors'
  | 'blacklists'
  | 'callflows'
  | 'cccps'
  | 'cdrs'
  | 'clicktocall'
  | 'conferences'
  | 'connectivity'
  | 'devices'
  | 'dialplans'
  | 'directories'
  | 'faxboxes'
  | 'faxes'
  | 'functions'
  | 'groups'
  | 'ips'
  | 'ledgers'
  | 'limits'
  | 'lists'
  | 'local_provisioner_templates'
  | 'media'
  | 'menus'
  | 'metaflows'
  | 'mms'
  | 'notifications'
  | 'onboard'
  | 'parked_calls'
  | 'phone_numbers'
  | 'port_requests'
  | 'queues'
  | 'rates'
  | 'resource_selectors'
  | 'resource_templates'
  | 'resources'
  | 'security'
  | 'sms'
  | 'storage'
  | 'tasks'
  | 'temporal_rules'
  | 'temporal_rules_sets'
  | 'token_restrictions'
  | 'users'
  | 'vmboxes'
  | 'webhooks'
  | 'whitelabel';

// Each loader imports only the files that hold the resource's schemas; the ESM build keeps one
// file per module, so nothing else is evaluated. The same objects as the barrel exports.
const LOADERS: Readonly<Record<SchemaResourceName, () => Promise<ResourceSchemas>>> = {
  access_lists: () => import('./generated/access-lists.js').then((m) => ({ document: m.AccessListsSchema })),
  accounts: () =>
    Promise.all([import('./generated/accounts.js'), import('./accounts.js')]).then(([d, s]) => ({
      document: d.AccountsSchema,
      summary: s.AccountSummarySchema,
    })),
  agents: () => import('./agents.js').then((m) => ({ summary: m.AgentSummarySchema })),
  allotments: () => import('./allotments.js').then((m) => ({ document: m.AllotmentsSchema })),
  apps_link: () => import('./apps-link.js').then((m) => ({ document: m.AppsLinkSchema })),
  att_handlers_errors: () => import('./att-handlers-errors.js').then((m) => ({ summary: m.AttachmentHandlerErrorSummarySchema })),
  blacklists: () =>
    Promise.all([import('./generated/blacklists.js'), import('./blacklists.js')]).then(([d, s]) => ({
      document: d.BlacklistsSchema,
      summary: s.BlacklistSummarySchema,
    })),
  callflows: () =>
    Promise.all([import('./generated/callflows.js'), import('./callflows.js')]).then(([d, s]) => ({
      document: d.CallflowsSchema,
      summary: s.CallflowSummarySchema,
    })),
  cccps: () => import('./cccps.js').then((m) => ({ summary: m.CccpSummarySchema })),
  cdrs: () =>
    Promise.all([import('./generated/cdrs.js'), import('./cdrs.js')]).then(([d, s]) => ({
      document: d.CdrsSchema,
      summary: s.CdrSummarySchema,
    })),
  clicktocall: () =>
    Promise.all([import('./generated/clicktocall.js'), import('./clicktocall.js')]).then(([d, s]) => ({
      document: d.ClicktocallSchema,
      summary: s.ClicktocallSummarySchema,
    })),
  conferences: () =>
    Promise.all([import('./generated/conferences.js'), import('./conferences.js')]).then(([d, s]) => ({
      document: d.ConferencesSchema,
      summary: s.ConferenceSummarySchema,
    })),
  connectivity: () => import('./generated/connectivity.js').then((m) => ({ document: m.ConnectivitySchema })),
  devices: () =>
    Promise.all([import('./generated/devices.js'), import('./devices.js')]).then(([d, s]) => ({
      document: d.DevicesSchema,
      summary: s.DeviceSummarySchema,
    })),
  dialplans: () => import('./generated/dialplans.js').then((m) => ({ document: m.DialplansSchema })),
  directories: () =>
    Promise.all([import('./generated/directories.js'), import('./directories.js')]).then(([d, s]) => ({
      document: d.DirectoriesSchema,
      summary: s.DirectorySummarySchema,
    })),
  faxboxes: () => import('./faxboxes.js').then((m) => ({ summary: m.FaxboxSummarySchema })),
  faxes: () =>
    Promise.all([import('./generated/faxes.js'), import('./faxes.js')]).then(([d, s]) => ({
      document: d.FaxesSchema,
      summary: s.FaxSummarySchema,
    })),
  functions: () => import('./functions.js').then((m) => ({ summary: m.FunctionSummarySchema })),
  groups: () =>
    Promise.all([import('./generated/groups.js'), import('./groups.js')]).then(([d, s]) => ({
      document: d.GroupsSchema,
      summary: s.GroupSummarySchema,
    })),
  ips: () => import('./ips.js').then((m) => ({ summary: m.IpSummarySchema })),
  ledgers: () => import('./generated/ledgers.js').then((m) => ({ document: m.LedgersSchema })),
  limits: () => import('./generated/limits.js').then((m) => ({ document: m.LimitsSchema })),
  lists: () =>
    Promise.all([import('./generated/lists.js'), import('./lists.js')]).then(([d, s]) => ({
      document: d.ListsSchema,
      summary: s.ListSummarySchema,
    })),
  local_provisioner_templates: () =>
    import('./local-provisioner-templates.js').then((m) => ({ summary: m.ProvisionerTemplateSummarySchema })),
  media: () =>
    Promise.all([import('./generated/media.js'), import('./media.js')]).then(([d, s]) => ({
      document: d.MediaSchema,
      summary: s.MediaSummarySchema,
    })),
  menus: () =>
    Promise.all([import('./generated/menus.js'), import('./menus.js')]).then(([d, s]) => ({
      document: d.MenusSchema,
      summary: s.MenuSummarySchema,
    })),
  metaflows: () => import('./generated/metaflows.js').then((m) => ({ document: m.MetaflowsSchema })),
  mms: () => import('./mms.js').then((m) => ({ document: m.MmsSchema, summary: m.MmsSummarySchema })),
  notifications: () =>
    Promise.all([import('./generated/notifications.js'), import('./notifications.js')]).then(([d, s]) => ({
      document: d.NotificationsSchema,
      summary: s.NotificationSummarySchema,
    })),
  onboard: () => import('./onboard.js').then((m) => ({ document: m.OnboardSchema })),
  parked_calls: () => import('./parked-calls.js').then((m) => ({ document: m.ParkedCallsSchema })),
  phone_numbers: () =>
    Promise.all([import('./generated/phone-numbers.js'), import('./phone-numbers.js')]).then(([d, s]) => ({
      document: d.PhoneNumbersSchema,
      summary: s.PhoneNumberSummarySchema,
    })),
  port_requests: () => import('./generated/port-requests.js').then((m) => ({ document: m.PortRequestsSchema })),
  queues: () =>
    Promise.all([import('./generated/queues.js'), import('./queues.js')]).then(([d, s]) => ({
      document: d.QueuesSchema,
      summary: s.QueueSummarySchema,
    })),
  rates: () => import('./rates.js').then((m) => ({ summary: m.RateSummarySchema })),
  resource_selectors: () => import('./resource-selectors.js').then((m) => ({ summary: m.ResourceSelectorSummarySchema })),
  resource_templates: () => import('./resource-templates.js').then((m) => ({ summary: m.ResourceTemplateSummarySchema })),
  resources: () =>
    Promise.all([import('./generated/resources.js'), import('./resources.js')]).then(([d, s]) => ({
      document: d.ResourcesSchema,
      summary: s.ResourceSummarySchema,
    })),
  security: () => import('./security.js').then((m) => ({ document: m.SecuritySchema })),
  sms: () =>
    Promise.all([import('./generated/sms.js'), import('./sms.js')]).then(([d, s]) => ({
      document: d.SmsSchema,
      summary: s.SmsSummarySchema,
    })),
  storage: () => import('./storage.js').then((m) => ({ document: m.StorageSchema })),
  tasks: () => import('./tasks.js').then((m) => ({ summary: m.TaskSummarySchema })),
  temporal_rules: () =>
    Promise.all([import('./generated/temporal-rules.js'), import('./temporal-rules.js')]).then(([d, s]) => ({
      document: d.TemporalRulesSchema,
      summary: s.TemporalRuleSummarySchema,
    })),
  temporal_rules_sets: () =>
    Promise.all([import('./generated/temporal-rules-sets.js'), import('./temporal-rules-sets.js')]).then(([d, s]) => ({
      document: d.TemporalRulesSetsSchema,
      summary: s.TemporalRuleSetSummarySchema,
    })),
  token_restrictions: () => import('./generated/token-restrictions.js').then((m) => ({ document: m.TokenRestrictionsSchema })),
  users: () =>
    Promise.all([import('./generated/users.js'), import('./users.js')]).then(([d, s]) => ({
      document: d.UsersSchema,
      summary: s.UserSummarySchema,
    })),
  vmboxes: () =>
    Promise.all([import('./generated/vmboxes.js'), import('./vmboxes.js')]).then(([d, s]) => ({
      document: d.VmboxesSchema,
      summary: s.VmboxSummarySchema,
    })),
  webhooks: () =>
    Promise.all([import('./generated/webhooks.js'), import('./webhooks.js')]).then(([d, s]) => ({
      document: d.WebhooksSchema,
      summary: s.WebhookSummarySchema,
    })),
  whitelabel: () => import('./whitelabel.js').then((m) => ({ document: m.WhitelabelSchema })),
};

/**
 * Every resource {@link loadResourceSchemas} can load, in alphabetical order.
 *
 * @example
 * ```ts
 * import { SCHEMA_RESOURCE_NAMES } from '@audian/resources/schema-loaders';
 *
 * console.log(SCHEMA_RESOURCE_NAMES.includes('users')); // true
 * ```
 */
export const SCHEMA_RESOURCE_NAMES: readonly SchemaResourceName[] = Object.freeze(Object.keys(LOADERS) as SchemaResourceName[]);

/**
 * Whether resource `name` has schemas to load (`users`: yes; `about`, or a name that is no
 * resource: no). Loads nothing.
 *
 * @example
 * ```ts
 * import { hasResourceSchemas, loadResourceSchemas } from '@audian/resources/schema-loaders';
 *
 * const name = process.argv[2] ?? 'users';
 * const schemas = hasResourceSchemas(name) ? await loadResourceSchemas(name) : {};
 * ```
 */
export function hasResourceSchemas(name: string): name is SchemaResourceName {
  return Object.hasOwn(LOADERS, name);
}

/**
 * Loads the schemas of resource `name` (its wire name: `users`, `phone_numbers`) and only those:
 * the modules that define them are imported on the first call, then cached by the runtime.
 *
 * @example
 * ```ts
 * import { loadResourceSchemas } from '@audian/resources/schema-loaders';
 * import { safeParse } from 'zod/mini';
 *
 * const { document } = await loadResourceSchemas('users');
 * if (document) console.log(safeParse(document, { first_name: 'Ann', last_name: 'Lee' }).success); // true
 * ```
 *
 * @throws InvalidArgumentError (the promise rejects) when `name` has no schemas to load; the
 *   message lists the names that do.
 */
export async function loadResourceSchemas(name: SchemaResourceName): Promise<ResourceSchemas> {
  if (!hasResourceSchemas(name)) {
    throw new InvalidArgumentError(
      'name',
      `no schemas for resource ${JSON.stringify(name)}: expected one of ${SCHEMA_RESOURCE_NAMES.join(', ')}`,
    );
  }
  return LOADERS[name]();
}
