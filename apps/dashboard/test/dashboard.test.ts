import { existsSync, mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApiKeyAuth } from '@audian/auth';
import { createAudian } from '@audian/resources';
import { startSandbox } from '@audian/sandbox';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const artifacts = fileURLToPath(new URL('../test-artifacts/', import.meta.url));
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

// Debian's chromium is installed by .ci/run; a machine without it skips, saying so.
describe.skipIf(!existsSync(CHROMIUM))(`dashboard in headless Chromium (${CHROMIUM})`, () => {
  let sandbox: Awaited<ReturnType<typeof startSandbox>>;
  let web: Server;
  let webUrl: string;
  let browser: Browser;
  /** What `./session` answers, as `audian dashboard` would; unset, it is a 404 like any static server's. */
  let session: string | undefined;

  beforeAll(async () => {
    sandbox = await startSandbox({ demoData: true });
    web = createServer(async (req, res) => {
      const path = (req.url ?? '/').split(/[?#]/)[0] as string;
      if (path === '/session' && session !== undefined) {
        res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(session);
        return;
      }
      try {
        const file = join(dist, path === '/' ? 'index.html' : path);
        const body = await readFile(file);
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
      } catch {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
    webUrl = `http://127.0.0.1:${(web.address() as AddressInfo).port}/`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (web ? web.close(() => resolve()) : resolve()));
    await sandbox?.stop();
  });

  it('logs in with an API key, shows the seeded users, devices, callflows and pages through CDRs', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const failures: string[] = [];
    page.on('pageerror', (e) => failures.push(e.message));
    await page.goto(webUrl);
    await page.fill('input[name="baseUrl"]', `${sandbox.url}/v2/`);
    await page.fill('input[name="apiKey"]', sandbox.apiKey);
    await page.click('button[type="submit"]');

    await page.waitForSelector('table[data-testid="users"] tbody tr td');
    expect(await page.isVisible('form[data-testid="login"]')).toBe(false);
    const users = await page.locator('table[data-testid="users"] tbody tr').count();
    expect(users).toBeGreaterThanOrEqual(3);
    await expect.poll(() => page.locator('table[data-testid="devices"] tbody tr').count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('table[data-testid="devices"] td.registered').count()).toBeGreaterThanOrEqual(1);
    await expect.poll(() => page.locator('table[data-testid="callflows"] tbody tr').count()).toBeGreaterThanOrEqual(1);

    await expect.poll(() => page.textContent('[data-testid="cdrs-page"]')).toBe('page 1');
    const firstPage = await page.locator('table[data-testid="cdrs"] tbody').textContent();
    expect(await page.locator('table[data-testid="cdrs"] tbody tr').count()).toBe(10);
    await page.click('#cdrs-next');
    await expect.poll(() => page.textContent('[data-testid="cdrs-page"]')).toBe('page 2');
    expect(await page.locator('table[data-testid="cdrs"] tbody').textContent()).not.toBe(firstPage);
    await page.click('#cdrs-prev');
    await expect.poll(() => page.textContent('[data-testid="cdrs-page"]')).toBe('page 1');

    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, 'dashboard.png'), fullPage: true });
    expect(failures).toEqual([]);
    // The key typed into the form is never written into the page.
    expect(await page.content()).not.toContain(sandbox.apiKey);
  });

  /** A page logged in with the form, its live events subscribed. */
  async function loggedIn(failures: string[]): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1400 } });
    page.on('pageerror', (e) => failures.push(e.message));
    await page.goto(webUrl);
    await page.fill('input[name="baseUrl"]', `${sandbox.url}/v2/`);
    await page.fill('input[name="apiKey"]', sandbox.apiKey);
    await page.click('button[type="submit"]');
    await page.waitForSelector('table[data-testid="users"] tbody tr td');
    await expect.poll(() => page.textContent('[data-testid="live-status"]'), { timeout: 10_000 }).toBe('live');
    return page;
  }

  const volume = async (page: Page) => {
    const summary = page.locator('[data-testid="volume-summary"]');
    return { total: Number(await summary.getAttribute('data-total')), answered: Number(await summary.getAttribute('data-answered')) };
  };

  it('a simulated call appears ringing, is answered and disappears; then its CDR shows and the chart counts it', async () => {
    const failures: string[] = [];
    const page = await loggedIn(failures);
    // The seeded CDRs of the last 7 days are in the chart before any call is placed.
    await expect.poll(async () => (await volume(page)).total, { timeout: 10_000 }).toBeGreaterThan(0);
    const before = await volume(page);
    expect(await page.locator('table[data-testid="live-calls"] tbody tr[data-call-id]').count()).toBe(0);

    const from = '+14155550177';
    const call = sandbox.placeCall({ to: '1001', from, callerIdName: 'Grace Hopper', answerAfterMs: 1500, durationMs: 2500 });
    const row = page.locator(`table[data-testid="live-calls"] tbody tr[data-call-id="${call.call_id}"]`);
    await expect.poll(() => row.getAttribute('data-state'), { timeout: 5000 }).toBe('ringing');
    // Who is calling whom: the caller, and the user whose phone rings (extension 1001 is Alice's).
    expect(await row.textContent()).toContain(`Grace Hopper (${from})`);
    await expect.poll(() => row.textContent()).toContain('Alice Anderson');
    await expect.poll(() => row.getAttribute('data-state'), { timeout: 5000 }).toBe('answered');
    // The duration ticks while they talk.
    const firstTick = await row.locator('td').nth(3).textContent();
    await expect.poll(() => row.locator('td').nth(3).textContent(), { timeout: 3000 }).not.toBe(firstTick);
    await expect.poll(() => row.count(), { timeout: 8000 }).toBe(0);

    // Its CDR heads the recent calls, and the chart has one more answered call.
    await expect.poll(() => page.locator('table[data-testid="cdrs"] tbody').textContent(), { timeout: 8000 }).toContain(from);
    await expect.poll(() => volume(page), { timeout: 8000 }).toEqual({ total: before.total + 1, answered: before.answered + 1 });

    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, 'dashboard-live.png'), fullPage: true });
    expect(failures).toEqual([]);
  });

  it('a call the caller gives up on while it rings leaves the live panel and counts as missed', async () => {
    const failures: string[] = [];
    const page = await loggedIn(failures);
    await expect.poll(async () => (await volume(page)).total, { timeout: 10_000 }).toBeGreaterThan(0);
    const before = await volume(page);
    const call = sandbox.placeCall({ to: '1002', from: '+14155550178', answerAfterMs: 60_000 });
    const row = page.locator(`table[data-testid="live-calls"] tbody tr[data-call-id="${call.call_id}"]`);
    await expect.poll(() => row.getAttribute('data-state'), { timeout: 5000 }).toBe('ringing');
    // Bob's two phones ring: still one row for the call.
    expect(await page.locator('table[data-testid="live-calls"] tbody tr').count()).toBe(1);
    expect(sandbox.hangupCall(call.call_id)?.hangup_cause).toBe('ORIGINATOR_CANCEL');
    await expect.poll(() => row.count(), { timeout: 5000 }).toBe(0);
    await expect.poll(() => volume(page), { timeout: 8000 }).toEqual({ total: before.total + 1, answered: before.answered });
    expect(failures).toEqual([]);
  });

  it('shows document changes in the activity feed as they happen, named, and refreshes the users table', async () => {
    const failures: string[] = [];
    const page = await loggedIn(failures);
    const users = await page.locator('table[data-testid="users"] tbody tr').count();
    const audian = createAudian({ baseUrl: sandbox.apiUrl, auth: createApiKeyAuth({ apiKey: sandbox.apiKey }) });
    const ada = await audian.users.create({ first_name: 'Ada', last_name: 'Lovelace' });
    const created = page.locator(`#activity li[data-action="doc_created"][data-id="${ada.id}"]`);
    await expect.poll(() => created.textContent(), { timeout: 5000 }).toContain('user created');
    await expect.poll(() => created.locator('.subject').textContent()).toBe('Ada Lovelace');
    await expect.poll(() => page.locator('table[data-testid="users"] tbody tr').count()).toBe(users + 1);
    await audian.users.delete(ada.id);
    const deleted = page.locator(`#activity li[data-action="doc_deleted"][data-id="${ada.id}"]`);
    await expect.poll(() => deleted.textContent(), { timeout: 5000 }).toContain('user deleted');
    // Newest first.
    expect(await page.locator('#activity li').first().getAttribute('data-action')).toBe('doc_deleted');
    await expect.poll(() => page.locator('table[data-testid="users"] tbody tr').count()).toBe(users);
    expect(failures).toEqual([]);
  });

  it('served with a session (as `audian dashboard` serves it), logs in without the form', async () => {
    const audian = createAudian({ baseUrl: sandbox.apiUrl, auth: createApiKeyAuth({ apiKey: sandbox.apiKey }) });
    const { token, accountId } = await audian.transport.session();
    session = JSON.stringify({ baseUrl: sandbox.apiUrl, eventsUrl: sandbox.eventsUrl, accountId, token });
    try {
      const page = await browser.newPage();
      await page.goto(webUrl);
      await page.waitForSelector('table[data-testid="users"] tbody tr td');
      expect(await page.isVisible('form[data-testid="login"]')).toBe(false);
      expect(await page.textContent('[data-testid="session"]')).toContain('account');
      await expect.poll(() => page.textContent('[data-testid="live-status"]'), { timeout: 10_000 }).toBe('live');
    } finally {
      session = undefined;
    }
  });

  it("the demo's link (#baseUrl=…&apiKey=…) logs in at once, and the key stays out of the page", async () => {
    const page = await browser.newPage();
    await page.goto(`${webUrl}#baseUrl=${encodeURIComponent(`${sandbox.url}/v2/`)}&apiKey=${sandbox.apiKey}`);
    await page.waitForSelector('table[data-testid="users"] tbody tr td');
    expect(await page.isVisible('form[data-testid="login"]')).toBe(false);
    await expect.poll(() => page.textContent('[data-testid="live-status"]'), { timeout: 10_000 }).toBe('live');
    expect(await page.locator('#app').innerHTML()).not.toContain(sandbox.apiKey);
  });

  it('shows a clear message for a wrong key and stays on the login form', async () => {
    const page = await browser.newPage();
    await page.goto(webUrl);
    await page.fill('input[name="baseUrl"]', `${sandbox.url}/v2/`);
    await page.fill('input[name="apiKey"]', 'f'.repeat(64));
    await page.click('button[type="submit"]');
    await expect.poll(() => page.textContent('#login-error')).toContain('API key rejected');
    expect(await page.isVisible('form[data-testid="login"]')).toBe(true);
  });
});
