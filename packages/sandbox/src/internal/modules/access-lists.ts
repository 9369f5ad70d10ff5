import * as schemas from '@audian/resources/schemas';
import { ACCOUNTS } from '../accounts-def';
import type { Reply, SandboxRequest } from '../context';
import { CrossbarError, validationError } from '../crossbar-error';
import type { Engine } from '../engine';
import { isObject, type JsonObject } from '../json';
import type { ResourceDef } from '../resource-def';
import { defineModule, route } from '../sandbox-module';
import type { StoredDoc } from '../store';
import { validateDocument } from '../validation';
import { DEVICES } from './devices';

/** `cb_access_lists:thing_id_not_found/2`. */
function thingNotFound(id: string): CrossbarError {
  return new CrossbarError(404, 'bad_identifier', { cause: 'Identifier was not found', details: id });
}

/** The account or device document the list lives on (`cb_access_lists:thing_doc/1`). */
function thing(engine: Engine, accountId: string, deviceId: string | undefined): { doc: StoredDoc; def: ResourceDef } {
  if (deviceId === undefined) {
    const doc = engine.store.get(accountId, accountId);
    if (!doc || doc.deleted) throw thingNotFound(accountId);
    return { doc, def: ACCOUNTS };
  }
  const doc = engine.store.get(accountId, deviceId);
  if (!doc || doc.deleted || doc.type !== DEVICES.type) throw thingNotFound(deviceId);
  return { doc, def: DEVICES };
}

/**
 * `GET|POST|DELETE …/access_lists` of an account or a device: the `access_lists` key of its
 * document — `{}` when unset, the list after a POST (validated against `access_lists`), `{}` after
 * a DELETE.
 */
function accessLists(engine: Engine, req: SandboxRequest, accountId: string, deviceId?: string): Reply {
  const { doc, def } = thing(engine, accountId, deviceId);
  if (req.method === 'GET') {
    const current = doc.body.access_lists;
    return { data: isObject(current) ? current : {}, envelope: { revision: String(doc.body._rev) } };
  }
  if (req.method === 'DELETE') {
    const { access_lists: _removed, ...rest } = doc.body;
    const saved = engine.docs.save(def, doc, rest);
    return { data: {}, envelope: { revision: String(saved.body._rev) } };
  }
  const data = isObject(req.data) ? req.data : undefined;
  if (!data) throw validationError({ data: { type: { message: 'Value did not match type(s): object', target: 'object' } } });
  const result = validateDocument(schemas.AccessListSchema, data);
  if (!result.ok) throw validationError(result.errors);
  const saved = engine.docs.save(def, doc, { ...doc.body, access_lists: result.value as JsonObject });
  return { data: saved.body.access_lists, envelope: { revision: String(saved.body._rev) } };
}

/** `cb_access_lists` (frontier): SIP access lists of the account and of its devices. */
export const accessListsModule = defineModule({
  name: 'access_lists',
  routes: [
    route('accounts/:account/access_lists', ['GET', 'POST', 'DELETE'], ({ engine, req, accountId }) => accessLists(engine, req, accountId)),
    route('accounts/:account/devices/:device/access_lists', ['GET', 'POST', 'DELETE'], ({ engine, req, accountId, params }) =>
      accessLists(engine, req, accountId, params.device),
    ),
  ],
});
