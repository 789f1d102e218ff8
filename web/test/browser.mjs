// Launches Debian's Chromium through playwright-core with the flags the
// project's CI needs (no sandbox as root, no GPU, no background network) and
// a fresh profile, and records every console error, page error, failed
// request and HTTP error status a page produces.
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CHROMIUM = process.env.PARLEY_CHROMIUM ?? '/usr/bin/chromium';

export async function launch() {
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'parley-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1360, height: 900 },
    deviceScaleFactor: 1,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export function chromiumMissing() {
  return existsSync(CHROMIUM) ? null : `${CHROMIUM} not found (install it with scripts/install-browser-deps.sh)`;
}

// A page that collects its problems in page.problems.
export async function newPage(context) {
  const page = await context.newPage();
  page.problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') page.problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => page.problems.push(`page error: ${err.message}`));
  page.on('requestfailed', (req) => page.problems.push(`request failed: ${req.url()} ${req.failure()?.errorText ?? ''}`));
  page.on('response', (res) => {
    if (res.status() >= 400) page.problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  return page;
}

// Waits until the dashboard has drawn the current route (body[data-state],
// body[data-route] = the hash it drew), and that route includes `hashIncludes`.
export async function settled(page, { hashIncludes } = {}) {
  await page.waitForFunction((part) => {
    const { state, route } = document.body.dataset;
    return (state === 'ready' || state === 'error') && route === location.hash && (!part || location.hash.includes(part));
  }, hashIncludes ?? null, { timeout: 20000 });
  const state = await page.evaluate(() => document.body.dataset.state);
  if (state !== 'ready') {
    const text = await page.locator('#page').innerText();
    throw new Error(`page did not render: ${text}`);
  }
}
