// The npm package (dist/npm, made by `make dist`) as a web developer gets it: `npm pack`, then
// `npm install <tarball>` (offline) into a copy of tests/npm/host, `tsc --noEmit --strict` on
// host/check.ts, and the host page (host/index.html + main.js, the package imported by bare
// specifiers through an import map written from the installed package's `exports`, under the CSP
// its README asks for) served and driven in Chromium. Run by `make test-npm` (node --test tests/npm/).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve, launch } from '../browser/harness.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;
const PACKAGE = join(ROOT, 'dist/npm');
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');
const SEED = join(ROOT, 'tests/fixtures/seeds/000_0ac10b74a13066d8.txt');
const SEED_TITLE = '关于2023年度法治政府建设情况的报告';
const HOST_TITLE = '关于2024年度法治政府建设情况的报告'; // main.js's text
const DOCX = join(ROOT, 'tests/fixtures/formats/001_4cda7b45264484a7.docx');
const PDF = join(ROOT, 'tests/fixtures/formats/002_cde1628b69510f98.pdf');
// The host's own files (anything else the page requests must be inside node_modules/fazhi/).
const HOST_FILES = new Set(['/', '/index.html', '/main.js', '/favicon.ico']);

let dir, installed, manifest, packed, server, base, browser;
const requests = []; // every request the server saw: { path, status }
const foreign = []; // requests the browser made to any other origin

before(async () => {
  assert.ok(existsSync(join(PACKAGE, 'package.json')), 'dist/npm/package.json (run `make dist` first)');
  dir = await mkdtemp(join(tmpdir(), 'fazhi-npm-'));
  await cp(new URL('./host/', import.meta.url).pathname, dir, { recursive: true });
  const npm = (...args) => execFileSync('npm', [...args, '--no-audit', '--no-fund', '--offline'], { cwd: dir, encoding: 'utf8' });
  [packed] = JSON.parse(npm('pack', PACKAGE, '--json', '--pack-destination', dir));
  npm('install', join(dir, packed.filename));
  installed = join(dir, 'node_modules/fazhi');
  manifest = JSON.parse(await readFile(join(installed, 'package.json'), 'utf8'));
  // The import map: each export's `default` target, as an import-map generator writes it.
  const imports = {};
  for (const [key, target] of Object.entries(manifest.exports)) {
    if (key.endsWith('.json')) continue;
    imports[posix.join('fazhi', key)] = './' + posix.join('node_modules/fazhi', target.default);
  }
  const map = JSON.stringify({ imports });
  const hash = createHash('sha256').update(map).digest('base64');
  const html = (await readFile(join(dir, 'index.html'), 'utf8'))
    .replace('IMPORTMAP_HASH', `'sha256-${hash}'`).replace('>IMPORTMAP<', `>${map}<`);
  await writeFile(join(dir, 'index.html'), html);
});

after(async () => {
  await browser?.close();
  server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

test('the tarball ships exactly package.json `files`, and the package.json says what it must', async () => {
  const toml = await readFile(join(ROOT, 'Cargo.toml'), 'utf8');
  const cargo = (key) => toml.match(new RegExp(`^${key} = "([^"]*)"`, 'm'))[1];
  assert.equal(manifest.name, 'fazhi');
  assert.equal(manifest.version, cargo('version'));
  assert.equal(manifest.license, cargo('license'));
  assert.equal(manifest.description, cargo('description'));
  assert.equal(manifest.type, 'module');
  assert.deepEqual(Object.keys(manifest.exports).sort(), ['.', './batch', './batch-wasm', './package.json', './readers', './review', './wasm']);
  assert.deepEqual(manifest.exports['.'], { types: './fazhi-analyzer.d.ts', default: './fazhi-analyzer.js' });
  assert.deepEqual(manifest.exports['./batch'], { types: './fazhi-batch.d.ts', default: './fazhi-batch.js' });
  assert.deepEqual(manifest.exports['./wasm'], { types: './pkg/fazhi.d.ts', default: './pkg/fazhi.js' });
  assert.deepEqual(manifest.exports['./readers'], { types: './pkg/readers/fazhi.d.ts', default: './pkg/readers/fazhi.js' });
  assert.deepEqual(manifest.exports['./review'], { types: './pkg/review/fazhi.d.ts', default: './pkg/review/fazhi.js' });
  assert.deepEqual(manifest.exports['./batch-wasm'], { types: './pkg/batch/fazhi.d.ts', default: './pkg/batch/fazhi.js' });
  for (const m of ['./fazhi-analyzer.js', './fazhi-batch.js']) assert.ok(manifest.sideEffects.includes(m), `sideEffects: ${m}`);
  assert.equal(manifest.dependencies, undefined, 'no dependencies');
  const shipped = packed.files.map((f) => f.path).sort();
  assert.deepEqual(shipped, [...manifest.files, 'package.json', 'README.md'].sort());
  // What npm installed is what was packed.
  const walk = async (d) => (await readdir(d, { withFileTypes: true })).flatMap((e) => e.isDirectory() ? [] : [posix.join(posix.relative(installed, d), e.name)]);
  const all = [];
  for (const d of [installed, join(installed, 'pkg'), join(installed, 'pkg/readers'), join(installed, 'pkg/batch'), join(installed, 'pkg/xlsx'), join(installed, 'pkg/review')]) all.push(...await walk(d));
  assert.deepEqual(all.sort(), shipped);
  console.log(`npm: ${packed.filename} ${(packed.size / 1024).toFixed(0)} KB packed, ${(packed.unpackedSize / 1024).toFixed(0)} KB unpacked, ${packed.entryCount} files`);
});

test('every relative URL in the shipped modules names a shipped file', async () => {
  const files = new Set(manifest.files);
  let seen = 0;
  for (const f of manifest.files.filter((f) => f.endsWith('.js') || f.endsWith('.d.ts'))) {
    const src = (await readFile(join(installed, f), 'utf8')).replace(/^\s*\/\/.*$|\/\*[\s\S]*?\*\//gm, '');
    // (Not object keys: wasm-bindgen names its import namespace "./fazhi_bg.js".)
    const refs = [...src.matchAll(/['"](\.\.?\/[^'"\s]+)['"](?!\s*:)/g)].map((m) => m[1]);
    refs.push(...[...src.matchAll(/new URL\(\s*['"]([^'"]+)['"]\s*,\s*import\.meta\.url/g)].map((m) => m[1]));
    for (const ref of refs) {
      let target = posix.normalize(posix.join(posix.dirname(f), ref));
      if (f.endsWith('.d.ts') && target.endsWith('.js')) target = target.replace(/\.js$/, '.d.ts');
      assert.ok(files.has(target), `${f}: '${ref}' → ${target} is shipped`);
      seen++;
    }
  }
  assert.ok(seen >= 10, `relative URLs found (${seen})`);
});

test('the exports resolve from the host project, and fazhi/wasm analyzes in node', async () => {
  const require = createRequire(join(dir, 'index.js'));
  assert.equal(require.resolve('fazhi'), join(installed, 'fazhi-analyzer.js'));
  assert.equal(require.resolve('fazhi/batch'), join(installed, 'fazhi-batch.js'));
  assert.equal(require.resolve('fazhi/wasm'), join(installed, 'pkg/fazhi.js'));
  assert.equal(require.resolve('fazhi/readers'), join(installed, 'pkg/readers/fazhi.js'));
  assert.equal(require.resolve('fazhi/batch-wasm'), join(installed, 'pkg/batch/fazhi.js'));
  assert.throws(() => require.resolve('fazhi/pkg/fazhi.js'), /ERR_PACKAGE_PATH_NOT_EXPORTED|not defined by "exports"/);
  const wasm = await import(pathToFileURL(require.resolve('fazhi/wasm')));
  wasm.initSync({ module: await readFile(join(installed, 'pkg/fazhi_bg.wasm')) });
  assert.equal(wasm.analyze(await readFile(SEED, 'utf8')).meta.title, SEED_TITLE);
});

test('tsc --noEmit --strict type-checks the host against the installed package (bundler and nodenext resolution)', () => {
  for (const project of ['tsconfig.json', 'tsconfig.nodenext.json']) {
    try {
      execFileSync(process.execPath, [TSC, '--noEmit', '--strict', '-p', project], { cwd: dir, encoding: 'utf8' });
    } catch (e) {
      assert.fail(`tsc -p ${project}:\n${e.stdout}${e.stderr}`);
    }
  }
});

/** Opens the host page (`query`: '', '?wasm', '?batch') in a fresh context; resolves to the page. */
async function open(query) {
  if (!server) {
    ({ server, base } = await serve(dir));
    server.prependListener('request', (req, res) => {
      const entry = { path: decodeURIComponent(new URL(req.url, base).pathname), status: 0 };
      requests.push(entry);
      res.once('finish', () => { entry.status = res.statusCode; });
    });
    browser = await launch();
  }
  const context = await browser.newContext();
  context.on('request', (r) => { if (!r.url().startsWith(base) && !r.url().startsWith('blob:') && !r.url().startsWith('data:')) foreign.push(r.url()); });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(base + 'index.html' + query);
  await page.waitForFunction(() => window.host && (window.host.loaded || window.host.failure !== null));
  page.errors = errors;
  return page;
}

/** What main.js recorded; fails on a script failure or a CSP violation. */
async function hostState(page) {
  const host = await page.evaluate(() => window.host);
  assert.equal(host.failure, null, 'main.js ran');
  assert.deepEqual(host.violations, [], 'no CSP violation');
  return host;
}

test('the host page: <fazhi-analyzer> from `import "fazhi"` renders its `text` under the README\'s CSP', async () => {
  const page = await open('');
  await page.waitForFunction(() => window.host.events.some((e) => e.type === 'fazhi-analyzed'), null, { timeout: 15000 });
  const host = await hostState(page);
  assert.equal(host.events.find((e) => e.type === 'fazhi-analyzed').title, HOST_TITLE);
  assert.equal(await page.locator('#seen').textContent(), HOST_TITLE);
  // Rendered in its shadow root: the title shown (playwright's locators pierce open shadow roots).
  assert.equal(await page.locator('fazhi-analyzer').evaluate((el) => el.shadowRoot !== null), true);
  await page.locator('fazhi-analyzer').getByText(HOST_TITLE).first().waitFor();
  // A .docx: loads the readers' module (pkg/readers/) next to the element, in its worker.
  const input = page.locator('fazhi-analyzer input[type=file]');
  await input.setInputFiles(DOCX);
  await page.waitForFunction(() => window.host.events.some((e) => e.format === 'docx'), null, { timeout: 15000 });
  await hostState(page);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

// The element's API (ready, analyze, report, fazhi-ready, parts) is the contract of
// fazhi-analyzer.d.ts; these assertions wait for the element to implement it.
test('the host page: the element\'s API — ready, analyze(), report, fazhi-ready, fazhi-analyzed, parts', async () => {
  const page = await open('');
  const text = await readFile(SEED, 'utf8');
  // The `text` attribute's analysis first, so that the events after it are analyze()'s.
  await page.waitForFunction(() => window.host.events.some((e) => e.type === 'fazhi-analyzed'), null, { timeout: 15000 });
  const out = await page.evaluate(async (text) => {
    const el = document.querySelector('fazhi-analyzer');
    const out = { readyType: typeof el.ready?.then, analyzeType: typeof el.analyze };
    await el.ready;
    const before = window.host.events.length;
    if (out.analyzeType === 'function') {
      const report = await el.analyze(text, 'seed.txt');
      out.title = report.meta.title;
      out.same = el.report === report;
    }
    out.after = window.host.events.slice(before);
    out.parts = [...el.shadowRoot.querySelectorAll('[part]')].flatMap((e) => e.getAttribute('part').split(/\s+/));
    return out;
  }, text);
  assert.equal(out.readyType, 'function', 'el.ready is a promise');
  assert.equal(out.analyzeType, 'function', 'el.analyze is a method');
  assert.equal(out.title, SEED_TITLE, 'analyze() resolves to the report');
  assert.ok(out.same, 'el.report is the last analysis');
  assert.deepEqual(out.after.filter((e) => e.type === 'fazhi-analyzed').map((e) => e.title), [SEED_TITLE], 'fazhi-analyzed fired once for it');
  const host = await hostState(page);
  assert.deepEqual(host.events.filter((e) => e.type === 'fazhi-ready'), [{ type: 'fazhi-ready', detail: null, title: null, format: null }], 'fazhi-ready fired once, detail null');
  for (const p of ['input', 'analysis', 'text', 'meta', 'parts', 'outline', 'findings', 'indicators']) assert.ok(out.parts.includes(p), `part=${p}`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the host page: <fazhi-batch> from `import "fazhi/batch"` reads files in its worker and exports Excel', async () => {
  const page = await open('?batch');
  await page.locator('fazhi-batch input[data-role=files]').setInputFiles([SEED, DOCX, PDF]);
  await page.waitForFunction(() => window.host.events.some((e) => e.type === 'fazhi-batch'), null, { timeout: 20000 });
  const rows = await page.evaluate(() => document.querySelector('fazhi-batch').result.rows.map((r) => [r.error, r.year]));
  assert.equal(rows.length, 3);
  for (const [error] of rows) assert.equal(error, null);
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('fazhi-batch button', { hasText: '导出 Excel' }).click()]);
  assert.match(download.suggestedFilename(), /\.xlsx$/);
  await hostState(page);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the host page: `import init, { analyze } from "fazhi/wasm"` works', async () => {
  const page = await open('?wasm');
  await page.waitForFunction(() => window.host.wasmTitle !== null || window.host.failure !== null, null, { timeout: 15000 });
  const host = await hostState(page);
  assert.equal(host.wasmTitle, HOST_TITLE);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('every request stays inside node_modules/fazhi/ or the host\'s own files, and none fails', () => {
  assert.ok(requests.length, 'the pages ran');
  assert.deepEqual(foreign, [], 'no request to another origin');
  const outside = requests.filter((r) => !r.path.startsWith('/node_modules/fazhi/') && !HOST_FILES.has(r.path));
  assert.deepEqual(outside, [], 'requests outside the package and the host');
  const failed = requests.filter((r) => r.status !== 200 && r.path !== '/favicon.ico');
  assert.deepEqual(failed, [], 'requests that failed');
  // Each module loaded at run time by a relative URL was loaded from the package.
  const got = new Set(requests.map((r) => r.path));
  for (const f of ['fazhi-analyzer.js', 'analyzer-worker.js', 'pkg/fazhi.js', 'pkg/fazhi_bg.wasm', 'pkg/readers/fazhi.js',
    'pkg/readers/fazhi_bg.wasm', 'fazhi-batch.js', 'batch-worker.js', 'batch-engine.js', 'batch-charts.js', 'pkg/batch/fazhi.js', 'pkg/batch/fazhi_bg.wasm',
    'pkg/xlsx/fazhi.js', 'pkg/xlsx/fazhi_bg.wasm']) {
    assert.ok(got.has('/node_modules/fazhi/' + f), `requested: node_modules/fazhi/${f}`);
  }
});
