import { defineModule, route } from '../sandbox-module';

/**
 * `cb_acls`: the SIP front end's access rules (`ecallmgr` `acls`, by name). The sandbox has no
 * SIP front end, so its configuration holds none: the answer is an empty object.
 */
export const aclsModule = defineModule({
  name: 'acls',
  routes: [route('accounts/:account/acls', ['GET'], () => ({ data: {}, envelope: { revision: 'automatic' } }))],
});
