import { describe, expect, it } from 'vitest';
import { acct, crudWireCases, rejectionOf, scriptedClient, wireCases } from './wire';

const GROUP = '1743724cd775bf6994380dbc79c1af09';
const USER = 'df9274b450ea6795cdb381055c3f9b45';
const DEVICE = 'dd03d7442a4bec5c092ea6a0e6d579ef';
const endpoints = { [USER]: { type: 'user', weight: 1 }, [DEVICE]: { type: 'device', weight: 2 } } as const;

describe('groups on the wire', () => {
  wireCases([
    ...crudWireCases({
      name: 'groups',
      resource: (a) => a.groups,
      path: '/groups',
      id: GROUP,
      document: { id: GROUP, name: 'Test group', music_on_hold: {}, endpoints },
      create: { name: 'Test group', endpoints },
      patch: { endpoints: { [DEVICE]: null } },
    }),
    {
      label: 'forUser → GET …/users/{USER_ID}/groups',
      call: (a) => a.groups.forUser(USER),
      request: { method: 'GET', path: acct(`/users/${USER}/groups`) },
      reply: [200, [{ id: GROUP, name: 'Test group', features: [], endpoints: 2 }]],
    },
  ]);
});

describe('group validation', () => {
  const { client } = scriptedClient();

  it('each endpoint needs a type KAZOO knows', async () => {
    const error = await rejectionOf(client.audian().groups.create({ name: 'G', endpoints: { [USER]: { type: 'phone' as never } } }));
    expect(error.issues?.[0]).toMatchObject({ path: `endpoints.${USER}.type`, code: 'enum' });
    expect(client.server().requests).toHaveLength(0);
  });

  it('a null member is a deletion: allowed in a patch, not in a whole document', async () => {
    const error = await rejectionOf(client.audian().groups.update(GROUP, { name: 'G', endpoints: { [USER]: null as never } }));
    expect(error.issues?.[0]).toMatchObject({ path: `endpoints.${USER}`, code: 'type' });
    expect(client.server().requests).toHaveLength(0);
  });
});
