import { randomBytes } from 'node:crypto';
import { OFFICE_MARKER, type OfficeDocument, type OfficeIds } from '../../office-document.js';
import type { OfficeSpec } from '../../office-spec.js';

/**
 * A login password for a user office-setup creates: KAZOO will not store a username without one
 * (`kzd_users:maybe_rehash_creds/3`). Nobody is told it: the person sets their own through
 * password recovery, or an admin resets it.
 */
function newPassword(): string {
  return randomBytes(18).toString('base64url');
}

/** A placeholder for an id that does not exist yet (shown in plans, never sent). */
export function idOf(ids: OfficeIds, key: string): string {
  return ids.get(key) ?? `<new ${key}>`;
}

const fullName = (u: { first_name: string; last_name: string }) => `${u.first_name} ${u.last_name}`;

/**
 * Turns a spec into the documents the office needs, each with its dependencies. Pure: the same
 * spec always gives the same documents, which is what makes applying twice a no-op.
 */
export function desiredState(spec: OfficeSpec): OfficeDocument[] {
  const out: OfficeDocument[] = [];
  const marker = (key: string) => ({ [OFFICE_MARKER]: { office: spec.office, key } });
  const usersByExt = new Map(spec.users.map((u) => [u.extension, u]));

  for (const user of spec.users) {
    const userKey = `user:${user.extension}`;
    const name = fullName(user);
    const username = (user.email ?? `${user.first_name}.${user.last_name}.${user.extension}`).toLowerCase().replace(/[^a-z0-9@._+-]/g, '');
    out.push({
      kind: 'user',
      key: userKey,
      label: `${name} (${user.extension})`,
      deps: [],
      build: () => ({
        first_name: user.first_name,
        last_name: user.last_name,
        username,
        ...(user.email ? { email: user.email } : {}),
        presence_id: user.extension,
        priv_level: user.admin ? 'admin' : 'user',
        timezone: spec.timezone,
        caller_id: { internal: { number: user.extension, name } },
        vm_to_email_enabled: user.voicemail !== false && user.voicemail.email_notification && Boolean(user.email),
        ...marker(userKey),
      }),
      createOnly: () => ({ password: newPassword() }),
      withChange: (fields) => (fields.includes('username') ? { password: newPassword() } : {}),
    });

    user.devices.forEach((device, index) => {
      const key = `device:${user.extension}:${index}`;
      const sipUser = `${user.extension}${index ? `-${index}` : ''}-${randomBytes(3).toString('hex')}`;
      out.push({
        kind: 'device',
        key,
        label: `${device.name} (${name})`,
        deps: [userKey],
        build: (ids) => ({
          name: device.name,
          device_type: device.type,
          owner_id: idOf(ids, userKey),
          ...(device.mac_address ? { mac_address: normaliseMac(device.mac_address) } : {}),
          ...(device.number
            ? { call_forward: { enabled: true, number: device.number, require_keypress: true, keep_caller_id: true } }
            : {}),
          ...marker(key),
        }),
        // SIP credentials are generated once; later runs leave them as they are.
        createOnly: () =>
          device.type === 'cellphone' || device.type === 'landline'
            ? {}
            : { sip: { username: sipUser, password: randomBytes(12).toString('base64url') } },
      });
    });

    if (user.voicemail !== false) {
      const key = `vmbox:${user.extension}`;
      const voicemail = user.voicemail;
      out.push({
        kind: 'vmbox',
        key,
        label: `voicemail ${user.extension} (${name})`,
        deps: [userKey],
        build: (ids) => ({
          name: `${name} voicemail`,
          mailbox: user.extension,
          owner_id: idOf(ids, userKey),
          timezone: spec.timezone,
          require_pin: Boolean(voicemail.pin),
          ...(voicemail.pin ? { pin: voicemail.pin } : {}),
          ...marker(key),
        }),
      });
    }

    out.push({
      kind: 'callflow',
      key: `callflow:${user.extension}`,
      label: `extension ${user.extension} → ${name}`,
      deps: [userKey, ...(user.voicemail !== false ? [`vmbox:${user.extension}`] : [])],
      replaceKeys: ['flow', 'numbers'],
      build: (ids) => ({
        name: `${name} (${user.extension})`,
        numbers: [user.extension],
        flow: userFlow(user.extension, ids, usersByExt.get(user.extension)?.voicemail !== false),
        ...marker(`callflow:${user.extension}`),
      }),
    });
  }

  const targetFlow = (target: string, ids: OfficeIds): Record<string, unknown> => {
    const [kind, ext] = target.split(':') as [string, string | undefined];
    switch (kind) {
      case 'user':
        return userFlow(ext as string, ids, usersByExt.get(ext as string)?.voicemail !== false);
      case 'voicemail':
        return { module: 'voicemail', data: { id: idOf(ids, `vmbox:${ext}`) }, children: {} };
      case 'ring_group':
        return ringGroupFlow(spec, ids);
      default:
        return menuFlow(spec, ids, targetFlow);
    }
  };
  const targetDeps = (target: string): string[] => {
    const [kind, ext] = target.split(':');
    if (kind === 'user') return [`user:${ext}`, ...(usersByExt.get(ext as string)?.voicemail !== false ? [`vmbox:${ext}`] : [])];
    if (kind === 'voicemail') return [`vmbox:${ext}`];
    if (kind === 'ring_group') return spec.ring_group?.members.map((m) => `user:${m}`) ?? [];
    return [
      'menu:main',
      ...(spec.menu?.greeting ? ['media:greeting'] : []),
      ...Object.values(spec.menu?.options ?? {}).flatMap((t) => targetDeps(t)),
    ];
  };

  if (spec.ring_group) {
    const group = spec.ring_group;
    out.push({
      kind: 'callflow',
      key: 'callflow:ring_group',
      label: `ring group ${group.name} (${group.extension})`,
      deps: group.members.map((m) => `user:${m}`),
      replaceKeys: ['flow', 'numbers'],
      build: (ids) => ({ name: group.name, numbers: [group.extension], flow: ringGroupFlow(spec, ids), ...marker('callflow:ring_group') }),
    });
  }

  if (spec.menu) {
    const menu = spec.menu;
    if (menu.greeting) {
      out.push({
        kind: 'media',
        key: 'media:greeting',
        label: `${menu.name} greeting`,
        deps: [],
        build: () => ({
          name: `${spec.office} ${menu.name} greeting`,
          media_source: 'tts',
          tts: { text: menu.greeting, voice: 'female/en-US' },
          ...marker('media:greeting'),
        }),
      });
    }
    out.push({
      kind: 'menu',
      key: 'menu:main',
      label: `menu ${menu.name}`,
      deps: menu.greeting ? ['media:greeting'] : [],
      build: (ids) => ({
        name: menu.name,
        retries: 3,
        ...(menu.greeting ? { media: { greeting: idOf(ids, 'media:greeting') } } : {}),
        ...marker('menu:main'),
      }),
    });
    if (menu.extension) {
      out.push({
        kind: 'callflow',
        key: 'callflow:menu',
        label: `menu ${menu.name} (${menu.extension})`,
        deps: targetDeps('menu'),
        replaceKeys: ['flow', 'numbers'],
        build: (ids) => ({
          name: menu.name,
          numbers: [menu.extension as string],
          flow: menuFlow(spec, ids, targetFlow),
          ...marker('callflow:menu'),
        }),
      });
    }
  }

  if (spec.main_number) {
    const main = spec.main_number;
    const hours = main.business_hours;
    out.push({
      kind: 'temporal_rule',
      key: 'temporal_rule:hours',
      label: `business hours ${hours.open}–${hours.close} ${hours.days.map((d) => d.slice(0, 3)).join(',')}`,
      deps: [],
      build: () => ({
        name: `${spec.office} business hours`,
        cycle: 'weekly',
        interval: 1,
        wdays: hours.days,
        time_window_start: seconds(hours.open),
        time_window_stop: seconds(hours.close),
        ...marker('temporal_rule:hours'),
      }),
    });
    out.push({
      kind: 'callflow',
      key: 'callflow:main',
      label: `main number ${main.number}`,
      deps: ['temporal_rule:hours', ...targetDeps(main.open), ...targetDeps(main.closed)],
      replaceKeys: ['flow', 'numbers'],
      build: (ids) => {
        const rule = idOf(ids, 'temporal_rule:hours');
        return {
          name: `${spec.office} main number`,
          numbers: [main.number],
          flow: {
            module: 'temporal_route',
            data: { timezone: spec.timezone, rules: [rule] },
            children: { [rule]: targetFlow(main.open, ids), _: targetFlow(main.closed, ids) },
          },
          ...marker('callflow:main'),
        };
      },
    });
  }
  return out;
}

function userFlow(ext: string, ids: OfficeIds, withVoicemail: boolean): Record<string, unknown> {
  return {
    module: 'user',
    data: { id: idOf(ids, `user:${ext}`), timeout: 20 },
    children: withVoicemail ? { _: { module: 'voicemail', data: { id: idOf(ids, `vmbox:${ext}`) }, children: {} } } : {},
  };
}

function ringGroupFlow(spec: OfficeSpec, ids: OfficeIds): Record<string, unknown> {
  const group = spec.ring_group;
  if (!group) return { module: 'hangup', data: {}, children: {} };
  return {
    module: 'ring_group',
    data: {
      name: group.name,
      strategy: group.strategy,
      timeout: group.timeout,
      endpoints: group.members.map((m) => ({ id: idOf(ids, `user:${m}`), endpoint_type: 'user', timeout: group.timeout })),
    },
    children: {},
  };
}

function menuFlow(
  spec: OfficeSpec,
  ids: OfficeIds,
  target: (t: string, ids: OfficeIds) => Record<string, unknown>,
): Record<string, unknown> {
  const children: Record<string, unknown> = {};
  for (const [digit, to] of Object.entries(spec.menu?.options ?? {}).sort(([a], [b]) => a.localeCompare(b)))
    children[digit] = target(to, ids);
  return { module: 'menu', data: { id: idOf(ids, 'menu:main') }, children };
}

function seconds(time: string): number {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return h * 3600 + m * 60;
}

/**
 * A MAC address as KAZOO stores it: lower-case hex digits only (`provisioner_util:cleanse_mac_address/1`
 * runs on every device save), so the desired value compares equal to the stored one.
 */
function normaliseMac(mac: string): string {
  return mac.toLowerCase().replace(/[^0-9a-f]/g, '');
}
