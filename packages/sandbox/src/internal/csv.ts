import { isObject } from './json';

function flatten(value: unknown, prefix: string, out: Map<string, unknown>): void {
  if (isObject(value) && Object.keys(value).length > 0) {
    for (const [key, inner] of Object.entries(value)) flatten(inner, prefix ? `${prefix}.${key}` : key, out);
  } else out.set(prefix, value);
}

function cell(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Crossbar's generic JSON-to-CSV rendering of a listing (`Accept: text/csv`): one row per item,
 * nested keys flattened with dots, a header of every key seen.
 */
export function toCsv(items: readonly unknown[]): string {
  const rows = items.map((item) => {
    const flat = new Map<string, unknown>();
    flatten(isObject(item) ? item : { value: item }, '', flat);
    return flat;
  });
  const header: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    for (const key of row.keys()) {
      if (!seen.has(key)) {
        seen.add(key);
        header.push(key);
      }
    }
  }
  const lines = [header.map(cell).join(','), ...rows.map((row) => header.map((key) => cell(row.get(key))).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

/** Whether the request asks for CSV (`Accept: text/csv`, or `?accept=csv`). */
export function wantsCsv(accept: string | undefined, query: Readonly<Record<string, string>>): boolean {
  const q = query.accept?.toLowerCase();
  if (q === 'csv' || q === 'text/csv') return true;
  return /(^|,)\s*(text\/csv|text\/comma-separated-values)/i.test(accept ?? '');
}
