// Where does the dashboard's time go? Runs the `?bench=` hook on a build
// with function names under Chromium's CPU profiler and prints the
// functions with the most self time: for the whole run, and for the last
// RESCORE_MS milliseconds (the window and rule changes at the end).
//
//   sed 's/data-wasm-opt="3"[^>]*>/data-wasm-opt="0">/' index.html > prof-index.html
//   trunk build --release --offline --cargo-profile profiling --dist target/pdist prof-index.html
//   node bench/browser/profile.mjs target/pdist [d1m.csv] [RESCORE_MS]
//
// (wasm-opt off and the `profiling` Cargo profile keep function names.)
//
// The profile is also written to target/dashboard.cpuprofile (open it in
// Chromium's DevTools, Performance panel).
import http from 'node:http'; import fs from 'node:fs'; import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(new URL('./package.json', import.meta.url));
const { chromium } = require('playwright-core');
const [distArg, csv = 'd1m.csv', tailArg = '600'] = process.argv.slice(2);
if (!distArg) { console.error('usage: node bench/browser/profile.mjs DIST [file.csv] [RESCORE_MS]'); process.exit(2); }
const dist = path.resolve(distArg);
const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css' };
const server = http.createServer((req, res) => {
  const u = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  const f = u.startsWith('/bench-data/') ? path.join(root, u) : path.join(dist, u === '/' ? 'index.html' : u);
  fs.readFile(f, (e, d) => {
    if (e) { res.writeHead(404); res.end(); return; }
    res.writeHead(200, { 'content-type': types[path.extname(f)] || 'application/octet-stream' });
    res.end(d);
  });
});
await new Promise(r => server.listen(0, '127.0.0.1', r));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
await page.goto(`http://127.0.0.1:${server.address().port}/?bench=/bench-data/${csv}&from=2019-01-01&to=2019-12-31&asof=2020-03-31`);
await page.waitForSelector('body[data-bench=done]', { timeout: 600000 });
const result = await page.evaluate(() => window.__openness_bench);
const { profile } = await cdp.send('Profiler.stop');
await browser.close(); server.close();
fs.mkdirSync(path.join(root, 'target'), { recursive: true });
fs.writeFileSync(path.join(root, 'target', 'dashboard.cpuprofile'), JSON.stringify(profile));
const ms = k => Math.round(result[k]);
console.log(`load ${ms('load_ms')} ms (import ${ms('import_ms')}, score ${ms('score_ms')}, render ${ms('render_ms')}); re-score median ${ms('rescore_median_ms')} ms`);

// Self time per function, over samples from `since` (µs, profile clock).
function top(since, n) {
  const byId = new Map(profile.nodes.map(node => [node.id, node]));
  let t = profile.startTime;
  const self = new Map();
  let total = 0;
  profile.samples.forEach((id, i) => {
    t += profile.timeDeltas[i];
    const dt = profile.timeDeltas[i + 1] || 0;
    const name = (byId.get(id).callFrame.functionName || '(anonymous)').replace(/::h[0-9a-f]{16}$/, '');
    if (t < since || name === '(idle)') return;
    self.set(name, (self.get(name) || 0) + dt);
    total += dt;
  });
  console.log(`  ${(total / 1000).toFixed(0)} ms busy`);
  for (const [name, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, n)) {
    console.log(`  ${(us / 1000).toFixed(0).padStart(6)} ms ${(100 * us / total).toFixed(1).padStart(5)}%  ${name.slice(0, 110)}`);
  }
}
console.log('whole run, self time:');
top(-Infinity, 25);
console.log(`last ${tailArg} ms (the window and rule changes), self time:`);
top(profile.endTime - Number(tailArg) * 1000, 15);
