import type { Reply } from '../context';
import { SANDBOX_VERSION } from '../http';
import { defineModule, route } from '../sandbox-module';

/** `cb_about:display_version/1`: the version serving the API. */
function about(): Reply {
  return { data: { version: SANDBOX_VERSION }, envelope: { revision: 'automatic' } };
}

/** `cb_about`: the platform's version, asked with or without an account. */
export const aboutModule = defineModule({
  name: 'about',
  routes: [route('about', ['GET'], about), route('accounts/:account/about', ['GET'], about)],
});
