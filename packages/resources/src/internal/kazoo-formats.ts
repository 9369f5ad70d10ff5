import * as z from 'zod/mini';
import type { IssueCombinator } from './kazoo-keywords.js';

/**
 * The JSON Schema `format`s KAZOO checks. KAZOO validates with jesse (tag 1.5-rc13, pinned in
 * KAZOO's `make/deps.mk`), whose `jesse_validator_draft4:check_format/3` checks these four on
 * strings only and accepts every other format (`hostname`, `uri`, `regex`, …) unchecked; KAZOO
 * registers no format of its own (`kz_json_schema:validate/3` only adds the extra validator of
 * `kz_json_schema_extensions`, which reads `kazoo-validation` and `kazoo-regexp`, not `format`).
 */
export const KAZOO_FORMATS = ['date-time', 'email', 'ipv4', 'ipv6'] as const;

/** A `format` KAZOO checks; see {@link KAZOO_FORMATS}. */
export type KazooFormat = (typeof KAZOO_FORMATS)[number];

/**
 * True when `format` is one KAZOO checks, so a schema's other formats can be left unchecked.
 *
 * @example
 * ```ts
 * import { isKazooFormat } from '@audian/resources/schemas';
 *
 * isKazooFormat('email'); // true
 * isKazooFormat('uri'); // false: jesse accepts any string
 * ```
 */
export function isKazooFormat(format: string): format is KazooFormat {
  return (KAZOO_FORMATS as readonly string[]).includes(format);
}

/**
 * True when KAZOO accepts `value` for `format`, with jesse's exact rules: `email` is
 * `^[^@]+@[^@]+$` (`re:run/3` with `unicode`), `date-time` is what `rfc3339:parse/1` (0.2.1) parses,
 * `ipv4` and `ipv6` what `inet_parse:ipv4strict_address/1` and `ipv6strict_address/1` parse.
 * Never stricter than KAZOO: where its parsers are lenient, so is this.
 *
 * @example
 * ```ts
 * import { matchesKazooFormat } from '@audian/resources/schemas';
 *
 * matchesKazooFormat('email', 'a@b'); // true
 * matchesKazooFormat('email', 'a@b@c'); // false
 * ```
 */
export function matchesKazooFormat(format: KazooFormat, value: string): boolean {
  switch (format) {
    case 'email':
      return EMAIL.test(value);
    case 'date-time':
      return isRfc3339(value);
    case 'ipv4':
      return ipv4Strict(value) !== undefined;
    case 'ipv6':
      return isIpv6Strict(value);
  }
}

/**
 * A zod check for a string `format`, as the generated schemas use it. A failing value is reported
 * as an `invalid_format` issue carrying the format's name and no pattern, which
 * `describeIssue` answers as KAZOO's `wrong_format`. Inside a `oneOf`/`anyOf`, the combinator's
 * own check marks the issue with where it sits ({@link formatCombinator}).
 *
 * @throws never; a value that fails adds an issue to the parse result
 *
 * @example
 * ```ts
 * import * as z from 'zod/mini';
 * import { kazooFormat } from '@audian/resources/schemas';
 *
 * z.safeParse(z.string().check(kazooFormat('email')), 'nope').success; // false
 * ```
 */
export function kazooFormat(format: KazooFormat): z.core.$ZodCheck<string> {
  return z.superRefine((value: string, ctx) => {
    // jesse checks formats on binaries only; another type is the `type` keyword's business.
    if (typeof value !== 'string' || matchesKazooFormat(format, value)) return;
    ctx.addIssue({ code: 'invalid_format', format, input: value, message: `Invalid ${format}` });
  });
}

/**
 * The `oneOf`/`anyOf` a failed check (a format, a type, a length, a union no branch matched, …)
 * sits in, read from its zod issue, if any; the outermost one when combinators nest.
 *
 * @example
 * ```ts
 * import { formatCombinator } from '@audian/resources/schemas';
 *
 * formatCombinator({ code: 'invalid_format', format: 'email', path: ['send_to', 1] }); // undefined: not inside one
 * ```
 */
export function formatCombinator(issue: object): IssueCombinator | undefined {
  const combinator = (issue as { combinator?: unknown }).combinator;
  if (!combinator || typeof combinator !== 'object') return undefined;
  const { keyword, below } = combinator as Partial<IssueCombinator>;
  return (keyword === 'oneOf' || keyword === 'anyOf') && typeof below === 'number' ? { keyword, below } : undefined;
}

// `u`: PCRE's `unicode` option, so `[^@]` is one code point. JS `$` matches only at the very end,
// where PCRE's also matches before a final newline; `[^@]+` swallows that newline, so both agree.
const EMAIL = /^[^@]+@[^@]+$/u;

/** Erlang's `list_to_integer/1`: an optional sign, then decimal digits. */
function erlangInteger(text: string): number | undefined {
  return /^[+-]?[0-9]+$/.test(text) ? Number(text) : undefined;
}

function inRange(value: number | undefined, min: number, max: number): value is number {
  return value !== undefined && value >= min && value <= max;
}

/**
 * `rfc3339:parse/1` of andreineculau/rfc3339 0.2.1-r15-compat, the one jesse 1.5-rc13 depends on.
 * It reads fixed positions and converts each with `list_to_integer/1`, so `+1` and `-0` pass as
 * numbers; day `00` passes (`to_day/4` accepts 0..28); the separator is `T`, `t` or a space;
 * any number of fraction digits (none too) may follow a `.`; the zone is `Z`, `z` or `±HH:MM`.
 * An impossible month or year with a day of 29–31 makes the parser crash (`case_clause`), which
 * KAZOO does not accept either.
 */
function isRfc3339(value: string): boolean {
  const parts = /^(.{4})-(.{2})-(.{2})[Tt ](.{2}):(.{2}):(.{2})(?:\.[0-9]*)?(?:[Zz]|[+-](.{2}):(.{2}))$/su.exec(value);
  if (!parts) return false;
  const [, y, mo, d, h, mi, s, zh, zm] = parts as unknown as string[];
  const year = erlangInteger(y ?? '');
  const month = erlangInteger(mo ?? '');
  const day = erlangInteger(d ?? '');
  if (!inRange(year, 0, 9999) || !inRange(month, 1, 12) || !inRange(day, 0, 31)) return false;
  if (day >= 29 && !dayInMonth(year, month, day)) return false;
  if (!inRange(erlangInteger(h ?? ''), 0, 23) || !inRange(erlangInteger(mi ?? ''), 0, 59) || !inRange(erlangInteger(s ?? ''), 0, 60)) {
    return false;
  }
  if (zh === undefined) return true;
  return inRange(erlangInteger(zh), 0, 23) && inRange(erlangInteger(zm ?? ''), 0, 59);
}

/** `rfc3339:day_in_month/3`, for days 29 to 31. */
function dayInMonth(year: number, month: number, day: number): boolean {
  if (month === 2) return day === 29 && ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0);
  if (day === 31) return ![4, 6, 9, 11].includes(month);
  return true;
}

/**
 * `inet_parse:ipv4strict_address/1` as of OTP 22 (KAZOO's `make/erlang_version`): four dotted
 * fields of at most three characters, no leading zero but a lone `0`, each read by
 * `list_to_integer/2` (so a sign passes: `+1`, `-0`), none above 255.
 */
function ipv4Strict(value: string): [number, number, number, number] | undefined {
  const fields = value.split('.');
  if (fields.length !== 4) return undefined;
  const octets: number[] = [];
  for (const field of fields) {
    if (field !== '0' && (field.length === 0 || field.length > 3 || field.startsWith('0'))) return undefined;
    const octet = erlangInteger(field);
    if (!inRange(octet, 0, 255)) return undefined;
    octets.push(octet);
  }
  return octets as [number, number, number, number];
}

const HEX_FIELD = /^[0-9A-Fa-f]{1,4}$/;

/**
 * `inet_parse:ipv6strict_address/1`: eight hex fields of one to four digits, or fewer around one
 * `::`; the last two may be a strict dotted IPv4 address. A `%` zone suffix is accepted as newer
 * OTP releases accept it (a numeric zone only on `fe80::`/`ff02::` link-local forms, up to
 * 65535), so that no address KAZOO's OTP might take is refused here.
 */
function isIpv6Strict(value: string): boolean {
  const percent = value.indexOf('%');
  if (percent === -1) return ipv6Words(value) !== undefined;
  const words = ipv6Words(value.slice(0, percent));
  const zone = value.slice(percent + 1);
  if (!words || zone === '') return false;
  const digits = /^[0-9]*/.exec(zone)?.[0] ?? '';
  if (digits === '') return true; // a named zone (`eth0`) is ignored
  let scope = 0;
  for (const digit of digits) {
    scope = scope * 10 + Number(digit);
    if (scope > 0xffff) return false;
  }
  if (digits.length < zone.length) return true; // digits then a name: ignored as a name
  return (words[0] === 0xfe80 || words[0] === 0xff02) && words[1] === 0;
}

function ipv6Words(text: string): number[] | undefined {
  if (text === '') return undefined;
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const words: number[][] = [];
  for (const [i, group] of [head, tail].entries()) {
    const out: number[] = [];
    for (const [j, field] of group.entries()) {
      const last = j === group.length - 1 && (i === 1 || halves.length === 1);
      if (last && field.includes('.')) {
        // The first of its fields was read as hex digits before the `.` showed (`hex/3`): no sign.
        const v4 = /^[0-9]/.test(field) ? ipv4Strict(field) : undefined;
        if (!v4) return undefined;
        out.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]);
      } else if (HEX_FIELD.test(field)) {
        out.push(Number.parseInt(field, 16));
      } else {
        return undefined;
      }
    }
    words.push(out);
  }
  const count = (words[0]?.length ?? 0) + (words[1]?.length ?? 0);
  if (halves.length === 1) return count === 8 ? (words[0] as number[]) : undefined;
  if (count > 7) return undefined;
  return [...(words[0] ?? []), ...new Array<number>(8 - count).fill(0), ...(words[1] ?? [])];
}
