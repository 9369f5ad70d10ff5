import type { JsonObject } from '../json';
import { isObject } from '../json';
import { defineModule, route } from '../sandbox-module';
import type { StoredDoc } from '../store';
import { DEVICES } from './devices';
import { USERS } from './users';

/** The `hotdesks/crossbar_listing` rows of a device: one `{device_id, device_name}` per user in its `hotdesk.users`, keyed by user. */
function hotdeskRows(device: StoredDoc): [string, JsonObject][] {
  const users = isObject(device.body.hotdesk) && isObject(device.body.hotdesk.users) ? device.body.hotdesk.users : {};
  return Object.keys(users).map((userId) => [userId, { device_id: device.id, device_name: device.body.name }]);
}

/**
 * `cb_hotdesks`: which devices users are hot-desked on (`hotdesk.users` of the devices): all of
 * them, a user's devices, or a device's users (`users/list_by_id` rows).
 */
export const hotdesksModule = defineModule({
  name: 'hotdesks',
  routes: [
    route('accounts/:account/hotdesks', ['GET'], ({ engine, accountId }) => {
      const rows = engine.store.children(accountId, DEVICES.type, '').flatMap(hotdeskRows);
      rows.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return { data: rows.map(([, row]) => row), envelope: { revision: 'automatic' } };
    }),
    route('accounts/:account/users/:id/hotdesks', ['GET'], ({ engine, accountId, params }) => {
      engine.docs.load(accountId, USERS, params.id);
      const rows = engine.store.children(accountId, DEVICES.type, '').flatMap(hotdeskRows);
      return { data: rows.filter(([user]) => user === params.id).map(([, row]) => row), envelope: { revision: 'automatic' } };
    }),
    route('accounts/:account/devices/:id/hotdesks', ['GET'], ({ engine, accountId, params }) => {
      const device = engine.docs.load(accountId, DEVICES, params.id);
      const data = hotdeskRows(device).flatMap(([userId]) => {
        const user = engine.store.get(accountId, userId);
        if (!user || user.deleted || user.type !== USERS.type) return [];
        return [
          {
            id: user.id,
            first_name: user.body.first_name,
            last_name: user.body.last_name,
            username: user.body.username,
            email: user.body.email,
          },
        ];
      });
      return { data, envelope: { revision: 'automatic' } };
    }),
  ],
});
