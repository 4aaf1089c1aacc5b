// How long does the dashboard take to open? For each page of the packaged
// site (index.html: the modern build; legacy.html: the Chromium 86 build)
// and for the single file from file://, a fresh browser context opens it
// and the time from navigation start to the sample ranking on screen is
// read from the page's own clock. Served under /apps/openness/ from
// loopback, so the network is nearly free: this is the browser's work
// (compile, start, import and score the sample, render).
//
//   node bench/browser/startup.mjs [RUNS]      (after scripts/package.sh)
//
// Prints the median and range per page. A measurement, never a test.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(new URL('./package.json', import.meta.url));
const { chromium } = require('playwright-core');
const site = path.join(root, 'target', 'package', 'openness-dashboard');
const single = path.join(root, 'target', 'package', 'openness-dashboard.html');
const runs = Number(process.argv[2] || 5);
const BASE = '/apps/openness/';

const server = http.createServer((req, res) => {
  const p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  const rel = p.startsWith(BASE) ? p.slice(BASE.length) || 'index.html' : null;
  const file = rel && !rel.includes('..') ? path.join(site, rel) : null;
  fs.readFile(file || '/nonexistent', (e, d) => {
    if (e) { res.writeHead(404); res.end(); return; }
    const type = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' }[path.extname(file)];
    res.writeHead(200, { 'content-type': type || 'application/octet-stream' });
    res.end(d);
  });
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const pages = {
  'index.html (modern build)': `${origin}${BASE}`,
  'legacy.html (legacy build)': `${origin}${BASE}legacy.html`,
  'openness-dashboard.html (single file, file://)': `file://${single}`,
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`browser: Chromium ${browser.version()}; ${runs} runs per page, a fresh context each`);
for (const [name, url] of Object.entries(pages)) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(
      () => document.querySelectorAll('#ranking-table tbody tr').length > 30 && !document.getElementById('busy'),
      null, { timeout: 60000, polling: 'raf' },
    );
    times.push(await page.evaluate(() => performance.now()));
    await context.close();
  }
  console.log(`${name.padEnd(48)} median ${median(times).toFixed(0)} ms  (${Math.min(...times).toFixed(0)}–${Math.max(...times).toFixed(0)} ms)`);
}
await browser.close();
server.close();
