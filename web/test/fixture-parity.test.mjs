// The fixture server (fixture-server.mjs, for working on the pages without
// the C++ server) must answer as `parley serve` does. Both are given the same
// events — the real server's own, read back from GET /api/events — and every
// read route is compared, filter by filter. A difference is a bug in one of
// them: the fixture misreading the agreed API, or the server's SQL.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startParley, startFixture } from './servers.mjs';

const skip = process.env.PARLEY_BIN ? false : 'set PARLEY_BIN (scripts/test-web.sh does)';
let real;
let fixture;

before(async () => {
  if (skip) return;
  real = await startParley({
    bin: process.env.PARLEY_BIN,
    web: process.env.PARLEY_WEB_DIST ?? new URL('../dist', import.meta.url).pathname,
    examples: process.env.PARLEY_EXAMPLES ?? new URL('../../examples', import.meta.url).pathname,
  });
  const { events, total } = await (await fetch(`${real.base}/api/events?limit=1000`)).json();
  assert.equal(events.length, total, 'more events than one page holds');
  fixture = await startFixture({ events, web: process.env.PARLEY_WEB_DIST ?? 'dist' });
});

after(async () => {
  await fixture?.stop();
  await real?.stop();
});

async function both(path) {
  const answers = [];
  for (const server of [real, fixture]) {
    const res = await fetch(`${server.base}${path}`);
    assert.equal(res.status, 200, `${server === real ? 'parley serve' : 'fixture'}: ${path} → ${res.status}`);
    answers.push(await res.json());
  }
  return answers;
}

// Filters built from the stored events themselves, so each selects something.
function filtersFrom(events) {
  const first = events.find((e) => e.location?.lat !== undefined && e.quad_class === 4) ?? events[0];
  const dates = events.map((e) => e.event_date ?? e.date).filter(Boolean).sort();
  const word = first.sentence_text.match(/\p{L}{5,}/gu)?.[0] ?? 'the';
  const loc = events.find((e) => typeof e.location?.lat === 'number').location;
  return [
    {}, { quad: '4' }, { quad: '1' }, { root: first.root }, { code: first.event.code.slice(0, 2) },
    { actor: first.source.code.slice(0, 3) }, { source: first.source.code }, { target: first.target.code.slice(0, 3) },
    { country: first.source.country || 'ISR' }, { plover: 'CONSULT' }, { plover: first.plover.type || 'ASSAULT' },
    { from: dates[Math.floor(dates.length / 3)] }, { to: dates[Math.floor(dates.length / 2)] },
    { from: dates[0], to: dates[0] }, { q: word }, { q: `${word} the` },
    { bbox: `${loc.lon - 1},${loc.lat - 1},${loc.lon + 1},${loc.lat + 1}` },
    { country: 'SDN', quad: '4', from: dates[0] },
  ];
}

test('events: the same events, in the same order, for every filter', { skip }, async () => {
  const [{ events }] = await both('/api/events?limit=1000');
  for (const filter of filtersFrom(events)) {
    const query = new URLSearchParams({ ...filter, limit: '1000' });
    const [a, b] = await both(`/api/events?${query}`);
    assert.equal(b.total, a.total, `total for ${query}`);
    assert.deepEqual(b.events.map((e) => e.id), a.events.map((e) => e.id), `order for ${query}`);
  }
  // Paging: offset and limit cut the same list.
  const [a, b] = await both('/api/events?limit=7&offset=5');
  assert.deepEqual(b.events.map((e) => e.id), a.events.map((e) => e.id));
});

test('time series: the same periods, counts and Goldstein sums', { skip }, async () => {
  const [{ dyads }] = await both('/api/dyads?limit=3');
  const subjects = [
    { country: 'SDN' }, { country: 'ISR' }, { actor: 'USA' },
    ...dyads.map((d) => ({ source: d.source, target: d.target })),
  ];
  for (const subject of subjects) {
    for (const interval of ['day', 'week', 'month']) {
      const query = new URLSearchParams({ ...subject, interval });
      const [a, b] = await both(`/api/timeseries?${query}`);
      assert.equal(b.interval, a.interval);
      assert.deepEqual(b.series, a.series, `series for ${query}`);
    }
  }
});

test('dyads and countries: the same rows', { skip }, async () => {
  const byKey = (rows, key) => new Map(rows.map((r) => [key(r), r]));
  const [a, b] = await both('/api/dyads?limit=1000');
  assert.deepEqual(byKey(b.dyads, (d) => `${d.source}>${d.target}`), byKey(a.dyads, (d) => `${d.source}>${d.target}`));
  const [c, d] = await both('/api/countries');
  assert.deepEqual(byKey(d.countries, (x) => x.country), byKey(c.countries, (x) => x.country));
});
