// Bytes shipped (issue #13), as the browser downloads them: the served page loaded (its sample
// analyzed, the analysis worker started), then a .docx opened through the element (`el.open`).
// Every response of the page and its workers is recorded once per URL (a repeated URL is served
// from the cache by a real server) and counted gzip -9 compressed, as a server would send it
// (the test server sends it uncompressed). Prints the table; fails above the budgets, which are
// what was reached — lower them when the bytes shrink; raise them only for a feature's own code,
// measured and noted here (#21, issuers completed: first load 204.2 → 212.8 KB, +8.6 KB after
// replacing its hash maps by a first-seen tally; still under #13's 250 KB; #20 lowered both after
// writing decimals without std's float formatting: first load 212,965 → 209,635 B with
// the place scanner's first-char bitset, −6 % on a town's report; then 209,580 B after the
// #20 speed pass of figures, citations and half-width marks).
// Sizes in KB of 1000 bytes; zlib's level 9 (what servers use) is ~1.5% larger than gzip(1)'s -9.
//   node --test tests/browser/bytes.test.mjs        (needs `make web`; make test-browser runs it)
//   FAZHI_WWW=other/www node --test tests/browser/bytes.test.mjs      (another build's files)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { serve, launch } from './harness.mjs';

// Budgets in bytes, gzip -9, .wasm and .js responses (issue #13's goals: 250 KB and 400 KB).
const FIRST_LOAD_MAX = 209_650;
const EVERYTHING_MAX = 371_650;

const DOCX = new URL('../fixtures/formats/004_470a423e495ab50d.autonum.docx', import.meta.url).pathname;

let server, browser, base;
before(async () => {
  ({ server, base } = await serve(process.env.FAZHI_WWW || undefined));
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.close();
});

const kb = (n) => (n / 1000).toFixed(1).padStart(7) + ' KB';

test('first load and a .docx opened stay within the byte budgets (gzip -9, per response)', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const seen = new Map(); // url → { phase, raw, gz }
  const pending = [];
  let phase = 'first load';
  const record = (resp) => {
    const url = resp.url();
    if (seen.has(url) || !/\.(wasm|js|html)$|\/$/.test(new URL(url).pathname)) return;
    const entry = { phase, raw: 0, gz: 0 };
    seen.set(url, entry);
    pending.push(resp.body().then((b) => { entry.raw = b.length; entry.gz = gzipSync(b, { level: 9 }).length; }, () => {}));
  };
  page.on('response', record);
  page.on('worker', (w) => w.on?.('response', record));
  context.on('response', record);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(base);
  // The sample analyzed (in the worker): the first load is over.
  await page.waitForFunction(() => document.querySelector('fazhi-analyzer')?.report?.meta, null, { timeout: 30000 });
  await page.waitForLoadState('networkidle');
  await Promise.all(pending);

  phase = 'after a .docx';
  const docx = (await readFile(DOCX)).toString('base64');
  const format = await page.evaluate(async (b64) => {
    const file = new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], 'report.docx');
    const [report] = await document.querySelector('fazhi-analyzer').open([file]);
    return report.source.format;
  }, docx);
  assert.equal(format, 'docx');
  await page.waitForLoadState('networkidle');
  await Promise.all(pending);
  assert.deepEqual(errors, []);

  const rows = [...seen].map(([url, e]) => ({ path: new URL(url).pathname, ...e }));
  const sum = (f) => rows.filter(f).reduce((s, r) => s + r.gz, 0);
  const code = (r) => /\.(wasm|js)$/.test(r.path);
  for (const r of rows) console.log(`${r.phase.padEnd(14)} ${r.path.padEnd(32)} ${String(r.raw).padStart(9)} B raw ${kb(r.gz)} gz`);
  const first = sum((r) => code(r) && r.phase === 'first load');
  const all = sum(code);
  const html = sum((r) => !code(r));
  console.log(`first load (.wasm + .js)  ${kb(first)}  ${first} B  (+ ${kb(html)} HTML)`);
  console.log(`everything after a .docx  ${kb(all)}  ${all} B`);
  // The readers module came with the .docx, and only then.
  assert.ok(rows.some((r) => r.path.endsWith('/pkg/readers/fazhi_bg.wasm') && r.phase === 'after a .docx'), rows.map((r) => r.path).join('\n'));
  assert.ok(first <= FIRST_LOAD_MAX, `first load ${first} B > ${FIRST_LOAD_MAX} B`);
  assert.ok(all <= EVERYTHING_MAX, `everything ${all} B > ${EVERYTHING_MAX} B`);
  await context.close();
});
