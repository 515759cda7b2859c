// The page as a person uses it, in Debian's Chromium: sample preloaded, typing re-analyzes,
// report text stays text, nothing leaves the page's origin. Needs `make web` first (make test-browser).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import { serve, launch } from './harness.mjs';

let server, browser, base;

before(async () => {
  ({ server, base } = await serve());
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.close();
});

async function openPage() {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(base);
  return { page, requests, errors, context };
}

/** Types into the element's editor (opened with its 编辑 button when the annotated text is shown). */
async function typeText(page, text) {
  const ta = page.locator('fazhi-analyzer textarea');
  if (!(await ta.isVisible())) await page.locator('fazhi-analyzer button', { hasText: '编辑' }).click();
  await ta.fill(text);
}

test('the sample report is preloaded with outline and parts', async () => {
  const { page, requests, errors, context } = await openPage();
  const tree = page.locator('fazhi-analyzer ul.tree');
  await tree.first().waitFor();
  const items = await page.locator('fazhi-analyzer ul.tree button').allTextContents();
  assert.deepEqual(items.slice(0, 3), [
    '一、2023年度磨头镇党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况',
    '二、推进法治政府建设的主要举措和成效',
    '（一）持续学法普法，夯实法治阵地',
  ]);
  const missing = await page.locator('fazhi-analyzer ul.parts li.no').allTextContents();
  assert.equal(missing.length, 1);
  assert.match(missing[0], /其他需要报告的情况/);
  await page.screenshot({ path: 'target/browser-sample.png' });
  assert.ok(requests.every((u) => u.startsWith(base)), `requests outside the origin: ${requests}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('typing re-analyzes, and report text is rendered as text', async () => {
  const { page, errors, context } = await openPage();
  await page.locator('fazhi-analyzer ul.tree').first().waitFor();
  const evil = '关于2024年度法治政府建设情况的报告\n一、<img src=x onerror="window.__xss=1">主要成效\n<script>window.__xss=2</script>\n二、存在的问题\n';
  await typeText(page, evil);
  await page.waitForFunction(() => document.querySelector('fazhi-analyzer').shadowRoot
    .querySelector('h2.title')?.textContent === '关于2024年度法治政府建设情况的报告');
  const items = await page.locator('fazhi-analyzer ul.tree button').allTextContents();
  assert.deepEqual(items, ['一、<img src=x onerror="window.__xss=1">主要成效', '二、存在的问题']);
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  assert.equal(await page.locator('fazhi-analyzer pre.text img').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('an issuer completed from the body is shown with the name as written (#21)', async () => {
  const { page, errors, context } = await openPage();
  await page.locator('fazhi-analyzer ul.tree').first().waitFor();
  await typeText(page, '区司法局关于2023年度法治政府建设情况的报告\n2023年,铜梁区司法局坚持依法行政。\n一、主要举措和成效\n');
  await page.waitForFunction(() => document.querySelector('fazhi-analyzer').shadowRoot
    .querySelector('h2.title')?.textContent === '区司法局关于2023年度法治政府建设情况的报告');
  const issuer = page.locator('fazhi-analyzer dl dd').first();
  assert.equal(await issuer.textContent(), '铜梁区司法局（原文作“区司法局”，据正文补全）');
  assert.deepEqual(errors, []);
  await context.close();
});

/** The text of every highlighted piece in the text pane, in order. */
async function activeText(page) {
  return (await page.locator('fazhi-analyzer pre.text mark.active').allTextContents()).join('');
}

/** The report the page shows. */
function shownReport(page) {
  return page.evaluate(() => document.querySelector('fazhi-analyzer').report);
}

const FIXTURES = new URL('../fixtures/', import.meta.url).pathname;

test('two files from the picker, one of them GBK, are both read', async () => {
  const { page, errors, context } = await openPage();
  await page.locator('fazhi-analyzer ul.tree').first().waitFor();
  await page.locator('fazhi-analyzer input[type=file]').setInputFiles([
    join(FIXTURES, '003_118af91b63010f52.gbk.txt'),
    join(FIXTURES, 'seeds/004_470a423e495ab50d.txt'),
  ]);
  const files = page.locator('fazhi-analyzer .files button');
  await files.nth(1).waitFor();
  assert.deepEqual(await files.allTextContents(), ['003_118af91b63010f52.gbk.txt', '004_470a423e495ab50d.txt']);
  await files.nth(0).click();
  assert.equal(await page.locator('fazhi-analyzer h2.title').textContent(), '遂溪县港门镇人民政府关于2023年度法治政府建设情况的报告');
  assert.deepEqual(errors, []);
  await context.close();
});

test('clicking a heading in the outline highlights it in the text', async () => {
  const { page, context } = await openPage();
  await page.locator('fazhi-analyzer ul.tree').first().waitFor();
  await page.locator('fazhi-analyzer ul.tree button', { hasText: '三、存在的问题' }).click();
  // A heading may be cut into pieces by a figure or finding inside it: all its pieces light up.
  assert.equal(await activeText(page), '三、存在的问题');
  assert.ok(await page.locator('fazhi-analyzer pre.text mark.active').first().evaluate((m) => {
    const box = m.getBoundingClientRect(), pane = m.closest('pre').getBoundingClientRect();
    return box.top >= pane.top && box.bottom <= pane.bottom;
  }), 'scrolled into view');
  // Sub-headings fold away under their parent.
  const sub = page.locator('fazhi-analyzer ul.tree button', { hasText: '（一）持续学法普法，夯实法治阵地' });
  assert.ok(await sub.isVisible());
  await page.locator('fazhi-analyzer summary', { hasText: '二、推进法治政府建设的主要举措和成效' }).click({ position: { x: 2, y: 8 } });
  assert.ok(!(await sub.isVisible()), 'folded');
  await context.close();
});

test('the exported JSON is the model of the text, and a reload keeps the draft', async () => {
  const { page, context } = await openPage();
  await page.locator('fazhi-analyzer ul.tree').first().waitFor();
  const draft = '关于2025年度法治政府建设情况的报告\n一、主要举措和成效\n二、下一步打算\n';
  await typeText(page, draft);
  await page.waitForFunction(() => document.querySelector('fazhi-analyzer').shadowRoot
    .querySelector('h2.title')?.textContent === '关于2025年度法治政府建设情况的报告');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('fazhi-analyzer button', { hasText: '导出 JSON' }).click(),
  ]);
  const model = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(model.text, draft);
  // The same text through the native CLI gives the same model (only the source label differs).
  const cli = JSON.parse(execFileSync(new URL('../../target/release/fazhi', import.meta.url).pathname,
    ['analyze', '-'], { input: draft }));
  for (const key of ['meta', 'outline', 'parts', 'noise', 'figures', 'findings', 'score']) {
    assert.deepEqual(model[key], cli[key], key);
  }
  assert.equal(model.schemaVersion, 1);
  assert.equal(model.meta.year, 2025);
  assert.deepEqual(model.outline.map((h) => h.part), ['measures', 'plans']);
  await page.reload();
  await page.locator('fazhi-analyzer ul.tree').first().waitFor();
  assert.equal(await page.locator('fazhi-analyzer textarea').inputValue(), draft);
  await context.close();
});

test('dist/fazhi.html works on its own from file://, with no request at all', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => { if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) requests.push(r.url()); });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('file://' + new URL('../../dist/fazhi.html', import.meta.url).pathname);
  await page.locator('fazhi-analyzer ul.tree').first().waitFor();
  assert.equal(await page.locator('fazhi-analyzer h2.title').textContent(), '关于2023年度法治政府建设情况的报告');
  // The readers are built in: a PDF opened offline is read with nothing fetched.
  const pdf = (await readFile(join(FIXTURES, 'formats', '003_118af91b63010f52.pdf'))).toString('base64');
  const dataTransfer = await page.evaluateHandle((b64) => {
    const dt = new DataTransfer();
    dt.items.add(new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], '港门镇.pdf'));
    return dt;
  }, pdf);
  await page.dispatchEvent('header', 'drop', { dataTransfer });
  await page.locator('fazhi-analyzer .files button', { hasText: '港门镇.pdf' }).waitFor();
  assert.equal(await page.locator('fazhi-analyzer h2.title').textContent(), '遂溪县港门镇人民政府关于2023年度法治政府建设情况的报告');
  assert.deepEqual(requests, []);
  assert.deepEqual(errors, []);
  await page.screenshot({ path: 'target/browser-single-file.png' });
  await context.close();
});

test('the embed example: one script, one tag, and the host page hears fazhi-analyzed', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => localStorage.clear());
  await page.goto(base + 'embed-example.html');
  await page.waitForFunction(() => document.getElementById('seen').textContent !== '（等待）');
  assert.equal(await page.locator('#seen').textContent(), '关于2024年度法治政府建设情况的报告');
  const items = await page.locator('fazhi-analyzer ul.tree button').allTextContents();
  assert.deepEqual(items, ['一、主要举措和成效', '二、存在的不足和原因', '三、下一年度工作安排']);
  // The host's button calls analyze(): the promise gives the report, the event updates the title.
  await page.locator('#again').click();
  await page.locator('#again', { hasText: '已分析：2 个一级标题' }).waitFor();
  assert.equal(await page.locator('#seen').textContent(), '关于2025年度法治政府建设情况的报告');
  await context.close();
});

test('dropping files anywhere: a GBK report loads, an unreadable file gets a message', async () => {
  const { page, errors, context } = await openPage();
  await page.locator('fazhi-analyzer ul.tree').first().waitFor();
  const gbk = (await readFile(join(FIXTURES, '003_118af91b63010f52.gbk.txt'))).toString('base64');
  const dataTransfer = await page.evaluateHandle((b64) => {
    const dt = new DataTransfer();
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    dt.items.add(new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])], '扫描件.docx'));
    dt.items.add(new File([bytes], '港门镇.txt', { type: 'text/plain' }));
    return dt;
  }, gbk);
  await page.dispatchEvent('header', 'drop', { dataTransfer });
  await page.locator('fazhi-analyzer .files button', { hasText: '港门镇.txt' }).waitFor();
  assert.equal(await page.locator('fazhi-analyzer h2.title').textContent(), '遂溪县港门镇人民政府关于2023年度法治政府建设情况的报告');
  assert.match(await page.locator('fazhi-analyzer .msg').textContent(), /扫描件\.docx：无法识别的文件格式（图片）/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('dropping Word files: an auto-numbered .docx and a .doc are read, numbering included', async () => {
  const { page, requests, errors, context } = await openPage();
  await page.locator('fazhi-analyzer ul.tree').first().waitFor();
  // The readers' module is loaded only when a Word, PDF or OFD file is opened.
  assert.ok(!requests.some((u) => u.includes('/pkg/readers/')), requests.join('\n'));
  const files = {};
  for (const f of ['004_470a423e495ab50d.autonum.docx', '001_4cda7b45264484a7.doc']) {
    files[f] = (await readFile(join(FIXTURES, 'formats', f))).toString('base64');
  }
  const dataTransfer = await page.evaluateHandle((files) => {
    const dt = new DataTransfer();
    for (const [name, b64] of Object.entries(files)) {
      dt.items.add(new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], name));
    }
    return dt;
  }, files);
  await page.dispatchEvent('header', 'drop', { dataTransfer });
  const docButton = page.locator('fazhi-analyzer .files button', { hasText: '001_4cda7b45264484a7.doc' });
  await docButton.waitFor();
  assert.equal(await page.locator('fazhi-analyzer .msg').textContent(), '');
  assert.ok(requests.some((u) => u.endsWith('/pkg/readers/fazhi_bg.wasm')), requests.join('\n'));
  // The .doc is shown (the last file dropped): its title lines joined, its source named.
  assert.match(await page.locator('fazhi-analyzer h2.title').textContent(), /法治政府建设/);
  assert.match(await page.locator('fazhi-analyzer dl').textContent(), /Word 97–2003 文档/);
  // The .docx: its top headings exist only as Word numbering, drawn as Word draws them.
  await page.locator('fazhi-analyzer .files button', { hasText: 'autonum.docx' }).click();
  const labels = await page.locator('fazhi-analyzer ul.tree button').allTextContents();
  assert.ok(labels[0].startsWith('一、上一年度推进法治政府建设'), labels[0]);
  assert.ok(labels.some((l) => l.startsWith('（一）')), labels.join(' | '));
  assert.match(await page.locator('fazhi-analyzer dl').textContent(), /Word 文档/);
  assert.deepEqual(errors, []);
  await context.close();
});

/** The parts of a .docx (zip) by name → the SHA-256 of their bytes, read by python's zipfile. */
function zipParts(path) {
  return JSON.parse(execFileSync('python3', ['-c',
    'import hashlib,json,sys,zipfile; z=zipfile.ZipFile(sys.argv[1]); print(json.dumps({n: hashlib.sha256(z.read(n)).hexdigest() for n in z.namelist()}))', path]));
}

/** One part of a .docx as text. */
function zipText(path, name) {
  return execFileSync('python3', ['-c', 'import sys,zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())', path, name],
    { maxBuffer: 1 << 28 }).toString('utf8');
}

test('导出批注版 and 导出审阅意见: the .docx itself with comments, as the CLI writes it; edited text as a new .docx', async () => {
  const { page, requests, errors, context } = await openPage();
  await page.locator('fazhi-analyzer ul.tree').first().waitFor();
  const name = '004_470a423e495ab50d.autonum.docx';
  const src = join(FIXTURES, 'formats', name);
  const b64 = (await readFile(src)).toString('base64');
  const dataTransfer = await page.evaluateHandle(([name, b64]) => {
    const dt = new DataTransfer();
    dt.items.add(new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], name));
    return dt;
  }, [name, b64]);
  await page.dispatchEvent('header', 'drop', { dataTransfer });
  await page.locator('fazhi-analyzer .files button', { hasText: name }).waitFor();
  assert.ok(!requests.some((u) => u.includes('/pkg/review/')), 'the review module waits for a click');
  const cli = new URL('../../target/release/fazhi', import.meta.url).pathname;
  const dir = await mkdtemp(join(tmpdir(), 'fazhi-review-'));

  const [commented] = await Promise.all([page.waitForEvent('download'),
    page.locator('fazhi-analyzer button', { hasText: '导出批注版' }).click()]);
  assert.equal(commented.suggestedFilename(), '004_470a423e495ab50d.autonum.批注版.docx');
  assert.ok(requests.some((u) => u.endsWith('/pkg/review/fazhi_bg.wasm')), requests.join('\n'));
  // Byte for byte what `fazhi review` writes natively.
  execFileSync(cli, ['review', '-o', join(dir, 'cli.docx'), src]);
  const got = await readFile(await commented.path());
  assert.ok(got.equals(await readFile(join(dir, 'cli.docx'))), 'the page\'s 批注版 is the CLI\'s');
  const parts = zipParts(await commented.path());
  const before = zipParts(src);
  for (const [n, hex] of Object.entries(before)) {
    if (!['word/document.xml', 'word/_rels/document.xml.rels', '[Content_Types].xml'].includes(n)) assert.equal(parts[n], hex, n);
  }
  assert.ok(parts['word/comments.xml'], 'a comments part');
  const comments = zipText(await commented.path(), 'word/comments.xml');
  const report = await page.evaluate(() => document.querySelector('fazhi-analyzer').report);
  assert.equal((comments.match(/w:author="法治报告审阅"/g) || []).length, 1 + report.findings.filter((f) => f.span).length);

  const [sheet] = await Promise.all([page.waitForEvent('download'),
    page.locator('fazhi-analyzer button', { hasText: '导出审阅意见' }).click()]);
  assert.equal(sheet.suggestedFilename(), '004_470a423e495ab50d.autonum.审阅意见.docx');
  execFileSync(cli, ['review', '--format', 'sheet', '-o', join(dir, 'sheet.docx'), src]);
  assert.ok((await readFile(await sheet.path())).equals(await readFile(join(dir, 'sheet.docx'))), 'the sheet is the CLI\'s');

  // Edited text is no longer the file: its 批注版 is a new document of the text, headings as Word's.
  const draft = '关于2025年度法治政府建设情况的报告\n一、主要举措和成效\n（一）加强领导\n（三）完善制度\n二、下一步打算\n';
  await typeText(page, draft);
  await page.waitForFunction(() => document.querySelector('fazhi-analyzer').shadowRoot
    .querySelector('h2.title')?.textContent === '关于2025年度法治政府建设情况的报告');
  const blob = await page.evaluate(async () => {
    const b = await document.querySelector('fazhi-analyzer').exportReview('docx');
    return { type: b.type, size: b.size };
  });
  assert.equal(blob.type, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  const [fresh] = await Promise.all([page.waitForEvent('download'),
    page.locator('fazhi-analyzer button', { hasText: '导出批注版' }).click()]);
  const doc = zipText(await fresh.path(), 'word/document.xml');
  assert.match(doc, /<w:pStyle w:val="Heading2"\/><\/w:pPr><w:commentRangeStart w:id="\d+"\/><w:r><w:t xml:space="preserve">（三）完善制度/);
  const md = await page.evaluate(async () => (await document.querySelector('fazhi-analyzer').exportReview('md')).text());
  assert.ok(md.startsWith('# 审阅意见\n'), md);
  assert.deepEqual(errors, []);
  await context.close();
});

test('忽略 a finding with a reason: left out of the count and the export, still set aside after a reload; 恢复 takes it back', async () => {
  const { page, errors, context } = await openPage();
  await page.locator('fazhi-analyzer ul.tree').first().waitFor();
  const draft = '关于2026年度法治政府建设情况的报告\n一、主要举措和成效\n（一）加强领导\n（三）完善制度\n二、下一步打算\n';
  await typeText(page, draft);
  await page.waitForFunction(() => document.querySelector('fazhi-analyzer').shadowRoot
    .querySelector('h2.title')?.textContent === '关于2026年度法治政府建设情况的报告');
  const heading = () => page.evaluate(() => document.querySelector('fazhi-analyzer').shadowRoot.querySelector('[part=findings] h2').textContent);
  const report = await page.evaluate(() => document.querySelector('fazhi-analyzer').report);
  const n = report.findings.length;
  assert.ok(n >= 2, `findings: ${n}`);
  assert.equal(await heading(), `问题清单（${n}）`);
  const first = report.findings[0];
  const item = page.locator('fazhi-analyzer ol.findings > li').first();
  await item.locator('button.dismiss', { hasText: '忽略' }).click();
  await item.locator('input').fill('已与起草人核实');
  await item.locator('input').press('Enter');
  assert.equal(await heading(), `问题清单（${n - 1}，已忽略 1）`);
  assert.match(await page.locator('fazhi-analyzer ol.findings > li.dismissed').innerText(), /已忽略：已与起草人核实/);
  const stored = await page.evaluate((t) => customElements.get('fazhi-analyzer').dismissedFor(t), draft);
  assert.deepEqual(stored, [{ rule: first.rule, start: first.span ? first.span[0] : null, message: first.message, reason: '已与起草人核实' }]);
  // The export leaves it out: the sheet says one was set aside and lists one finding fewer.
  const md = await page.evaluate(async () => (await document.querySelector('fazhi-analyzer').exportReview('md')).text());
  assert.match(md, /另有 1 条已由审阅人排除。/);
  const cli = new URL('../../target/release/fazhi', import.meta.url).pathname;
  const all = execFileSync(cli, ['review', '--format', 'md', '-'], { input: draft }).toString();
  assert.ok(!/已由审阅人排除/.test(all), 'the CLI exported everything');
  assert.ok(all.includes(first.message) && !md.includes(first.message), 'the dismissed finding is not in the sheet');
  for (const f of report.findings.slice(1)) assert.ok(md.includes(f.message), `still in the sheet: ${f.message}`);
  // A reload shows the same text (the draft is kept) with the finding still set aside.
  await page.reload();
  await page.waitForFunction(() => document.querySelector('fazhi-analyzer').shadowRoot
    .querySelector('h2.title')?.textContent === '关于2026年度法治政府建设情况的报告');
  assert.equal(await heading(), `问题清单（${n - 1}，已忽略 1）`);
  await page.locator('fazhi-analyzer ol.findings > li.dismissed button.dismiss', { hasText: '恢复' }).click();
  assert.equal(await heading(), `问题清单（${n}）`);
  assert.deepEqual(await page.evaluate((t) => customElements.get('fazhi-analyzer').dismissedFor(t), draft), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('findings, indicators, figures and the scorecard are the report\'s own, and each jumps to its text', async () => {
  const { page, errors, context } = await openPage();
  await page.locator('fazhi-analyzer ul.tree').first().waitFor();
  // Seed 004 has figures, indicators and findings once the analyses are filled in.
  await page.locator('fazhi-analyzer input[type=file]').setInputFiles(join(FIXTURES, 'seeds/004_470a423e495ab50d.txt'));
  await page.locator('fazhi-analyzer .files button', { hasText: '004_' }).waitFor();
  const r = await shownReport(page);
  assert.equal(r.source.name, '004_470a423e495ab50d.txt');
  const root = 'fazhi-analyzer ';

  assert.equal(await page.locator(root + 'ol.findings li').count(), r.findings.length);
  assert.equal(await page.locator(root + 'table.indicators tbody tr').count(), r.indicators.length);
  assert.equal(await page.locator(root + 'table.indicators td .unreported').count(),
    r.indicators.filter((i) => !i.reported).length);
  assert.equal(await page.locator(root + 'ul.cites li').count(), r.citations.length);
  if (r.score) {
    assert.equal(Number(await page.locator(root + '.score .total').textContent()), r.score.total);
    assert.deepEqual(await page.locator(root + 'table.scorecard tbody td.pts').allTextContents(),
      r.score.items.map((i) => `${i.points} / ${i.max}`));
  }
  // Every figure with a span is drawn, under its own key.
  const figKeys = await page.locator(root + 'pre.text mark.fig').evaluateAll((ms) =>
    new Set(ms.flatMap((m) => m.dataset.k.split(' ').filter((k) => k.startsWith('f')))).size);
  assert.equal(figKeys, r.figures.filter((f) => f.span[1] > f.span[0]).length);
  // Clicking a finding lights up exactly its span; report-wide ones are listed without one.
  const rows = page.locator(root + 'ol.findings li');
  for (const [i, f] of r.findings.entries()) {
    if (!f.span || f.span[1] === f.span[0]) {
      assert.equal(await rows.nth(i).getAttribute('data-span'), null);
      continue;
    }
    await rows.nth(i).click();
    assert.equal(await activeText(page), r.text.slice(...f.span), `${f.rule}: ${f.message}`);
  }
  // Clicking an indicator's value lights up its figure.
  const reported = r.indicators.find((i) => i.reported && i.span);
  if (reported) {
    await page.locator(root + `table.indicators tbody tr[data-id="${reported.id}"] button`).click();
    assert.equal(await activeText(page), r.text.slice(...reported.span));
  }
  await page.screenshot({ path: 'target/browser-findings.png', fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('hand-made figures, citations and findings: overlapping spans drawn, clicks exact, text stays text', async () => {
  const { page, errors, context } = await openPage();
  await page.locator('fazhi-analyzer ul.tree').first().waitFor();
  // The sample report with analyses set by hand, so the display is tested whatever the rules find.
  const r = await shownReport(page);
  const at = (s) => { const i = r.text.indexOf(s); assert.ok(i >= 0, s); return [i, i + s.length]; };
  const heading = at('三、存在的问题');
  const across = [heading[0] + 2, heading[1] + 6]; // from inside the heading into the body under it
  const title = '博爱县社会矛盾纠纷大调处专项工作方案';
  r.figures = [{ value: 3, unit: '名', approx: 'exact', lower: null, upper: null, subject: '', text: '3名', span: at('3名') }];
  r.indicators = [
    { id: 'lawyers', label: '法律顾问', reported: true, value: 3, unit: '名', figure: 0, span: r.figures[0].span },
    { id: 'petitions', label: '信访', reported: false, value: null, unit: null, figure: null, span: null },
  ];
  r.citations = [{ title: title.slice(1), kind: 'plan', known: title, nearMiss: true, span: at('《' + title + '》') }];
  r.findings = [
    { rule: 'missing-part', severity: 'error', message: '缺少“其他需要报告的情况”', span: null, suggestion: null },
    { rule: 'test-across', severity: 'warning', message: '<img src=x onerror="window.__xss=3">跨越标题', span: across, suggestion: '<b>改写</b>' },
    { rule: 'test-heading', severity: 'info', message: '标题', span: heading, suggestion: null },
  ];
  r.score = { total: 61.5, items: [{ id: 'substance', label: '内容翔实', points: 11.5, max: 20, why: '措施部分每千字 1.2 个数字' }] };
  await page.evaluate((rep) => document.querySelector('fazhi-analyzer').show(rep), r);
  const root = 'fazhi-analyzer ';

  const rows = page.locator(root + 'ol.findings li');
  assert.equal(await rows.count(), 3);
  assert.equal(await rows.nth(0).getAttribute('data-span'), null, 'report-wide: nothing to jump to');
  assert.match(await rows.nth(1).textContent(), /<img src=x onerror="window.__xss=3">跨越标题建议：<b>改写<\/b>/);
  await rows.nth(1).click();
  assert.equal(await activeText(page), r.text.slice(...across));
  assert.ok(await page.locator(root + 'pre.text mark.active').count() >= 2, 'cut at the heading\'s end');
  await rows.nth(2).click();
  assert.equal(await activeText(page), '三、存在的问题');
  // The outline still jumps to the same heading.
  await page.locator(root + 'ul.tree button', { hasText: '三、存在的问题' }).click();
  assert.equal(await activeText(page), '三、存在的问题');

  const miss = page.locator(root + 'pre.text mark.cite.miss');
  assert.equal((await miss.allTextContents()).join(''), '《' + title + '》');
  assert.equal(await miss.first().getAttribute('title'), `疑为《${title}》`);
  assert.match(await page.locator(root + 'ul.cites').textContent(), /⚠ 疑为《博爱县社会矛盾纠纷大调处专项工作方案》/);

  const ind = page.locator(root + 'table.indicators tbody tr');
  assert.deepEqual(await ind.allTextContents(), ['法律顾问3名3名', '信访未报告']);
  await ind.nth(0).locator('button').click();
  assert.equal(await activeText(page), '3名');

  assert.equal(await page.locator(root + '.score .total').textContent(), '61.5');
  assert.deepEqual(await page.locator(root + 'table.scorecard tbody tr').allTextContents(), ['内容翔实11.5 / 20措施部分每千字 1.2 个数字']);
  // The text pane still holds the text, exactly, and nothing of the messages became markup.
  assert.equal(await page.locator(root + 'pre.text').textContent(), r.text);
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  assert.equal(await page.evaluate(() => document.querySelector('fazhi-analyzer').shadowRoot.querySelectorAll('img, b').length), 0);
  await page.screenshot({ path: 'target/browser-marks.png', fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('150,000 headings render without overflowing the stack (#12.14)', async () => {
  const { page, errors, context } = await openPage();
  await page.locator('fazhi-analyzer ul.tree').first().waitFor();
  const big = '一、加强领导\n'.repeat(150_000);
  await page.evaluate((text) => {
    const ta = document.querySelector('fazhi-analyzer').shadowRoot.querySelector('textarea');
    ta.value = text;
    ta.dispatchEvent(new Event('input', { bubbles: true }));
  }, big);
  await page.waitForFunction(() => document.querySelector('fazhi-analyzer').shadowRoot
    .querySelectorAll('ul.tree button').length === 150_000, null, { timeout: 60_000 });
  // 149,999 repeated numbers: the analysis lists the first 100 and counts the rest in one finding
  // (#20), and the list shows them all.
  await page.locator('fazhi-analyzer ol.findings > li', { hasText: /同类问题另有 1498\d\d 处/ }).waitFor();
  const n = await page.evaluate(() => document.querySelector('fazhi-analyzer').report.findings.length);
  assert.ok(n > 100 && n < 200, String(n));
  assert.equal(await page.locator('fazhi-analyzer ol.findings > li').count(), n);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a draft whose analysis never finished is shown, not analyzed again on reload (#12.14)', async () => {
  const { page, context } = await openPage();
  await page.locator('fazhi-analyzer ul.tree').first().waitFor();
  await page.evaluate(() => {
    localStorage.setItem('fazhi-draft:/#analyzer', JSON.stringify({ text: '一、可能让分析卡住的草稿\n', origin: './pkg/sample.txt', pending: true }));
  });
  await page.reload();
  await page.locator('fazhi-analyzer .msg', { hasText: '暂停自动分析' }).waitFor();
  assert.equal(await page.locator('fazhi-analyzer textarea').inputValue(), '一、可能让分析卡住的草稿\n');
  assert.equal(await page.locator('fazhi-analyzer ul.tree button').count(), 0);
  // Typing analyzes again, and a finished analysis clears the mark.
  await typeText(page, '一、主要举措\n二、存在问题\n');
  await page.locator('fazhi-analyzer ul.tree button', { hasText: '存在问题' }).waitFor();
  assert.equal(await page.evaluate(() => JSON.parse(localStorage.getItem('fazhi-draft:/#analyzer')).pending), false);
  await context.close();
});
