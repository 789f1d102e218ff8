// The dashboard in real Chromium against a real server: every page renders
// without console errors, the filters change the results, the map and the
// chart draw, and the bundled example's negotiation timeline shows its steps.
// Each page's screenshot goes to $PARLEY_SCREENSHOTS (CTest: build/web-screenshots;
// `scripts/test-web.sh --parley build/src/cli/parley --screenshots docs/screenshots`
// refreshes the committed ones).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch, newPage, settled, chromiumMissing } from './browser.mjs';
import { startFromEnvironment } from './servers.mjs';

const skipReason = chromiumMissing()
  ?? (process.env.PARLEY_BIN || process.env.PARLEY_FIXTURE_EVENTS ? null : 'set PARLEY_BIN (scripts/test-web.sh does) or PARLEY_FIXTURE_EVENTS');

let server;
let browser;

before(async () => {
  if (skipReason) return;
  server = await startFromEnvironment();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function apiJson(path) {
  const res = await fetch(`${server.base}${path}`);
  assert.equal(res.status, 200, `${path} answered ${res.status}`);
  return res.json();
}

async function open(route) {
  const page = await newPage(browser.context);
  await page.goto(`${server.base}/${route}`);
  await settled(page);
  return page;
}

// The whole page, cut at `maxHeight` pixels (the events list is long).
async function screenshot(page, name, { maxHeight = 2400 } = {}) {
  const dir = process.env.PARLEY_SCREENSHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.mouse.move(0, 0);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.screenshot({
    path: join(dir, `${name}.png`), fullPage: true,
    clip: { x: 0, y: 0, width: 1360, height: Math.min(height, maxHeight) },
  });
}

function assertClean(page) {
  assert.deepEqual(page.problems, [], `problems on ${page.url()}`);
}

const opts = { skip: skipReason ?? false };

test('the server holds the ingested examples', opts, async () => {
  const health = await apiJson('/api/health');
  assert.ok(health.events > 0, `no events stored: ${JSON.stringify(health)}`);
  for (const report of server.ingested) {
    assert.deepEqual(report.skipped, [], `${report.file} skipped documents`);
  }
});

test('events page: lists events with highlighted evidence', opts, async () => {
  const page = await open('#/events');
  const total = Number(await page.locator('#result-count').getAttribute('data-total'));
  const { total: apiTotal } = await apiJson('/api/events?limit=1');
  assert.equal(total, apiTotal);
  const cards = page.locator('.event-card');
  assert.ok(await cards.count() > 0);
  // The cards follow the API's order, and each marks its own verb and actors' words.
  const { events } = await apiJson('/api/events?limit=25');
  assert.equal(await cards.count(), events.length);
  let marked = 0;
  for (const [i, ev] of events.entries()) {
    const card = cards.nth(i);
    assert.equal(await card.locator('.code b').innerText(), ev.event.code);
    if (!ev.sentence_text.includes(ev.event.text)) continue;
    assert.equal(await card.locator('.evidence mark.verb').innerText(), ev.event.text, `card ${i}`);
    marked += 1;
  }
  assert.ok(marked > 0, 'no evidence sentence contains its verb');
  assert.ok(await page.locator('.event-card .evidence mark.src').count() > 0, 'no source highlighted');
  // The health line in the top bar shows the store's counts.
  assert.match(await page.locator('#health').innerText(), /documents · .* events/);
  await screenshot(page, 'events', { maxHeight: 1500 });
  // The next page starts where this one ended.
  if (total > events.length) {
    await page.click('.pager a:has-text("Next")');
    await settled(page, { hashIncludes: `offset=${events.length}` });
    const { events: second } = await apiJson(`/api/events?limit=25&offset=${events.length}`);
    assert.equal(await page.locator('.event-card').count(), second.length);
    assert.match(await page.locator('#result-count').innerText(), new RegExp(`^${events.length + 1}–`));
  }
  assertClean(page);
  await page.close();
});

test('events page: filters change the results', opts, async () => {
  const page = await open('#/events');
  const all = Number(await page.locator('#result-count').getAttribute('data-total'));

  // QuadClass 4: fewer events, every one material conflict.
  await page.selectOption('#f-quad', '4');
  await page.click('.filters button[type=submit]');
  await settled(page, { hashIncludes: 'quad=4' });
  const conflict = Number(await page.locator('#result-count').getAttribute('data-total'));
  assert.equal(conflict, (await apiJson('/api/events?quad=4&limit=1')).total);
  assert.ok(conflict > 0 && conflict < all, `quad=4 gave ${conflict} of ${all}`);
  const badges = await page.locator('.event-card .badge').allInnerTexts();
  assert.ok(badges.length > 0);
  assert.ok(badges.every((b) => b === 'Material conflict'), `badges: ${badges}`);

  // Text search on top of it, for the longest word of the first conflict
  // event's sentence: every sentence shown has the word.
  const [first] = (await apiJson('/api/events?quad=4&limit=1')).events;
  const word = first.sentence_text.match(/\p{L}+/gu).sort((a, b) => b.length - a.length)[0];
  await page.fill('#f-q', word);
  await page.click('.filters button[type=submit]');
  await settled(page, { hashIncludes: `q=${encodeURIComponent(word)}` });
  const withWord = Number(await page.locator('#result-count').getAttribute('data-total'));
  assert.equal(withWord, (await apiJson(`/api/events?quad=4&q=${encodeURIComponent(word)}&limit=1`)).total);
  assert.ok(withWord > 0 && withWord <= conflict, `q=${word} gave ${withWord}`);
  const sentences = await page.locator('.event-card .evidence').allInnerTexts();
  assert.ok(sentences.every((s) => new RegExp(`\\b${word}\\b`, 'iu').test(s)), `"${word}" missing from: ${sentences}`);

  // A date range with no events: the empty state.
  await page.fill('#f-q', '');
  await page.selectOption('#f-quad', '');
  await page.fill('#f-from', '1990-01-01');
  await page.fill('#f-to', '1990-12-31');
  await page.click('.filters button[type=submit]');
  await settled(page, { hashIncludes: 'to=1990-12-31' });
  assert.equal(await page.locator('#result-count').getAttribute('data-total'), '0');
  assert.equal(await page.locator('.event-card').count(), 0);

  // Clear: back to everything.
  await page.click('.filters button[type=reset]');
  await settled(page, { hashIncludes: '/events' });
  await page.waitForFunction((n) => document.querySelector('#result-count')?.dataset.total === String(n), all);
  assertClean(page);
  await page.close();
});

test('time-series page: draws stacked QuadClass bars and the Goldstein line', opts, async () => {
  const page = await open('#/timeseries?interval=week');
  // With no dyad chosen, the page plots the busiest one.
  const { dyads } = await apiJson('/api/dyads?limit=1');
  assert.equal(await page.inputValue('#f-source'), dyads[0].source);
  assert.equal(await page.inputValue('#f-target'), dyads[0].target);
  assert.ok(await page.locator('svg.timeseries-chart rect.bar').count() > 0, 'no bars');
  assert.equal(await page.locator('svg.timeseries-chart path.goldstein-line').count(), 1);
  await screenshot(page, 'timeseries');

  // A country by day: one x tick per day from the first to the last event.
  await page.fill('#f-source', '');
  await page.fill('#f-target', '');
  await page.fill('#f-country', 'SDN');
  await page.selectOption('#f-interval', 'day');
  await page.click('.filters button[type=submit]');
  await settled(page, { hashIncludes: 'country=SDN' });
  const { series } = await apiJson('/api/timeseries?country=SDN&interval=day');
  assert.ok(series.length > 0);
  const bars = await page.locator('svg.timeseries-chart .bars rect.bar').count();
  const nonZeroSegments = series.reduce((n, p) => n + p.quad.filter((c) => c > 0).length, 0);
  assert.ok(bars >= nonZeroSegments, `${bars} bar segments for ${nonZeroSegments} non-empty QuadClass counts`);
  assertClean(page);
  await page.close();
});

test('map page: world shapes, shaded countries and event points', opts, async () => {
  const page = await open('#/map');
  assert.ok(await page.locator('svg.world-map path.country').count() > 150, 'countries-110m not drawn');
  const { countries } = await apiJson('/api/countries');
  const shaded = await page.locator('svg.world-map path.country.has-data').count();
  assert.ok(shaded > 0 && shaded <= countries.length, `${shaded} shaded for ${countries.length} countries`);
  // One point per distinct place among the events that have coordinates.
  const located = (await apiJson('/api/events?limit=1000')).events.filter((e) => typeof e.location?.lat === 'number');
  const places = new Set(located.map((e) => `${e.location.lat.toFixed(3)},${e.location.lon.toFixed(3)}`));
  assert.ok(places.size > 0, 'no event has a place');
  assert.equal(await page.locator('svg.world-map circle.event-point').count(), places.size);
  assert.ok(await page.locator('#country-table tbody tr').count() > 0);
  await screenshot(page, 'map');

  // Clicking the biggest dot lists that place's events.
  const biggest = [...places].map((key) => ({ key, n: located.filter((e) => `${e.location.lat.toFixed(3)},${e.location.lon.toFixed(3)}` === key).length }))
    .sort((a, b) => b.n - a.n)[0];
  await page.locator('svg.world-map circle.event-point').first().dispatchEvent('click');
  await settled(page, { hashIncludes: 'bbox=' });
  assert.equal(Number(await page.locator('#result-count').getAttribute('data-total')), biggest.n);
  await page.goto(`${server.base}/#/map`);
  await settled(page, { hashIncludes: '/map' });

  // Shaded countries are coloured, others keep the land colour.
  const fills = await page.locator('path.country').evaluateAll((els) =>
    els.map((e) => ({ data: e.classList.contains('has-data'), fill: getComputedStyle(e).fill })));
  const land = fills.find((f) => !f.data).fill;
  assert.ok(fills.filter((f) => f.data).every((f) => f.fill !== land), 'a country with events is drawn as bare land');
  // Goldstein shading recolours the same countries.
  const before = await page.locator('path.country.has-data').first().evaluate((e) => getComputedStyle(e).fill);
  await page.selectOption('#f-shade', 'goldstein');
  await page.click('.filters button[type=submit]');
  await settled(page, { hashIncludes: 'shade=goldstein' });
  assert.equal(await page.locator('path.country.has-data').count(), shaded);
  assert.notEqual(await page.locator('path.country.has-data').first().evaluate((e) => getComputedStyle(e).fill), before);
  assertClean(page);
  await page.close();
});

test('network page: a node per actor and a link per dyad', opts, async () => {
  const page = await open('#/network?limit=50');
  const { dyads } = await apiJson('/api/dyads?limit=50');
  const actors = new Set(dyads.flatMap((d) => [d.source, d.target]));
  assert.equal(await page.locator('svg.network g.node').count(), actors.size);
  assert.equal(await page.locator('svg.network path.link').count(), dyads.length);
  await screenshot(page, 'network');
  // The top dyad's row opens its time series.
  await page.click('#dyad-table tbody tr:first-child a');
  await settled(page, { hashIncludes: '/timeseries' });
  assert.equal(await page.inputValue('#f-source'), dyads[0].source);
  assert.equal(await page.inputValue('#f-target'), dyads[0].target);
  assert.ok(await page.locator('svg.timeseries-chart rect.bar').count() > 0);
  assertClean(page);
  await page.close();
});

test('negotiations: the bundled example\'s timeline renders with its steps', opts, async () => {
  const { negotiations } = await apiJson('/api/negotiations');
  assert.ok(negotiations.length > 0, 'the tracker found no negotiation in the examples');
  const page = await open('#/negotiations');
  assert.equal(await page.locator('#negotiation-list .negotiation-card').count(), negotiations.length);
  await screenshot(page, 'negotiations');

  // The negotiation with the most steps: open it from the list.
  const chosen = [...negotiations].sort((a, b) => b.steps - a.steps)[0];
  await page.click(`.negotiation-card[data-id="${chosen.id}"]`);
  await settled(page, { hashIncludes: encodeURIComponent(chosen.id) });
  const full = await apiJson(`/api/negotiations/${encodeURIComponent(chosen.id)}`);
  const steps = page.locator('#timeline li.step');
  assert.equal(await steps.count(), full.timeline.length);
  assert.equal(full.timeline.length, chosen.steps);
  const dates = await page.locator('#timeline .step-date time').allInnerTexts();
  assert.deepEqual(dates, full.timeline.map((s) => s.date ?? 'undated'));
  // Every step shows its own evidence sentence with its words marked.
  const shown = await page.locator('#timeline .evidence').allInnerTexts();
  assert.deepEqual(shown, full.timeline.map((s) => s.evidence.text || 'No sentence text stored.'));
  const kinds = await page.locator('#timeline li.step').evaluateAll((els) => els.map((e) => e.dataset.kind));
  assert.deepEqual(kinds, full.timeline.map((s) => s.kind));
  assert.equal(await page.locator('.nh-state .state-badge').getAttribute('data-state'), full.state);
  assert.equal(await page.locator('svg.overview-chart .step-dots circle').count(), full.timeline.filter((s) => s.date).length);
  assert.equal(await page.locator('#terms li').count(), full.terms.length);
  assert.equal(await page.locator('#escalation .front').count(), full.escalation.length);
  await screenshot(page, 'negotiation', { maxHeight: 3400 });
  assertClean(page);
  await page.close();
});

test('an unknown negotiation shows the server\'s error, not a blank page', opts, async () => {
  const page = await newPage(browser.context);
  await page.goto(`${server.base}/#/negotiations/no-such-negotiation`);
  await page.waitForFunction(() => document.body.dataset.state === 'error');
  assert.match(await page.locator('.state.error').innerText(), /404/);
  assert.ok(page.problems.every((p) => /404/.test(p)), `unexpected problems: ${page.problems}`);
  await page.close();
});
