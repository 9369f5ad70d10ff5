import { createApiKeyAuth } from '@audian/auth';
import { AudianError, fromGregorianSeconds, type Page } from '@audian/core';
import { type Audian, createAudian } from '@audian/resources';

const $ = <T extends Element>(selector: string): T => {
  const element = document.querySelector<T>(selector);
  if (!element) throw new Error(`missing ${selector}`);
  return element;
};

/** Fills a table body; every cell is text, never HTML, so nothing from the API is interpreted. */
function fill(table: string, rows: readonly (readonly (string | { text: string; className: string })[])[], empty: string): void {
  const body = $<HTMLTableSectionElement>(`table[data-testid="${table}"] tbody`);
  body.replaceChildren();
  if (rows.length === 0) {
    const tr = body.insertRow();
    const td = tr.insertCell();
    td.colSpan = 8;
    td.textContent = empty;
    td.className = 'offline';
    return;
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
}

type Row = Record<string, unknown>;
const text = (value: unknown): string =>
  value === undefined || value === null ? '' : Array.isArray(value) ? value.join(', ') : String(value);

async function showUsers(audian: Audian): Promise<Map<string, string>> {
  const users = (await audian.users.list({ pageSize: 100 }).toArray({ limit: 500 })) as Row[];
  fill(
    'users',
    users.map((u) => [`${text(u.first_name)} ${text(u.last_name)}`, text(u.username), text(u.presence_id), text(u.priv_level)]),
    'No users yet.',
  );
  $('#users-count').textContent = `(${users.length})`;
  return new Map(users.map((u) => [String(u.id), `${text(u.first_name)} ${text(u.last_name)}`]));
}

async function showDevices(audian: Audian, names: Map<string, string>): Promise<void> {
  const [devices, status] = await Promise.all([audian.devices.list({ pageSize: 100 }).toArray({ limit: 500 }), audian.devices.status()]);
  const registered = new Set(status.filter((s) => s.registered).map((s) => s.device_id));
  fill(
    'devices',
    (devices as Row[]).map((d) => [
      text(d.name),
      text(d.device_type),
      names.get(String(d.owner_id)) ?? '',
      registered.has(String(d.id)) ? { text: 'registered', className: 'registered' } : { text: 'offline', className: 'offline' },
    ]),
    'No devices yet.',
  );
}

async function showCallflows(audian: Audian): Promise<void> {
  const flows = (await audian.callflows.list({ pageSize: 100 }).toArray({ limit: 500 })) as Row[];
  fill(
    'callflows',
    flows.map((f) => [text(f.name), text([...((f.numbers as string[]) ?? []), ...((f.patterns as string[]) ?? [])]), text(f.modules)]),
    'No callflows yet.',
  );
}

/** Recent calls, a page at a time: keeps the pages seen so "newer" needs no request. */
function cdrPager(audian: Audian): { first(): Promise<void> } {
  const pageSize = 10;
  const pages: Page<unknown>[] = [];
  let index = 0;
  const render = () => {
    const page = pages[index] as Page<unknown>;
    fill(
      'cdrs',
      (page.data as Row[]).map((c) => [
        typeof c.timestamp === 'number' || typeof c.timestamp === 'string'
          ? fromGregorianSeconds(Number(c.timestamp)).toLocaleString()
          : '',
        text(c.caller_id_number ?? c.from),
        text(c.callee_id_number ?? c.to),
        text(c.direction),
        `${text(c.duration_seconds) || '0'} s`,
        text(c.hangup_cause),
      ]),
      'No calls in the last 31 days.',
    );
    $('#cdrs-page').textContent = `page ${index + 1}`;
    $<HTMLButtonElement>('#cdrs-prev').disabled = index === 0;
    $<HTMLButtonElement>('#cdrs-next').disabled = !page.hasNextPage() && index === pages.length - 1;
  };
  $('#cdrs-next').addEventListener('click', async () => {
    if (index === pages.length - 1) pages.push(await (pages[index] as Page<unknown>).getNextPage());
    index++;
    render();
  });
  $('#cdrs-prev').addEventListener('click', () => {
    index = Math.max(0, index - 1);
    render();
  });
  return {
    async first() {
      pages.length = 0;
      index = 0;
      pages.push(await audian.cdrs.list({ pageSize }));
      render();
    },
  };
}

async function login(baseUrl: string, apiKey: string): Promise<void> {
  const error = $('#login-error');
  error.textContent = '';
  try {
    const audian = createAudian({ baseUrl, auth: createApiKeyAuth({ apiKey }) });
    const session = await audian.session();
    $('#session').textContent = `account ${session.accountName ?? session.accountId}`;
    $<HTMLFormElement>('#login').hidden = true;
    $<HTMLElement>('#app').hidden = false;
    const names = await showUsers(audian);
    await Promise.all([showDevices(audian, names), showCallflows(audian), cdrPager(audian).first()]);
  } catch (e) {
    error.textContent = e instanceof AudianError ? e.message : `Could not log in: ${(e as Error).message}`;
  }
}

const form = $<HTMLFormElement>('#login');
form.addEventListener('submit', (event) => {
  event.preventDefault();
  const data = new FormData(form);
  void login(String(data.get('baseUrl')), String(data.get('apiKey')));
});

// `#baseUrl=…&apiKey=…` (what the demo opens) pre-fills the form; the fragment never leaves the browser.
const hash = new URLSearchParams(location.hash.slice(1));
const baseInput = form.elements.namedItem('baseUrl') as HTMLInputElement;
baseInput.value = hash.get('baseUrl') ?? localStorage.getItem('audian.baseUrl') ?? 'http://127.0.0.1:8000/v2/';
baseInput.addEventListener('change', () => localStorage.setItem('audian.baseUrl', baseInput.value));
const key = hash.get('apiKey');
if (key) (form.elements.namedItem('apiKey') as HTMLInputElement).value = key;
