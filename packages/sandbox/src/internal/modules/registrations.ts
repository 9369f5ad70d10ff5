import * as z from 'zod/mini';
import type { Reply, SandboxRequest } from '../context';
import type { Engine } from '../engine';
import { publicDoc } from '../json';
import { listFilter } from '../listing';
import type { ResourceDef } from '../resource-def';
import { defineModule, route } from '../sandbox-module';

/** Registrations the sandbox pretends its registrar holds (seeded; flushed by DELETE). */
export const REGISTRATIONS: ResourceDef = {
  name: 'registrations',
  type: 'registration',
  schema: z.looseObject({}),
  collectionVerbs: ['GET', 'DELETE'],
  itemVerbs: ['DELETE'],
  summary: (doc) => {
    const out = publicDoc(doc);
    delete out.id;
    return out;
  },
  sortKey: (doc) => String(doc.username ?? ''),
};

/** `GET …/registrations` (all at once, as the registrar answers) and `DELETE` (flush). */
function registrations(engine: Engine, req: SandboxRequest, accountId: string, username?: string): Reply {
  if (username === 'count') {
    return { data: { count: engine.store.count(accountId, REGISTRATIONS.type) }, envelope: { revision: 'automatic' } };
  }
  if (req.method === 'DELETE') {
    for (const reg of engine.store.children(accountId, REGISTRATIONS.type, '')) {
      if (username === undefined || String(reg.body.username).toLowerCase() === username.toLowerCase()) {
        engine.docs.remove(REGISTRATIONS, accountId, reg.id);
      }
    }
    return { data: 'ok', envelope: { revision: 'automatic' } };
  }
  const filter = listFilter(req);
  const data = engine.store
    .children(accountId, REGISTRATIONS.type, '')
    .filter((r) => !filter || filter(r.body))
    .map((r) => REGISTRATIONS.summary(r.body));
  return { data, envelope: { page_size: data.length, revision: 'automatic' } };
}

/** `cb_registrations`: the SIP registrations the registrar holds (seeded in a sandbox), count and flush. */
export const registrationsModule = defineModule({
  name: 'registrations',
  routes: [
    route('accounts/:account/registrations', ['GET', 'DELETE'], ({ engine, req, accountId }) => registrations(engine, req, accountId)),
    route('accounts/:account/registrations/count', ['GET'], ({ engine, req, accountId }) => registrations(engine, req, accountId, 'count')),
    route('accounts/:account/registrations/:username', ['DELETE'], ({ engine, req, accountId, params }) =>
      registrations(engine, req, accountId, params.username),
    ),
  ],
});
