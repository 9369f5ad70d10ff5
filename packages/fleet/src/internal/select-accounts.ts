import type { Audian } from '@audian/resources';
import type { AccountSelector } from '../job.js';

function fieldOf(doc: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], doc);
}

function matchesWhere(doc: Record<string, unknown>, where: Readonly<Record<string, unknown>>): boolean {
  return Object.entries(where).every(([path, wanted]) => {
    const value = fieldOf(doc, path);
    return Array.isArray(wanted) ? wanted.some((w) => w === value) : wanted === value;
  });
}

/**
 * The accounts a selector names, in a stable order (as listed, or as given), without
 * duplicates. `where` is checked on each account's full document: a listing's summaries carry
 * only a few fields.
 */
export async function selectAccounts(audian: Audian, selector: AccountSelector): Promise<string[]> {
  const ids: string[] = [];
  if (selector.descendantsOf !== undefined) {
    for await (const account of audian.accounts.descendants(selector.descendantsOf)) {
      if (typeof account.id === 'string') ids.push(account.id);
    }
  } else {
    ids.push(...(selector.ids ?? []));
  }
  const unique = [...new Set(ids)];
  const where = selector.where;
  if (!where) return unique;
  const kept: string[] = [];
  for (const id of unique) {
    const doc = (await audian.accounts.get(id)) as Record<string, unknown>;
    if (matchesWhere(doc, where)) kept.push(id);
  }
  return kept;
}
