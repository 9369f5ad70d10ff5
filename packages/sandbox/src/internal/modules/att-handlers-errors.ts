import { AttachmentHandlerErrorSchema } from '@audian/resources/schemas';
import { docReply } from '../collection';
import type { Reply, SandboxRequest } from '../context';
import type { Engine } from '../engine';
import { listFilter, pageParams, paginate } from '../listing';
import type { ResourceDef } from '../resource-def';
import { defineModule, route } from '../sandbox-module';

/**
 * Failures of storage backends, kept in the account's MODB (`attachment_handler_error`). The
 * sandbox never reaches a backend, so none are recorded; the endpoints answer what is stored.
 */
export const ATT_HANDLERS_ERRORS: ResourceDef = {
  name: 'att_handlers_errors',
  type: 'attachment_handler_error',
  schema: AttachmentHandlerErrorSchema,
  collectionVerbs: ['GET'],
  itemVerbs: ['GET'],
  // The `att_handlers_errors/crossbar_listing` view's value.
  summary: (doc) => ({ id: doc._id, attachment_name: doc.attachment_name, resp_code: doc.resp_code, reason: doc.reason }),
  sortKey: (doc) => Number(doc.pvt_created),
};

/** A page of the account's failures, newest first by default, optionally one backend's (`list_by_handler`). */
function listing(engine: Engine, req: SandboxRequest, accountId: string, handler?: string): Reply {
  const params = pageParams(req);
  const filter = listFilter(req);
  const page = paginate(
    engine.store.rows(accountId, ATT_HANDLERS_ERRORS.type, '', params.direction, params.from),
    params,
    (doc) => (handler === undefined || doc.handler_id === handler) && (!filter || filter(doc)),
    (doc) => ATT_HANDLERS_ERRORS.summary(doc),
  );
  return { data: page.items, envelope: { ...page.envelope, revision: 'automatic' } };
}

/** `cb_att_handlers_errors`: listings (all, or one handler's via `list_by_handler`) and one failure by id. */
export const attHandlersErrorsModule = defineModule({
  name: 'att_handlers_errors',
  routes: [
    route('accounts/:account/att_handlers_errors', ['GET'], ({ engine, req, accountId }) => listing(engine, req, accountId)),
    route('accounts/:account/att_handlers_errors/handler/:handler', ['GET'], ({ engine, req, accountId, params }) =>
      listing(engine, req, accountId, params.handler),
    ),
    route('accounts/:account/att_handlers_errors/:id', ['GET'], ({ engine, accountId, params }) =>
      docReply(ATT_HANDLERS_ERRORS, engine.docs.load(accountId, ATT_HANDLERS_ERRORS, params.id)),
    ),
  ],
});
