import { GREGORIAN_OFFSET } from './clock';
import type { Engine } from './engine';
import { newId, newModbId } from './ids';
import type { JsonObject } from './json';
import { MODULES } from './modules';
import { CALLFLOWS } from './modules/callflows';
import { CDRS } from './modules/cdrs';
import { DEVICES } from './modules/devices';
import { GROUPS } from './modules/groups';
import { PHONE_NUMBERS } from './modules/phone-numbers';
import { storeRecording } from './modules/recordings';
import { REGISTRATIONS } from './modules/registrations';
import { USERS } from './modules/users';
import { MESSAGES, VMBOXES } from './modules/vmboxes';
import { nextRevision } from './store';

/** A small deterministic PRNG (mulberry32), so demo data looks the same on every start. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PEOPLE = [
  ['Alice', 'Anderson', '1001'],
  ['Bob', 'Brown', '1002'],
  ['Carol', 'Chen', '1003'],
  ['Dave', 'Diaz', '1004'],
] as const;

const CAUSES = ['NORMAL_CLEARING', 'NORMAL_CLEARING', 'NORMAL_CLEARING', 'NO_ANSWER', 'USER_BUSY', 'ORIGINATOR_CANCEL'];

/**
 * How much demo content {@link addDemoData} adds: `full` for the seeded account, `basic` (users,
 * their devices without MAC addresses, voicemail boxes and extension callflows; no numbers,
 * messages, registrations, CDRs or recordings) for each of many sub-accounts, where numbers and
 * MACs would collide and CDRs would dominate.
 */
export type DemoExtent = 'full' | 'basic';

/**
 * Demo content for an account: users with devices (some registered), a callflow per extension and
 * a main number, voicemail boxes with messages, two numbers, and 30 days of CDRs.
 */
export function addDemoData(engine: Engine, accountId: string, realm: string, extent: DemoExtent = 'full'): void {
  const full = extent === 'full';
  const rand = prng(0x5eed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
  const users: { id: string; name: string; ext: string; deviceId: string }[] = [];
  engine.store.transaction(() => {
    PEOPLE.forEach(([first, last, ext], i) => {
      const user = engine.docs.create(USERS, accountId, {
        first_name: first,
        last_name: last,
        username: first.toLowerCase(),
        // A username needs a password (`kzd_users:maybe_rehash_creds/3`); demo users get a random one.
        password: newId(),
        email: `${first.toLowerCase()}@example.com`,
        presence_id: ext,
        timezone: 'America/Los_Angeles',
        caller_id: { internal: { name: `${first} ${last}`, number: ext } },
      });
      const device = engine.docs.create(DEVICES, accountId, {
        name: `${first}'s desk phone`,
        device_type: 'sip_device',
        owner_id: user.id,
        // MAC addresses are unique across the system (the provisioner keys on them): only the seeded account's phones have one.
        ...(full ? { mac_address: `00:04:f2:00:00:${String(10 + i).padStart(2, '0')}` } : {}),
        sip: { username: `user_${ext}`, password: newId().slice(0, 16) },
      });
      if (i % 2 === 0) {
        engine.docs.create(DEVICES, accountId, {
          name: `${first}'s softphone`,
          device_type: 'softphone',
          owner_id: user.id,
          sip: { username: `soft_${ext}`, password: newId().slice(0, 16) },
        });
      }
      const box = engine.docs.create(VMBOXES, accountId, {
        name: `${first}'s voicemail`,
        mailbox: ext,
        owner_id: user.id,
        pin: '0000',
      });
      engine.docs.create(CALLFLOWS, accountId, {
        name: `${first} ${last}`,
        numbers: [ext],
        flow: { module: 'user', data: { id: user.id }, children: { _: { module: 'voicemail', data: { id: box.id }, children: {} } } },
      });
      for (let m = 0; full && m < i % 3; m++) {
        const stamp = engine.clock.gregorian() - Math.floor(rand() * 5 * 86_400);
        engine.docs.create(
          MESSAGES,
          accountId,
          {
            folder: m === 0 ? 'new' : 'saved',
            timestamp: stamp,
            length: 3000 + Math.floor(rand() * 20_000),
            caller_id_number: `+1415555${String(1000 + Math.floor(rand() * 8999))}`,
            caller_id_name: 'Demo Caller',
            from: `caller@${realm}`,
            to: `${ext}@${realm}`,
          },
          { id: newModbId(stamp - GREGORIAN_OFFSET), parentId: box.id, private: { pvt_parent_id: box.id } },
        );
      }
      if (full && i < 3) {
        engine.docs.create(REGISTRATIONS, accountId, registration(engine, realm, `user_${ext}`, device.id, user.id, i), {
          id: `user_${ext}`,
        });
      }
      users.push({ id: user.id, name: `${first} ${last}`, ext, deviceId: device.id });
    });
    if (!full) return;
    const group = engine.docs.create(GROUPS, accountId, {
      name: 'Everyone',
      endpoints: Object.fromEntries(users.map((u) => [u.id, { type: 'user' }])),
    });
    engine.docs.create(CALLFLOWS, accountId, {
      name: 'Main number',
      numbers: ['+14155550100', '0'],
      flow: {
        module: 'ring_group',
        data: { endpoints: users.map((u) => ({ id: u.id, endpoint_type: 'user' })), name: group.id },
        children: {},
      },
    });
    for (const [number, state] of [
      ['+14155550100', 'in_service'],
      ['+14155550101', 'reserved'],
    ] as const) {
      engine.docs.create(
        PHONE_NUMBERS,
        accountId,
        {},
        { id: number, private: { pvt_state: state, pvt_assigned_to: accountId, pvt_features: ['local'] } },
      );
    }
    addCdrs(engine, accountId, realm, users, rand, pick);
    addRecordings(engine, accountId, realm, users);
  });
  engine.store.transaction(() => {
    for (const module of MODULES) module.demo?.({ engine, accountId, realm, extent });
  });
}

/** A stand-in MP3: an ID3 tag and one silent MPEG frame header, enough for players to recognise the type. */
function silentMp3(): Buffer {
  return Buffer.concat([
    Buffer.from('ID3\x03\x00\x00\x00\x00\x00\x00', 'latin1'),
    Buffer.from([0xff, 0xfb, 0x90, 0x64]),
    Buffer.alloc(413),
  ]);
}

function addRecordings(
  engine: Engine,
  accountId: string,
  realm: string,
  users: readonly { id: string; name: string; ext: string }[],
): void {
  users.slice(0, 2).forEach((user, i) => {
    const start = engine.clock.gregorian() - (i + 1) * 3600;
    const callId = `${newId()}@sandbox`;
    const outside = `+1415555${String(2000 + i)}`;
    storeRecording(
      engine,
      accountId,
      newModbId(start - GREGORIAN_OFFSET),
      {
        name: `call_recording_${callId.slice(0, 12)}.mp3`,
        description: 'recording of a call',
        call_id: callId,
        caller_id_name: 'Outside Caller',
        caller_id_number: outside,
        callee_id_name: user.name,
        callee_id_number: user.ext,
        direction: 'inbound',
        from: `${outside}@${realm}`,
        to: `${user.ext}@${realm}`,
        owner_id: user.id,
        media_type: 'mp3',
        content_type: 'audio/mpeg',
        duration: 42 + i * 17,
        duration_ms: (42 + i * 17) * 1000,
        start,
        origin: 'inbound from offnet',
        source_type: 'kz_call_recording',
      },
      silentMp3(),
    );
  });
}

function registration(engine: Engine, realm: string, username: string, deviceId: string, ownerId: string, i: number): JsonObject {
  const ip = `192.168.1.${20 + i}`;
  return {
    account_realm: realm,
    authorizing_id: deviceId,
    authorizing_type: 'device',
    call_id: `${newId().slice(0, 10)}@${ip}`,
    contact: `sip:${username}@${ip}:5060`,
    contact_ip: ip,
    contact_port: '5060',
    event_timestamp: engine.clock.gregorian(),
    expires: 300,
    from_host: realm,
    from_user: username,
    original_contact: `sip:${username}@${ip}:5060`,
    owner_id: ownerId,
    realm,
    to_host: realm,
    to_user: username,
    user_agent: i === 1 ? 'Zoiper rv2.10' : 'Yealink SIP-T46S 66.86.0.15',
    username,
  };
}

function addCdrs(
  engine: Engine,
  accountId: string,
  realm: string,
  users: readonly { id: string; name: string; ext: string; deviceId: string }[],
  rand: () => number,
  pick: <T>(items: readonly T[]) => T,
): void {
  const now = engine.clock.gregorian();
  for (let day = 0; day < 30; day++) {
    const calls = 6 + Math.floor(rand() * 8);
    for (let c = 0; c < calls; c++) {
      const user = pick(users);
      const end = now - day * 86_400 - Math.floor(rand() * 86_400);
      const cause = pick(CAUSES);
      const duration = cause === 'NORMAL_CLEARING' ? 20 + Math.floor(rand() * 600) : Math.floor(rand() * 30);
      const inbound = rand() < 0.5;
      const outside = `+1415555${String(1000 + Math.floor(rand() * 8999))}`;
      const id = newModbId(end - GREGORIAN_OFFSET);
      const callId = `${newId()}@sandbox`;
      const body: JsonObject = {
        _id: id,
        call_id: callId,
        caller_id_name: inbound ? 'Outside Caller' : user.name,
        caller_id_number: inbound ? outside : user.ext,
        callee_id_name: inbound ? user.name : '',
        callee_id_number: inbound ? user.ext : outside,
        duration_seconds: duration,
        billing_seconds: cause === 'NORMAL_CLEARING' ? duration : 0,
        ringing_seconds: Math.floor(rand() * 10),
        timestamp: end,
        hangup_cause: cause,
        call_direction: inbound ? 'inbound' : 'outbound',
        request: `${inbound ? user.ext : outside}@${realm}`,
        to_uri: `${inbound ? user.ext : outside}@${realm}`,
        from_uri: `${inbound ? outside : user.ext}@${realm}`,
        interaction_id: `${end}-${newId().slice(0, 8)}`,
        custom_channel_vars: {
          account_id: accountId,
          owner_id: user.id,
          authorizing_id: user.deviceId,
          authorizing_type: 'device',
          inception: inbound ? 'offnet' : 'onnet',
        },
        pvt_type: CDRS.type,
        pvt_account_id: accountId,
        pvt_created: end,
        pvt_modified: end,
      };
      body._rev = nextRevision(undefined, body);
      engine.store.insert({ accountId, id, type: CDRS.type, sortKey: end, body });
    }
  }
}
