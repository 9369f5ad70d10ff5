import type { Reply, SandboxRequest } from '../context';
import { badIdentifierList, CrossbarError, validationError } from '../crossbar-error';
import type { Engine } from '../engine';
import { isObject, type JsonObject } from '../json';
import { solidPng } from '../png';
import { defineModule, route } from '../sandbox-module';
import type { StoredDoc } from '../store';

/** One app of the sandbox's store: what KAZOO keeps in the master account's `app` documents. */
interface CatalogueApp {
  readonly id: string;
  readonly name: string;
  readonly label: string;
  readonly description: string;
  readonly tags: readonly string[];
  readonly colour: number;
  readonly screenshots: number;
}

/** A small Monster UI catalogue (KAZOO loads it from the apps its master account has installed). */
const CATALOGUE: readonly CatalogueApp[] = [
  {
    id: 'a0a0a0a0a0a0a0a0a0a0a0a0a0a00001',
    name: 'voip',
    label: 'Smart PBX',
    description: 'Users, devices, numbers and call routing',
    tags: ['reseller', 'developer'],
    colour: 0x2297e6,
    screenshots: 2,
  },
  {
    id: 'a0a0a0a0a0a0a0a0a0a0a0a0a0a00002',
    name: 'callflows',
    label: 'Advanced Callflows',
    description: 'Build call flows action by action',
    tags: ['reseller', 'developer'],
    colour: 0x6c4ab6,
    screenshots: 1,
  },
  {
    id: 'a0a0a0a0a0a0a0a0a0a0a0a0a0a00003',
    name: 'numbers',
    label: 'Number Manager',
    description: 'Buy, port and assign phone numbers',
    tags: ['reseller'],
    colour: 0x1aa260,
    screenshots: 1,
  },
  {
    id: 'a0a0a0a0a0a0a0a0a0a0a0a0a0a00004',
    name: 'accounts',
    label: 'Accounts Manager',
    description: 'Create and manage sub-accounts',
    tags: ['reseller'],
    colour: 0xf29b1d,
    screenshots: 0,
  },
  {
    id: 'a0a0a0a0a0a0a0a0a0a0a0a0a0a00005',
    name: 'port',
    label: 'Port Requests',
    description: 'Bring numbers over from another carrier',
    tags: ['reseller'],
    colour: 0xd9453c,
    screenshots: 1,
  },
  {
    id: 'a0a0a0a0a0a0a0a0a0a0a0a0a0a00006',
    name: 'webhooks',
    label: 'Webhooks',
    description: 'Send call events to your web server',
    tags: ['developer'],
    colour: 0x3b3f45,
    screenshots: 0,
  },
];

/** The account's `apps_store` document (`kzd_apps_store`): installed apps' permissions and the blacklist. */
const STORE_ID = 'apps_store';
const STORE_DEF = { type: 'apps_store', sortKey: () => STORE_ID } as const;

function storeOf(engine: Engine, accountId: string): StoredDoc | undefined {
  const doc = engine.store.get(accountId, STORE_ID);
  return doc && !doc.deleted ? doc : undefined;
}

const installed = (doc: StoredDoc | undefined): JsonObject => (doc && isObject(doc.body.apps) ? doc.body.apps : {});
const blacklistOf = (doc: StoredDoc | undefined): string[] =>
  doc && Array.isArray(doc.body.blacklist) ? (doc.body.blacklist as unknown[]).filter((x): x is string => typeof x === 'string') : [];

/** Saves the apps_store document (`kzd_apps_store:new/1` the first time). */
function saveStore(engine: Engine, accountId: string, body: JsonObject): void {
  const existing = engine.store.get(accountId, STORE_ID);
  const next = { apps: installed(existing), blacklist: blacklistOf(existing), ...body };
  if (existing) engine.docs.save(STORE_DEF, existing, { ...existing.body, ...next });
  else
    engine.store.insert({
      accountId,
      id: STORE_ID,
      type: STORE_DEF.type,
      sortKey: STORE_ID,
      body: {
        _id: STORE_ID,
        pvt_type: STORE_DEF.type,
        pvt_account_id: accountId,
        pvt_created: engine.clock.gregorian(),
        pvt_modified: engine.clock.gregorian(),
        ...next,
      },
    });
}

/** The master account (the top of the tree), which KAZOO's catalogue belongs to. */
function masterOf(engine: Engine, accountId: string): string {
  const tree = engine.account(accountId)?.body.pvt_tree;
  return Array.isArray(tree) && typeof tree[0] === 'string' ? tree[0] : accountId;
}

/**
 * `cb_apps_util:allowed_apps/2`: the catalogue less the account's blacklist, and less `port` when
 * the reseller's whitelabel hides it from a non-reseller account (`allowed_whitelabel_doc/3`).
 */
function allowedApps(engine: Engine, accountId: string): CatalogueApp[] {
  const blacklist = blacklistOf(storeOf(engine, accountId));
  const account = engine.account(accountId);
  const reseller = account ? engine.resellerOf(account) : undefined;
  const hidesPort =
    account?.body.pvt_reseller !== true && reseller !== undefined && engine.store.get(reseller, 'whitelabel')?.body.hide_port === true;
  return CATALOGUE.filter((app) => !blacklist.includes(app.id) && !(hidesPort && app.name === 'port'));
}

/** `cb_apps_store:normalize_apps_result/2`, permissions of an installed app merged in. */
function summary(engine: Engine, accountId: string, app: CatalogueApp): JsonObject {
  const permissions = installed(storeOf(engine, accountId))[app.id];
  return {
    id: app.id,
    name: app.name,
    i18n: { 'en-US': { label: app.label, description: app.description } },
    tags: app.tags,
    account_id: masterOf(engine, accountId),
    masqueradable: true,
    phase: 'gold',
    ...(isObject(permissions) ? { users: permissions.users, allowed_users: permissions.allowed_users } : {}),
  };
}

function full(engine: Engine, accountId: string, app: CatalogueApp): JsonObject {
  return {
    ...summary(engine, accountId, app),
    icon: `${app.name}.png`,
    screenshots: Array.from({ length: app.screenshots }, (_, i) => `${app.name}-${i + 1}.png`),
    author: 'Audian sandbox',
    version: '5.4',
    license: '-',
    price: 0,
  };
}

/** `cb_apps_store:bad_app_error/2`. */
const badApp = (id: string) => new CrossbarError(404, 'bad_identifier', { details: id, message: 'bad identifier' });

function allowedApp(engine: Engine, accountId: string, id: string): CatalogueApp | undefined {
  return allowedApps(engine, accountId).find((app) => app.id === id);
}

/** PUT, POST and DELETE on one app (`cb_apps_store:validate_modification/2` then `prepare_*`). */
function modify(engine: Engine, req: SandboxRequest, accountId: string, id: string): Reply {
  const app = allowedApp(engine, accountId, id);
  if (!app) throw new CrossbarError(403, 'forbidden', { details: id, message: 'forbidden' });
  const apps = { ...installed(storeOf(engine, accountId)) };
  const present = isObject(apps[id]);
  if (req.method === 'PUT' && present) throw new CrossbarError(400, 'Application already installed', {});
  if (req.method !== 'PUT' && !present) throw new CrossbarError(400, 'Application is not installed', {});
  if (req.method === 'DELETE') {
    delete apps[id];
    saveStore(engine, accountId, { apps });
    return { data: {} };
  }
  if (!isObject(req.data)) {
    throw validationError({ data: { type: { message: 'Value did not match type(s): object', target: 'object' } } });
  }
  apps[id] = { ...req.data, name: app.name };
  saveStore(engine, accountId, { apps });
  return { data: apps[id] };
}

/** An app's icon or screenshot (`cb_apps_store:get_icon/1`, `get_screenshot/2`), answered without a login. */
function image(id: string, index: string | undefined): Reply {
  const app = CATALOGUE.find((a) => a.id === id);
  if (!app) throw badApp(id);
  if (index !== undefined) {
    const n = Number(index);
    if (!/^\d+$/.test(index) || n >= app.screenshots) throw badIdentifierList(`screenshot/${index}`);
    // Screenshots are a lighter shade of the icon's colour, one per index.
    const shade = (app.colour + 0x202020 * (n + 1)) & 0xffffff;
    return {
      raw: { body: solidPng(shade, 32), contentType: 'image/png' },
      headers: { 'content-disposition': `attachment; filename=${app.name}-${n + 1}.png` },
    };
  }
  return {
    raw: { body: solidPng(app.colour), contentType: 'image/png' },
    headers: { 'content-disposition': `attachment; filename=${app.name}.png` },
  };
}

/** `cb_apps_store`: the Monster UI apps an account may use, installed with per-user permissions, and the blacklist. */
export const appsStoreModule = defineModule({
  name: 'apps_store',
  routes: [
    route('accounts/:account/apps_store', ['GET'], ({ engine, accountId }) => ({
      data: allowedApps(engine, accountId).map((app) => summary(engine, accountId, app)),
    })),
    route('accounts/:account/apps_store/blacklist', ['GET', 'POST'], ({ engine, req, accountId }) => {
      if (req.method === 'POST') {
        const given = isObject(req.data) ? req.data.blacklist : undefined;
        const blacklist = Array.isArray(given) ? given.filter((x): x is string => typeof x === 'string') : [];
        saveStore(engine, accountId, { blacklist });
      }
      return { data: { blacklist: blacklistOf(storeOf(engine, accountId)) } };
    }),
    route('accounts/:account/apps_store/:app', ['GET', 'PUT', 'POST', 'DELETE'], ({ engine, req, accountId, params }) => {
      if (req.method !== 'GET') return modify(engine, req, accountId, params.app);
      const app = allowedApp(engine, accountId, params.app);
      if (!app) throw badApp(params.app);
      return { data: full(engine, accountId, app) };
    }),
    // `cb_apps_store:authenticate_nouns/2`: icons and screenshots need no login.
    route('accounts/:account/apps_store/:app/icon', ['GET'], ({ params }) => image(params.app, undefined), { public: true }),
    route('accounts/:account/apps_store/:app/screenshot/:index', ['GET'], ({ params }) => image(params.app, params.index), {
      public: true,
    }),
  ],
});
