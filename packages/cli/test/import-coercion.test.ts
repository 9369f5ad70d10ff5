import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from './cli';
import { cliLoading } from './modules-loaded';
import { useSandboxLogin } from './sandbox-login';

// `audian import` fixes each cell's scalar type by the schema of the resource it imports, and
// loads that resource's schema modules only (through @audian/resources/schema-loaders).
describe.skipIf(!existsSync(BIN))('audian import: cells typed by the resource’s own schema', () => {
  const login = useSandboxLogin();
  const { run } = login;

  let seq = 0;
  const file = (ext: string, text: string): string => {
    const path = join(login.dir, `rows${++seq}.${ext}`);
    writeFileSync(path, text);
    return path;
  };
  const listed = async (resource: string): Promise<Record<string, unknown>[]> =>
    (await run(resource, 'list', '--output', 'json')).json() as Record<string, unknown>[];
  const read = async (resource: string, name: string): Promise<Record<string, unknown>> => {
    const item = (await listed(resource)).find((d) => d.name === name);
    expect(item, `${resource} ${name} was created`).toBeDefined();
    return (await run(resource, 'get', String(item?.id), '--output', 'json')).json();
  };

  it('devices from CSV: an integer cell becomes a number, a "true" name stays text', async () => {
    // sip.expire_seconds is an integer in the devices schema, name a string: the CSV reader makes
    // `true` a boolean and `600` text, the schema turns them back into what the device takes.
    const csv = file(
      'csv',
      'name,sip.username,sip.password,sip.expire_seconds,enabled\ntrue,deskone,secret12,600,false\nLobby,desktwo,secret34,900,true\n',
    );
    const result = await run('import', 'devices', csv);
    expect(result.stderr).toContain('progress: 2/2 rows');
    expect(result.status).toBe(0);
    expect(await read('devices', 'true')).toMatchObject({
      name: 'true',
      enabled: false,
      sip: { username: 'deskone', expire_seconds: 600 },
    });
    expect(await read('devices', 'Lobby')).toMatchObject({ enabled: true, sip: { username: 'desktwo', expire_seconds: 900 } });
  });

  it('vmboxes from NDJSON: numbers where text is wanted become text, text numbers and booleans typed', async () => {
    // mailbox and pin are strings in the vmboxes schema, seek_duration_ms an integer, require_pin a boolean.
    const ndjson = file(
      'ndjson',
      '{"name":"Sales box","mailbox":2001,"pin":1234,"seek_duration_ms":"5000","require_pin":"true"}\n' +
        '{"name":"Support box","mailbox":"2002","pin":"4321","seek_duration_ms":2500,"require_pin":false}\n',
    );
    const result = await run('import', 'vmboxes', ndjson);
    expect(result.stderr).toContain('progress: 2/2 rows');
    expect(result.status).toBe(0);
    expect(await read('vmboxes', 'Sales box')).toMatchObject({ mailbox: '2001', pin: '1234', seek_duration_ms: 5000, require_pin: true });
    expect(await read('vmboxes', 'Support box')).toMatchObject({
      mailbox: '2002',
      pin: '4321',
      seek_duration_ms: 2500,
      require_pin: false,
    });
  });

  it('loads the schema modules of the imported resource only, never the whole schemas barrel', async () => {
    const csv = file('csv', 'name,mailbox,seek_duration_ms\nLoaded box,2003,3000\n');
    const result = await cliLoading(['import', 'vmboxes', csv, '--dry-run'], { configDir: login.configDir });
    expect(result.stdout).toContain('1 rows, 1 valid');
    expect(result.status).toBe(0);
    const loaded = result.modules;
    const schemaModules = loaded.filter((url) => /\/resources\/(dist|src)\/schemas\//.test(url));
    expect(schemaModules.some((url) => /\/schemas\/generated\/vmboxes\.[jt]s$/.test(url))).toBe(true);
    expect(schemaModules.filter((url) => /\/schemas\/index\.[jt]s$/.test(url))).toEqual([]);
    expect(schemaModules.filter((url) => /\/schemas\/(generated\/)?users\.[jt]s$/.test(url))).toEqual([]);
  });
});
