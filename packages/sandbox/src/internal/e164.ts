/**
 * KAZOO's default E.164 converters (`knm_converter_regex`'s `e164_converters`), tried in order:
 * NANP numbers get `+1`, international-prefixed numbers (`011`, `00`) and other numbers of eight
 * or more digits get `+`. Anything else (extensions, star codes) is kept as it is, and so is a
 * number that already starts with `+` (`knm_converter_regex:to_e164/1`).
 */
const CONVERTERS: readonly (readonly [RegExp, string])[] = [
  [/^(\+?1)?([2-9][0-9]{2}[2-9][0-9]{6})$/, '+1'],
  [/^011(\d{5,})$|^00(\d{5,})$/, '+'],
  [/^[2-9]\d{7,}$/, '+'],
];

/** `knm_converters:normalize/1` with the default converters: `4155559876` → `+14155559876`, `1001` → `1001`. */
export function toE164(number: string): string {
  if (number.startsWith('+')) return number;
  for (const [regex, prefix] of CONVERTERS) {
    const match = regex.exec(number);
    if (!match) continue;
    // Erlang's `re:run` drops unset trailing groups, so the root is the last group that matched.
    const root = [...match].reverse().find((g) => g !== undefined && g !== '') ?? match[0];
    return `${prefix}${root}`;
  }
  return number;
}
