// The batch in Chromium (make bench-batch-browser): 200 reports (the five seeds, 40 times each
// under other names) given to the page's <fazhi-batch> with setInputFiles, timed until the complete
// table is drawn. Median of 5 runs after a warm-up; also the longest gap between frames meanwhile.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch } from './harness.mjs';

const SEEDS = new URL('../fixtures/seeds/', import.meta.url).pathname;
const N = Number(process.env.N || 200);
const RUNS = 5;
const { server, base } = await serve();
const seeds = [];
for (const f of (await readdir(SEEDS)).sort()) seeds.push(await readFile(join(SEEDS, f)));
const files = Array.from({ length: N }, (_, i) => ({ name: `报告${String(i).padStart(3, '0')}.txt`, mimeType: 'text/plain', buffer: seeds[i % seeds.length] }));

const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
await page.goto(`${base}#batch`);
// The batch element is defined when its tab is first shown (www/page.js): wait for it.
await page.waitForFunction(() => document.querySelector('fazhi-batch')?.shadowRoot?.querySelector('input[data-role=files]'), null, { timeout: 30000 });
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
  + `(runs: ${times.map((t) => t.toFixed(0)).join(', ')}; #20 target for 200: ≤ 500 ms); longest frame gap median ${median(gaps).toFixed(0)} ms (target ≤ 50 ms)`);
await browser.close();
server.close();
