// <fazhi-analyzer> living in someone else's page (#11): the contract of docs/embed.md — observed
// attributes, drafts per element, drops that stay where they belong, properties, methods, events,
// styling hooks, layout in narrow containers, keyboard and screen-reader basics.
// Host pages are served from the test itself (page.route) next to www/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
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

const REPORT = (year, extra = '') => `关于${year}年度法治政府建设情况的报告\n一、主要举措和成效\n${extra}二、存在的不足和原因\n`;

/** Opens a host page whose body is `body` (the element's script is loaded in its head). */
async function host(body, { viewport = { width: 1400, height: 1000 }, routes = {}, context: ctx } = {}) {
  const context = ctx || await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route(base + 'host.html', (route) => route.fulfill({
    contentType: 'text/html; charset=utf-8',
    body: `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<script type="module" src="./fazhi-analyzer.js"></script></head><body>${body}</body></html>`,
  }));
  for (const [path, text] of Object.entries(routes)) {
    await page.route(base + path, (route) => route.fulfill({ contentType: 'text/plain; charset=utf-8', body: text }));
  }
  await page.goto(base + 'host.html');
  await page.evaluate(() => customElements.whenDefined('fazhi-analyzer'));
  return { page, errors, context };
}

/** Resolves once the element `sel` has loaded and shows a report titled `title`. */
async function shows(page, sel, title) {
  await page.waitForFunction(([s, t]) => document.querySelector(s).report?.meta.title === t, [sel, title], { timeout: 15000 });
}

/** Counts the events of these types each element fires, in window.__events[id][type]. */
function countEvents(page) {
  return page.evaluate(() => {
    window.__events = {};
    for (const el of document.querySelectorAll('fazhi-analyzer')) {
      for (const type of ['fazhi-ready', 'fazhi-analyzed', 'fazhi-error']) {
        el.addEventListener(type, (e) => {
          const per = window.__events[el.id] = window.__events[el.id] || {};
          (per[type] = per[type] || []).push(type === 'fazhi-analyzed' ? e.detail.meta.title : e.detail);
        });
      }
    }
  });
}

/** A DataTransfer carrying files [{ name, text }] (or text only, `text/plain`, as a selection dragged). */
function transfer(page, files, plain) {
  return page.evaluateHandle(([files, plain]) => {
    const dt = new DataTransfer();
    for (const f of files) dt.items.add(new File([f.text], f.name, { type: 'text/plain' }));
    if (plain) dt.setData('text/plain', plain);
    return dt;
  }, [files, plain]);
}

/** Dispatches dragover then drop on `sel` (in the light DOM); returns whether each was taken (default prevented). */
async function dropOn(page, sel, dataTransfer) {
  return page.evaluate(([s, dt]) => {
    const target = document.querySelector(s);
    const over = new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true, composed: true });
    target.dispatchEvent(over);
    const drop = new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true, composed: true });
    target.dispatchEvent(drop);
    return { over: over.defaultPrevented, drop: drop.defaultPrevented };
  }, [sel, dataTransfer]);
}

const settle = (page) => page.waitForTimeout(400);

test('setAttribute text and src after the element is connected re-analyzes', async () => {
  const { page, errors, context } = await host(`<fazhi-analyzer id="a" text="${REPORT(2021)}"></fazhi-analyzer>`,
    { routes: { 'other.txt': REPORT(2019) } });
  await shows(page, '#a', '关于2021年度法治政府建设情况的报告');
  await page.evaluate((t) => document.querySelector('#a').setAttribute('text', t), REPORT(2022));
  await shows(page, '#a', '关于2022年度法治政府建设情况的报告');
  await page.evaluate(() => document.querySelector('#a').setAttribute('src', './other.txt'));
  await shows(page, '#a', '关于2019年度法治政府建设情况的报告');
  assert.equal(await page.evaluate(() => document.querySelector('#a').report.source.name), 'other.txt');
  assert.deepEqual(errors, []);
  await context.close();
});

test('drafts are opt-in, one per element id, and a changed text attribute wins over an old draft', async () => {
  const context = await browser.newContext();
  const two = (t1, t2) => `<fazhi-analyzer id="a" draft text="${t1}"></fazhi-analyzer><fazhi-analyzer id="b" draft text="${t2}"></fazhi-analyzer><fazhi-analyzer id="c" text="${t1}"></fazhi-analyzer>`;
  let { page } = await host(two(REPORT(2020), REPORT(2021)), { context });
  await shows(page, '#a', '关于2020年度法治政府建设情况的报告');
  await shows(page, '#b', '关于2021年度法治政府建设情况的报告');
  // The user edits each; the third (no `draft`) stores nothing.
  await page.evaluate(() => { document.querySelector('#a').text = '关于2011年度法治政府建设情况的报告\n一、甲\n'; document.querySelector('#b').text = '关于2012年度法治政府建设情况的报告\n一、乙\n'; document.querySelector('#c').text = '关于2013年度法治政府建设情况的报告\n'; });
  await shows(page, '#a', '关于2011年度法治政府建设情况的报告');
  await shows(page, '#b', '关于2012年度法治政府建设情况的报告');
  await shows(page, '#c', '关于2013年度法治政府建设情况的报告');
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).sort()), ['fazhi-draft:/host.html#a', 'fazhi-draft:/host.html#b']);
  await page.reload();
  await shows(page, '#a', '关于2011年度法治政府建设情况的报告');
  await shows(page, '#b', '关于2012年度法治政府建设情况的报告');
  await shows(page, '#c', '关于2020年度法治政府建设情况的报告');
  await page.close();
  // The host page now passes other text to #b: that text is shown, not the stale draft.
  ({ page } = await host(two(REPORT(2020), REPORT(2023)), { context }));
  await shows(page, '#a', '关于2011年度法治政府建设情况的报告');
  await shows(page, '#b', '关于2023年度法治政府建设情况的报告');
  // setAttribute('text') at run time wins over the draft, and becomes the element's text.
  await page.evaluate((t) => document.querySelector('#a').setAttribute('text', t), REPORT(2024));
  await shows(page, '#a', '关于2024年度法治政府建设情况的报告');
  // Removing `draft` forgets it.
  await page.evaluate(() => document.querySelector('#b').removeAttribute('draft'));
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).sort()), ['fazhi-draft:/host.html#a']);
  await context.close();
});

test('drops: on the element only by default, never the host\'s own drop zone, input or text fields', async () => {
  const { page, errors, context } = await host(`
    <div id="zone" style="height:40px">host drop zone</div><input id="hostfile" type="file"><textarea id="notes"></textarea>
    <fazhi-analyzer id="a" text="${REPORT(2020)}"></fazhi-analyzer>
    <fazhi-analyzer id="b" text="${REPORT(2021)}"></fazhi-analyzer>`);
  await page.evaluate(() => {
    window.__zone = 0;
    const zone = document.getElementById('zone');
    zone.addEventListener('dragover', (e) => e.preventDefault());
    zone.addEventListener('drop', (e) => { e.preventDefault(); window.__zone += e.dataTransfer.files.length; });
  });
  await shows(page, '#a', '关于2020年度法治政府建设情况的报告');
  await shows(page, '#b', '关于2021年度法治政府建设情况的报告');
  await countEvents(page);
  const file = [{ name: '新报告.txt', text: REPORT(2025) }];
  // The host's zone gets its drop; neither element reads it.
  await dropOn(page, '#zone', await transfer(page, file));
  // The host's file input and textarea keep their default behaviour (not prevented).
  assert.deepEqual(await dropOn(page, '#hostfile', await transfer(page, file)), { over: false, drop: false });
  assert.deepEqual(await dropOn(page, '#notes', await transfer(page, [], '一段文字')), { over: false, drop: false });
  await settle(page);
  assert.equal(await page.evaluate(() => window.__zone), 1);
  assert.deepEqual(await page.evaluate(() => window.__events), {});
  // A file dropped on #b goes to #b only.
  assert.deepEqual(await dropOn(page, '#b', await transfer(page, file)), { over: true, drop: true });
  await shows(page, '#b', '关于2025年度法治政府建设情况的报告');
  await settle(page);
  assert.deepEqual(await page.evaluate(() => window.__events), { b: { 'fazhi-analyzed': ['关于2025年度法治政府建设情况的报告'] } });
  // Text dragged into the element's own editor is not taken as a drop.
  const editorDrop = await page.evaluate(() => {
    const ta = document.querySelector('#a').shadowRoot.querySelector('textarea');
    const dt = new DataTransfer(); dt.setData('text/plain', '拖入的文字');
    const over = new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true, composed: true });
    ta.dispatchEvent(over);
    return over.defaultPrevented;
  });
  assert.equal(editorDrop, false);
  assert.deepEqual(errors, []);
  await context.close();
});

test('dropzone="page": page-wide drops go to one element, and a removed element stops listening', async () => {
  const { page, errors, context } = await host(`<main id="main" style="min-height:200px">宿主页面</main><input id="hostfile" type="file">
    <fazhi-analyzer id="a" dropzone="page" text="${REPORT(2020)}"></fazhi-analyzer>
    <fazhi-analyzer id="b" dropzone="page" text="${REPORT(2021)}"></fazhi-analyzer>`);
  await shows(page, '#a', '关于2020年度法治政府建设情况的报告');
  await shows(page, '#b', '关于2021年度法治政府建设情况的报告');
  await countEvents(page);
  const file = (y) => [{ name: `${y}.txt`, text: REPORT(y) }];
  assert.deepEqual(await dropOn(page, '#main', await transfer(page, file(2025))), { over: true, drop: true });
  await settle(page);
  // The first to hear it takes it; the other sees it taken.
  assert.deepEqual(await page.evaluate(() => window.__events), { a: { 'fazhi-analyzed': ['关于2025年度法治政府建设情况的报告'] } });
  // The host's own file input is left alone even in page mode.
  assert.deepEqual(await dropOn(page, '#hostfile', await transfer(page, file(2026))), { over: false, drop: false });
  // Removed: #a hears nothing, #b takes page drops now; re-added, #a listens once (not twice).
  const a = await page.evaluateHandle(() => { const a = document.querySelector('#a'); a.remove(); return a; });
  await dropOn(page, '#main', await transfer(page, file(2027)));
  await settle(page);
  assert.deepEqual(await page.evaluate(() => window.__events.b['fazhi-analyzed']), ['关于2027年度法治政府建设情况的报告']);
  // Re-added (and #b gone, so #a is the only listener): one drop is read once, not twice.
  await page.evaluate((a) => { document.body.prepend(a); document.querySelector('#b').remove(); }, a);
  await dropOn(page, '#main', await transfer(page, file(2028)));
  await settle(page);
  assert.deepEqual(await page.evaluate(() => window.__events.a['fazhi-analyzed']),
    ['关于2025年度法治政府建设情况的报告', '关于2028年度法治政府建设情况的报告']);
  assert.equal(await page.evaluate(() => document.querySelector('#a').shadowRoot.querySelectorAll('.files button').length), 2);
  assert.deepEqual(errors, []);
  await context.close();
});

test('properties and methods: text, report, ready, analyze, open, exportReview; focus() is HTMLElement\'s; no internals', async () => {
  const { page, errors, context } = await host('<fazhi-analyzer id="a"></fazhi-analyzer>');
  const out = await page.evaluate(async (report) => {
    const el = document.querySelector('#a');
    await el.ready;
    const before = el.report;
    const r = await el.analyze(report);
    const named = await el.analyze(report.replace('2021', '2018'), '二〇一八.txt');
    el.text = report.replace('2021', '2017');
    const textNow = el.text;
    await new Promise((res) => el.addEventListener('fazhi-analyzed', res, { once: true }));
    const opened = await el.open([new File([report.replace('2021', '2016')], 'a.txt'), new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])], '坏.docx')]);
    const proto = Object.getOwnPropertyNames(Object.getPrototypeOf(el)).sort();
    return {
      before, title: r.meta.title, same: el.report !== r, named: [named.source.name, named.meta.year], textNow,
      opened: opened.map((x) => x.source.name), shown: el.report.source.name,
      proto, own: Object.keys(el), focus: el.focus === HTMLElement.prototype.focus,
    };
  }, REPORT(2021));
  assert.equal(out.before, null);
  assert.equal(out.title, '关于2021年度法治政府建设情况的报告');
  assert.deepEqual(out.named, ['二〇一八.txt', 2018]);
  assert.equal(out.textNow, REPORT(2017));
  assert.deepEqual(out.opened, ['a.txt']);
  assert.equal(out.shown, 'a.txt');
  assert.deepEqual(out.proto, ['analyze', 'attributeChangedCallback', 'connectedCallback', 'constructor', 'disconnectedCallback',
    'exportReview', 'open', 'ready', 'report', 'reveal', 'show', 'text']);
  assert.deepEqual(out.own, []);
  assert.ok(out.focus, 'focus() is not overridden');
  assert.deepEqual(errors, []);
  await context.close();
});

test('events: ready once, analyzed only for new analyses, error for a failed file or src', async () => {
  const { page, errors, context } = await host('<fazhi-analyzer id="a"></fazhi-analyzer>');
  // Listeners first, then an element whose src is missing.
  await page.evaluate(() => {
    window.__seen = [];
    for (const type of ['fazhi-ready', 'fazhi-analyzed', 'fazhi-error']) {
      document.addEventListener(type, (e) => window.__seen.push([e.target.id, type, type === 'fazhi-analyzed' ? e.detail.meta.title : e.detail]));
    }
    const b = document.createElement('fazhi-analyzer');
    b.id = 'b';
    b.setAttribute('src', './missing.txt');
    document.body.append(b);
  });
  await page.evaluate(() => Promise.all([...document.querySelectorAll('fazhi-analyzer')].map((el) => el.ready)));
  await page.waitForFunction(() => window.__seen.some(([id, t]) => id === 'b' && t === 'fazhi-error'));
  const seen = await page.evaluate(() => window.__seen);
  // An element made by script hears its own fazhi-ready exactly once, and `ready` resolves.
  const readies = await page.evaluate(async () => {
    const c = document.createElement('fazhi-analyzer');
    let n = 0;
    c.addEventListener('fazhi-ready', () => n++);
    document.body.append(c);
    await c.ready;
    c.remove(); document.body.append(c); // re-adding does not load again
    await new Promise((r) => setTimeout(r, 200));
    return n;
  });
  assert.equal(readies, 1);
  const err = seen.find(([id, t]) => id === 'b' && t === 'fazhi-error')[2];
  assert.equal(err.file, './missing.txt');
  assert.match(err.message, /无法载入 \.\/missing\.txt：404/);
  // Two files: one analyzed event for the shown one; a file button click re-shows without an event;
  // a failed file fires only fazhi-error.
  await page.evaluate(() => { window.__seen = []; });
  await page.locator('#a').evaluate((el, r) => el.open([new File([r[0]], '一.txt'), new File([r[1]], '二.txt')]), [REPORT(2020), REPORT(2021)]);
  await page.locator('#a .files button', { hasText: '一.txt' }).click();
  assert.equal(await page.evaluate(() => document.querySelector('#a').report.source.name), '一.txt');
  await page.locator('#a').evaluate((el) => el.open([new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46])], '照片.doc')]));
  await settle(page);
  const after = await page.evaluate(() => window.__seen);
  assert.deepEqual(after.map(([id, t]) => `${id} ${t}`), ['a fazhi-analyzed', 'a fazhi-error']);
  assert.equal(after[0][2], '关于2021年度法治政府建设情况的报告');
  assert.equal(after[1][2].file, '照片.doc');
  assert.match(after[1][2].message, /照片\.doc/);
  // The failure did not replace what is shown.
  assert.equal(await page.evaluate(() => document.querySelector('#a').report.source.name), '一.txt');
  assert.deepEqual(errors, []);
  await context.close();
});

test('styling hooks: custom properties and parts apply; the host page\'s font is inherited (or --fazhi-font), never monospace', async () => {
  const { page, context } = await host(`<style>
      body { font-family: "Noto Serif CJK SC", serif; }
      #a { --fazhi-accent: rgb(0, 90, 180); --fazhi-pane-bg: rgb(250, 250, 240); }
      #a::part(analysis) { border-color: rgb(255, 0, 0); }
      #b { --fazhi-font: KaiTi, serif; }
    </style><fazhi-analyzer id="a" text="${REPORT(2021)}"></fazhi-analyzer><fazhi-analyzer id="b"></fazhi-analyzer>`);
  await shows(page, '#a', '关于2021年度法治政府建设情况的报告');
  const css = await page.evaluate(() => {
    const root = document.querySelector('#a').shadowRoot;
    const cs = (s) => getComputedStyle(root.querySelector(s));
    return {
      choose: cs('.choose').backgroundColor, pane: cs('.analysis').backgroundColor, border: cs('.analysis').borderTopColor,
      text: cs('pre.text').fontFamily, editor: cs('textarea').fontFamily, body: getComputedStyle(document.body).fontFamily,
      own: getComputedStyle(document.querySelector('#b').shadowRoot.querySelector('textarea')).fontFamily,
    };
  });
  assert.equal(css.choose, 'rgb(0, 90, 180)');
  assert.equal(css.pane, 'rgb(250, 250, 240)');
  assert.equal(css.border, 'rgb(255, 0, 0)');
  assert.equal(css.text, css.body);
  assert.equal(css.editor, css.body);
  assert.doesNotMatch(css.text, /monospace/);
  // --fazhi-font sets the element's own font.
  assert.equal(css.own, 'KaiTi, serif');
  await context.close();
});

test('narrow: one column in a 360 px container and on a 390 px phone, nothing scrolls sideways', async () => {
  const { page, context } = await host(`<div style="width:360px"><fazhi-analyzer id="a" text="${REPORT(2021, '（一）一个很长很长的小标题'.repeat(8) + '\n')}"></fazhi-analyzer></div>`);
  await shows(page, '#a', '关于2021年度法治政府建设情况的报告');
  const box = await page.evaluate(() => {
    const el = document.querySelector('#a');
    const wrap = el.shadowRoot.querySelector('.wrap');
    return { width: el.getBoundingClientRect().width, scroll: wrap.scrollWidth, cols: getComputedStyle(wrap).gridTemplateColumns.split(' ').length };
  });
  assert.deepEqual(box, { width: 360, scroll: 360, cols: 1 });
  await context.close();
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const p = await phone.newPage();
  await p.goto(base);
  await p.waitForFunction(() => document.querySelector('fazhi-analyzer').report);
  assert.ok(await p.evaluate(() => document.documentElement.scrollWidth <= 390), 'no horizontal scroll');
  await p.screenshot({ path: 'target/browser-phone.png', fullPage: false });
  await phone.close();
});

test('keyboard and screen reader: labelled controls, no empty alert, findings and outline by Tab/Enter, focus follows jumps', async () => {
  const { page, errors, context } = await host(`<fazhi-analyzer id="a"></fazhi-analyzer>`);
  // A numbering gap (一、 then 三、) and half-width commas: findings with spans.
  const text = '关于2021年度法治政府建设情况的报告\n一、主要举措和成效\n全年办理案件15件,同比增长20%,开展培训3次.\n三、存在的不足和原因\n';
  await page.evaluate((t) => document.querySelector('#a').analyze(t), text);
  // The file input has a name; no alert is there while there is nothing to say.
  await page.getByLabel('选择报告文件').waitFor({ state: 'attached' });
  assert.equal(await page.locator('#a [role=alert]:visible').count(), 0);
  // Every button has a name.
  const unnamed = await page.evaluate(() => [...document.querySelector('#a').shadowRoot.querySelectorAll('button, input, textarea')]
    .filter((b) => !(b.textContent.trim() || b.getAttribute('aria-label') || (b.labels && b.labels.length))).length);
  assert.equal(unnamed, 0);
  // Tab reaches an outline entry; it shows a focus ring; Enter jumps and moves focus to the heading.
  const heading = page.locator('#a ul.tree button', { hasText: '三、存在的不足和原因' });
  await heading.focus();
  assert.notEqual(await heading.evaluate((b) => getComputedStyle(b).outlineStyle), 'none');
  await page.keyboard.press('Enter');
  const focused = await page.evaluate(() => {
    const a = document.querySelector('#a').shadowRoot.activeElement;
    return a && `${a.tagName} ${a.classList.contains('active')}`;
  });
  assert.equal(focused, 'MARK true');
  assert.equal((await page.locator('#a pre.text mark.active').allTextContents()).join(''), '三、存在的不足和原因');
  // A finding with a span is a button: Tab to it, Enter lights up its text.
  const finding = page.locator('#a ol.findings li[data-span] button').first();
  assert.ok(await finding.count(), 'a finding with a span');
  await finding.focus();
  await page.keyboard.press('Enter');
  assert.ok(await page.locator('#a pre.text mark.active').count() > 0);
  // A file error is announced (alert appears with text), and goes again when a file reads.
  await page.locator('#a').evaluate((el) => el.open([new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])], '图.docx')]));
  assert.match(await page.locator('#a [role=alert]').textContent(), /图\.docx/);
  await page.locator('#a').evaluate((el, t) => el.open([new File([t], '好.txt')]), text);
  assert.equal(await page.locator('#a [role=alert]:visible').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('editing keeps the highlights: marks drawn behind the editor follow the text as it is typed', async () => {
  const { page, errors, context } = await host(`<fazhi-analyzer id="a" text="${REPORT(2021, '全年办理案件15件,同比增长20%。\n')}"></fazhi-analyzer>`);
  await shows(page, '#a', '关于2021年度法治政府建设情况的报告');
  await page.locator('#a button', { hasText: '编辑' }).click();
  const marks = () => page.evaluate(() => {
    const root = document.querySelector('#a').shadowRoot;
    const ta = root.querySelector('textarea'), pre = root.querySelector('pre.backdrop');
    return { same: pre.textContent === ta.value + ' ', h1: [...pre.querySelectorAll('mark.h1')].map((m) => m.textContent).join('|'),
      fig: [...pre.querySelectorAll('mark.fig')].map((m) => m.textContent).join('|') };
  });
  assert.deepEqual(await marks(), { same: true, h1: '一、主要举措和成效|二、存在的不足和原因', fig: '15件|20%' });
  // Typed in the first line: before any new analysis, the marks after it have moved with the text.
  const now = await page.evaluate(() => {
    const ta = document.querySelector('#a').shadowRoot.querySelector('textarea');
    ta.value = '（草稿）' + ta.value;
    ta.dispatchEvent(new Event('input'));
    const pre = document.querySelector('#a').shadowRoot.querySelector('pre.backdrop');
    return [...pre.querySelectorAll('mark.h1')].map((m) => m.textContent).join('|');
  });
  assert.equal(now, '一、主要举措和成效|二、存在的不足和原因');
  // A heading typed anew is marked once its analysis comes.
  await page.evaluate(() => {
    const ta = document.querySelector('#a').shadowRoot.querySelector('textarea');
    ta.value += '三、下一年度工作安排\n';
    ta.dispatchEvent(new Event('input'));
  });
  await page.waitForFunction(() => document.querySelector('#a').report.outline.length === 3);
  assert.deepEqual(await marks(), { same: true, h1: '一、主要举措和成效|二、存在的不足和原因|三、下一年度工作安排', fig: '15件|20%' });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a removed element lets its worker go once its analysis is done, and works again when re-added', async () => {
  const { page, errors, context } = await host(`<fazhi-analyzer id="a" text="${REPORT(2021)}"></fazhi-analyzer>`);
  await shows(page, '#a', '关于2021年度法治政府建设情况的报告');
  const out = await page.evaluate(async (text) => {
    const el = document.querySelector('#a');
    const { analyst } = el[Symbol.for('fazhi.view')];
    const failures = [];
    el.addEventListener('fazhi-error', (e) => failures.push(e.detail.message));
    const running = el.analyze(text.repeat(2000)); // a few hundred ms of work
    await new Promise((r) => setTimeout(r, 20));
    el.remove();
    const during = analyst.worker !== null; // not cut off mid-analysis
    const report = await running;
    await new Promise((r) => setTimeout(r, 50));
    const after = analyst.worker;
    document.body.append(el);
    const again = await el.analyze(text.replace('2021', '2022'));
    return { during, chars: report.source.chars, after, again: again.meta.title, failures };
  }, REPORT(2021));
  assert.deepEqual(out, { during: true, chars: REPORT(2021).length * 2000, after: null, again: '关于2022年度法治政府建设情况的报告', failures: [] });
  assert.deepEqual(errors, []);
  await context.close();
});
