// A small stand-in for `parley serve`, for developing the dashboard without
// the C++ server: serves web/dist and answers the agreed read-only API
// (docs/openapi.yaml) from an events JSON Lines file (events as
// docs/events.md, plus "sentence_text") and the tracker's JSON Lines output
// (`parley negotiations`, one negotiation per line).
//
//   node web/test/fixture-server.mjs --events E.jsonl [--negotiations N.jsonl]
//        [--web web/dist] [--port 0]
// Prints "listening on http://127.0.0.1:PORT" once ready. Loopback only.
import { createServer } from 'node:http';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { join, normalize, extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json' };

export function loadJsonLines(path) {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((line, i) => {
    try {
      return JSON.parse(line);
    } catch (err) {
      throw new Error(`${path}:${i + 1}: not JSON: ${err.message}`);
    }
  });
}

const dateOf = (e) => e.event_date ?? e.date ?? null;
const countryOf = (side) => side?.country || side?.code || '';

function parseBbox(text) {
  const parts = text.split(',').map(Number);
  if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n))) throw new Error('bbox must be minlon,minlat,maxlon,maxlat');
  return parts;
}

export function filterEvents(events, p) {
  const bbox = p.bbox ? parseBbox(p.bbox) : null;
  const q = p.q?.toLowerCase();
  return events.filter((e) => {
    const d = dateOf(e);
    if (p.from && (!d || d < p.from)) return false;
    if (p.to && (!d || d > p.to)) return false;
    if (p.actor && !(e.source.code.startsWith(p.actor) || e.target.code.startsWith(p.actor))) return false;
    if (p.source && !e.source.code.startsWith(p.source)) return false;
    if (p.target && !e.target.code.startsWith(p.target)) return false;
    if (p.country && e.source.country !== p.country && e.target.country !== p.country) return false;
    if (p.code && !e.event.code.startsWith(p.code)) return false;
    if (p.root && e.root !== p.root) return false;
    if (p.plover && e.plover?.type !== p.plover) return false;
    if (p.quad && String(e.quad_class) !== p.quad) return false;
    if (q && !q.split(/\s+/).every((w) => new RegExp(`\\b${w.replace(/[^\p{L}\p{N}]/gu, '')}\\b`, 'iu').test(e.sentence_text ?? ''))) return false;
    if (bbox) {
      const loc = e.location;
      if (!loc || loc.lon < bbox[0] || loc.lat < bbox[1] || loc.lon > bbox[2] || loc.lat > bbox[3]) return false;
    }
    return true;
  });
}

function period(date, interval) {
  if (interval === 'month') return `${date.slice(0, 7)}-01`;
  if (interval === 'week') {
    const d = new Date(`${date}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
    return d.toISOString().slice(0, 10);
  }
  return date;
}

// Goldstein sums are rounded to three decimals, as parley serve rounds them.
const round3 = (x) => Math.round(x * 1000) / 1000;

function aggregate(events, keyOf) {
  const groups = new Map();
  for (const e of events) {
    const key = keyOf(e);
    if (key === null) continue;
    if (!groups.has(key)) groups.set(key, { events: 0, quad: [0, 0, 0, 0], goldstein: 0 });
    const g = groups.get(key);
    g.events += 1;
    if (e.quad_class >= 1 && e.quad_class <= 4) g.quad[e.quad_class - 1] += 1;
    g.goldstein += e.goldstein ?? 0;
  }
  return groups;
}

class BadRequest extends Error {}

function api(state, path, p) {
  const range = { from: p.from, to: p.to };
  if (path === '/api/health') {
    return { status: 'ok', documents: new Set(state.events.map((e) => e.doc_id)).size, events: state.events.length };
  }
  if (path === '/api/events') {
    const limit = p.limit === undefined ? 100 : Number(p.limit);
    const offset = p.offset === undefined ? 0 : Number(p.offset);
    if (!Number.isInteger(limit) || limit < 0 || limit > 1000) throw new BadRequest('limit must be an integer from 0 to 1000');
    if (!Number.isInteger(offset) || offset < 0) throw new BadRequest('offset must be a non-negative integer');
    let hits;
    try {
      hits = filterEvents(state.events, p);
    } catch (err) {
      throw new BadRequest(err.message);
    }
    hits.sort((a, b) => String(dateOf(b)).localeCompare(String(dateOf(a))));
    return { total: hits.length, events: hits.slice(offset, offset + limit) };
  }
  if (path === '/api/timeseries') {
    const interval = p.interval ?? 'day';
    if (!['day', 'week', 'month'].includes(interval)) throw new BadRequest('interval must be day, week or month');
    if (!p.source && !p.target && !p.country && !p.actor) throw new BadRequest('give source/target, country or actor');
    const hits = filterEvents(state.events, { ...range, source: p.source, target: p.target, country: p.country, actor: p.actor });
    const groups = aggregate(hits, (e) => (dateOf(e) ? period(dateOf(e), interval) : null));
    const series = [...groups.entries()].sort((a, b) => a[0].localeCompare(b[0]))
      .map(([k, g]) => ({ period: k, ...g, goldstein: round3(g.goldstein) }));
    return { interval, series };
  }
  if (path === '/api/dyads') {
    const hits = filterEvents(state.events, range);
    const groups = aggregate(hits, (e) => `${countryOf(e.source)}\t${countryOf(e.target)}`);
    const dyads = [...groups.entries()].map(([k, g]) => {
      const [source, target] = k.split('\t');
      return { source, target, events: g.events, goldstein: round3(g.goldstein), quad: g.quad };
    }).sort((a, b) => b.events - a.events || a.source.localeCompare(b.source));
    return { dyads: dyads.slice(0, p.limit ? Number(p.limit) : 100) };
  }
  if (path === '/api/countries') {
    const hits = filterEvents(state.events, range);
    const groups = new Map();
    for (const e of hits) {
      for (const c of new Set([e.source.country, e.target.country])) {
        if (!c) continue;
        if (!groups.has(c)) groups.set(c, { country: c, events: 0, goldstein: 0, quad: [0, 0, 0, 0] });
        const g = groups.get(c);
        g.events += 1;
        g.goldstein += e.goldstein ?? 0;
        if (e.quad_class >= 1 && e.quad_class <= 4) g.quad[e.quad_class - 1] += 1;
      }
    }
    const countries = [...groups.values()].map((c) => ({ ...c, goldstein: round3(c.goldstein) }));
    return { countries: countries.sort((a, b) => b.events - a.events) };
  }
  if (path === '/api/negotiations') {
    return {
      negotiations: state.negotiations.map((n) => ({
        id: n.id, parties: n.parties, mediators: n.mediators, state: n.state,
        first_date: n.first_date, last_date: n.last_date, steps: (n.timeline ?? []).length,
      })),
    };
  }
  if (path.startsWith('/api/negotiations/')) {
    const id = decodeURIComponent(path.slice('/api/negotiations/'.length));
    const n = state.negotiations.find((x) => x.id === id);
    if (!n) return { status: 404, body: { error: `no negotiation with id "${id}"` } };
    return n;
  }
  return { status: 404, body: { error: `no such endpoint: ${path}` } };
}

export function startFixtureServer({ events, negotiations = [], web, port = 0 }) {
  const state = { events, negotiations };
  const webRoot = resolve(web);
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const send = (status, type, body) => {
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
      res.end(body);
    };
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'GET') return send(405, 'application/json', JSON.stringify({ error: 'the fixture server is read-only' }));
      try {
        const out = api(state, url.pathname, Object.fromEntries(url.searchParams));
        if (out && out.status && out.body) return send(out.status, 'application/json', JSON.stringify(out.body));
        return send(200, 'application/json', JSON.stringify(out));
      } catch (err) {
        const status = err instanceof BadRequest ? 400 : 500;
        return send(status, 'application/json', JSON.stringify({ error: err.message }));
      }
    }
    const rel = url.pathname === '/' ? 'index.html' : url.pathname.startsWith('/assets/') ? url.pathname.slice(1) : null;
    const file = rel && normalize(join(webRoot, rel));
    if (!file || !file.startsWith(webRoot) || !existsSync(file) || !statSync(file).isFile()) {
      return send(404, 'text/plain', 'not found');
    }
    return send(200, TYPES[extname(file)] ?? 'application/octet-stream', readFileSync(file));
  });
  return new Promise((resolvePromise) => {
    server.listen(port, '127.0.0.1', () => resolvePromise(server));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      events: { type: 'string' }, negotiations: { type: 'string' },
      web: { type: 'string', default: 'web/dist' }, port: { type: 'string', default: '0' },
    },
  });
  if (!values.events) {
    console.error('fixture-server: --events FILE.jsonl is required');
    process.exit(2);
  }
  const negotiations = values.negotiations ? loadJsonLines(values.negotiations) : [];
  const server = await startFixtureServer({ events: loadJsonLines(values.events), negotiations, web: values.web, port: Number(values.port) });
  console.log(`listening on http://127.0.0.1:${server.address().port}`);
}
