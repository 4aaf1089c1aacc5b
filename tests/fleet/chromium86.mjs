// The dashboard in a real Chromium 86, the kernel of 360安全浏览器 13 and
// the oldest in the offices' fleet (docs/FLEET.md). The npm package
// chrome-aws-lambda@5.3.1 ships Chromium 86.0.4240 brotli-packed; this
// unpacks it into target/chromium86/ once and drives it with
// puppeteer-core 5.3.1 over DevTools.
//
// What it checks, on the packaged site (scripts/package.sh) served under
// /apps/openness/ and on the single file opened from file://:
// - index.html sends Chromium 86 to legacy.html, keeping the query;
// - the sample ranking (every department of the CLI's JSON), a GBK CSV +
//   XLSX import, the charts, projection fit, a CSV download; the
//   self-check list and the rules page (a weight below 4% warns);
// - a page whose build needs more than Chromium 86 has shows the Chinese
//   too-old message, not a blank page.
// Screenshots go to target/e2e-screenshots/chromium86-*.png.
//
//   npm ci --prefix tests/fleet && node tests/fleet/chromium86.mjs
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const site = path.join(root, 'target', 'package', 'openness-dashboard');
const single = path.join(root, 'target', 'package', 'openness-dashboard.html');
const shots = path.join(root, 'target', 'e2e-screenshots');
const BASE = '/apps/openness/';
const fitCheck = fs.readFileSync(path.join(root, 'tests', 'fit-check.js'), 'utf8');
const expected = JSON.parse(fs.readFileSync(path.join(root, 'target', 'sample-score.json'), 'utf8')).departments.length;

/** Unpacks Chromium 86 and its libraries into target/chromium86/ (once). */
function chromium86() {
  const dir = path.join(root, 'target', 'chromium86');
  const exe = path.join(dir, 'chromium');
  if (!fs.existsSync(exe)) {
    const bin = path.join(here, 'node_modules', 'chrome-aws-lambda', 'bin');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'aws.tar'), zlib.brotliDecompressSync(fs.readFileSync(path.join(bin, 'aws.tar.br'))));
    execFileSync('tar', ['-xf', 'aws.tar'], { cwd: dir });
    fs.writeFileSync(exe + '.part', zlib.brotliDecompressSync(fs.readFileSync(path.join(bin, 'chromium.br'))), { mode: 0o755 });
    fs.renameSync(exe + '.part', exe);
  }
  return { exe, lib: path.join(dir, 'lib') };
}

const MIME = { html: 'text/html; charset=utf-8', js: 'text/javascript', css: 'text/css', bin: 'application/octet-stream' };

/** The site under BASE only; needs-more.html is index.html without its
 *  legacy fallback: a build that needs more than Chromium 86 has. */
function serve() {
  const requests = [];
  const server = http.createServer((req, res) => {
    const p = decodeURIComponent(req.url.split('?')[0]);
    requests.push(p);
    let body = null;
    if (p.startsWith(BASE) && !p.includes('..')) {
      const rel = p.slice(BASE.length) || 'index.html';
      if (rel === 'needs-more.html') {
        body = fs.readFileSync(path.join(site, 'index.html'), 'utf8').replace(/ data-legacy="[^"]*"/, '');
      } else if (fs.existsSync(path.join(site, rel)) && fs.statSync(path.join(site, rel)).isFile()) {
        body = fs.readFileSync(path.join(site, rel));
      }
      if (body !== null) {
        res.writeHead(200, { 'Content-Type': MIME[rel.split('.').pop()] || 'application/octet-stream' });
        res.end(body);
        return;
      }
    }
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('not found');
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, requests, origin: `http://127.0.0.1:${server.address().port}` })));
}

const results = [];
async function check(name, f) {
  const started = Date.now();
  try {
    await f();
    results.push([name, true]);
    console.log(`ok   ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } catch (e) {
    results.push([name, false]);
    console.log(`FAIL ${name}: ${e && e.stack ? e.stack : e}`);
  }
}

function assert(cond, message) {
  if (!cond) throw new Error(message);
}

const { exe, lib } = chromium86();
const { server, requests, origin } = await serve();
fs.mkdirSync(shots, { recursive: true });
const browser = await puppeteer.launch({
  executablePath: exe,
  headless: true,
  env: { ...process.env, LD_LIBRARY_PATH: lib },
  args: ['--no-sandbox', '--disable-gpu', '--single-process', '--no-zygote', '--disable-dev-shm-usage',
    '--hide-scrollbars', '--no-first-run', '--disable-background-networking'],
  defaultViewport: { width: 1920, height: 1080 },
});
console.log(`browser: ${await browser.version()}`);

async function open() {
  const page = await browser.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    // favicon.ico is not part of the site; its 404 is logged as an error.
    if (/favicon/.test((m.location() || {}).url || '')) return;
    // index.html names 'wasm-unsafe-eval' for today's browsers; Chromium 86
    // notes that it ignores it, then goes on to legacy.html.
    if (m.text().includes("'wasm-unsafe-eval'") && !/legacy\.html|^file:/.test(page.url())) return;
    page.errors.push(m.text());
  });
  return page;
}

const rows = (page) => page.evaluate(() => document.querySelectorAll('#ranking-table tbody tr').length);

async function ready(page) {
  await page.waitForFunction(
    () => !!document.querySelector('#window-line') && document.querySelector('#window-line').textContent.length > 0 &&
      !document.getElementById('busy') && document.querySelectorAll('#ranking-table tbody tr').length > 30,
    { timeout: 60000 });
}

/** Ranking, download, charts, GBK + XLSX import, projection: as in today's browsers. */
async function worksLikeTheSite(page, name) {
  await ready(page);
  assert(await rows(page) === expected, `${name}: ${await rows(page)} departments ranked, the CLI has ${expected}`);
  await page.screenshot({ path: path.join(shots, `chromium86-${name}-ranking-1920x1080.png`) });
  const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'openness-c86-'));
  const cdp = await page.target().createCDPSession();
  await cdp.send('Page.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
  await page.evaluate(() => [...document.querySelectorAll('button')].find((e) => e.textContent.includes('CSV')).click());
  const csvPath = path.join(downloads, '考评排名.csv');
  for (let i = 0; i < 100 && !(fs.existsSync(csvPath) && fs.statSync(csvPath).size > 0); i++) await new Promise((r) => setTimeout(r, 100));
  assert(fs.existsSync(csvPath) && fs.readFileSync(csvPath, 'utf8').includes('旗人民政府办公室'), `${name}: the ranking CSV was downloaded`);
  await page.click('#tab-charts');
  await page.waitForFunction(() => document.querySelectorAll('figure.chart svg').length >= 5, { timeout: 30000 });
  await page.screenshot({ path: path.join(shots, `chromium86-${name}-charts-1920x1080.png`) });
  await page.click('#tab-data');
  const input = await page.$('#file-input');
  // GBK and a workbook are read whole; UTF-8 (with a BOM) a piece at a time (TextIntake).
  await input.uploadFile(
    path.join(root, 'testdata', 'fleet', '公开目录GBK.csv'),
    path.join(root, 'data', 'sample', '政策解读.xlsx'),
    path.join(root, 'testdata', 'fleet', '留言UTF8.csv'),
  );
  await page.waitForFunction(() => document.querySelectorAll('#import-report tbody tr').length === 3 && !document.getElementById('busy'), { timeout: 30000 });
  const report = await page.evaluate(() => document.querySelector('#import-report').textContent);
  assert(report.includes('GB18030') && report.includes('XLSX') && report.includes('UTF-8'), `${name}: import report ${report}`);
  await page.click('#tab-ranking');
  await page.waitForFunction(() => ['测试局甲', '测试局丙'].every((d) => document.querySelector('#ranking-table').textContent.includes(d)), { timeout: 30000 });
  await page.click('#present-button');
  await page.waitForFunction(() => !!document.querySelector('#stage .stage-body'), { timeout: 30000 });
  // Entering full screen resizes the window: give it the time to settle.
  const fits = `(function () {\n${fitCheck}\n})()`;
  await page.waitForFunction(`${fits}.length === 0`, { timeout: 10000 }).catch(() => {});
  const problems = await page.evaluate(fits);
  assert(problems.length === 0, `${name}: projection: ${problems.join('; ')}`);
  await page.screenshot({ path: path.join(shots, `chromium86-${name}-present-1920x1080.png`) });
  await page.evaluate(() => localStorage.clear());
  assert(page.errors.length === 0, `${name}: page errors: ${page.errors.join(' | ')}`);
  fs.rmSync(downloads, { recursive: true, force: true });
}

await check('index.html sends Chromium 86 to legacy.html, keeping the query', async () => {
  const page = await open();
  await page.goto(`${origin}${BASE}?view=charts&lang=en`);
  await page.waitForFunction(() => location.pathname.endsWith('/legacy.html'), { timeout: 20000 });
  const url = new URL(page.url());
  assert(url.pathname === `${BASE}legacy.html`, url.pathname);
  assert(url.searchParams.get('view') === 'charts' && url.searchParams.get('lang') === 'en', url.search);
  await page.waitForFunction(() => document.querySelectorAll('figure.chart svg').length >= 5, { timeout: 60000 });
  await page.close();
});

await check('the site under /apps/openness/ works in Chromium 86 (legacy build)', async () => {
  const page = await open();
  await page.goto(`${origin}${BASE}`);
  await worksLikeTheSite(page, 'site');
  assert(await page.evaluate(() => document.documentElement.getAttribute('data-build')) === 'legacy', 'the legacy build runs');
  const outside = requests.filter((p) => !p.startsWith(BASE) && p !== '/favicon.ico');
  assert(outside.length === 0, `requests outside the sub-path: ${outside}`);
  await page.close();
});

await check('self-check and the rules page work in Chromium 86', async () => {
  const page = await open();
  await page.goto(`${origin}${BASE}?view=selfcheck&dept=${encodeURIComponent('旗能源局')}`);
  await page.waitForFunction(() => document.querySelectorAll('#findings-table tbody tr').length > 0, { timeout: 60000 });
  const title = await page.evaluate(() => document.querySelector('#selfcheck-title').textContent);
  assert(title.includes('旗能源局'), title);
  await page.screenshot({ path: path.join(shots, 'chromium86-selfcheck-1920x1080.png') });
  // Rules: a weight below 4% is kept and warned about, and rescored.
  await page.click('#tab-rules');
  await page.waitForSelector('#weight-pct', { timeout: 20000 });
  await page.click('#weight-pct', { clickCount: 3 });
  await page.type('#weight-pct', '3.5');
  await page.evaluate(() => document.querySelector('#weight-pct').dispatchEvent(new Event('change')));
  await page.waitForFunction(() => !!document.querySelector('#weight-warning'), { timeout: 20000 });
  const warning = await page.evaluate(() => document.querySelector('#weight-warning').textContent);
  assert(warning.includes('4%'), warning);
  await page.screenshot({ path: path.join(shots, 'chromium86-rules-1920x1080.png') });
  await page.evaluate(() => localStorage.clear());
  assert(page.errors.length === 0, `page errors: ${page.errors.join(' | ')}`);
  await page.close();
});

await check('the single file works from file:// in Chromium 86', async () => {
  const page = await open();
  await page.goto(`file://${single}`);
  await worksLikeTheSite(page, 'single-file');
  await page.close();
});

await check('a build that needs more than Chromium 86 shows the too-old page', async () => {
  const page = await open();
  await page.setViewport({ width: 1366, height: 768 });
  await page.goto(`${origin}${BASE}needs-more.html`);
  await page.waitForFunction(() => document.documentElement.classList.contains('too-old'), { timeout: 20000 });
  const text = await page.evaluate(() => document.body.innerText);
  assert(text.includes('当前浏览器无法运行政务公开考评看板') && text.includes('极速模式'), text);
  assert(text.includes('Chrome/86'), `the detected browser is named: ${text}`);
  assert(!text.includes('正在载入'), 'the loading line is hidden');
  await page.screenshot({ path: path.join(shots, 'chromium86-too-old-1366x768.png') });
  await page.close();
});

await browser.close();
server.close();
const failed = results.filter(([, ok]) => !ok).length;
console.log(`chromium86: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
