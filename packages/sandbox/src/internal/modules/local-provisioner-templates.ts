import * as z from 'zod/mini';
import { decodeUpload, isBinaryUpload } from '../binary-body';
import { createdReply, deletedReply, docReply, listDocs } from '../collection';
import { byId } from '../collection-def';
import type { Reply, SandboxRequest } from '../context';
import { badIdentifier, validationError } from '../crossbar-error';
import type { Engine } from '../engine';
import { deepMerge, isObject, type JsonObject, publicDoc, stripReserved } from '../json';
import type { ResourceDef } from '../resource-def';
import { defineModule, route } from '../sandbox-module';
import type { StoredDoc } from '../store';

/**
 * Phone provisioning templates (`provisioner_template`); KAZOO has no schema for them. The
 * `template` object is kept as the document's `template` attachment and put back on every answer.
 */
export const PROVISIONER_TEMPLATES: ResourceDef = {
  name: 'local_provisioner_templates',
  type: 'provisioner_template',
  schema: z.looseObject({}),
  collectionVerbs: ['GET', 'PUT'],
  itemVerbs: ['GET', 'POST', 'DELETE'],
  // `provisioner_templates/crossbar_listing`.
  summary: (doc) => ({ id: doc._id, name: doc.name }),
  sortKey: byId,
};

/** The answer with `template` read back from its attachment (`load_provisioner_template/2`). */
function withTemplate(engine: Engine, doc: StoredDoc, status = 200, req?: SandboxRequest): Reply {
  const file = engine.store.attachment(doc.accountId, doc.id, 'template');
  const template = file ? (JSON.parse(file.data.toString('utf8')) as unknown) : null;
  const reply = status === 201 && req ? createdReply(PROVISIONER_TEMPLATES, req, doc) : docReply(PROVISIONER_TEMPLATES, doc, status);
  return { ...reply, data: { ...(reply.data as JsonObject), template } };
}

/** Splits `template` off the request data and stores it as the attachment after the save (`put/1`, `post/2`). */
function saveTemplate(engine: Engine, doc: StoredDoc, template: unknown): void {
  engine.store.putAttachment(doc.accountId, doc.id, 'template', 'application/json', Buffer.from(JSON.stringify(template ?? null)));
}

function create(engine: Engine, req: SandboxRequest, accountId: string): Reply {
  const data = isObject(req.data) ? { ...req.data } : req.data;
  const template = isObject(data) ? data.template : undefined;
  if (isObject(data)) delete data.template;
  const doc = engine.docs.create(PROVISIONER_TEMPLATES, accountId, data, {
    private: { pvt_provider: 'provisioner.net', pvt_provisioner_type: 'local' },
  });
  saveTemplate(engine, doc, template);
  return withTemplate(engine, doc, 201, req);
}

/** `POST …/{TEMPLATE_ID}`: merged over the stored template (`crossbar_doc:load_merge/3`). */
function update(engine: Engine, req: SandboxRequest, accountId: string, id: string): Reply {
  const stored = engine.docs.load(accountId, PROVISIONER_TEMPLATES, id);
  const data = isObject(req.data) ? stripReserved(req.data) : req.data;
  const template = isObject(data) ? data.template : undefined;
  if (isObject(data)) delete data.template;
  const base = publicDoc(stored.body);
  delete base.id;
  const saved = engine.docs.replace(PROVISIONER_TEMPLATES, accountId, id, isObject(data) ? deepMerge(base, data) : data);
  saveTemplate(engine, saved, template);
  return withTemplate(engine, saved);
}

/**
 * `…/{TEMPLATE_ID}/image` (`load_template_image/2`, `upload_template_image/2`, `delete/3`): the
 * phone's picture as raw bytes (or a base64 data URL); an upload without a file is a 400 naming `file`.
 */
function image(engine: Engine, req: SandboxRequest, accountId: string, id: string): Reply {
  const doc = engine.docs.load(accountId, PROVISIONER_TEMPLATES, id);
  const file = engine.store.attachment(accountId, id, 'image');
  if (req.method === 'GET') {
    if (!file) throw badIdentifier(id);
    return { raw: { body: file.data, contentType: file.contentType } };
  }
  if (req.method === 'DELETE') {
    if (!file) throw badIdentifier(id);
    engine.store.deleteAttachment(accountId, id, 'image');
    return { data: {}, envelope: { revision: String(doc.body._rev) } };
  }
  const upload = decodeUpload(req);
  if (upload.data.length === 0) throw validationError({ file: { required: { message: 'please provide an image file' } } });
  engine.store.putAttachment(accountId, id, 'image', upload.contentType, upload.data);
  return { data: {}, envelope: { revision: String(doc.body._rev) } };
}

/** `cb_local_provisioner_templates`: the account's phone provisioning templates and their images. */
export const localProvisionerTemplatesModule = defineModule({
  name: 'local_provisioner_templates',
  routes: [
    route('accounts/:account/local_provisioner_templates', ['GET', 'PUT'], ({ engine, req, accountId }) =>
      req.method === 'GET' ? listDocs(engine, req, accountId, PROVISIONER_TEMPLATES) : create(engine, req, accountId),
    ),
    route('accounts/:account/local_provisioner_templates/:id', ['GET', 'POST', 'DELETE'], ({ engine, req, accountId, params }) => {
      if (req.method === 'POST') return update(engine, req, accountId, params.id);
      const doc = engine.docs.load(accountId, PROVISIONER_TEMPLATES, params.id);
      if (req.method === 'GET') return withTemplate(engine, doc);
      return deletedReply(PROVISIONER_TEMPLATES, engine.docs.remove(PROVISIONER_TEMPLATES, accountId, params.id));
    }),
    route(
      'accounts/:account/local_provisioner_templates/:id/image',
      ['GET', 'POST', 'DELETE'],
      ({ engine, req, accountId, params }) => image(engine, req, accountId, params.id),
      { binary: isBinaryUpload },
    ),
  ],
});
