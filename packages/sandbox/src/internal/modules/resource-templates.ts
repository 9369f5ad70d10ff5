import * as z from 'zod/mini';
import { createDoc, itemDoc, listDocs } from '../collection';
import { byId, ITEM_VERBS } from '../collection-def';
import type { Reply, SandboxRequest } from '../context';
import { validationError } from '../crossbar-error';
import type { Engine } from '../engine';
import { compact } from '../json';
import type { ResourceDef } from '../resource-def';
import { defineModule, route } from '../sandbox-module';

/** Carrier templates (`resource_template`); KAZOO validates them against no schema, only `template_name`. */
export const RESOURCE_TEMPLATES: ResourceDef = {
  name: 'resource_templates',
  type: 'resource_template',
  schema: z.looseObject({}),
  collectionVerbs: ['GET', 'PUT'],
  itemVerbs: ITEM_VERBS,
  // `resources/resource_templates`.
  summary: (doc) => compact({ id: doc._id, name: doc.name, template_name: doc.template_name, classifiers: doc.classifiers }),
  sortKey: byId,
  // `cb_resource_templates:check_template_name/1`.
  prepare: (doc) =>
    typeof doc.template_name === 'string' && doc.template_name !== ''
      ? undefined
      : { template_name: { required: { message: 'Template name is required' } } },
};

/**
 * The account whose database holds the templates (`determine_template_database/1`): the URL
 * account's reseller; with `?local=true`, the login's own account when it is a reseller.
 */
function templateAccount(engine: Engine, req: SandboxRequest, accountId: string): string {
  const authId = req.auth?.accountId ?? accountId;
  const local = String(req.query.local ?? '').toLowerCase() === 'true';
  if (local && engine.account(authId)?.body.pvt_reseller === true) return authId;
  const account = engine.account(accountId);
  return (account && engine.resellerOf(account)) || accountId;
}

/** Writes only in the login's own database (`is_allowed_to_update/1`), else a 400 naming `Account`. */
function allowWrite(req: SandboxRequest, holder: string): void {
  if (req.method === 'GET') return;
  if (holder !== req.auth?.accountId) {
    throw validationError({ Account: { forbidden: { message: 'You are not authorized to modify the resource templates' } } });
  }
}

function templates(engine: Engine, req: SandboxRequest, accountId: string, id?: string): Reply {
  const holder = templateAccount(engine, req, accountId);
  allowWrite(req, holder);
  if (id !== undefined) return itemDoc(engine, req, holder, RESOURCE_TEMPLATES, id);
  return req.method === 'GET' ? listDocs(engine, req, holder, RESOURCE_TEMPLATES) : createDoc(engine, req, holder, RESOURCE_TEMPLATES);
}

/** `cb_resource_templates`: carrier templates a reseller offers the accounts under it. */
export const resourceTemplatesModule = defineModule({
  name: 'resource_templates',
  routes: [
    route('accounts/:account/resource_templates', ['GET', 'PUT'], ({ engine, req, accountId }) => templates(engine, req, accountId)),
    route('accounts/:account/resource_templates/:id', ITEM_VERBS, ({ engine, req, accountId, params }) =>
      templates(engine, req, accountId, params.id),
    ),
  ],
});
