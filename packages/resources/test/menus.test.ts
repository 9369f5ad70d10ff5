import { describe, expect, it } from 'vitest';
import { crudWireCases, rejectionOf, scriptedClient, wireCases } from './wire';

const MENU = 'e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1';

describe('menus on the wire', () => {
  wireCases(
    crudWireCases({
      name: 'menus',
      resource: (a) => a.menus,
      path: '/menus',
      id: MENU,
      document: { id: MENU, name: 'Main menu', retries: 3, media: { greeting: 'media-1' }, ui_metadata: { origin: 'callflows' } },
      create: { name: 'Main menu', retries: 2, max_extension_length: 4 },
      patch: { media: { greeting: null }, timeout: 8000 },
    }),
  );
});

describe('menu validation', () => {
  const { client } = scriptedClient();

  it('checks ranges before sending (retries 1–10, extension length 1–6)', async () => {
    const error = await rejectionOf(client.audian().menus.create({ name: 'M', retries: 0, max_extension_length: 9 }));
    expect(error.issues?.map((i) => [i.path, i.code])).toEqual([
      ['max_extension_length', 'maximum'],
      ['retries', 'minimum'],
    ]);
    expect(client.server().requests).toHaveLength(0);
  });
});
