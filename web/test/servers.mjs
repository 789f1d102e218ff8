// The server the browser tests talk to: a real `parley serve` over a fresh
// SQLite store with the bundled examples ingested through the API
// (PARLEY_BIN), or, for working on the pages alone, the fixture server over
// an events file (PARLEY_FIXTURE_EVENTS [+ PARLEY_FIXTURE_NEGOTIATIONS]).
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFixtureServer, loadJsonLines } from './fixture-server.mjs';

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHealth(base, child, log) {
  const deadline = Date.now() + 120000;  // a sanitizer build loads the model slowly
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.pid === undefined) throw new Error(`parley serve exited with ${child.exitCode}:\n${log.join('')}`);
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`parley serve did not answer ${base}/api/health within 120 s:\n${log.join('')}`);
}

// The example corpora the tests ingest: every examples/*.jsonl document file.
export function exampleFiles(dir) {
  return readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort().map((f) => join(dir, f));
}

export async function startParley({ bin, web, examples }) {
  const dir = mkdtempSync(join(tmpdir(), 'parley-web-test-'));
  const port = await freePort();
  const token = 'browser-test-token';
  const base = `http://127.0.0.1:${port}`;
  const log = [];
  const child = spawn(bin, ['serve', '--store', join(dir, 'store.db'), '--port', String(port), '--web', web, '--token', token],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (d) => log.push(String(d)));
  child.stderr.on('data', (d) => log.push(String(d)));
  child.on('error', (err) => log.push(`cannot run ${bin}: ${err.message}\n`));
  try {
    await waitForHealth(base, child, log);
    const ingested = [];
    for (const file of exampleFiles(examples)) {
      const res = await fetch(`${base}/api/documents`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/x-ndjson' },
        body: readFileSync(file),
      });
      const body = await res.json();
      if (!res.ok) throw new Error(`POST /api/documents ${file}: ${res.status} ${JSON.stringify(body)}`);
      ingested.push({ file, ...body });
    }
    return {
      base, ingested, log,
      async stop() {
        child.kill('SIGTERM');
        await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

// `events` and `negotiations`: arrays, or JSON Lines files holding them.
export async function startFixture({ events, negotiations = [], web }) {
  const load = (x) => (Array.isArray(x) ? x : loadJsonLines(x));
  const server = await startFixtureServer({ events: load(events), negotiations: load(negotiations), web });
  return {
    base: `http://127.0.0.1:${server.address().port}`,
    ingested: [],
    log: [],
    stop: () => new Promise((r) => server.close(r)),
  };
}

export function startFromEnvironment(env = process.env) {
  const web = env.PARLEY_WEB_DIST ?? new URL('../dist', import.meta.url).pathname;
  if (env.PARLEY_BIN) {
    return startParley({ bin: env.PARLEY_BIN, web, examples: env.PARLEY_EXAMPLES ?? new URL('../../examples', import.meta.url).pathname });
  }
  if (env.PARLEY_FIXTURE_EVENTS) {
    return startFixture({ events: env.PARLEY_FIXTURE_EVENTS, negotiations: env.PARLEY_FIXTURE_NEGOTIATIONS, web });
  }
  return null;
}
