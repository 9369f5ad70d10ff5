import { createApiKeyAuth } from '@audian/auth';
import { AudianError, type AuthStrategy, fromGregorianSeconds, type Page } from '@audian/core';
import { type Audian, createAudian } from '@audian/resources';
import { ActivityFeed } from './activity-feed';
import { CallVolume } from './call-volume';
import { $, fill, text } from './dom';
import { LiveCalls, type LiveEvent, renderLiveCalls } from './live-calls';
import { createDashboardSessionAuth, fetchDashboardSession } from './session-auth';

type Row = Record<string, unknown>;

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
function cdrPager(audian: Audian): { first(): Promise<void>; onFirstPage(): boolean } {
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
        text(c.call_direction ?? c.direction),
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
    onFirstPage: () => index === 0,
  };
}

/** The name the activity feed shows for a document, fetched once per id. */
function documentNames(audian: Audian): (type: string, id: string, action: string) => Promise<string | undefined> {
  const cache = new Map<string, Promise<string | undefined>>();
  const fetchName = async (type: string, id: string): Promise<string | undefined> => {
    const doc = (
      type === 'user'
        ? await audian.users.get(id)
        : type === 'device'
          ? await audian.devices.get(id)
          : type === 'callflow'
            ? await audian.callflows.get(id)
            : type === 'vmbox'
              ? await audian.vmboxes.get(id)
              : undefined
    ) as Row | undefined;
    if (!doc) return undefined;
    const name = type === 'user' ? `${text(doc.first_name)} ${text(doc.last_name)}`.trim() : text(doc.name);
    return name || undefined;
  };
  return (type, id, action) => {
    const key = `${type}/${id}`;
    // A deleted document cannot be read any more: the name seen before it went, if any.
    if (action === 'doc_deleted' || !id) return cache.get(key) ?? Promise.resolve(undefined);
    if (action === 'doc_edited') cache.delete(key);
    let name = cache.get(key);
    if (!name) {
      name = fetchName(type, id).catch(() => undefined);
      cache.set(key, name);
    }
    return name;
  };
}

/** Runs `task` once, `ms` after the last of a burst of calls. */
function debounce(task: () => Promise<unknown>, ms: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(() => void task().catch(() => undefined), ms);
  };
}

/**
 * The live part: calls in progress and the activity feed from the API's websocket, the call
 * volume from CDRs, refreshed when a call ends (its CDR is written as it hangs up).
 */
async function startLive(audian: Audian, panels: { refresh(type: string): void; cdrsChanged(): void }): Promise<void> {
  const status = $('#live-status');
  const volume = new CallVolume($<HTMLCanvasElement>('#volume-chart'), $('#volume-summary'));
  const weekAgo = () => new Date(Date.now() - 7 * 24 * 3_600_000);
  const loadCdrs = async (from: Date): Promise<Row[]> => {
    const cdrs = (await audian.cdrs.list({ createdFrom: from, pageSize: 500 }).toArray({ limit: 50_000 })) as Row[];
    volume.add(cdrs);
    volume.render();
    return cdrs;
  };
  void loadCdrs(weekAgo()).catch((e: Error) => {
    $('#volume-summary').textContent = `Could not read call records: ${e.message}`;
  });
  setInterval(() => volume.render(), 60_000);

  // The websocket URL is resolved as the socket opens: without one, `ready` below rejects.
  const events = audian.events;
  const calls = new LiveCalls();
  const ended = new Set<string>();
  const body = $<HTMLTableSectionElement>('table[data-testid="live-calls"] tbody');
  const draw = () => renderLiveCalls(body, calls.conversations());
  setInterval(draw, 1000);

  // A call's CDR is written when it hangs up: read what is new (a few times, until it shows).
  const awaitCdr = async (callId: string): Promise<void> => {
    for (let attempt = 0; attempt < 8; attempt++) {
      const recent = await loadCdrs(new Date(Date.now() - 15 * 60_000));
      if (recent.some((c) => c.call_id === callId)) break;
      await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** Math.min(attempt, 3)));
    }
    panels.cdrsChanged();
  };

  const feed = new ActivityFeed($<HTMLOListElement>('#activity'), documentNames(audian));
  const fail = (error: Error) => {
    status.textContent = `Live events stopped: ${error.message}`;
    status.className = 'error';
  };
  const callEvents = events.subscribe('call.*.*');
  const docEvents = events.subscribe('object.*.*');
  void (async () => {
    for await (const event of docEvents) {
      feed.add(event as unknown as LiveEvent);
      if (typeof event.data.type === 'string') panels.refresh(event.data.type);
    }
  })().catch(fail);
  void (async () => {
    for await (const raw of callEvents) {
      const event = raw as unknown as LiveEvent;
      if (calls.apply(event)) draw();
      if (event.name === 'CHANNEL_DESTROY' && typeof event.data.call_id === 'string') {
        ended.add(event.data.call_id);
        void awaitCdr(event.data.call_id).catch(() => undefined);
      }
    }
  })().catch(fail);
  await Promise.all([callEvents.ready, docEvents.ready]);
  status.textContent = 'live';
  status.className = 'registered';
  // Calls already up when the page subscribed; ones that ended meanwhile are left out.
  const channels = (await audian.channels.list().toArray({ limit: 500 })) as Row[];
  calls.seed(channels.filter((c) => !ended.has(String(c.uuid))));
  draw();
  // KAZOO does not replay the events published while the socket was down: a call that started or
  // ended then is only known from the channels list, read again after each reconnect.
  events.onReconnect(() => {
    const since = Date.now();
    void audian.channels
      .list()
      .toArray({ limit: 500 })
      .then((rows) => {
        if (
          calls.reconcile(
            (rows as Row[]).filter((c) => !ended.has(String(c.uuid))),
            since,
          )
        )
          draw();
      })
      .catch((e: Error) => {
        status.textContent = `live (the calls in progress may be stale: ${e.message})`;
      });
  });
}

async function start(audian: Audian): Promise<void> {
  const session = await audian.session();
  $('#session').textContent = `account ${session.accountName ?? session.accountId}`;
  $<HTMLFormElement>('#login').hidden = true;
  $<HTMLElement>('#app').hidden = false;
  let names = await showUsers(audian);
  const pager = cdrPager(audian);
  await Promise.all([showDevices(audian, names), showCallflows(audian), pager.first()]);
  const refreshers: Record<string, () => void> = {
    user: debounce(async () => {
      names = await showUsers(audian);
      await showDevices(audian, names);
    }, 300),
    device: debounce(() => showDevices(audian, names), 300),
    callflow: debounce(() => showCallflows(audian), 300),
  };
  const cdrsChanged = debounce(async () => {
    if (pager.onFirstPage()) await pager.first();
  }, 100);
  void startLive(audian, { refresh: (type) => refreshers[type]?.(), cdrsChanged }).catch((e: Error) => {
    $('#live-status').textContent = `Live events unavailable: ${e.message}`;
    $('#live-status').className = 'error';
  });
}

function open(baseUrl: string, auth: AuthStrategy, eventsUrl: string | undefined): Audian {
  return createAudian({ baseUrl, auth, ...(eventsUrl ? { eventsUrl } : {}) });
}

async function login(baseUrl: string, apiKey: string, eventsUrl: string | undefined): Promise<void> {
  const error = $('#login-error');
  error.textContent = '';
  try {
    await start(open(baseUrl, createApiKeyAuth({ apiKey }), eventsUrl));
  } catch (e) {
    error.textContent = e instanceof AudianError ? e.message : `Could not log in: ${(e as Error).message}`;
  }
}

const form = $<HTMLFormElement>('#login');
form.addEventListener('submit', (event) => {
  event.preventDefault();
  const data = new FormData(form);
  void login(String(data.get('baseUrl')), String(data.get('apiKey')), String(data.get('eventsUrl') ?? '').trim() || undefined);
});

// `#baseUrl=…&apiKey=…&eventsUrl=…` (what the demo opens) fills in the form and logs in; the
// fragment never leaves the browser.
const hash = new URLSearchParams(location.hash.slice(1));
const baseInput = form.elements.namedItem('baseUrl') as HTMLInputElement;
baseInput.value = hash.get('baseUrl') ?? localStorage.getItem('audian.baseUrl') ?? 'http://127.0.0.1:8000/v2/';
baseInput.addEventListener('change', () => localStorage.setItem('audian.baseUrl', baseInput.value));
const key = hash.get('apiKey');
if (key) (form.elements.namedItem('apiKey') as HTMLInputElement).value = key;
const eventsHint = hash.get('eventsUrl');
if (eventsHint) (form.elements.namedItem('eventsUrl') as HTMLInputElement).value = eventsHint;

// Served by `audian dashboard`: the CLI's login is used at once, the form never shows.
void fetchDashboardSession().then(async (session) => {
  if (!session) {
    form.hidden = false;
    // The demo's link carries both: log in at once, as `audian dashboard` does.
    if (key && hash.has('baseUrl')) form.requestSubmit();
    return;
  }
  try {
    await start(open(session.baseUrl, createDashboardSessionAuth(session), session.eventsUrl));
  } catch (e) {
    form.hidden = false;
    $('#login-error').textContent = e instanceof AudianError ? e.message : `Could not log in: ${(e as Error).message}`;
  }
});
