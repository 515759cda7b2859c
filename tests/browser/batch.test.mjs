// Batch review in Debian's Chromium: 13 files of every format (two of one issuer a year apart, one
// paragraph copied into another issuer's report, one unreadable file) read in the worker; the table,
// 照搬照抄, 逐年对照, the CSV and Excel downloads read back (the .xlsx by openpyxl), the report view
// and the way back. Needs `make web` first (make test-browser) and python3 with openpyxl.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { serve, launch } from './harness.mjs';

const FIXTURES = new URL('../fixtures/', import.meta.url).pathname;
let server, browser, base;

before(async () => {
  ({ server, base } = await serve());
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.close();
});

const seed = (n) => readFile(join(FIXTURES, 'seeds', n), 'utf8');
const fixture = async (n) => ({ name: n, mimeType: 'application/octet-stream', buffer: await readFile(join(FIXTURES, 'formats', n)) });

// The paragraph of seed 001 (法镇) copied into 多巴镇's 2024 report.
const COPIED = '强化生态环境保护，落实责任。保护大气环境人人有责';

/** The 13 files: every format of the fixtures, a year pair made from seed 004, one unreadable file. */
async function files() {
  const out = await Promise.all([
    '000_0ac10b74a13066d8.docx', '001_4cda7b45264484a7.autonum.docx', '002_cde1628b69510f98.doc',
    '003_118af91b63010f52.autonum.doc', '000_0ac10b74a13066d8.html', '001_4cda7b45264484a7.pdf',
    '002_cde1628b69510f98.autonum.pdf', '003_118af91b63010f52.ofd',
  ].map(fixture));
  const s002 = await seed('002_cde1628b69510f98.txt');
  const gbk = execFileSync('python3', ['-c', 'import sys; sys.stdout.buffer.write(sys.stdin.read().encode("gb18030"))'], { input: s002 });
  out.push({ name: '002.gbk.txt', mimeType: 'text/plain', buffer: gbk });
  const s003 = await seed('003_118af91b63010f52.txt');
  out.push({ name: '003.utf16.txt', mimeType: 'text/plain', buffer: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s003, 'utf16le')]) });
  // 多巴镇 2023 (seed 004 a year earlier) and 2024 (seed 004, its measures now carrying its first
  // plan and 法镇's paragraph).
  const s004 = await seed('004_470a423e495ab50d.txt');
  const earlier = s004.replaceAll('2024', '2023').replaceAll('2025', '2024');
  const lines = s004.split('\n');
  const plan = lines.find((l) => l.startsWith('（一）加强依法行政意识培养')).replace('（一）', '');
  const copied = (await seed('001_4cda7b45264484a7.txt')).split('\n').find((l) => l.includes(COPIED)).replace(/^（[一二三四五六七八九十]+）/, '');
  const at = lines.findIndex((l) => l.startsWith('（一）强化领导'));
  lines.splice(at + 1, 0, '今年，' + plan, copied);
  out.push({ name: '多巴镇2023.txt', mimeType: 'text/plain', buffer: Buffer.from(earlier) });
  out.push({ name: '多巴镇2024.txt', mimeType: 'text/plain', buffer: Buffer.from(lines.join('\n')) });
  out.push({ name: '扫描件.docx', mimeType: 'application/octet-stream', buffer: Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex') });
  return out;
}

const shadow = (page, fn, arg) => page.evaluate(([f, a]) => new Function('root', 'arg', `return (${f})(root, arg)`)(document.querySelector('fazhi-batch').shadowRoot, a), [fn.toString(), arg]);

test('a batch of 13 files: table, copied passages, year over year, CSV and Excel, report view and back', async () => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(base + '#batch');
  const list = await files();
  assert.ok(list.length >= 12);
  await page.locator('fazhi-batch input[data-role=files]').setInputFiles(list);
  await page.waitForFunction((n) => document.querySelector('fazhi-batch').shadowRoot.querySelectorAll('tbody tr[data-index]').length === n, list.length, { timeout: 30000 });

  // A row for each file; the unreadable one with its message; issuers read from every format.
  const rows = await page.locator('fazhi-batch table.batch tbody tr').allInnerTexts();
  assert.equal(rows.length, list.length);
  const failed = rows.find((r) => r.startsWith('扫描件.docx'));
  assert.match(failed, /无法读取：无法识别的文件格式（图片）/);
  for (const [file, issuer] of [['000_0ac10b74a13066d8.docx', '磨头镇人民政府'], ['002.gbk.txt', '坪山镇'], ['003.utf16.txt', '港门镇'],
    ['003_118af91b63010f52.ofd', '港门镇'], ['001_4cda7b45264484a7.pdf', '法镇'], ['多巴镇2024.txt', '多巴镇']]) {
    assert.match(rows.find((r) => r.startsWith(file)), new RegExp(issuer), file);
  }
  assert.match(await page.locator('fazhi-batch table.batch tfoot').innerText(), /合计 13 份[\s\S]*无法读取 1/);
  await page.screenshot({ path: 'target/batch-table-1440.png' });

  // 照搬照抄: the copied paragraph, with 法镇's file and 多巴镇 2024.
  await page.locator('fazhi-batch .tabs button', { hasText: '照搬照抄' }).click();
  const passage = page.locator('fazhi-batch .passage', { hasText: COPIED }).first();
  await passage.waitFor();
  const sides = await passage.locator('.side button').allTextContents();
  assert.ok(sides.some((s) => s.startsWith('001_4cda7b45264484a7')), sides.join());
  assert.ok(sides.includes('多巴镇2024.txt'), sides.join());
  await page.screenshot({ path: 'target/batch-reuse-1440.png' });
  // Each side is a click away from its place: the report view opens with the passage marked.
  await passage.locator('.side button', { hasText: '多巴镇2024.txt' }).click();
  const picked = await page.waitForFunction(() => {
    const v = document.querySelector('fazhi-batch').shadowRoot.querySelector('fazhi-analyzer');
    return [...(v?.shadowRoot.querySelectorAll('mark.pick') ?? [])].map((m) => m.textContent).join('');
  });
  assert.ok((await picked.jsonValue()).includes(COPIED));
  await page.locator('fazhi-batch button.back').click();

  // 逐年对照: 多巴镇 2023 → 2024, with at least one plan followed up.
  await page.locator('fazhi-batch .tabs button', { hasText: '逐年对照' }).click();
  const pair = page.locator('fazhi-batch .pair', { hasText: '多巴镇' }).first();
  await pair.waitFor();
  assert.match(await pair.locator('h3').innerText(), /2023 → 2024/);
  assert.ok(await pair.locator('li.kept').count() >= 1);
  assert.match(await pair.locator('li.kept').first().innerText(), /✔ 已落实[\s\S]*加强依法行政意识培养/);
  await page.screenshot({ path: 'target/batch-years-1440.png' });
  await page.locator('fazhi-batch .tabs button', { hasText: '批量表' }).click();

  // CSV: BOM, the header, a row per file, the cells the table shows.
  const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.locator('fazhi-batch button', { hasText: '导出 CSV' }).click()]);
  const csvBytes = await readFile(await csvDownload.path());
  assert.deepEqual([...csvBytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const csvLines = csvBytes.toString('utf8').slice(1).trimEnd().split('\r\n');
  const header = csvLines[0].split(',');
  assert.deepEqual(header.slice(0, 6), ['文件', '发文机关', '层级', '年度', '成文日期', '主要举措和成效']);
  assert.equal(csvLines.length, 1 + list.length);
  const csvRow = (file) => csvLines.find((l) => l.startsWith(file + ',')).split(',');
  assert.equal(csvRow('多巴镇2024.txt')[3], '2024');
  assert.equal(csvRow('多巴镇2023.txt')[3], '2023');
  assert.match(csvRow('扫描件.docx').at(-1), /无法识别的文件格式/);

  // Excel: read back by openpyxl — the same header and rows, parts as ✔/✘.
  const [xlsxDownload] = await Promise.all([page.waitForEvent('download'), page.locator('fazhi-batch button', { hasText: '导出 Excel' }).click()]);
  assert.equal(xlsxDownload.suggestedFilename(), '批量审阅.xlsx');
  const xlsxPath = join(await mkdtemp(join(tmpdir(), 'fazhi-')), 'batch.xlsx'); // openpyxl goes by the extension
  await xlsxDownload.saveAs(xlsxPath);
  const sheet = JSON.parse(execFileSync('python3', ['-c', `
import json, sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).active
print(json.dumps([[("" if c is None else str(c)) for c in r] for r in ws.iter_rows(values_only=True)], ensure_ascii=False))
`, xlsxPath]).toString());
  assert.deepEqual(sheet[0], header);
  assert.equal(sheet.length, 1 + list.length);
  const xRow = sheet.find((r) => r[0] === '多巴镇2024.txt');
  assert.equal(xRow[1], csvRow('多巴镇2024.txt')[1]);
  assert.ok(['✔', '✘'].includes(xRow[5]));
  assert.match(sheet.find((r) => r[0] === '扫描件.docx').at(-1), /无法识别的文件格式/);
  // The workbook's sheets are the CLI's: the table, 五项内容 (a row per report read, and the counts), 照搬照抄, 逐年对照.
  const book = JSON.parse(execFileSync('python3', ['-c', `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
print(json.dumps({ws.title: ws.max_row for ws in wb.worksheets}, ensure_ascii=False))
`, xlsxPath]).toString());
  assert.deepEqual(Object.keys(book), ['批量审阅', '五项内容', '照搬照抄', '逐年对照']);
  assert.equal(book['五项内容'], 1 + (list.length - 1) + 1);

  // Sort by 得分 (descending), open a row, come back: the sort is kept.
  const scoreHead = page.locator('fazhi-batch table.batch thead th', { hasText: /^得分$/ });
  await scoreHead.click();
  await scoreHead.click();
  assert.equal(await scoreHead.getAttribute('aria-sort'), 'descending');
  const order = await page.locator('fazhi-batch table.batch tbody tr td.file').allTextContents();
  const scores = await shadow(page, (root) => [...root.querySelectorAll('table.batch tbody tr')].map((tr) => tr.children[10]?.textContent));
  const nums = scores.filter((s) => s).map(Number);
  assert.deepEqual(nums, [...nums].sort((a, b) => b - a));
  await page.locator('fazhi-batch table.batch tbody tr', { hasText: '多巴镇2023.txt' }).click();
  await page.locator('fazhi-batch fazhi-analyzer h2.title').waitFor();
  assert.match(await page.locator('fazhi-batch fazhi-analyzer h2.title').innerText(), /2023年法治政府建设情况报告/);
  assert.equal(await page.locator('fazhi-batch table.batch').isVisible(), false);
  await page.locator('fazhi-batch button.back').click();
  assert.equal(await scoreHead.getAttribute('aria-sort'), 'descending');
  assert.deepEqual(await page.locator('fazhi-batch table.batch tbody tr td.file').allTextContents(), order);

  // The filter: missing part 3, and a text.
  await page.locator('fazhi-batch .filter input').fill('part3=✘');
  const missing3 = await shadow(page, (root) => [...root.querySelectorAll('table.batch tbody tr')].map((tr) => tr.children[7].textContent));
  assert.ok(missing3.length > 0 && missing3.every((c) => c === '✘'), missing3.join());
  await page.locator('fazhi-batch .filter input').fill('多巴镇 year!=2024');
  assert.deepEqual(await page.locator('fazhi-batch table.batch tbody tr td.file').allTextContents(), ['多巴镇2023.txt']);

  assert.ok(requests.every((u) => u.startsWith(base)), `requests outside the origin: ${requests}`);
  assert.deepEqual(errors, []);
  await context.close();
});

/** The parts of a .docx or .zip by name → the SHA-256 of their bytes, read by python's zipfile. */
function zipParts(path) {
  return JSON.parse(execFileSync('python3', ['-c',
    'import hashlib,json,sys,zipfile; z=zipfile.ZipFile(sys.argv[1]); print(json.dumps({n: hashlib.sha256(z.read(n)).hexdigest() for n in z.namelist()}, ensure_ascii=False))', path]));
}

test('the batch at a glance: four charts whose marks open reports and filter the table; SVG and PNG downloads; reviews per row and as a zip', async () => {
  const CLI = new URL('../../target/release/fazhi', import.meta.url).pathname;
  const dir = await mkdtemp(join(tmpdir(), 'fazhi-charts-'));
  for (const [width, height] of [[1440, 900], [390, 844]]) {
    const context = await browser.newContext({ viewport: { width, height }, acceptDownloads: true });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(base + '#batch');
    const list = await files();
    await page.locator('fazhi-batch input[data-role=files]').setInputFiles(list);
    await page.waitForFunction((n) => document.querySelector('fazhi-batch').shadowRoot.querySelectorAll('tbody tr[data-index]').length === n, list.length, { timeout: 30000 });
    const charts = await shadow(page, (root) => [...root.querySelectorAll('figure.chart')].map((f) => ({
      name: f.dataset.chart, links: f.querySelectorAll('svg g[role=link]').length,
      rows: [...f.querySelectorAll('svg g[data-index]')].map((g) => Number(g.dataset.index)),
    })));
    assert.deepEqual(charts.map((c) => c.name), ['五项内容', '得分', '关键指标', '照搬比例']);
    const result = await page.evaluate(() => document.querySelector('fazhi-batch').result);
    const read = result.rows.filter((r) => !r.error);
    // The matrix: a row per report read, those missing most first; five column heads as links.
    const missing = (i) => result.rows[i].parts.filter((p) => !p).length;
    assert.equal(charts[0].rows.length, read.length);
    assert.equal(charts[0].links, read.length + 5);
    for (let k = 1; k < charts[0].rows.length; k++) assert.ok(missing(charts[0].rows[k - 1]) >= missing(charts[0].rows[k]));
    assert.equal(charts[1].links, 10, 'ten score bands');
    assert.equal(charts[2].links, result.indicatorColumns.length);
    // 多巴镇2024 carries 法镇's paragraph: it is in the reuse chart.
    const copier = result.rows.find((r) => r.file === '多巴镇2024.txt');
    assert.ok(copier.reusedShare > 0 && charts[3].rows.includes(copier.index));
    // No mark draws report text as markup: every label is a text node.
    assert.equal(await shadow(page, (root) => root.querySelectorAll('figure.chart svg foreignObject, figure.chart svg script').length), 0);
    if (width === 1440) {
      await page.screenshot({ path: 'target/batch-charts-1440.png' });
    } else {
      await page.screenshot({ path: 'target/batch-charts-390.png', fullPage: false });
      await context.close();
      assert.deepEqual(errors, []);
      continue;
    }

    // A score band filters the table to it; a 五项内容 head to the reports missing that part.
    const band = Math.min(9, Math.floor(read[0].score / 10));
    await page.locator(`fazhi-batch figure.chart g[data-band="${band * 10}"]`).click();
    const inBand = read.filter((r) => Math.min(9, Math.floor(r.score / 10)) === band).length;
    assert.equal(await page.locator('fazhi-batch table.batch tbody tr[data-index]').count(), inBand);
    await page.locator('fazhi-batch figure.chart g[data-part="3"]').click();
    assert.equal(await page.locator('fazhi-batch .filter input').inputValue(), 'part3=✘');
    assert.equal(await page.locator('fazhi-batch table.batch tbody tr[data-index]').count(), read.filter((r) => !r.parts[2]).length);
    if (result.indicatorColumns.length) {
      const c = result.indicatorColumns[0];
      await page.locator(`fazhi-batch figure.chart g[data-indicator="${c.id}"]`).click();
      assert.equal(await page.locator('fazhi-batch table.batch tbody tr[data-index]').count(), read.filter((r) => r.indicators[0] === null).length);
    }

    // Downloads: the matrix as SVG (standalone, its text as text) and as PNG (twice its size).
    const [svg] = await Promise.all([page.waitForEvent('download'), page.locator('fazhi-batch figure.chart[data-chart="五项内容"] button[data-download=svg]').click()]);
    assert.equal(svg.suggestedFilename(), '批量审阅-五项内容.svg');
    const svgText = await readFile(await svg.path(), 'utf8');
    assert.match(svgText, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.ok(svgText.includes('>责任人<') && svgText.includes('>举措<'), 'the column heads');
    const [png] = await Promise.all([page.waitForEvent('download'), page.locator('fazhi-batch figure.chart[data-chart="得分"] button[data-download=png]').click()]);
    const pngBytes = await readFile(await png.path());
    assert.equal(pngBytes.subarray(0, 8).toString('hex'), '89504e470d0a1a0a');
    assert.equal(pngBytes.readUInt32BE(16), 2 * Number(await page.locator('fazhi-batch figure.chart[data-chart="得分"] svg').getAttribute('width')));

    // A matrix row opens its report; there, 导出批注版 is the .docx itself with comments — the CLI's.
    const docxRow = result.rows.find((r) => r.file === '000_0ac10b74a13066d8.docx');
    await page.locator(`fazhi-batch figure.chart[data-chart="五项内容"] g[data-index="${docxRow.index}"]`).click();
    await page.locator('fazhi-batch fazhi-analyzer').waitFor();
    assert.match(await page.locator('fazhi-batch .viewer-bar').innerText(), /000_0ac10b74a13066d8\.docx/);
    assert.ok(!requests.some((u) => u.includes('/pkg/review/')), 'the review module waits for a click');
    const [row] = await Promise.all([page.waitForEvent('download'), page.locator('fazhi-batch .viewer-bar button', { hasText: '导出批注版' }).click()]);
    assert.equal(row.suggestedFilename(), '000_0ac10b74a13066d8.批注版.docx');
    const src = join(FIXTURES, 'formats', '000_0ac10b74a13066d8.docx');
    execFileSync(CLI, ['review', '-o', join(dir, 'cli.docx'), src]);
    assert.ok((await readFile(await row.path())).equals(await readFile(join(dir, 'cli.docx'))), 'the row\'s 批注版 is the CLI\'s');
    const parts = zipParts(await row.path());
    for (const [n, hex] of Object.entries(zipParts(src))) {
      if (!['word/document.xml', 'word/_rels/document.xml.rels', '[Content_Types].xml'].includes(n)) assert.equal(parts[n], hex, n);
    }
    await page.locator('fazhi-batch button.back').click();

    // 全部导出批注版: one entry per report read, each the CLI's for that file.
    const [all] = await Promise.all([page.waitForEvent('download'), page.locator('fazhi-batch button', { hasText: '全部导出批注版' }).click()]);
    assert.equal(all.suggestedFilename(), '批量审阅-批注版.zip');
    const entries = zipParts(await all.path());
    assert.equal(Object.keys(entries).length, read.length, Object.keys(entries).join('\n'));
    const cliHash = execFileSync('python3', ['-c', 'import hashlib,sys; print(hashlib.sha256(open(sys.argv[1],"rb").read()).hexdigest())', join(dir, 'cli.docx')]).toString().trim();
    assert.equal(entries['000_0ac10b74a13066d8.批注版.docx'], cliHash);
    assert.ok(entries['多巴镇2024.批注版.docx'], 'a text file\'s 批注版 is a new .docx');
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('a .zip of reports is expanded in the worker, and cancel stops reading', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(base + '#batch');
  const zip = execFileSync('python3', ['-c', `
import io, sys, zipfile
b = io.BytesIO()
with zipfile.ZipFile(b, 'w', zipfile.ZIP_DEFLATED) as z:
    for n in sys.argv[1:]:
        z.write(n, '各镇/' + n.split('/')[-1])
    z.writestr('各镇/.DS_Store', b'x')
sys.stdout.buffer.write(b.getvalue())
`, join(FIXTURES, 'formats/000_0ac10b74a13066d8.docx'), join(FIXTURES, 'formats/001_4cda7b45264484a7.ofd'), join(FIXTURES, 'seeds/002_cde1628b69510f98.txt')]);
  await page.locator('fazhi-batch input[data-role=files]').setInputFiles([{ name: '报告.zip', mimeType: 'application/zip', buffer: zip }]);
  await page.waitForFunction(() => document.querySelector('fazhi-batch').shadowRoot.querySelectorAll('tbody tr[data-index]').length === 3);
  assert.deepEqual(await page.locator('fazhi-batch table.batch tbody tr td.file').allTextContents(),
    ['报告.zip/各镇/000_0ac10b74a13066d8.docx', '报告.zip/各镇/001_4cda7b45264484a7.ofd', '报告.zip/各镇/002_cde1628b69510f98.txt']);
  await page.screenshot({ path: 'target/batch-table-390.png' });

  // 120 files, cancelled as soon as the progress shows: fewer rows than files, and a message.
  const text = await seed('000_0ac10b74a13066d8.txt');
  const many = Array.from({ length: 120 }, (_, i) => ({ name: `r${i}.txt`, mimeType: 'text/plain', buffer: Buffer.from(text) }));
  await page.locator('fazhi-batch button', { hasText: '清空' }).click();
  await page.locator('fazhi-batch input[data-role=files]').setInputFiles(many);
  await page.locator('fazhi-batch .progress-text', { hasText: /已读 \d+ \/ 120/ }).waitFor();
  await page.locator('fazhi-batch .progress button', { hasText: '取消' }).click();
  await page.locator('fazhi-batch .msg', { hasText: '已取消' }).waitFor();
  const n = await page.locator('fazhi-batch table.batch tbody tr[data-index]').count();
  assert.ok(n < 120, `${n} rows after cancel`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the batch takes drops on itself by default; with dropzone="page" page-wide drops, and none once removed', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.route(base + 'host-batch.html', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8',
    body: '<!doctype html><meta charset="utf-8"><script type="module" src="./fazhi-batch.js"></script><main id="m" style="height:100px">宿主</main><fazhi-batch id="b"></fazhi-batch>' }));
  await page.goto(base + 'host-batch.html');
  await page.evaluate(() => customElements.whenDefined('fazhi-batch'));
  const drop = (sel, name) => page.evaluate(([s, n]) => {
    const dt = new DataTransfer();
    dt.items.add(new File(['关于2023年度法治政府建设情况的报告\n一、主要举措\n'], n, { type: 'text/plain' }));
    const e = new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true, composed: true });
    document.querySelector(s).dispatchEvent(e);
    return e.defaultPrevented;
  }, [sel, name]);
  assert.equal(await drop('#m', '页面.txt'), false, 'a drop on the host page is not the batch\'s by default');
  assert.equal(await drop('#b', '批量.txt'), true);
  await page.waitForFunction(() => document.querySelector('#b').shadowRoot.querySelectorAll('tbody tr[data-index]').length === 1);
  await page.evaluate(() => { const b = document.querySelector('#b'); b.remove(); b.setAttribute('dropzone', 'page'); document.body.append(b); });
  assert.equal(await drop('#m', '页面.txt'), true, 'dropzone="page": page-wide');
  await page.waitForFunction(() => document.querySelector('#b').shadowRoot.querySelectorAll('tbody tr[data-index]').length === 2);
  const b = await page.evaluateHandle(() => { const b = document.querySelector('#b'); b.remove(); return b; });
  assert.equal(await drop('#m', '又一份.txt'), false, 'removed: no listener left on the page');
  await page.waitForTimeout(300);
  assert.equal(await b.evaluate((el) => el.shadowRoot.querySelectorAll('tbody tr[data-index]').length), 2);
  await context.close();
});

test('a file that traps or hangs the batch worker gets a failure row; the worker is replaced and the rest read', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(base + '#batch');
  await page.evaluate(() => customElements.whenDefined('fazhi-batch'));
  const files = ['甲', '乙', '丙'].map((n, i) => ({ name: `${n}.txt`, mimeType: 'text/plain',
    buffer: Buffer.from(`关于${2020 + i}年度法治政府建设情况的报告\n一、主要举措和成效\n`) }));
  const read = async (test, timeLimit) => {
    await page.evaluate(([t, ms]) => {
      const b = document.querySelector('fazhi-batch');
      window.__results = [];
      if (!window.__listening) b.addEventListener('fazhi-batch', (e) => window.__results.push(e.detail));
      window.__listening = true;
      if (b.client) { b.client.test = t; if (ms) b.client.timeLimit = ms; b.client.send({ type: 'clear' }); }
    }, [test, timeLimit]);
    await page.locator('fazhi-batch input[data-role=files]').setInputFiles(files);
    await page.waitForFunction(() => window.__results.length && window.__results[window.__results.length - 1].rows.length === 3, null, { timeout: 30_000 });
    return page.evaluate(() => window.__results[window.__results.length - 1].rows.map((r) => [r.file, r.error]));
  };
  // The first batch starts the client; the hooks apply from the second on.
  await read(null, null);
  await page.waitForTimeout(300);
  let rows = await read({ name: '乙.txt', kind: 'trap' }, null);
  assert.deepEqual(rows.map(([f]) => f), ['甲.txt', '乙.txt', '丙.txt']);
  assert.equal(rows[0][1], null);
  assert.match(rows[1][1], /分析程序出错（unreachable），已跳过此文件/);
  assert.equal(rows[2][1], null);
  await page.waitForTimeout(300);
  rows = await read({ name: '甲.txt', kind: 'hang' }, 500);
  assert.match(rows[0][1], /分析超过 0\.5 秒，已停止并跳过此文件/);
  assert.deepEqual(rows.slice(1).map(([, e]) => e), [null, null]);
  assert.deepEqual(errors, []);
  await context.close();
});
