import { z } from 'zod';

/**
 * A field that is text on the wire but reads as a number in YAML (`extension: 2002`, `pin:
 * 1234`): a number is taken as its digits. Leading zeros survive because parseSpec keeps the
 * source text of such scalars.
 */
const digits = (schema: z.ZodString) => z.preprocess((v) => (typeof v === 'number' && Number.isInteger(v) ? String(v) : v), schema);

const extension = digits(z.string().regex(/^\d{2,7}$/, 'must be 2 to 7 digits'));
const e164 = z.string().regex(/^\+[1-9]\d{7,14}$/, 'must be an E.164 number such as +14155550100');
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a 24-hour time such as 09:00');
const weekday = z.enum(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
const mac = z.string().regex(/^([0-9a-fA-F]{2}[:-]?){5}[0-9a-fA-F]{2}$/, 'must be a MAC address such as 00:04:f2:ab:7e:fd');

/** Where a call goes: a user's phones, a voicemail box, the menu, the ring group. */
const target = z
  .string()
  .regex(/^(menu|ring_group|user:\d{2,7}|voicemail:\d{2,7})$/, 'must be menu, ring_group, user:<extension> or voicemail:<extension>');

const device = z.strictObject({
  name: z.string().min(1).max(128),
  type: z.enum(['sip_device', 'softphone', 'cellphone', 'fax', 'landline', 'smartphone']).default('sip_device'),
  mac_address: mac.optional(),
  /** For cell phones and landlines: the number to ring. */
  number: digits(z.string().min(3)).optional(),
});

const user = z.strictObject({
  first_name: z.string().min(1).max(128),
  last_name: z.string().min(1).max(128),
  email: z.email().optional(),
  extension,
  admin: z.boolean().default(false),
  devices: z.array(device).default([]),
  voicemail: z
    .union([
      z.literal(false),
      z.strictObject({
        pin: digits(z.string().regex(/^\d{4,15}$/, 'must be 4 to 15 digits')).optional(),
        email_notification: z.boolean().default(true),
      }),
    ])
    .default({ email_notification: true }),
});

/**
 * The declarative description of an office: its users (with extensions, devices, voicemail), an
 * optional ring group, IVR menu and main number routed by business hours. Extensions, PINs and
 * device numbers are digit strings; a YAML number is taken as its digits.
 *
 * @example
 * ```ts
 * import { OfficeSpecSchema } from '@audian/fleet';
 *
 * const spec = OfficeSpecSchema.parse({ office: 'Acme', users: [{ first_name: 'Ann', last_name: 'Lee', extension: '2001' }] });
 * ```
 */
export const OfficeSpecSchema = z
  .strictObject({
    office: z
      .string()
      .min(1)
      .max(64)
      .regex(/^[\w .'&-]+$/, "may hold letters, digits, spaces and . ' & -"),
    timezone: z.string().min(3).default('America/New_York'),
    users: z.array(user).min(1),
    ring_group: z
      .strictObject({
        name: z.string().min(1).max(128),
        extension,
        members: z.array(extension).min(1),
        strategy: z.enum(['simultaneous', 'single']).default('simultaneous'),
        timeout: z.number().int().min(5).max(300).default(20),
      })
      .optional(),
    menu: z
      .strictObject({
        name: z.string().min(1).max(128),
        extension: extension.optional(),
        greeting: z.string().max(1000).optional(),
        options: z.record(z.string().regex(/^[0-9*#]$/, 'menu keys are single digits, * or #'), target),
      })
      .optional(),
    main_number: z
      .strictObject({
        number: e164,
        business_hours: z
          .strictObject({
            days: z.array(weekday).min(1).default(['monday', 'tuesday', 'wednesday', 'thursday', 'friday']),
            open: time,
            close: time,
          })
          .refine((h) => h.open < h.close, { message: 'open must be before close', path: ['close'] }),
        open: target,
        closed: target,
      })
      .optional(),
  })
  .superRefine((spec, ctx) => {
    const extensions = new Map<string, string>();
    const claim = (ext: string, what: string, path: (string | number)[]) => {
      const owner = extensions.get(ext);
      if (owner) ctx.addIssue({ code: 'custom', message: `extension ${ext} is already used by ${owner}`, path });
      else extensions.set(ext, what);
    };
    spec.users.forEach((u, i) => {
      claim(u.extension, `${u.first_name} ${u.last_name}`, ['users', i, 'extension']);
    });
    if (spec.ring_group) claim(spec.ring_group.extension, `ring group ${spec.ring_group.name}`, ['ring_group', 'extension']);
    if (spec.menu?.extension) claim(spec.menu.extension, `menu ${spec.menu.name}`, ['menu', 'extension']);
    const userExt = new Set(spec.users.map((u) => u.extension));
    const voicemailExt = new Set(spec.users.filter((u) => u.voicemail !== false).map((u) => u.extension));
    spec.ring_group?.members.forEach((m, i) => {
      if (!userExt.has(m)) ctx.addIssue({ code: 'custom', message: `no user has extension ${m}`, path: ['ring_group', 'members', i] });
    });
    const checkTarget = (value: string, path: (string | number)[]) => {
      const [kind, ext] = value.split(':');
      if (kind === 'user' && !userExt.has(ext as string)) ctx.addIssue({ code: 'custom', message: `no user has extension ${ext}`, path });
      if (kind === 'voicemail' && !voicemailExt.has(ext as string))
        ctx.addIssue({ code: 'custom', message: `no voicemail box for extension ${ext}`, path });
      if (kind === 'menu' && !spec.menu) ctx.addIssue({ code: 'custom', message: 'the spec has no menu', path });
      if (kind === 'ring_group' && !spec.ring_group) ctx.addIssue({ code: 'custom', message: 'the spec has no ring_group', path });
    };
    for (const [key, value] of Object.entries(spec.menu?.options ?? {})) {
      if (value === 'menu')
        ctx.addIssue({ code: 'custom', message: 'a menu option cannot lead back to the menu', path: ['menu', 'options', key] });
      else checkTarget(value, ['menu', 'options', key]);
    }
    if (spec.main_number) {
      checkTarget(spec.main_number.open, ['main_number', 'open']);
      checkTarget(spec.main_number.closed, ['main_number', 'closed']);
    }
    const macs = new Map<string, string>();
    spec.users.forEach((u, i) => {
      u.devices.forEach((d, j) => {
        if (!d.mac_address) return;
        const normal = d.mac_address.toLowerCase().replace(/[^0-9a-f]/g, '');
        if (macs.has(normal))
          ctx.addIssue({
            code: 'custom',
            message: `MAC address already used by ${macs.get(normal)}`,
            path: ['users', i, 'devices', j, 'mac_address'],
          });
        else macs.set(normal, d.name);
      });
    });
  });

/** A validated office spec (defaults applied). */
export type OfficeSpec = z.output<typeof OfficeSpecSchema>;
