// The batch in Chromium (make bench-batch-browser): 200 reports (the five seeds, 40 times each
// under other names) given to the page's <fazhi-batch> with setInputFiles, timed until the complete
// table is drawn. Median of 5 runs after a warm-up; also the longest gap between frames meanwhile.
import { createServer } from 'node:http';
import { readFile, readdir } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { chromium } from 'playwright-core';

const WWW = new URL('../../www/', import.meta.url).pathname;
const SEEDS = new URL('../fixtures/seeds/', import.meta.url).pathname;
const N = Number(process.env.N || 200);
const RUNS = 5;
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm' };
const server = createServer(async (req, res) => {
  try {
    const file = join(WWW, new URL(req.url, 'http://x').pathname.replace(/\/$/, '/index.html'));
    res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'text/plain' });
    res.end(await readFile(file));
  } catch { res.writeHead(404); res.end(); }
}).listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const seeds = [];
for (const f of (await readdir(SEEDS)).sort()) seeds.push(await readFile(join(SEEDS, f)));
const files = Array.from({ length: N }, (_, i) => ({ name: `报告${String(i).padStart(3, '0')}.txt`, mimeType: 'text/plain', buffer: seeds[i % seeds.length] }));

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox',
  '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
await page.goto(`http://127.0.0.1:${server.address().port}/#batch`);
const times = [], gaps = [];
for (let run = 0; run <= RUNS; run++) {
  await page.evaluate(() => new Promise((resolve) => {
    const b = document.querySelector('fazhi-batch');
    b.shadowRoot.querySelector('button:not([disabled])') && b.client.send({ type: 'clear' });
    b.addEventListener('fazhi-batch', () => resolve(), { once: true });
    setTimeout(resolve, 500);
  }));
  await page.evaluate(() => {
    window.__gap = 0;
    let last = performance.now();
    const frame = (t) => { window.__gap = Math.max(window.__gap, t - last); last = t; if (!window.__stop) requestAnimationFrame(frame); };
    window.__stop = false;
    requestAnimationFrame(frame);
    window.__t0 = performance.now();
  });
  await page.locator('fazhi-batch input[data-role=files]').setInputFiles(files);
  await page.waitForFunction((n) => document.querySelector('fazhi-batch').shadowRoot.querySelectorAll('table.batch tbody tr[data-index]').length === n, N, { timeout: 60000, polling: 'raf' });
  const [ms, gap] = await page.evaluate(() => { window.__stop = true; return [performance.now() - window.__t0, window.__gap]; });
  if (run > 0) { times.push(ms); gaps.push(gap); }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`batch of ${N} reports in Chromium, setInputFiles → complete table: median ${median(times).toFixed(0)} ms `
  + `(runs: ${times.map((t) => t.toFixed(0)).join(', ')}); longest frame gap median ${median(gaps).toFixed(0)} ms`);
await browser.close();
server.close();
