// Timed runs in Chromium: median milliseconds of `analyze` per seed report and for a 1 MB text, in the
// page's own wasm (make bench-browser); then a keystroke in a 30 KB draft, end to end in the element
// (input event → the worker's analysis → the highlights drawn behind the editor, next frame).
// Prints a table; asserts nothing.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch } from './harness.mjs';

const SEEDS = new URL('../fixtures/seeds/', import.meta.url).pathname;
const { server, base } = await serve(process.env.FAZHI_WWW || undefined); // another build's www/ to compare
const texts = {};
for (const f of (await readdir(SEEDS)).sort()) texts[f] = await readFile(join(SEEDS, f), 'utf8');
let big = '';
while (big.length < 350_000) big += Object.values(texts).join('\n'); // ~1 MB of UTF-8
texts['concat_1MB'] = big;
// A report of 30 KB (#20's page target: ≤ 1 ms, the model's conversion to JS included).
let report30 = '';
for (const line of big.split('\n')) { if (new TextEncoder().encode(report30 + line).length > 30_000) break; report30 += line + '\n'; }
texts['report_30KB'] = report30;
// One heading: what a call costs whatever the text (the floor under every figure above).
texts['tiny'] = '一、主要成效\n';

const browser = await launch();
const page = await browser.newPage();
await page.goto(`${base}`);
const rows = await page.evaluate(async (texts) => {
  const m = await import('./pkg/fazhi.js');
  await m.default();
  const out = [];
  for (const [name, text] of Object.entries(texts)) {
    const runs = name.startsWith('concat') ? 5 : 30;
    const t = [];
    m.analyze(text); // warm-up: regex compilation happens once per page
    for (let i = 0; i < runs; i++) { const t0 = performance.now(); m.analyze(text); t.push(performance.now() - t0); }
    t.sort((a, b) => a - b);
    out.push({ name, bytes: new TextEncoder().encode(text).length, median: t[t.length >> 1] });
  }
  return out;
}, texts);
for (const r of rows) {
  console.log(`${r.name.padEnd(30)} ${String(r.bytes).padStart(8)} B  median ${r.median.toFixed(2)} ms  ${(r.bytes / 1e6 / (r.median / 1e3)).toFixed(1)} MB/s`
    + (r.name === 'report_30KB' ? '  (#20 target ≤ 1 ms)' : ''));
}

// A keystroke in a 30 KB draft (~10,000 characters), as the element handles it.
let draft = '';
for (const ch of big) { if (new TextEncoder().encode(draft).length >= 30_000) break; draft += ch; }
await page.evaluate(async (text) => {
  const el = document.querySelector('fazhi-analyzer');
  await el.ready;
  await el.analyze(text);
}, draft);
await page.locator('fazhi-analyzer button', { hasText: '编辑' }).click();
const keys = [];
const waits = [];
for (let i = 0; i < 11; i++) {
  const [ms, wait] = await page.evaluate(() => new Promise((resolve) => {
    const el = document.querySelector('fazhi-analyzer');
    const ta = el.shadowRoot.querySelector('textarea');
    const t0 = performance.now();
    const wait = el[Symbol.for('fazhi.view')].debounceMs; // the test hook: the element's View
    el.addEventListener('fazhi-analyzed', () => requestAnimationFrame(() => resolve([performance.now() - t0, wait])), { once: true });
    ta.value += '。';
    ta.dispatchEvent(new Event('input'));
  }));
  keys.push(ms);
  waits.push(wait);
}
keys.sort((a, b) => a - b);
waits.sort((a, b) => a - b);
const median = keys[keys.length >> 1];
const wait = waits[waits.length >> 1];
console.log(`keystroke in a 30 KB draft: median ${median.toFixed(1)} ms from input to highlights drawn `
  + `(target ≤ 50 ms; of which ${wait} ms is the adaptive debounce: ${(median - wait).toFixed(1)} ms of work)`);
await browser.close();
server.close();
