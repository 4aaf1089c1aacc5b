// Does the page stay live during a large import? Loads bench-data/<file>
// (default d1m.csv) through the dashboard's file input and records every
// animation frame the page paints meanwhile, with the progress bar's value.
//   node bench/browser/frames.mjs [d1m.csv]      (after scripts/bench-browser.sh built dist/)
import http from 'node:http'; import fs from 'node:fs'; import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(new URL('./package.json', import.meta.url));
const { chromium } = require('playwright-core');
const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css' };
const server = http.createServer((req, res) => { let u = decodeURIComponent(new URL(req.url, 'http://x').pathname); let f = path.join(root, 'dist', u === '/' ? 'index.html' : u); fs.readFile(f, (e, d) => { if (e) { res.writeHead(404); res.end(); return; } res.writeHead(200, { 'content-type': types[path.extname(f)] || 'application/octet-stream' }); res.end(d); }); });
await new Promise(r => server.listen(0, '127.0.0.1', r));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
await page.goto(`http://127.0.0.1:${server.address().port}/?view=data`);
await page.waitForSelector('#ranking-table, #import-report');
await page.waitForTimeout(1500);
await page.setInputFiles('#file-input', path.join(root, 'bench-data', process.argv[2] || 'd1m.csv'));
await page.evaluate(() => { window.__frames = []; const tick = t => { window.__frames.push([t, (document.getElementById('import-progress')||{}).value]); requestAnimationFrame(tick); }; requestAnimationFrame(tick); });
await page.waitForFunction(() => document.querySelector('#import-report tbody tr') && !document.getElementById('busy') && document.getElementById('source-name').textContent.includes('d1m'), null, { timeout: 280000, polling: 500 });
const frames = await page.evaluate(() => window.__frames);
let gaps = []; for (let i = 1; i < frames.length; i++) gaps.push(frames[i][0] - frames[i-1][0]);
const withProg = frames.filter(f => f[1] !== undefined);
console.log('frames', frames.length, 'during import', withProg.length, 'max gap ms', Math.max(...gaps).toFixed(0), 'gaps>100ms', gaps.filter(g => g > 100).length, 'progress values seen', [...new Set(withProg.map(f => Math.round(f[1]/10)*10))].join(','));
await browser.close(); server.close();
