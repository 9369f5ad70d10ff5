import { existsSync, mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSandbox } from '@audian/sandbox';
import { type Browser, chromium } from 'playwright-core';
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

  beforeAll(async () => {
    sandbox = await startSandbox({ demoData: true });
    web = createServer(async (req, res) => {
      const path = (req.url ?? '/').split(/[?#]/)[0] as string;
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
