// Hostile and huge files dropped on the page (#12): a zip-bomb .docx whose name is markup, a 20 MB
// PDF, a damaged PDF and a good report in one drop; then 200 files at once. Every bad file gets its
// message naming it (as text), good files load, nothing hostile runs, the page keeps drawing frames,
// and the memory the worker grew is given back. The files are built here (nothing large committed).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile, readFile, readdir } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import { serve, launch, startHeartbeat, stopHeartbeat } from './harness.mjs';

let server, browser, base, dir;
const SEEDS = new URL('../fixtures/seeds/', import.meta.url).pathname;

before(async () => {
  ({ server, base } = await serve());
  browser = await launch();
  dir = await mkdtemp(join(tmpdir(), 'fazhi-hostile-'));
});

after(async () => {
  await browser?.close();
  server?.close();
});

const EVIL = '<img src=x onerror=alert(1)>.docx';

/** Writes the hostile files; returns their paths. */
function buildFiles() {
  execFileSync('python3', ['-c', `
import sys, zipfile
d = sys.argv[1]
# A .docx whose document inflates to 400 MB of zeros (the limit is 256 MB): ~400 KB on disk.
with zipfile.ZipFile(d + '/bomb.docx', 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
    with z.open('word/document.xml', 'w', force_zip64=True) as f:
        chunk = bytes(1 << 20)
        for _ in range(400):
            f.write(chunk)
# A 20 MB PDF as scans and drawings are: one page of vector paths (20 MB of operators) and a line of text.
ops = b'q 1 0 0 1 10 10 cm 0 0 m 100 100 l 200 50 l h S Q\\n' * (20 * 1024 * 1024 // 50)
content = b'BT /F1 12 Tf 72 720 Td (Annual report on law-based government 2023) Tj ET\\n' + ops
objs = [b'<< /Type /Catalog /Pages 2 0 R >>', b'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
        b'<< /Length %d >>\\nstream\\n' % len(content) + content + b'\\nendstream',
        b'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>']
out = bytearray(b'%PDF-1.4\\n')
offsets = []
for i, o in enumerate(objs, 1):
    offsets.append(len(out))
    out += b'%d 0 obj\\n' % i + o + b'\\nendobj\\n'
xref = len(out)
out += b'xref\\n0 %d\\n0000000000 65535 f \\n' % (len(objs) + 1)
for off in offsets:
    out += b'%010d 00000 n \\n' % off
out += b'trailer\\n<< /Size %d /Root 1 0 R >>\\nstartxref\\n%d\\n%%%%EOF\\n' % (len(objs) + 1, xref)
open(d + '/big.pdf', 'wb').write(out)
open(d + '/broken.pdf', 'wb').write(b'%PDF-1.7\\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\\ntrailer << /Root 1 0 R >>\\n%%EOF')
`, dir]);
}

/** Resident memory (MB) of the browser's renderer processes (the page and its workers). */
async function rendererMb(cdp) {
  const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
  let kb = 0;
  for (const p of processInfo.filter((p) => p.type === 'renderer')) {
    try { kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p.id}/status`, 'utf8'))[1]); } catch { /* gone */ }
  }
  return kb / 1024;
}

test('one drop: a zip bomb named as markup, a 20 MB PDF, a broken PDF and a good report', async () => {
  buildFiles();
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  const dialogs = [], errors = [], requests = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => requests.push(r.url()));
  const cdp = await browser.newBrowserCDPSession();
  await page.goto(base);
  await page.waitForFunction(() => document.querySelector('fazhi-analyzer').report);
  const good = (await readdir(SEEDS)).find((n) => n.startsWith('004_'));
  // Given as paths: the browser reads them from disk (buffers would be copied through the page's thread).
  const files = [];
  // The bomb last: a small file that grows the worker's memory, so the worker must go after it.
  for (const [name, from] of [['大.pdf', join(dir, 'big.pdf')], ['坏.pdf', join(dir, 'broken.pdf')], [good, join(SEEDS, good)], [EVIL, join(dir, 'bomb.docx')]]) {
    await writeFile(join(dir, name), await readFile(from));
    files.push(join(dir, name));
  }
  const mbBefore = await rendererMb(cdp);
  await startHeartbeat(page, 'fazhi-analyzer', 'input[type=file]');
  const t0 = Date.now();
  let peak = mbBefore;
  const sampling = setInterval(async () => { peak = Math.max(peak, await rendererMb(cdp).catch(() => 0)); }, 100);
  await page.locator('fazhi-analyzer input[type=file]').setInputFiles(files);
  await page.locator('fazhi-analyzer .files button', { hasText: good }).waitFor({ timeout: 60_000 });
  const ms = Date.now() - t0;
  clearInterval(sampling);
  const beat = await stopHeartbeat(page);
  await page.waitForTimeout(1000); // the replaced worker's memory is released
  await (await context.newCDPSession(page)).send('HeapProfiler.collectGarbage');
  await page.waitForTimeout(500);
  const mbAfter = await rendererMb(cdp);
  const message = await page.locator('fazhi-analyzer .msg').textContent();
  const listed = await page.locator('fazhi-analyzer .files button').allTextContents();
  console.log(`hostile drop: ${ms} ms; longest frame gap ${beat.longest.toFixed(1)} ms over ${beat.frames} frames; `
    + `renderer memory ${mbBefore.toFixed(0)} MB before, ${peak.toFixed(0)} MB peak, ${mbAfter.toFixed(0)} MB after`);
  console.log(`messages: ${message}`);
  // The bomb: refused at the inflate limit, named as it is (text, not markup).
  assert.match(message, new RegExp(`${EVIL.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}：.*文件超出处理上限（解压后大小）`));
  assert.match(message, /坏\.pdf：/);
  // The 20 MB PDF is read (or stopped at the time limit, named).
  assert.ok(listed.includes('大.pdf') || /分析超过 10 秒，已停止：大\.pdf/.test(message), `${listed} / ${message}`);
  assert.ok(listed.includes(good));
  assert.equal(await page.evaluate(() => document.querySelector('fazhi-analyzer').report.source.name), good);
  // Nothing hostile ran, nothing left the origin.
  assert.deepEqual(dialogs, []);
  assert.equal(await page.evaluate(() => document.querySelector('fazhi-analyzer').shadowRoot.querySelectorAll('img').length), 0);
  assert.ok(requests.every((u) => u.startsWith(base)), requests.join('\n'));
  // The page kept drawing frames; the worker that grew was replaced and its memory given back.
  assert.ok(beat.longest < 100, `longest frame gap ${beat.longest.toFixed(1)} ms`);
  assert.equal(await page.evaluate(() => document.querySelector('fazhi-analyzer')[Symbol.for('fazhi.view')].analyst.worker), null);
  assert.ok(mbAfter < mbBefore + 100, `renderer memory after: ${mbAfter.toFixed(0)} MB (before ${mbBefore.toFixed(0)} MB)`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('200 files at once: all read and listed, the page keeps drawing frames', async () => {
  const names = (await readdir(SEEDS)).filter((n) => n.endsWith('.txt')).sort();
  const files = [];
  for (let i = 0; i < 200; i++) {
    const n = names[i % names.length];
    const path = join(dir, `${String(i).padStart(3, '0')}_${n}`);
    await writeFile(path, await readFile(join(SEEDS, n)));
    files.push(path);
  }
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(base);
  await page.waitForFunction(() => document.querySelector('fazhi-analyzer').report);
  await page.evaluate(() => {
    window.__analyzed = 0;
    document.querySelector('fazhi-analyzer').addEventListener('fazhi-analyzed', () => window.__analyzed++);
  });
  await startHeartbeat(page, 'fazhi-analyzer', 'input[type=file]');
  const t0 = Date.now();
  await page.locator('fazhi-analyzer input[type=file]').setInputFiles(files);
  await page.waitForFunction(() => document.querySelector('fazhi-analyzer').shadowRoot.querySelectorAll('.files button').length === 200,
    null, { timeout: 120_000 });
  const ms = Date.now() - t0;
  const beat = await stopHeartbeat(page);
  console.log(`200 files: ${ms} ms (${(ms / 200).toFixed(1)} ms each); longest frame gap ${beat.longest.toFixed(1)} ms over ${beat.frames} frames`);
  const last = files[199].split('/').pop();
  assert.equal(await page.locator('fazhi-analyzer .files button').nth(199).textContent(), last);
  assert.equal(await page.evaluate(() => document.querySelector('fazhi-analyzer').report.source.name), last);
  assert.equal(await page.evaluate(() => window.__analyzed), 1, 'one fazhi-analyzed: the report shown');
  assert.ok(beat.longest < 100, `longest frame gap ${beat.longest.toFixed(1)} ms`);
  assert.equal(await page.locator('fazhi-analyzer [role=alert]:visible').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});
