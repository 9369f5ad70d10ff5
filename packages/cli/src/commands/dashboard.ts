import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, InvalidArgumentError } from 'commander';
import { setActivity } from '../internal/activity';
import { CliError, EXIT_CODES, UsageError } from '../internal/cli-error';
import { addAccountOption } from '../internal/command-options';
import { type Connection, type ConnectOptions, connect } from '../internal/connect';
import { profileEventsUrl } from '../internal/events-client';
import { interruption } from '../internal/interrupt';
import { secrets } from '../internal/secrets';
import { note } from '../internal/stdout';

interface DashboardFlags extends ConnectOptions {
  readonly port?: number;
  readonly open?: boolean;
  readonly dir?: string;
  readonly eventsUrl?: string;
}

const DEFAULT_PORT = 8600;
const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

function port(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 65535) throw new InvalidArgumentError('--port must be 0 (any free port) to 65535');
  return Number(value);
}

/**
 * The built dashboard: `--dir`, else AUDIAN_DASHBOARD_DIR, else a `dashboard/` folder beside the
 * CLI's own files, else — in the monorepo — `apps/dashboard/dist` of a parent directory.
 *
 * @throws UsageError when none holds an index.html
 */
export function dashboardDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const given = flag ?? (env.AUDIAN_DASHBOARD_DIR?.trim() || undefined);
  if (given !== undefined) {
    const dir = resolve(given);
    if (!existsSync(join(dir, 'index.html'))) {
      throw new UsageError(
        `${flag !== undefined ? '--dir' : 'AUDIAN_DASHBOARD_DIR'}: no index.html in ${dir} (build it: npx nx run @audian/dashboard:build)`,
      );
    }
    return dir;
  }
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, 'dashboard')];
  for (let dir = here, i = 0; i < 6; i++, dir = dirname(dir)) candidates.push(join(dir, 'apps', 'dashboard', 'dist'));
  const found = candidates.find((dir) => existsSync(join(dir, 'index.html')));
  if (!found) throw new UsageError('the dashboard is not built: run `npx nx run @audian/dashboard:build`, or pass --dir DIR');
  return found;
}

/** The page's origins: the local server itself, the API and the websocket. */
function contentSecurityPolicy(baseUrl: string, eventsUrl: string | undefined): string {
  const connect = ["'self'", new URL(baseUrl).origin, ...(eventsUrl ? [new URL(eventsUrl).origin] : [])];
  return [
    "default-src 'self'",
    `connect-src ${connect.join(' ')}`,
    "img-src 'self' data:",
    // Chart.js sizes its canvas through inline styles.
    "style-src 'self' 'unsafe-inline'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * Whether a request may have the session: it must name this server by its loopback address (a
 * page of another site that rebinds its DNS name to 127.0.0.1 sends its own name) and come from
 * the dashboard itself (browsers mark a fetch by another site `Sec-Fetch-Site: cross-site`).
 */
function fromDashboard(req: IncomingMessage, port: number): boolean {
  const hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  if (!hosts.has(req.headers.host ?? '')) return false;
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') return false;
  const origin = req.headers.origin;
  return origin === undefined || [...hosts].some((h) => origin === `http://${h}`);
}

/** What the page asks for at `./session`: where the API is and a session token of the profile's login. */
async function sessionBody(conn: Connection, eventsUrl: string | undefined, refresh: boolean): Promise<string> {
  // After a 401 the page asks again with ?refresh=1: one authenticated request makes the
  // transport replace a token the API no longer takes (logging in again).
  if (refresh) await conn.root.request({ method: 'GET', path: 'token_auth' });
  const session = await conn.root.transport.session();
  secrets.add(session.token);
  const accountId = conn.audian.accountId ?? session.accountId;
  return JSON.stringify({
    baseUrl: conn.profile.baseUrl,
    ...(eventsUrl ? { eventsUrl } : {}),
    accountId,
    ...(accountId === session.accountId && session.accountName ? { accountName: session.accountName } : {}),
    token: session.token,
    ...(session.expiresAt ? { expiresAt: session.expiresAt.toISOString() } : {}),
  });
}

async function serveFile(root: string, path: string, res: ServerResponse, headers: Record<string, string>): Promise<void> {
  const file = resolve(root, `.${path === '/' ? '/index.html' : path}`);
  if (file !== root && !file.startsWith(root + sep)) {
    res.writeHead(404).end();
    return;
  }
  try {
    const body = await readFile(file);
    res.writeHead(200, { ...headers, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  }
}

/** Opens a URL in the default browser; a failure only says so. */
function openInBrowser(url: string): void {
  const [cmd, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '', url]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(cmd as string, args as string[], { stdio: 'ignore', detached: true });
    child.on('error', () => note(`could not open a browser (${cmd}): open ${url} yourself`));
    child.unref();
  } catch {
    note(`could not open a browser: open ${url} yourself`);
  }
}

async function serveDashboard(flags: DashboardFlags): Promise<void> {
  const root = dashboardDir(flags.dir);
  const conn = connect(flags);
  setActivity('logging in');
  // Logs in (or reuses the cached session) before serving: bad credentials end here, exit 3.
  await conn.root.transport.session();
  let eventsUrl: string | undefined;
  try {
    // After the login: the login answer may name the websocket.
    eventsUrl = await profileEventsUrl(flags.eventsUrl, conn);
  } catch (error) {
    if (flags.eventsUrl !== undefined || !(error instanceof UsageError)) throw error;
    note(`${error.message}; the live calls and activity panels stay empty`);
  }

  const csp = contentSecurityPolicy(conn.profile.baseUrl, eventsUrl);
  const headers = { 'content-security-policy': csp, 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' };
  let listening = 0;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (url.pathname === '/session') {
      if (!fromDashboard(req, listening)) {
        res.writeHead(403, { 'content-type': 'text/plain' }).end('forbidden');
        return;
      }
      sessionBody(conn, eventsUrl, url.searchParams.has('refresh')).then(
        (body) => res.writeHead(200, { ...headers, 'content-type': 'application/json', 'cache-control': 'no-store' }).end(body),
        (error: Error) => {
          note(`session: ${secrets.scrub(error.message)}`);
          res.writeHead(502, { 'content-type': 'text/plain', 'cache-control': 'no-store' }).end('the login was refused');
        },
      );
      return;
    }
    void serveFile(root, decodeURIComponent(url.pathname), res, headers);
  });
  await new Promise<void>((done, fail) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      fail(
        error.code === 'EADDRINUSE'
          ? new CliError(`--port ${flags.port ?? DEFAULT_PORT} is in use: pick another (--port 0 takes any free one)`, EXIT_CODES.usage)
          : error,
      ),
    );
    server.listen(flags.port ?? DEFAULT_PORT, '127.0.0.1', done);
  });
  listening = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${listening}/`;
  const who = conn.profile.accountName ? ` (account ${conn.profile.accountName})` : '';
  process.stdout.write(`Dashboard for profile "${conn.profile.name}"${who} at ${url}\n`);
  process.stderr.write(`API ${conn.profile.baseUrl}${eventsUrl ? `, events ${eventsUrl}` : ''}. Press Ctrl-C to stop.\n`);
  if (flags.open) openInBrowser(url);
  setActivity('serving the dashboard');
  await new Promise<void>((done) => {
    if (interruption.signal.aborted) done();
    interruption.signal.addEventListener('abort', () => done(), { once: true });
    process.once('SIGTERM', () => done());
  });
  server.closeAllConnections();
  await new Promise<void>((done) => server.close(() => done()));
  process.stderr.write('dashboard stopped\n');
}

/** `audian dashboard`: the browser dashboard for the current profile, served on 127.0.0.1. */
export function dashboardCommand(): Command {
  return addAccountOption(new Command('dashboard'))
    .description('serve the browser dashboard (live calls, activity, call volume) for the current profile')
    .option('-p, --port <n>', `port on 127.0.0.1 (0: any free port)`, port, DEFAULT_PORT)
    .option('--open', 'open it in the default browser')
    .option(
      '--events-url <url>',
      'the websocket, ws:// or wss:// (env: AUDIAN_EVENTS_URL; else the one the login answer names; derived for a local sandbox)',
    )
    .option('--dir <path>', 'serve this built dashboard instead (env: AUDIAN_DASHBOARD_DIR)')
    .addHelpText(
      'after',
      `
The page gets the profile's session token from the local server (same origin only), never the
API key or password, and talks to the API and its websocket directly.

Examples:
  audian dashboard --open
  audian dashboard --port 0 --profile staging
  audian dashboard --events-url wss://api.example.com:5555/`,
    )
    .action(async (_options: unknown, command: Command) => {
      await serveDashboard(command.optsWithGlobals() as DashboardFlags);
    });
}
