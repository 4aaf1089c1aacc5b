#!/usr/bin/env node
// Runs the browser benchmark: serves the dashboard and the peer pages from
// one local origin, drives headless Chromium (one browser, a fresh context
// and page per run), checks that every engine's per-department
// disclosure_timeliness tallies equal the CLI's, and prints the timings.
// Called by scripts/bench-browser.sh, which builds and prepares the inputs.
//
//   node bench/browser/run.mjs --csv bench-data/d1m.csv --openness target/release/openness
//        [--runs 5] [--from 2019-01-01] [--to 2019-12-31] [--asof 2020-03-31]
//        [--engines ours,duckdb,papa] [--check-only] [--no-fixture]
//        [--md target/bench-browser.md] [--timeout SECONDS]
//
// Exit status: 0 when every engine agrees with the CLI, 1 on a mismatch or
// a failed run, 2 on a usage error. Timings never fail the run.

import { createServer } from 'node:http';
import { createReadStream, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, extname, join, normalize, relative, resolve, sep, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');

// ---------------------------------------------------------------- options

function parseArgs(argv) {
  const o = {
    csv: null, openness: null, runs: 5, from: '2019-01-01', to: '2019-12-31', asof: '2020-03-31',
    engines: 'ours,duckdb,papa', checkOnly: false, fixture: true, md: 'target/bench-browser.md',
    chromium: process.env.CHROMIUM || '/usr/bin/chromium', timeout: 600,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) usage(`${a} needs a value`);
      return argv[++i];
    };
    switch (a) {
      case '--csv': o.csv = value(); break;
      case '--openness': o.openness = value(); break;
      case '--runs': o.runs = Number(value()); break;
      case '--from': o.from = value(); break;
      case '--to': o.to = value(); break;
      case '--asof': case '--as-of': o.asof = value(); break;
      case '--engines': o.engines = value(); break;
      case '--check-only': o.checkOnly = true; break;
      case '--no-fixture': o.fixture = false; break;
      case '--md': o.md = value(); break;
      case '--chromium': o.chromium = value(); break;
      case '--timeout': o.timeout = Number(value()); break;
      case '-h': case '--help': usage(null); break;
      default: usage(`unknown argument ${a}`);
    }
  }
  if (!o.csv || !o.openness) usage('--csv and --openness are required');
  if (!Number.isInteger(o.runs) || o.runs < 1) usage('--runs must be a positive whole number');
  if (!(o.timeout > 0)) usage('--timeout must be a positive number of seconds');
  for (const k of ['from', 'to', 'asof']) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(o[k])) usage(`--${k} must be YYYY-MM-DD`);
  }
  o.engines = o.engines.split(',').map((x) => x.trim()).filter(Boolean);
  for (const e of o.engines) if (!ENGINES[e]) usage(`unknown engine ${e}`);
  return o;
}

function usage(msg) {
  const text = readFileSync(fileURLToPath(import.meta.url), 'utf8')
    .split('\n').slice(1, 15).map((l) => l.replace(/^\/\/ ?/, '')).join('\n');
  if (msg) {
    console.error(`run.mjs: ${msg}\n\n${text}`);
    process.exit(2);
  }
  console.log(text);
  process.exit(0);
}

// ---------------------------------------------------------------- engines

const pkgVersion = (name) => {
  try {
    return JSON.parse(readFileSync(join(HERE, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return '?';
  }
};

const ENGINES = {
  ours: { label: () => 'openness (ours)', page: '/' },
  // The legacy build (Chromium 86+, no SIMD): scripts/build-legacy.sh
  // writes dist/legacy.html. Not in the default engine list.
  'ours-legacy': { label: () => 'openness legacy build (ours)', page: '/legacy.html' },
  duckdb: { label: (r) => `DuckDB-WASM ${pkgVersion('@duckdb/duckdb-wasm')}${r && r.engine ? r.engine.replace(/^DuckDB-WASM/, '') : ''}`, page: '/peers/duckdb.html' },
  papa: { label: () => `PapaParse ${pkgVersion('papaparse')} + JS`, page: '/peers/papa.html' },
};

// ---------------------------------------------------------------- server

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.toml': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

/** URL prefix -> directory, longest prefix first. */
const MOUNTS = [
  ['/peers/node_modules/', join(HERE, 'node_modules')],
  ['/peers/', HERE],
  ['/bench-data/', join(ROOT, 'bench-data')],
  ['/data/', join(ROOT, 'data')],
  ['/', join(ROOT, 'dist')],
];

function resolvePath(urlPath) {
  let p;
  try {
    p = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (p.includes('\0')) return null;
  for (const [prefix, dir] of MOUNTS) {
    if (!p.startsWith(prefix)) continue;
    // The peer pages' own node_modules are only reachable through the first mount.
    const file = normalize(join(dir, p.slice(prefix.length)));
    const rel = relative(dir, file);
    if (rel.startsWith('..') || resolve(dir, rel) !== file) return null;
    return file;
  }
  return null;
}

function startServer() {
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    let file = resolvePath(url.pathname);
    let st = null;
    try {
      if (file) {
        st = statSync(file);
        if (st.isDirectory()) {
          file = join(file, 'index.html');
          st = statSync(file);
        }
      }
    } catch {
      st = null;
    }
    if (!file || !st || !st.isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found\n');
      return;
    }
    const headers = {
      'Content-Type': MIME[extname(file).toLowerCase()] || 'application/octet-stream',
      'Content-Length': st.size,
      'Cache-Control': url.pathname.startsWith('/bench-data/') ? 'no-store' : 'no-cache',
    };
    res.writeHead(200, headers);
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file).pipe(res);
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok(server));
  });
}

// ---------------------------------------------------------------- results

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n === 0 ? NaN : n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};

/** Runs the CLI on `csv` and reduces its JSON to what the engines report. */
function runCli(bin, csv, w) {
  const args = ['score', csv, '--format', 'json', '--from', w.from, '--to', w.to, '--as-of', w.asof];
  let out;
  try {
    out = execFileSync(bin, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  } catch (e) {
    throw new Error(`${bin} ${args.join(' ')} failed: ${e.stderr || e.message}`);
  }
  const json = JSON.parse(out);
  const disclosure = {};
  for (const d of json.departments) {
    const t = d.indicators && d.indicators.disclosure_timeliness;
    if (!t) continue; // not applicable: nothing counted
    disclosure[d.dept] = { counted: t.counted, passed: t.passed, pending: t.pending };
  }
  const accepted = json.import.files.reduce((n, f) => n + f.accepted, 0);
  return { disclosure, rows_accepted: accepted };
}

/**
 * Per-department tallies as compared: numbers, departments with nothing
 * counted left out (the CLI prints those as null, "not applicable").
 */
function comparable(disclosure) {
  const out = new Map();
  for (const [dept, t] of Object.entries(disclosure || {})) {
    if (t === null || t === undefined) continue; // not applicable
    const v = { counted: Number(t.counted), passed: Number(t.passed), pending: Number(t.pending) };
    if (v.counted === 0) continue;
    out.set(dept, v);
  }
  return out;
}

/** Differences between `got` and `want`, as printable lines. */
function compare(want, got, wantAccepted, gotAccepted) {
  const diffs = [];
  if (gotAccepted !== undefined && gotAccepted !== wantAccepted) {
    diffs.push(`rows accepted: CLI ${wantAccepted}, engine ${gotAccepted}`);
  }
  const a = comparable(want);
  const b = comparable(got);
  for (const dept of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    const x = a.get(dept);
    const y = b.get(dept);
    if (!x) diffs.push(`${dept}: not in the CLI's output, engine ${JSON.stringify(y)}`);
    else if (!y) diffs.push(`${dept}: missing, CLI ${JSON.stringify(x)}`);
    else {
      for (const k of ['counted', 'passed', 'pending']) {
        if (x[k] !== y[k]) diffs.push(`${dept}: ${k} CLI ${x[k]}, engine ${y[k]}`);
      }
    }
  }
  return diffs;
}

// ---------------------------------------------------------------- machine

function machine(browserVersion) {
  const sh = (cmd, args) => {
    try {
      return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return '?';
    }
  };
  let cpu = '?';
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) cpu = m[1].trim();
  } catch { /* not Linux */ }
  let mem = '?';
  try {
    const m = /^MemTotal:\s*(\d+) kB/m.exec(readFileSync('/proc/meminfo', 'utf8'));
    if (m) mem = `${Math.round(Number(m[1]) / 1048576)} GiB`;
  } catch { /* not Linux */ }
  return {
    nproc: sh('nproc', []),
    cpu,
    mem,
    chromium: browserVersion,
    node: process.version,
    commit: sh('git', ['-C', ROOT, 'rev-parse', '--short', 'HEAD']),
    dirty: sh('git', ['-C', ROOT, 'status', '--porcelain', '--untracked-files=no']) !== '',
  };
}

// ---------------------------------------------------------------- driving

const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--disable-quic', '--disable-sync',
  // Nothing may leave the machine: every host name but the local one fails.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

async function runOnce(browser, origin, engine, query, o, ds) {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  const external = [];
  const errors = [];
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(`${origin}/`) && !u.startsWith('data:') && !u.startsWith('blob:')) external.push(u);
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  const url = `${origin}${ENGINES[engine].page}?${query}`;
  try {
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(
      () => document.body && ['done', 'error'].includes(document.body.dataset.bench),
      null, { timeout: o.timeout * 1000, polling: 50 },
    );
    const out = await page.evaluate(() => ({
      state: document.body.dataset.bench,
      result: window.__openness_bench,
      error: window.__openness_bench_error,
    }));
    if (out.state !== 'done') throw new Error(out.error || 'the page reported an error');
    if (out.result && out.result.error) throw new Error(`the page reported: ${out.result.error}`);
    const w = out.result && out.result.window;
    if (w && (w.from !== ds.from || w.to !== ds.to || w.as_of !== ds.asof)) {
      throw new Error(`the page scored the window ${JSON.stringify(w)}, not ${ds.from}..${ds.to} as of ${ds.asof}`);
    }
    if (!out.result || typeof out.result.load_ms !== 'number') {
      throw new Error(`no window.__openness_bench.load_ms: ${JSON.stringify(out.result)?.slice(0, 300)}`);
    }
    if (external.length) throw new Error(`requests beyond ${origin}: ${external.slice(0, 5).join(' ')}`);
    return out.result;
  } catch (e) {
    const more = errors.length ? `\n    page errors: ${errors.slice(0, 5).join('\n    ')}` : '';
    const hint = engine === 'ours' && /Timeout/i.test(String(e))
      ? '\n    (the dashboard never set document.body.dataset.bench: is the ?bench= hook in this build?)'
      : '';
    throw new Error(`${engine} at ${url}: ${e.message || e}${hint}${more}`);
  } finally {
    await context.close();
  }
}

function fmt(ms) {
  return Number.isFinite(ms) ? ms.toFixed(0) : '–';
}

function table(rows, header) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (r) => r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function markdown(rows, header, info) {
  const md = [];
  md.push(`# Browser benchmark: ${info.file}`, '');
  md.push(`${info.rows.toLocaleString('en')} data rows, ${info.mb} MB; window ${info.from} – ${info.to}, as of ${info.asof}; `
    + `${info.runs} runs per engine, a fresh page each, interleaved. Timed from the file's bytes in memory `
    + '(an ArrayBuffer) to the result ready (ours: the ranking rendered). '
    + `Generated by \`scripts/bench-browser.sh --rows ${info.rows} --runs ${info.runs}\` (commit ${info.m.commit}${info.m.dirty ? ', uncommitted changes' : ''}).`, '');
  md.push(`| ${header.join(' | ')} |`);
  md.push(`|${header.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`);
  for (const r of rows) md.push(`| ${r.join(' | ')} |`);
  md.push('');
  if (info.phases) md.push(`Ours, by phase (medians): ${info.phases}.`, '');
  if (info.rescore) md.push(`Ours, rescore after a window change (every chart redrawn): median ${info.rescore}.`, '');
  if (info.memory) md.push(`Ours, wasm memory after the load (median): ${info.memory}.`, '');
  md.push(`Results: every engine's per-department disclosure_timeliness {counted, passed, pending} `
    + `and accepted row count equal the CLI's (\`openness score --format json\`) on the same file`
    + `${info.fixture ? ' and on bench/browser/fixtures/messy.csv' : ''}.`, '');
  md.push(`Machine: ${info.m.nproc} CPUs (nproc), ${info.m.cpu}, ${info.m.mem}; ${info.m.chromium}; Node ${info.m.node}.`);
  return `${md.join('\n')}\n`;
}

/** The URL path under which the server exposes `file`, or null. */
function servedPath(file) {
  for (const [prefix, dir] of MOUNTS) {
    if (prefix === '/') continue;
    const rel = relative(dir, file);
    if (!rel.startsWith('..') && rel !== '') {
      return prefix + rel.split(sep).map(encodeURIComponent).join('/');
    }
  }
  return null;
}

/**
 * Runs every engine `runs` times on one file (interleaved, so that a noisy
 * moment on the machine hits every engine alike) and compares each result
 * with the CLI's. Returns the results per engine and the failures.
 */
async function runDataset(browser, origin, o, ds) {
  const csvUrl = servedPath(ds.file);
  if (!csvUrl) throw new Error(`${ds.file} is not under bench-data/ or bench/browser/`);
  const cli = runCli(o.openness, relative(ROOT, ds.file), ds);
  const query = new URLSearchParams({ bench: csvUrl, from: ds.from, to: ds.to, asof: ds.asof }).toString();
  console.log(`${relative(ROOT, ds.file)} (${(statSync(ds.file).size / 1e6).toFixed(1)} MB), window ${ds.from} – ${ds.to}, `
    + `as of ${ds.asof}: CLI ${cli.rows_accepted} rows accepted, ${Object.keys(cli.disclosure).length} departments counted`);
  const results = Object.fromEntries(o.engines.map((e) => [e, []]));
  const failures = [];
  for (let run = 1; run <= ds.runs; run++) {
    for (const engine of o.engines) {
      if (failures.some((f) => f.engine === engine)) continue;
      try {
        const r = await runOnce(browser, origin, engine, query, o, ds);
        results[engine].push(r);
        const diffs = compare(cli.disclosure, r.disclosure, cli.rows_accepted, r.rows_accepted);
        const verdict = diffs.length ? `MISMATCH (${diffs.length})` : 'equal to the CLI';
        console.log(`  run ${run}  ${engine.padEnd(6)}  ${fmt(r.load_ms).padStart(7)} ms  `
          + `${r.rows_accepted ?? '?'} rows, ${Object.keys(r.disclosure || {}).length} departments: ${verdict}`);
        if (diffs.length) failures.push({ file: ds.file, engine, run, diffs });
      } catch (e) {
        console.log(`  run ${run}  ${engine.padEnd(6)}  FAILED`);
        failures.push({ file: ds.file, engine, run, diffs: [String(e.message || e)] });
      }
    }
  }
  return { results, failures, rowsAccepted: cli.rows_accepted };
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const big = { file: resolve(ROOT, o.csv), from: o.from, to: o.to, asof: o.asof, runs: o.runs };
  statSync(big.file);
  // The messy fixture exercises what the bench file does not contain:
  // rejected rows, duplicates, every date form, pending and overdue items.
  const fixture = { file: join(HERE, 'fixtures', 'messy.csv'), from: '2019-01-01', to: '2019-12-31', asof: '2020-01-15', runs: 1 };

  const server = await startServer();
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: o.chromium, headless: true, args: CHROMIUM_ARGS });
  const browserVersion = `Chromium ${browser.version()}`;
  console.log(`serving ${origin}; ${browserVersion}; engines ${o.engines.join(', ')}`);

  const failures = [];
  let bench;
  try {
    if (o.fixture) failures.push(...(await runDataset(browser, origin, o, fixture)).failures);
    bench = await runDataset(browser, origin, o, big);
    failures.push(...bench.failures);
  } finally {
    await browser.close();
    server.close();
  }

  const { results } = bench;
  const ours = results.ours && results.ours.length ? median(results.ours.map((r) => r.load_ms)) : NaN;
  const header = ['engine', 'median ms', 'min', 'max', 'runs', 'vs ours'];
  const rows = o.engines.filter((e) => results[e].length).map((e) => {
    const ms = results[e].map((r) => r.load_ms);
    const med = median(ms);
    const ratio = Number.isFinite(ours) ? `${(med / ours).toFixed(2)}×` : '–';
    return [ENGINES[e].label(results[e][0]), fmt(med), fmt(Math.min(...ms)), fmt(Math.max(...ms)), ms.length, ratio];
  });
  const rescores = (results.ours || []).flatMap((r) => (Array.isArray(r.rescore_ms) ? r.rescore_ms : []));
  const phaseNames = ['import_ms', 'score_ms', 'render_ms'];
  const phases = (results.ours || []).length && phaseNames.every((k) => typeof results.ours[0][k] === 'number')
    ? phaseNames.map((k) => `${k.replace('_ms', '')} ${fmt(median(results.ours.map((r) => r[k])))} ms`).join(', ')
    : null;
  const rescore = rescores.length ? `${fmt(median(rescores))} ms (${rescores.length} rescores)` : null;
  // wasm memory never shrinks: after the load it is the import's high-water mark.
  const memories = (results.ours || []).map((r) => r.wasm_memory_bytes).filter((b) => typeof b === 'number' && b > 0);
  const imported = (results.ours || []).map((r) => r.wasm_memory_after_import_bytes).filter((b) => typeof b === 'number' && b > 0);
  const before = (results.ours || []).map((r) => r.wasm_memory_before_bytes).filter((b) => typeof b === 'number' && b > 0);
  const memory = memories.length
    ? `${fmt(median(memories) / 2 ** 20)} MiB, ${(median(memories) / statSync(big.file).size).toFixed(2)}× the file`
      + (before.length ? ` (${fmt(median(before) / 2 ** 20)} MiB before the load` : '')
      + (before.length && imported.length ? `, ${fmt(median(imported) / 2 ** 20)} MiB after the import, before scoring` : '')
      + (before.length ? ')' : '')
    : null;
  const m = machine(browserVersion);

  console.log('');
  if (o.checkOnly) {
    console.log(`check only: ${rows.map((r) => `${r[0]} ${r[1]} ms`).join(', ')} (timings not meaningful)`);
  } else {
    console.log(table(rows, header));
    if (phases) console.log(`\nours by phase (medians): ${phases}`);
    if (rescore) console.log(`${phases ? '' : '\n'}ours, rescore after a window change (every chart redrawn): median ${rescore}`);
    else if (results.ours && results.ours.length) console.log('\nours: the hook reported no rescore_ms');
    if (memory) console.log(`ours, wasm memory after the load (median): ${memory}`);
    console.log(`\nmachine: ${m.nproc} CPUs (nproc), ${m.cpu}, ${m.mem}; ${m.chromium}; Node ${m.node}`);
    const info = {
      file: basename(big.file), rows: bench.rowsAccepted, mb: (statSync(big.file).size / 1e6).toFixed(1),
      from: o.from, to: o.to, asof: o.asof, runs: o.runs, rescore, memory, phases, fixture: o.fixture, m,
    };
    if (!failures.length) {
      const md = resolve(ROOT, o.md);
      mkdirSync(dirname(md), { recursive: true });
      writeFileSync(md, markdown(rows, header, info));
      console.log(`wrote ${relative(ROOT, md)}`);
    }
  }

  if (failures.length) {
    console.log('\nFAILED: the engines do not all agree with the CLI');
    for (const f of failures) {
      console.log(`  ${f.engine} on ${relative(ROOT, f.file)}, run ${f.run}:`);
      for (const d of f.diffs.slice(0, 20)) console.log(`    ${d}`);
      if (f.diffs.length > 20) console.log(`    … ${f.diffs.length - 20} more`);
    }
    process.exit(1);
  }
  console.log(`\nOK: ${o.engines.join(', ')} equal the CLI on every department `
    + `(counted, passed, pending) and on rows accepted${o.fixture ? ', on the bench file and the messy fixture' : ''}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
