// The page in old and other browsers (make test-compat): Chromium 83 and 92 (old builds from npm,
// each driven by the puppeteer-core of its age), Debian's current Chromium and Firefox ESR (driven
// by puppeteer-core 24, Firefox over WebDriver BiDi). For each: the served page (dist/) shows the
// sample's title, re-analyzes typed text, reads a .docx through the readers' module, the batch
// reads two files, the single file works from file:// with no request, the CSP in effect is the
// strictest the browser allows, and a browser without WebAssembly (or whose scripts define no
// element) gets a message instead of a blank page. Screenshots: target/compat/<browser>-<check>.png.
//   node tests/compat/compat.mjs [BROWSER…]   (COMPAT_DIR, PUPPETEER_VERSION from the Makefile)
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import assert from 'node:assert/strict';
import { serve } from '../browser/harness.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;
const COMPAT = resolve(ROOT, process.env.COMPAT_DIR || 'target/compat');
const PPTR24 = join(COMPAT, `puppeteer-${process.env.PUPPETEER_VERSION || '24.43.1'}`);
const OLD_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-zygote'];
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

// wasmUnsafeEval: whether the browser understands 'wasm-unsafe-eval' (then eval() must be blocked).
const BROWSERS = {
  'chromium-83': { pptr: join(COMPAT, 'chromium-83'), wasmUnsafeEval: false,
    launch: (p) => p.launch({ executablePath: join(COMPAT, 'chromium-83/chrome/chromium'), headless: true, args: OLD_FLAGS }) },
  'chromium-92': { pptr: join(COMPAT, 'chromium-92'), wasmUnsafeEval: false,
    launch: (p) => p.launch({ executablePath: join(COMPAT, 'chromium-92/chrome/chromium'), headless: true, args: OLD_FLAGS }) },
  chromium: { pptr: PPTR24, wasmUnsafeEval: true,
    launch: (p) => p.launch({ executablePath: '/usr/bin/chromium', headless: true, args: FLAGS }) },
  'firefox-esr': { pptr: PPTR24, wasmUnsafeEval: true,
    launch: (p) => p.launch({ browser: 'firefox', protocol: 'webDriverBiDi', executablePath: '/usr/bin/firefox-esr', headless: true }) },
};

const DIST = join(ROOT, 'dist');
const FIXTURES = join(ROOT, 'tests/fixtures');
const SAMPLE = join(FIXTURES, 'seeds/000_0ac10b74a13066d8.txt');
const DOCX = join(FIXTURES, 'formats/001_4cda7b45264484a7.docx');
const BATCH = [join(FIXTURES, 'formats/002_cde1628b69510f98.docx'), join(FIXTURES, 'seeds/003_118af91b63010f52.txt')];
const TYPED = '关于2024年度法治政府建设情况的报告\n一、主要举措和成效\n二、存在的不足和原因\n三、下一年度工作安排\n';
const MESSAGE = /此浏览器版本过旧，无法运行分析程序/;

/** The title the CLI finds (the same analyzer, natively). */
const cliTitle = (file) => [].concat(JSON.parse(execFileSync(join(ROOT, 'target/release/fazhi'), ['analyze', '--format', 'json', file], { encoding: 'utf8' })))[0].meta.title;

/** The report's title the element shows: its `report` property (the element's public contract)
 *  or, while the element has none, the shadow DOM's h2.title. Null until there is one. */
function shownTitle(page) {
  return page.evaluate(() => {
    const el = document.querySelector('fazhi-analyzer');
    if (!el || !window.customElements.get('fazhi-analyzer')) return null;
    if ('report' in el) return el.report && el.report.meta ? el.report.meta.title : null;
    const h = el.shadowRoot && el.shadowRoot.querySelector('h2.title');
    return h ? h.textContent : null;
  });
}

async function waitTitle(page, want, timeout = 30000) {
  const t0 = Date.now();
  let seen;
  while (Date.now() - t0 < timeout) {
    seen = await shownTitle(page);
    if (seen === want) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`title: want ${JSON.stringify(want)}, shown ${JSON.stringify(seen)}`);
}

async function waitFor(page, fn, what, timeout = 30000) {
  const t0 = Date.now();
  while (Date.now() - t0 < timeout) {
    if (await page.evaluate(fn)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

// Run by the page itself: eval() and new Function(), allowed or not. Code that DevTools
// evaluates is exempt from the page's CSP, and so (in Chromium) is an inline script it inserts,
// but not a timer's callback.
const PROBE = `setTimeout(function () { var r = {};
  try { r.eval = eval('1 + 1') === 2; } catch (e) { r.eval = false; }
  try { r.fn = new Function('return 2')() === 2; } catch (e) { r.fn = false; }
  window.__cspProbe = r; }, 0);`;

/** The CSP in effect, measured in the page: its policies, eval() from a script of its own origin
 *  (served page) or an inline one (the single file), and whether an inline script runs. */
async function cspState(page, inline) {
  return page.evaluate(async (probe, inline) => {
    const run = (s) => new Promise((resolve) => {
      s.onload = s.onerror = () => setTimeout(resolve, 100);
      document.head.appendChild(s);
      if (!s.src) setTimeout(resolve, 100);
    });
    const s = document.createElement('script');
    if (inline) s.textContent = probe; else s.src = '/__csp-probe.js';
    await run(s);
    const t = document.createElement('script');
    t.textContent = 'window.__inlineRan = true;';
    await run(t);
    const r = window.__cspProbe || {};
    return {
      policies: [...document.querySelectorAll('meta[http-equiv="Content-Security-Policy"]')].map((m) => m.content),
      probeRan: !!window.__cspProbe,
      evalAllowed: r.eval,
      functionAllowed: r.fn,
      inlineRan: window.__inlineRan === true,
    };
  }, PROBE, inline);
}

/** Each check: a fresh page; `requests` holds every URL asked for but data: ones. */
async function check(browser, name, shots, fn) {
  // A fresh profile each time: the element keeps the typed text in localStorage.
  const context = browser.createBrowserContext ? await browser.createBrowserContext() : await browser.createIncognitoBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width: 1200, height: 900 });
  const requests = [], errors = [];
  page.on('request', (r) => { if (!r.url().startsWith('data:')) requests.push(r.url()); });
  page.on('pageerror', (e) => errors.push(String(e && e.message || e)));
  const t0 = Date.now();
  try {
    await fn(page, requests, errors);
    return { name, ok: true, ms: Date.now() - t0 };
  } catch (e) {
    return { name, ok: false, ms: Date.now() - t0, error: `${e.message}${errors.length ? `\n      page errors: ${errors.join(' | ')}` : ''}` };
  } finally {
    await page.screenshot({ path: `${shots}-${name}.png` }).catch(() => {});
    await context.close().catch(() => {});
  }
}

async function run(id, spec, base, titles) {
  const require = createRequire(join(spec.pptr, 'package.json'));
  const puppeteer = require('puppeteer-core');
  const t0 = Date.now();
  const browser = await spec.launch(puppeteer);
  const version = await browser.version();
  const shots = join(COMPAT, id);
  const results = [];
  const c = async (name, fn) => results.push(await check(browser, name, shots, fn));

  await c('sample', async (page, requests) => {
    await page.goto(base);
    await waitTitle(page, titles.sample);
    assert.ok(requests.every((u) => u.startsWith(base)), `requests outside the origin: ${requests}`);
    assert.equal(await page.evaluate(() => document.querySelectorAll('.fazhi-too-old').length), 0, 'the too-old message is shown');
  });
  await c('csp', async (page) => {
    await page.goto(base);
    await waitTitle(page, titles.sample);
    const csp = await cspState(page, false);
    assert.ok(csp.probeRan, 'the probe script did not run');
    assert.equal(csp.inlineRan, false, 'an inline script ran');
    assert.equal(csp.policies.length, spec.wasmUnsafeEval ? 2 : 1, `policies: ${JSON.stringify(csp.policies)}`);
    if (spec.wasmUnsafeEval) assert.equal(csp.policies[1], "script-src 'self' 'wasm-unsafe-eval'");
    // 'unsafe-eval' is what WebAssembly needs where 'wasm-unsafe-eval' is unknown.
    assert.equal(csp.evalAllowed, !spec.wasmUnsafeEval, `eval allowed: ${csp.evalAllowed}`);
    assert.equal(csp.functionAllowed, !spec.wasmUnsafeEval, `new Function allowed: ${csp.functionAllowed}`);
  });
  /** Types TYPED into the element's editor (an `input` event, as a keystroke sends) and waits for its title. */
  const typeAndWait = async (page) => {
    await page.evaluate((text) => {
      const ta = document.querySelector('fazhi-analyzer').shadowRoot.querySelector('textarea');
      ta.value = text;
      ta.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    }, TYPED);
    await waitTitle(page, titles.typed);
  };
  await c('typing', async (page) => {
    await page.goto(base);
    await waitTitle(page, titles.sample);
    await typeAndWait(page);
  });
  await c('docx', async (page) => {
    await page.goto(base);
    await waitTitle(page, titles.sample);
    const input = await page.evaluateHandle(() => document.querySelector('fazhi-analyzer').shadowRoot.querySelector('input[type=file]'));
    await input.asElement().uploadFile(DOCX);
    await waitTitle(page, titles.docx);
  });
  await c('batch', async (page) => {
    await page.goto(base + '#batch');
    await waitFor(page, () => !!(window.customElements.get('fazhi-batch') && document.querySelector('fazhi-batch').shadowRoot), 'the batch element');
    const visible = await page.evaluate(() => [document.getElementById('batch'), document.getElementById('single')].map((s) => s.getClientRects().length > 0));
    assert.deepEqual(visible, [true, false], '#batch shown, #single hidden');
    const input = await page.evaluateHandle(() => document.querySelector('fazhi-batch').shadowRoot.querySelector('input[data-role=files]'));
    await input.asElement().uploadFile(...BATCH);
    await waitFor(page, () => document.querySelector('fazhi-batch').shadowRoot.querySelectorAll('tbody tr[data-index]').length === 2, 'two rows');
    const failed = await page.evaluate(() => document.querySelector('fazhi-batch').shadowRoot.querySelectorAll('tbody tr.failed').length);
    assert.equal(failed, 0, 'a file of the batch could not be read');
    // The charts above the table: four, their marks links (SVG built by createElementNS).
    const charts = await page.evaluate(() => [...document.querySelector('fazhi-batch').shadowRoot.querySelectorAll('figure.chart')]
      .map((f) => f.querySelectorAll('svg g[role=link]').length));
    assert.equal(charts.length, 4, 'four charts');
    assert.ok(charts[0] === 2 + 5 && charts[1] === 10, `chart marks: ${charts}`);
  });
  await c('single-file', async (page, requests) => {
    const url = 'file://' + join(DIST, 'fazhi.html');
    await page.goto(url);
    await waitTitle(page, titles.sample);
    await typeAndWait(page);
    const csp = await cspState(page, true);
    assert.ok(csp.probeRan, 'the probe script did not run');
    assert.equal(csp.evalAllowed, !spec.wasmUnsafeEval, `eval allowed: ${csp.evalAllowed}`);
    assert.equal(await page.evaluate(() => document.querySelectorAll('.fazhi-too-old').length), 0, 'the too-old message is shown');
    const others = requests.filter((u) => u !== url);
    assert.deepEqual(others, [], 'requests from the single file');
  });
  await c('no-wasm', async (page) => {
    await page.evaluateOnNewDocument(() => { delete window.WebAssembly; });
    await page.goto(base);
    await waitFor(page, () => /此浏览器版本过旧/.test(document.body.innerText), 'the message');
    const text = await page.evaluate(() => document.querySelector('.fazhi-too-old').textContent);
    assert.match(text, MESSAGE);
  });
  await c('no-elements', async (page) => {
    // As if the module scripts failed to parse: nothing gets defined.
    await page.evaluateOnNewDocument(() => { window.customElements.define = () => {}; });
    await page.goto(base);
    await waitFor(page, () => /此浏览器版本过旧/.test(document.body.innerText), 'the message');
  });
  await browser.close();
  return { id, version, results, ms: Date.now() - t0 };
}

const wanted = process.argv.slice(2);
const ids = wanted.length ? wanted : Object.keys(BROWSERS);
const titles = { sample: cliTitle(SAMPLE), docx: cliTitle(DOCX), typed: '关于2024年度法治政府建设情况的报告' };
const { server, base } = await serve(DIST, { '/__csp-probe.js': ['text/javascript', PROBE] });
const t0 = Date.now();
let failed = 0;
for (const id of ids) {
  const spec = BROWSERS[id];
  if (!spec) throw new Error(`unknown browser ${id}: ${Object.keys(BROWSERS)}`);
  if (!existsSync(join(spec.pptr, 'node_modules/puppeteer-core'))) throw new Error(`${id}: no puppeteer-core in ${spec.pptr} (make test-compat installs it)`);
  let r;
  try {
    r = await run(id, spec, base, titles);
  } catch (e) {
    console.log(`${id}: could not run: ${e.stack}`);
    failed++;
    continue;
  }
  console.log(`${id} (${r.version}): ${(r.ms / 1000).toFixed(1)} s`);
  for (const x of r.results) {
    console.log(`  ${x.ok ? 'ok  ' : 'FAIL'} ${x.name.padEnd(12)} ${(x.ms / 1000).toFixed(1).padStart(5)} s${x.ok ? '' : `  ${x.error}`}`);
    if (!x.ok) failed++;
  }
}
server.close();
console.log(`test-compat: ${failed ? `${failed} FAILED` : 'all passed'} in ${((Date.now() - t0) / 1000).toFixed(1)} s; screenshots in ${COMPAT}/`);
process.exit(failed ? 1 : 0);
