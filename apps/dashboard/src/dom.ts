/** The one element a selector names; a missing one is a bug in index.html, so it throws. */
export const $ = <T extends Element>(selector: string): T => {
  const element = document.querySelector<T>(selector);
  if (!element) throw new Error(`missing ${selector}`);
  return element;
};

/** A table cell: plain text, or text with a class for its colour. */
export type Cell = string | { readonly text: string; readonly className: string };

/** Fills a table body; every cell is text, never HTML, so nothing from the API is interpreted. */
export function fill(table: string, rows: readonly (readonly Cell[])[], empty: string): HTMLTableSectionElement {
  const body = $<HTMLTableSectionElement>(`table[data-testid="${table}"] tbody`);
  body.replaceChildren();
  if (rows.length === 0) {
    const tr = body.insertRow();
    const td = tr.insertCell();
    td.colSpan = 8;
    td.textContent = empty;
    td.className = 'offline';
    return body;
  }
  for (const row of rows) {
    const tr = body.insertRow();
    for (const cell of row) {
      const td = tr.insertCell();
      if (typeof cell === 'string') td.textContent = cell;
      else {
        td.textContent = cell.text;
        td.className = cell.className;
      }
    }
  }
  return body;
}

/** A document or event field as display text. */
export const text = (value: unknown): string =>
  value === undefined || value === null ? '' : Array.isArray(value) ? value.join(', ') : String(value);

/** `m:ss` (or `h:mm:ss`) for a number of seconds. */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60));
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${mm.padStart(2, '0')}:${ss}` : `${mm}:${ss}`;
}
