// The batch in Chromium (make bench-batch-browser): 200 reports (the five seeds, 40 times each
// under other names) given to the page's <fazhi-batch> with setInputFiles, timed until the complete
// table is drawn. Median of 5 runs after a warm-up. Also timed from the file input's `change`
// event, with the longest gap between frames since then: before it, Chromium builds the File
// objects Playwright sent (the browser's and the harness's time, not the page's).
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, startHeartbeat, stopHeartbeat } from './harness.mjs';

const SEEDS = new URL('../fixtures/seeds/', import.meta.url).pathname;
const N = Number(process.env.N || 200);
const RUNS = 5;
const { server, base } = await serve(process.env.FAZHI_WWW || undefined); // another build's www/ to compare
const seeds = [];
for (const f of (await readdir(SEEDS)).sort()) seeds.push(await readFile(join(SEEDS, f)));
const files = Array.from({ length: N }, (_, i) => ({ name: `报告${String(i).padStart(3, '0')}.txt`, mimeType: 'text/plain', buffer: seeds[i % seeds.length] }));

const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
await page.goto(`${base}#batch`);
// The batch element is defined when its tab is first shown (www/page.js): wait for it.
await page.waitForFunction(() => document.querySelector('fazhi-batch')?.shadowRoot?.querySelector('input[data-role=files]'), null, { timeout: 30000 });
const times = [], pageTimes = [], gaps = [];
for (let run = 0; run <= RUNS; run++) {
  await page.evaluate(() => new Promise((resolve) => {
    const b = document.querySelector('fazhi-batch');
    b.shadowRoot.querySelector('button:not([disabled])') && b.client.send({ type: 'clear' });
    b.addEventListener('fazhi-batch', () => resolve(), { once: true });
    setTimeout(resolve, 500);
  }));
  await startHeartbeat(page, 'fazhi-batch', 'input[data-role=files]');
  const t0 = Date.now();
  await page.locator('fazhi-batch input[data-role=files]').setInputFiles(files);
  // The moment the table is complete, taken in the page (not after a round trip to node).
  await page.waitForFunction((n) => document.querySelector('fazhi-batch').shadowRoot.querySelectorAll('table.batch tbody tr[data-index]').length === n
    && (window.__done = performance.now()), N, { timeout: 60000, polling: 'raf' });
  const ms = Date.now() - t0;
  const beat = await stopHeartbeat(page);
  const done = await page.evaluate(() => window.__done);
  if (run > 0) { times.push(ms); pageTimes.push(done - beat.from); gaps.push(beat.longest); }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const list = (xs) => xs.map((t) => t.toFixed(0)).join(', ');
console.log(`batch of ${N} reports in Chromium, setInputFiles → complete table: median ${median(times).toFixed(0)} ms (runs: ${list(times)}); `
  + `from the input's change → complete table: median ${median(pageTimes).toFixed(0)} ms (runs: ${list(pageTimes)}; #20 target for 200: ≤ 500 ms); `
  + `longest frame gap since change median ${median(gaps).toFixed(1)} ms (target ≤ 50 ms)`);
await browser.close();
server.close();
