import { describe, expect, it } from 'vitest';
import { crudWireCases, rejectionOf, scriptedClient, wireCases } from './wire';

const LIST = 'b1acb1acb1acb1acb1acb1acb1acb1ac';

describe('blacklists on the wire', () => {
  wireCases(
    crudWireCases({
      name: 'blacklists',
      resource: (a) => a.blacklists,
      path: '/blacklists',
      id: LIST,
      document: { id: LIST, name: 'Spam', numbers: { '+14155550199': {} }, should_block_anonymous: true, note: 'kept' },
      create: { name: 'Spam', numbers: { '+14155550199': {} } },
      patch: { numbers: { '+14155550123': {}, '+14155550199': null } },
    }),
  );
});

describe('blacklist validation', () => {
  const { client } = scriptedClient();

  it('numbers is an object keyed by number, not an array', async () => {
    const error = await rejectionOf(client.audian().blacklists.create({ name: 'Spam', numbers: ['+14155550199'] as never }));
    expect(error.issues?.[0]).toMatchObject({ path: 'numbers', code: 'type' });
    expect(client.server().requests).toHaveLength(0);
  });
});
