import type { ArgToken } from './call-args';

/**
 * A resource method beyond CRUD, exposed as `audian <resource> <command> ARGS…`. Only entries
 * whose method the resource class really has become commands; any other endpoint is reachable
 * through `audian api`.
 */
export interface DomainVerb {
  /** The sub-command name. */
  readonly command: string;
  /** The resource class method it calls. */
  readonly method: string;
  /** One line for `--help`. */
  readonly description: string;
  /** Limits the verb to these resources (wire names); any resource with the method when absent. */
  readonly resources?: readonly string[];
  /** How the method's arguments are filled (see {@link ArgToken}). */
  readonly args: readonly ArgToken[];
  /** A sub-resource: the method returns an object, whose `method` is then called with `args`. */
  readonly sub?: { readonly method: string; readonly args: readonly ArgToken[] };
  /** The answer is binary or text (photo, vCard, audio, PDF): written to `--out` or standard output. */
  readonly binary?: boolean;
  /** Deletes or disrupts something: asks for confirmation like `delete`. */
  readonly destructive?: boolean;
}

type Row = readonly [command: string, method: string, args: readonly ArgToken[], description: string, extra?: Partial<DomainVerb>];

const ROWS: readonly Row[] = [
  // services, transactions, ledgers, allotments, rates, multi_factor (first: their summary/available rows win over the generic ones)
  ...moneyRows(),
  // users, devices
  ['status', 'status', [], 'registration state of every device', { resources: ['devices'] }],
  ['sync', 'sync', ['id'], 'ask the phone to re-read its configuration (most reboot)'],
  ['notify', 'notify', ['id', 'event'], 'send the device a SIP NOTIFY with this event (e.g. check-sync)'],
  ['quickcall', 'quickcall', ['id', 'number', '@query'], 'ring it and, when answered, call the number (--query auto_answer=true)'],
  ['devices', 'devices', ['id', '@list'], 'list the devices the user owns', { resources: ['users'] }],
  ['vcard', 'vcard', ['id'], 'download the vCard', { binary: true, resources: ['users'] }],
  ['photo', 'photo', ['id'], 'download the photo', { binary: true }],
  ['upload-photo', 'uploadPhoto', ['id', '@file'], 'upload a photo from an image file', { resources: ['users'] }],
  ['remove-photo', 'deletePhoto', ['id'], 'delete the photo', { destructive: true }],
  // accounts (the API key commands are left out on purpose: the CLI never prints secrets)
  ['children', 'children', ['id?', '@list'], 'list the direct sub-accounts (of the login’s account by default)'],
  ['descendants', 'descendants', ['id?', '@list'], 'list every sub-account, at any depth'],
  ['siblings', 'siblings', ['id?', '@list'], 'list the accounts beside this one under the same parent'],
  ['tree', 'tree', ['id?'], 'the path of accounts from the top down to this one'],
  ['parents', 'parents', ['id?'], 'the accounts above this one'],
  ['move', 'move', ['id', 'to-account-id'], 'move the account under another parent', { destructive: true }],
  ['promote-reseller', 'promoteReseller', ['id?'], 'make the account a reseller'],
  ['demote-reseller', 'demoteReseller', ['id?'], 'make the account an ordinary account again', { destructive: true }],
  // voicemail boxes
  ['messages', 'messages', ['box-id'], 'list the box’s messages', { sub: { method: 'list', args: ['@list'] } }],
  ['message', 'messages', ['box-id'], 'fetch one message of the box', { sub: { method: 'get', args: ['message-id'] } }],
  [
    'message-audio',
    'messages',
    ['box-id'],
    'download a message’s audio',
    { binary: true, sub: { method: 'download', args: ['message-id'] } },
  ],
  [
    'remove-message',
    'messages',
    ['box-id'],
    'delete a message of the box',
    { destructive: true, sub: { method: 'delete', args: ['message-id'] } },
  ],
  ['all-messages', 'allMessages', ['@list'], 'list the messages of every box'],
  // conferences
  ['participants', 'participants', ['id'], 'list who is in the conference now', { sub: { method: 'list', args: [] } }],
  ['lock', 'lock', ['id'], 'lock the conference (nobody else can join)'],
  ['unlock', 'unlock', ['id'], 'unlock the conference'],
  ['play', 'play', ['id', 'media-id'], 'play a media file into the conference', { resources: ['conferences'] }],
  ['record', 'record', ['id', 'start-or-stop'], 'start or stop recording the conference'],
  ['dial', 'dial', ['id', '@body'], 'dial endpoints into the conference (--data {"endpoints":[…]})'],
  // media, directories, recordings, faxes
  ['upload', 'upload', ['id', '@file'], 'upload the audio file of a media document', { resources: ['media'] }],
  ['download', 'download', ['id'], 'download the audio', { binary: true, resources: ['media'] }],
  ['download', 'download', ['id', '@skip'], 'download the recording', { binary: true, resources: ['recordings'] }],
  ['pdf', 'pdf', ['id'], 'download the directory as a PDF', { binary: true }],
  ['list-by-user', 'listByUser', ['user-id', '@list'], 'list those of one user'],
  ['list-by-device', 'listByDevice', ['device-id', '@list'], 'list those of one device'],
  ['for-user', 'forUser', ['user-id', '@list'], 'list the groups a user belongs to'],
  ['send', 'send', ['@body'], 'send one (--data / --set)'],
  ['attachment', 'attachment', ['id'], 'download the fax document', { binary: true }],
  // lists
  ['entries', 'entries', ['list-id'], 'list the entries of a list', { sub: { method: 'list', args: ['@list'] } }],
  // cdrs
  ['interactions', 'interaction', ['@list'], 'list calls as interactions (all legs of a call together)'],
  ['legs', 'legs', ['interaction-id', '@list'], 'list the legs of one interaction'],
  ['summary', 'summary', ['@list'], 'totals over a period (--created-from / --created-to)'],
  // webhooks
  ['attempts', 'attempts', ['@list'], 'list recent delivery (or login) attempts'],
  ['attempts-of', 'attemptsOf', ['id', '@list'], 'list the delivery attempts of one webhook'],
  ['available', 'available', [], 'list the webhook events available'],
  ['reenable', 'reenable', ['@skip'], 're-enable webhooks disabled after failures'],
  // registrations, channels, queues
  ['count', 'count', [], 'count the registrations'],
  ['flush', 'flush', ['username'], 'drop the registrations of a SIP username', { destructive: true }],
  ['flush-all', 'flushAll', [], 'drop every registration of the account', { destructive: true }],
  ['hangup', 'hangup', ['uuid'], 'hang up the channel', { destructive: true }],
  ['roster', 'roster', ['id'], 'list the agents of the queue'],
  ['set-roster', 'setRoster', ['id', 'agent-ids...'], 'replace the agents of the queue'],
  ['clear-roster', 'clearRoster', ['id'], 'remove every agent from the queue', { destructive: true }],
  ['stats', 'stats', ['@skip'], 'queue statistics'],
  // call center: agents, presence, pivot, quickcall
  ['statuses', 'statuses', ['@query'], 'the agents’ current statuses', { resources: ['agents'] }],
  ['status', 'getStatus', ['id', '@query'], 'the agent’s current status (ready, paused, logged_out, …)', { resources: ['agents'] }],
  ['set-status', 'setStatus', ['id', '@body'], 'change the agent’s status (--set status=pause)', { resources: ['agents'] }],
  ['queues', 'queueStatus', ['id'], 'the queues the agent works', { resources: ['agents'] }],
  [
    'queue-status',
    'updateQueueStatus',
    ['id', '@body'],
    'log the agent in to or out of a queue (--set action=login --set queue_id=…)',
    { resources: ['agents'] },
  ],
  ['restart', 'restart', ['id'], 'restart the agent’s call-center process', { resources: ['agents'] }],
  ['search', 'search', ['@query'], 'the presence subscriptions and dialogs of the account', { resources: ['presence'] }],
  ['command', 'command', ['@body'], 'a presence command on the account (--set action=reset)', { resources: ['presence'] }],
  ['slots', 'slots', [], 'the occupied parking slots', { resources: ['parked_calls'] }],
  ['report', 'report', ['report-id'], 'a report a presence reset collected', { resources: ['presence'] }],
  ['debug', 'listDebug', ['@list'], 'list the calls with pivot debug logs', { resources: ['pivot'] }],
  ['debug-of', 'getDebug', ['call-id'], 'the pivot debug log of one call', { resources: ['pivot'] }],
  [
    'originate',
    'originate',
    ['endpoint-type', 'endpoint-id', 'number', '@query'],
    'ring a user’s devices (users) or a device (devices), then call the number',
    { resources: ['quickcall'] },
  ],
  [
    'originate-wait',
    'originateAndWait',
    ['endpoint-type', 'endpoint-id', 'number', '@query'],
    'the same, answering once the call is placed (with its call id)',
    { resources: ['quickcall'] },
  ],
  // clicktocall, security, notifications
  ['connect', 'connect', ['id', '@body'], 'place the click-to-call (--data {"contact":"+1…"})'],
  ['history', 'history', ['id', '@list'], 'list the calls it placed'],
  ['attempt', 'attempt', ['id'], 'fetch one login attempt'],
  ['modules', 'modules', [], 'list the auth modules available'],
  ['template', 'template', ['id', 'format'], 'the template of a notification (html or text)'],
  ['preview', 'preview', ['id', '@body'], 'send a preview of a notification'],
  ['smtp-logs', 'smtpLogs', ['@list'], 'list the e-mails sent'],
  ['smtp-log', 'smtpLog', ['id'], 'fetch one e-mail log'],
  // phone numbers
  ['search', 'search', ['@query'], 'search numbers to buy (--query prefix=415 --query quantity=5)', { resources: ['phone_numbers'] }],
  ['activate', 'activate', ['number', '@body'], 'buy/activate a number for the account', { resources: ['phone_numbers'] }],
  ['reserve', 'reserve', ['number', '@body'], 'reserve a number for the account', { resources: ['phone_numbers'] }],
  ['identify', 'identify', ['number'], 'which account holds the number'],
  ['classify', 'classify', ['dial-string'], 'classify a dialled number (emergency, tollfree, …)'],
  ['classifiers', 'classifiers', [], 'list the number classifiers'],
  ['check', 'check', ['numbers...'], 'check which numbers are available'],
  ['cascade-quantity', 'cascadeQuantity', [], 'how many numbers the account and its sub-accounts hold'],
  // search
  ['query', 'query', ['@body', '@list'], 'search documents (--set type=user --set view=name --set value=Ada)', { resources: ['search'] }],
  // tasks
  ['start', 'start', ['id'], 'start the task', { resources: ['tasks'] }],
  ['stop', 'stop', ['id'], 'stop the running task', { resources: ['tasks'], destructive: true }],
  [
    'create-csv',
    'createFromCsv',
    ['@body', '@file'],
    'create a task from a CSV file (--set category=… --set action=…)',
    { resources: ['tasks'] },
  ],
  ['input', 'input', ['id'], 'download the task’s input CSV', { binary: true, resources: ['tasks'] }],
  ['output', 'output', ['id'], 'download the task’s output CSV', { binary: true, resources: ['tasks'] }],
  // storage
  ['plans', 'plans', [], 'list the reseller’s storage plans', { resources: ['storage'], sub: { method: 'list', args: ['@list'] } }],
  ['plan', 'plans', [], 'fetch one storage plan', { resources: ['storage'], sub: { method: 'get', args: ['plan-id'] } }],
  ['create-plan', 'plans', [], 'create a storage plan (--data)', { resources: ['storage'], sub: { method: 'create', args: ['@body'] } }],
  [
    'update-plan',
    'plans',
    [],
    'replace a storage plan (--data)',
    { resources: ['storage'], sub: { method: 'update', args: ['plan-id', '@body'] } },
  ],
  [
    'patch-plan',
    'plans',
    [],
    'change some fields of a storage plan',
    { resources: ['storage'], sub: { method: 'patch', args: ['plan-id', '@body'] } },
  ],
  [
    'remove-plan',
    'plans',
    [],
    'delete a storage plan',
    { resources: ['storage'], destructive: true, sub: { method: 'delete', args: ['plan-id'] } },
  ],
  // cccps, att_handlers_errors, apps_link
  ['autodial', 'autodial', ['@body'], 'ask for a callback to the login’s user (--data)', { resources: ['cccps'] }],
  ['list-by-handler', 'listByHandler', ['handler-id', '@list'], 'list the failures of one storage backend'],
  ['authorize', 'authorize', [], 'the login’s identity and the account’s, for a Monster app link', { resources: ['apps_link'] }],
  // resources (account carriers)
  [
    'create-collection',
    'createCollection',
    ['@body'],
    'create several carriers at once, all or none (--data [{…}, …])',
    { resources: ['resources'] },
  ],
  [
    'update-collection',
    'updateCollection',
    ['@body'],
    'change several carriers at once by id, all or none (--data [{"id":…}, …])',
    { resources: ['resources'] },
  ],
  ['jobs', 'listJobs', ['@list'], 'list the bulk number-import jobs', { resources: ['resources'] }],
  ['job', 'getJob', ['job-id'], 'a number-import job: status and per-number outcome', { resources: ['resources'] }],
  [
    'create-job',
    'createJob',
    ['@body'],
    'import numbers from a carrier (--data {"resource_id":…,"numbers":[…]})',
    { resources: ['resources'] },
  ],
  // resource_selectors
  ['names', 'names', ['@list'], 'the selector names, with their selector counts', { resources: ['resource_selectors'] }],
  [
    'resources-of-name',
    'resourcesOfName',
    ['name', '@list'],
    'the carriers one selector name picks, with counts',
    { resources: ['resource_selectors'] },
  ],
  [
    'by-name-and-resource',
    'listByNameAndResource',
    ['name', 'resource-id', '@list'],
    'the selectors of a name for one carrier',
    { resources: ['resource_selectors'] },
  ],
  ['resource-ids', 'resourceIds', ['@list'], 'the carriers that have selectors, with counts', { resources: ['resource_selectors'] }],
  [
    'names-of-resource',
    'namesOfResource',
    ['resource-id', '@list'],
    'the selector names of one carrier, with counts',
    { resources: ['resource_selectors'] },
  ],
  [
    'by-resource-and-name',
    'listByResourceAndName',
    ['resource-id', 'name', '@list'],
    'the selectors of a carrier under one name',
    { resources: ['resource_selectors'] },
  ],
  ['rules', 'rules', [], 'the account’s selector rules', { resources: ['resource_selectors'] }],
  [
    'update-rules',
    'updateRules',
    ['@body'],
    'set the account’s selector rules (--data {"rules":[…]})',
    { resources: ['resource_selectors'] },
  ],
  ['system-rules', 'systemRules', [], 'the system’s selector rules (super-duper admin)', { resources: ['resource_selectors'] }],
  [
    'update-system-rules',
    'updateSystemRules',
    ['@body'],
    'set the system’s selector rules (super-duper admin)',
    { resources: ['resource_selectors'] },
  ],
  // local_provisioner_templates
  ['image', 'image', ['id'], 'download the template’s phone image', { binary: true, resources: ['local_provisioner_templates'] }],
  [
    'upload-image',
    'uploadImage',
    ['id', '@file'],
    'upload the template’s phone image from an image file',
    { resources: ['local_provisioner_templates'] },
  ],
  [
    'remove-image',
    'deleteImage',
    ['id'],
    'delete the template’s phone image',
    { destructive: true, resources: ['local_provisioner_templates'] },
  ],
  // access_lists, rate_limits (per device)
  [
    'device-get',
    'device',
    ['device-id'],
    'the device’s own settings',
    { sub: { method: 'get', args: [] }, resources: ['access_lists', 'rate_limits'] },
  ],
  [
    'device-update',
    'device',
    ['device-id'],
    'set the device’s own settings (--data / --set)',
    { sub: { method: 'update', args: ['@body'] }, resources: ['access_lists', 'rate_limits'] },
  ],
  [
    'device-delete',
    'device',
    ['device-id'],
    'remove the device’s own settings',
    { destructive: true, sub: { method: 'delete', args: [] }, resources: ['access_lists', 'rate_limits'] },
  ],
  // ips
  ['available', 'list', ['@query'], 'an available dedicated IP (--query zone=us-east)', { resources: ['ips'] }],
  ['add', 'add', ['ip'], 'assign one dedicated IP to the account', { resources: ['ips'] }],
  ['assign', 'assign', ['ips...'], 'assign dedicated IPs to the account, all or none', { resources: ['ips'] }],
  ['release', 'release', ['ips...'], 'release dedicated IPs of the account, all or none', { destructive: true, resources: ['ips'] }],
  ['assigned', 'assigned', [], 'the dedicated IPs the account holds', { resources: ['ips'] }],
  ['zones', 'zones', [], 'the zones of the dedicated IPs', { resources: ['ips'] }],
  ['hosts', 'hosts', [], 'the proxy hosts of the dedicated IPs', { resources: ['ips'] }],
  // functions
  ['samples', 'samples', [], 'sample functions to start from', { resources: ['functions'] }],
  ['offered', 'available', ['@list'], 'the functions the system offers', { resources: ['functions'] }],
  // port_requests
  ...portRequestRows(),
  // whitelabel
  [
    'file',
    'file',
    ['kind', '@query'],
    'download the logo, icon or welcome page (--query domain=… for another domain’s)',
    { binary: true, resources: ['whitelabel'] },
  ],
  [
    'upload',
    'upload',
    ['kind', '@file'],
    'upload the logo, icon (images) or welcome page (HTML) from a file',
    { resources: ['whitelabel'] },
  ],
  ['by-domain', 'getByDomain', ['domain'], 'the branding of the account with this white-label domain', { resources: ['whitelabel'] }],
  ['domains', 'domains', ['@query'], 'the DNS records the white-label domain needs (--query domain=…)', { resources: ['whitelabel'] }],
  ['test-domains', 'testDomains', ['@query'], 'compare the DNS records with what DNS answers', { resources: ['whitelabel'] }],
  [
    'set-system-domains',
    'setSystemDomains',
    ['@body'],
    'set the system’s record templates (super admins, --data)',
    { resources: ['whitelabel'] },
  ],
  // apps_store, comments
  ['install', 'install', ['id', '@body'], 'install an app (--set allowed_users=all|admins|specific)', { resources: ['apps_store'] }],
  ['uninstall', 'uninstall', ['id'], 'uninstall an app', { destructive: true, resources: ['apps_store'] }],
  ['blacklist', 'blacklist', [], 'the apps the account may not install', { resources: ['apps_store'] }],
  ['set-blacklist', 'setBlacklist', ['@body'], 'replace the apps blacklist (--data {"blacklist":[…]})', { resources: ['apps_store'] }],
  ['icon', 'icon', ['id'], 'download an app’s icon', { binary: true, resources: ['apps_store'] }],
  ['screenshot', 'screenshot', ['id', 'index'], 'download an app’s screenshot (from 0)', { binary: true, resources: ['apps_store'] }],
  ['delete-all', 'deleteAll', [], 'delete every comment of the account', { destructive: true, resources: ['comments'] }],
  // webhook samples, click-to-call by link
  ['samples', 'samples', [], 'the names of the webhook sample payload sets', { resources: ['webhooks'] }],
  ['sample', 'sample', ['sample-id', '@list'], 'sample payloads of one hook (--filter event_name=…)', { resources: ['webhooks'] }],
  ['account-samples', 'accountSamples', [], 'the sample sets, asked through the account', { resources: ['webhooks'] }],
  ['account-sample', 'accountSample', ['sample-id', '@list'], 'sample payloads, asked through the account', { resources: ['webhooks'] }],
  ['connect-via-link', 'connectViaLink', ['id', '@body'], 'place the click-to-call the way a web link does (GET, --set contact=…)'],
  // live calls: agents, channels, conferences, queues
  ['status-of', 'statusOf', ['user-id', '@query'], 'one agent’s status', { resources: ['agents'] }],
  ['set-status-of', 'setStatusOf', ['user-id', '@body'], 'set one agent’s status (--set status=login)', { resources: ['agents'] }],
  ['list-system', 'listSystem', ['@list'], 'every live channel of the system (super-duper admin)', { resources: ['channels'] }],
  ['execute', 'execute', ['uuid', '@body'], 'run a command on a live call (--set action=hangup)', { resources: ['channels'] }],
  ['transfer', 'transfer', ['uuid', '@body'], 'transfer a live call (--set target=1002)', { resources: ['channels'] }],
  ['metaflow', 'metaflow', ['uuid', '@body'], 'run a metaflow on a live call', { resources: ['channels'] }],
  [
    'action',
    'action',
    ['id', 'action', '@body'],
    'act on the running conference (mute_participant, kick, …)',
    { resources: ['conferences'] },
  ],
  ['eavesdrop', 'eavesdrop', ['call-id', '@body'], 'listen in on a queue call (--set id=<device id>)', { resources: ['queues'] }],
  ['eavesdrop-queue', 'eavesdropQueue', ['id', '@body'], 'listen in on a queue’s calls', { resources: ['queues'] }],
  // faxes, functions, search
  [
    'send-document',
    'sendDocument',
    ['@body', '@file'],
    'send a fax with its document (PDF or TIFF) in one request',
    { resources: ['faxes'] },
  ],
  ['system-samples', 'systemSamples', [], 'the sample functions the system offers', { resources: ['functions'] }],
  ['multi', 'multi', ['@query'], 'search several fields at once (--query t=user --query by_name=ada)', { resources: ['search'] }],
  // notifications: templates, customer updates and the system's set
  [
    'update-template',
    'updateTemplate',
    ['id', 'format', 'template'],
    'replace a template (format text/html or text/plain)',
    { resources: ['notifications'] },
  ],
  ['customer-update', 'customerUpdate', ['@body'], 'send a message to the customers of the account', { resources: ['notifications'] }],
  [
    'delete-customizations',
    'deleteCustomizations',
    [],
    'go back to the system templates',
    { destructive: true, resources: ['notifications'] },
  ],
  [
    'force-system',
    'forceSystem',
    [],
    'use the system templates, dropping the account’s',
    { destructive: true, resources: ['notifications'] },
  ],
  ['list-system', 'listSystem', ['@list'], 'the system’s notifications', { resources: ['notifications'] }],
  ['get-system', 'getSystem', ['id'], 'one of the system’s notifications', { resources: ['notifications'] }],
  ['create-system', 'createSystem', ['@body'], 'add a system notification (super-duper admin)', { resources: ['notifications'] }],
  // phone numbers: the system's inventory, ports, maintenance, collections
  ['search-system', 'searchSystem', ['@query'], 'search the system’s numbers (--query prefix=415)', { resources: ['phone_numbers'] }],
  ['port', 'port', ['number', '@body'], 'add a number in the port_in state', { resources: ['phone_numbers'] }],
  ['locality', 'locality', ['numbers...'], 'locality of numbers', { resources: ['phone_numbers'] }],
  ['fix', 'fix', ['number?'], 'repair the account’s numbers (or one)', { resources: ['phone_numbers'] }],
  ['carriers-info', 'carriersInfo', [], 'the carriers numbers can be bought from', { resources: ['phone_numbers'] }],
  ['city-prefixes', 'cityPrefixes', ['city'], 'the prefixes of a US city', { resources: ['phone_numbers'] }],
  ['create-many', 'createMany', ['numbers...', '@body'], 'add several numbers at once', { resources: ['phone_numbers'] }],
  ['update-many', 'updateMany', ['numbers...', '@body'], 'replace the public fields of several numbers', { resources: ['phone_numbers'] }],
  ['patch-many', 'patchMany', ['numbers...', '@body'], 'change fields of several numbers', { resources: ['phone_numbers'] }],
  ['delete-many', 'deleteMany', ['numbers...', '@query'], 'release several numbers', { destructive: true, resources: ['phone_numbers'] }],
  ['activate-many', 'activateMany', ['numbers...', '@body'], 'put several numbers in service', { resources: ['phone_numbers'] }],
  [
    'transition',
    'transition',
    ['id', 'state', '@body'],
    'move the port to a state (submitted, pending, …)',
    { resources: ['port_requests'] },
  ],
  // fax folders and media catalogues (sub-resources)
  ...(['inbox', 'outbox', 'incoming', 'outgoing', 'smtplog'] as const).flatMap((folder): Row[] => [
    [
      folder,
      folder,
      [],
      `list the ${folder === 'smtplog' ? 'e-mail-to-fax attempts' : `${folder} faxes`}`,
      { resources: ['faxes'], sub: { method: 'list', args: ['@list'] } },
    ],
    [`${folder}-get`, folder, [], `one item of ${folder}`, { resources: ['faxes'], sub: { method: 'get', args: ['item-id'] } }],
  ]),
  [
    'prompts',
    'prompts',
    [],
    'the prompt ids and how many languages each has',
    { resources: ['media'], sub: { method: 'list', args: ['@list'] } },
  ],
  ['prompt', 'prompts', [], 'the media ids of one prompt', { resources: ['media'], sub: { method: 'get', args: ['prompt-id', '@list'] } }],
  [
    'languages',
    'languages',
    [],
    'the languages and how many media each has',
    { resources: ['media'], sub: { method: 'list', args: ['@list'] } },
  ],
  [
    'language',
    'languages',
    [],
    'the media ids of one language',
    { resources: ['media'], sub: { method: 'get', args: ['language', '@list'] } },
  ],
];

/** The billing verbs: plans and the bill, payments, the prepaid balance, allotments, rates, second factors. */
function moneyRows(): Row[] {
  const services = { resources: ['services'] };
  const ledgers = { resources: ['ledgers'] };
  const system = (command: string, method: string, args: readonly ArgToken[], description: string): Row => [
    command,
    'system',
    [],
    description,
    { resources: ['multi_factor'], sub: { method, args } },
  ];
  return [
    ['summary', 'summary', [], 'what the account is billed: invoices, items and quantities', services],
    ['change', 'change', ['@body'], 'add, remove and override plans at once (--data {"add":["plan-id"]})', services],
    ['add-plan', 'addPlan', ['plan-id', '@body'], 'assign a service plan (--data holds its overrides)', services],
    ['remove-plan', 'removePlan', ['plan-id'], 'unassign a service plan', { ...services, destructive: true }],
    ['quote', 'quote', ['@body'], 'what a change of plans would bill, without making it', services],
    ['available', 'available', ['@list'], 'the plans the account’s reseller offers', services],
    ['editable', 'editable', [], 'the plan fields the reseller may override', services],
    ['audit', 'audit', ['@list'], 'the audit log of billable changes (--created-from / --created-to)', services],
    ['audit-log', 'auditLog', ['audit-id'], 'fetch one audit log entry', services],
    ['audit-summary', 'auditSummary', ['@list'], 'additions and removals per category and day', services],
    ['audit-summary-of', 'auditSummaryOf', ['category', '@list'], 'additions and removals of one category per day', services],
    ['manual', 'manual', [], 'the manual quantities', services],
    ['set-manual', 'setManual', ['@body'], 'replace the manual quantities (--data {"users":{"admin":2}})', services],
    ['patch-manual', 'patchManual', ['@body'], 'merge into the manual quantities', services],
    ['overrides', 'overrides', [], 'the plan overrides', services],
    ['set-overrides', 'setOverrides', ['@body'], 'replace the plan overrides', services],
    ['patch-overrides', 'patchOverrides', ['@body'], 'merge into the plan overrides', services],
    ['reconcile', 'reconcile', [], 'recount the billable quantities', services],
    ['synchronize', 'synchronize', [], 'push the services to the bookkeeper', services],
    ['topup', 'topup', ['@body'], 'add credit through the payment method (--set amount=25)', services],
    ['sale', 'sale', ['@body'], 'charge the payment method (--set amount=… --set description=…)', { resources: ['transactions'] }],
    ['refund', 'refund', ['@body'], 'refund to the payment method (--set amount=…)', { resources: ['transactions'] }],
    ['summary', 'summary', [], 'this month’s sums by source service', ledgers],
    ['total', 'total', [], 'the balance: every entry summed', ledgers],
    ['available', 'available', [], 'the ledger sources the reseller offers', ledgers],
    ['month', 'month', ['yyyymm'], 'one month’s sums, and per account', ledgers],
    ['credit', 'credit', ['@body'], 'add credit (--data {"amount":…,"source":{…},"usage":{…}})', ledgers],
    ['debit', 'debit', ['@body'], 'debit (--data {"amount":…,"source":{…},"usage":{…}})', ledgers],
    ['consumed', 'consumed', ['@list'], 'seconds consumed per classification', { resources: ['allotments'] }],
    ['ratedecks', 'ratedecks', [], 'the system’s default ratedeck and the ratedecks', { resources: ['rates'] }],
    [
      'for-number',
      'forNumber',
      ['number', '@query'],
      'the rate a call to the number gets (--query direction=outbound)',
      { resources: ['rates'] },
    ],
    ['summary', 'summary', [], 'the account’s configurations and the system’s providers', { resources: ['multi_factor'] }],
    ['for-account', 'forAccount', [], 'the version, asked through the account', { resources: ['about'] }],
    system('system-list', 'summary', [], 'the system’s configurations'),
    system('system-get', 'get', ['config-id'], 'fetch a system configuration (super-duper admins)'),
    system('system-create', 'create', ['@body'], 'create a system configuration (super-duper admins)'),
    system('system-update', 'update', ['config-id', '@body'], 'replace a system configuration (super-duper admins)'),
    system('system-patch', 'patch', ['config-id', '@body'], 'change a system configuration (super-duper admins)'),
  ];
}

/** The port request verbs: listings, state transitions (`--set reason=…`), files and the LOA. */
function portRequestRows(): Row[] {
  const only = { resources: ['port_requests'] };
  const files = (command: string, method: string, args: readonly ArgToken[], description: string, extra: Partial<DomainVerb> = {}): Row => [
    command,
    'attachments',
    ['id'],
    description,
    { ...only, ...extra, sub: { method, args } },
  ];
  return [
    ['list-descendants', 'listDescendants', ['@list'], 'list the port requests of every sub-account', only],
    ['list-managed', 'listManaged', ['@list'], 'list the port requests the login manages as port authority', only],
    ['last-submitted', 'lastSubmitted', [], 'each port request with its last move to submitted', only],
    ['submit', 'submit', ['id', '@body'], 'mark the port ready to process', only],
    ['pending', 'pending', ['id', '@body'], 'mark the port sent to the losing carrier', only],
    [
      'schedule',
      'schedule',
      ['id', '@body'],
      'schedule the port (--data {"schedule_on":{"date_time":"YYYY-MM-DD HH:MM","timezone":…}})',
      only,
    ],
    ['complete', 'complete', ['id', '@body'], 'complete the port', only],
    ['reject', 'reject', ['id', '@body'], 'reject the port', only],
    ['cancel', 'cancel', ['id', '@body'], 'cancel the port for good', { ...only, destructive: true }],
    ['timeline', 'timeline', ['id'], 'the port’s transitions and comments, oldest first', only],
    ['loa', 'loa', ['id'], 'download the Letter of Authorization (PDF)', { ...only, binary: true }],
    files('attachments', 'list', [], 'list the port’s files'),
    files('attachment', 'download', ['name'], 'download one of the port’s files', { binary: true }),
    files('upload-attachment', 'upload', ['name', '@file'], 'add a file (PDF) to the port'),
    files('replace-attachment', 'replace', ['name', '@file'], 'replace one of the port’s files'),
    files('remove-attachment', 'delete', ['name'], 'delete one of the port’s files', { destructive: true }),
  ];
}

/** A method of the class, or a getter of a sub-resource (read without calling it: it needs an instance). */
function hasMember(prototype: object, name: string): boolean {
  for (let at: object | null = prototype; at && at !== Object.prototype; at = Object.getPrototypeOf(at)) {
    const descriptor = Object.getOwnPropertyDescriptor(at, name);
    if (descriptor) return typeof descriptor.value === 'function' || descriptor.get !== undefined;
  }
  return false;
}

/** The domain verbs the CLI knows, matched against each resource class's methods. */
export const DOMAIN_VERBS: readonly DomainVerb[] = ROWS.map(([command, method, args, description, extra]) => ({
  command,
  method,
  args,
  description,
  ...extra,
}));

/** The domain verbs a resource class has (the first matching entry per command). */
export function domainVerbsOf(resource: string, prototype: object, taken: readonly string[] = []): DomainVerb[] {
  const seen = new Set(taken);
  const out: DomainVerb[] = [];
  for (const verb of DOMAIN_VERBS) {
    if (seen.has(verb.command)) continue;
    if (verb.resources && !verb.resources.includes(resource)) continue;
    if (!hasMember(prototype, verb.method)) continue;
    seen.add(verb.command);
    out.push(verb);
  }
  return out;
}
