// <fazhi-analyzer>: the whole analyzer as one custom element (shadow DOM, no framework).
// Report text is only ever rendered as text (textContent / text nodes), never as HTML.
import init, { analyze, analyzeFile, markdownOf, needsReaders, hasReaders } from './pkg/fazhi.js';

// The readers of .docx, .doc, PDF and OFD are a second wasm module, loaded the first time such a
// file is opened, so that the page itself loads fast (the single-file build has them built in).
const READERS_URL = './pkg/readers/fazhi.js';
let readers = null;
function readersModule() {
  readers = readers || import(READERS_URL).then(async (m) => { await m.default(); return m; });
  return readers;
}

/** Analyzes a file's bytes with whichever module reads its format. */
async function analyzeAnyFile(bytes, name) {
  if (!hasReaders() && needsReaders(bytes)) return (await readersModule()).analyzeFile(bytes, name);
  return analyzeFile(bytes, name);
}

// Analyses run in a Web Worker (analyzer-worker.js) so the page never freezes; the single file
// (file://, where no module worker can start) analyzes on the page's thread.
const WORKER_URL = './analyzer-worker.js';
// An analysis running longer than this is stopped (the worker is terminated and replaced).
const TIME_LIMIT_MS = 10_000;
// A text analysis this old is abandoned (worker replaced) as soon as newer text comes.
const SUPERSEDE_MS = 300;
// After an input this big the worker is replaced, so the tab gives back the memory it grew.
const BIG_INPUT_BYTES = 5 * 1024 * 1024;

/**
 * Runs analyses one at a time in a Web Worker (or on this thread when no worker can start).
 * `text()` and `file()` resolve to `{ report, loadedReaders }`, to null when newer text replaced
 * the request, or reject with an Error whose message (in Chinese, naming the file) is shown.
 * Test-only: `worker` (the current Worker), `timeLimit` (ms), `test` ('trap' | 'hang' | 'uncaught':
 * the next request fails so, see analyzer-worker.js).
 */
class Analyst {
  constructor() {
    this.worker = null;
    this.queue = [];
    this.job = null;
    this.next = 1;
    this.timeLimit = TIME_LIMIT_MS;
    this.inThread = !WORKER_URL || typeof Worker === 'undefined';
    this.everReady = false; // a worker started once: later failures are the input's, not the browser's
    this.test = null;
  }

  text(text, name) { return this.enqueue({ kind: 'text', text, name, size: text.length * 3 }); }

  /** `file`: a File, or bytes (a Uint8Array, handed over to the worker). */
  file(file, name) { return this.enqueue({ kind: 'file', file, name, size: file.size ?? file.byteLength }); }

  enqueue(req) {
    return new Promise((resolve, reject) => {
      if (req.kind === 'text') {
        // Newer text replaces older text: waiting requests are dropped, a running one's result
        // will be, and a running one that has taken a while is stopped outright.
        this.queue = this.queue.filter((j) => j.kind !== 'text' || (j.resolve(null), false));
        if (this.job?.kind === 'text') {
          this.job.stale = true;
          if (!this.inThread && performance.now() - this.job.since > SUPERSEDE_MS) {
            const old = this.job;
            this.job = null;
            this.stop(old);
            old.resolve(null);
          }
        }
      }
      this.queue.push({ ...req, resolve, reject });
      this.pump();
    });
  }

  /** Terminates the worker (a fresh one starts with the next request). */
  replace() {
    this.worker?.terminate();
    this.worker = null;
  }

  stop(job) {
    clearTimeout(job.timer);
    this.replace();
  }

  spawn() {
    if (this.worker) return this.worker;
    const w = new Worker(new URL(WORKER_URL, import.meta.url), { type: 'module' });
    w.onmessage = ({ data: m }) => {
      if (m.type === 'ready') { this.everReady = true; return; }
      if (m.type === 'fatal') { this.failed(w, m.message); return; }
      const job = this.job;
      if (!job || m.id !== job.id) return; // a stopped request's late answer
      if (m.type === 'slice') {
        if (!job.slices) job.slices = {};
        const list = job.slices[m.key] || (job.slices[m.key] = []);
        for (const item of m.items) list.push(item);
        return;
      }
      if (m.type === 'report') {
        for (const key of m.sliced) m.report[key] = job.slices[key];
        this.done(job);
        job.resolve(job.stale ? null : { report: m.report, loadedReaders: m.loadedReaders });
      } else if (m.trap) {
        this.stop(job);
        this.done(job);
        job.reject(new Error(`${job.name}：分析程序出错（${m.message}），已重新启动分析程序`));
      } else {
        this.done(job);
        job.reject(new Error(m.message));
      }
      this.pump();
    };
    w.onerror = (e) => { e.preventDefault(); this.failed(w, e.message || '后台线程出错'); };
    w.onmessageerror = () => this.failed(w, '无法传回分析结果');
    this.worker = w;
    return w;
  }

  /** The worker died or could not start: the request fails (or, if no worker ever started, runs here). */
  failed(w, message) {
    if (w !== this.worker) return;
    const job = this.job;
    this.replace();
    if (!this.everReady) {
      this.inThread = true; // e.g. module workers not allowed: keep working on this thread
      if (job) { clearTimeout(job.timer); this.job = null; this.queue.unshift(job); }
      this.pump();
      return;
    }
    if (!job) return;
    this.stop(job);
    this.done(job);
    job.reject(new Error(`${job.name}：分析程序出错（${message}），已重新启动分析程序`));
    this.pump();
  }

  /** The running request is over: clears it, and replaces the worker after a big input. */
  done(job) {
    clearTimeout(job.timer);
    if (this.job === job) this.job = null;
    if (job.size > BIG_INPUT_BYTES) this.replace();
  }

  pump() {
    if (this.job || !this.queue.length) return;
    const job = this.job = this.queue.shift();
    job.since = performance.now();
    if (this.inThread) { this.runHere(job); return; }
    const test = this.test;
    this.test = null;
    job.id = this.next++;
    job.timer = setTimeout(() => {
      this.stop(job);
      this.done(job);
      job.reject(new Error(`分析超过 ${this.timeLimit / 1000} 秒，已停止：${job.name}`));
      this.pump();
    }, this.timeLimit);
    const w = this.spawn();
    if (job.kind === 'text') w.postMessage({ id: job.id, kind: 'text', text: job.text, name: job.name, test });
    else if (job.file instanceof Blob) w.postMessage({ id: job.id, kind: 'file', file: job.file, name: job.name, test });
    else w.postMessage({ id: job.id, kind: 'file', bytes: job.file, name: job.name, test }, [job.file.buffer]);
  }

  /** The page's thread: what the single file does (no time limit can stop a call here). */
  async runHere(job) {
    try {
      let out;
      if (job.kind === 'text') {
        out = { report: analyze(job.text, job.name), loadedReaders: false };
      } else {
        const bytes = job.file instanceof Blob ? new Uint8Array(await job.file.arrayBuffer()) : job.file;
        const loadedReaders = readers === null && !hasReaders() && needsReaders(bytes);
        out = { report: await analyzeAnyFile(bytes, job.name), loadedReaders };
      }
      this.done(job);
      job.resolve(job.stale ? null : out);
    } catch (e) {
      this.done(job);
      job.reject(e);
    }
    this.pump();
  }
}

// One draft per page, so an embedding page and the tool page do not overwrite each other.
const DRAFT_KEY = 'fazhi-draft:' + location.pathname;
const DEBOUNCE_MS = 120;
// Drawing is the page's own work: past these many findings listed or spans marked in the text, a
// huge report would freeze the page for minutes. The rest stays in the exports.
const MAX_LISTED = 2000;
const MAX_MARKS = 50_000;
// Set while a draft is analyzed: still set at the next load means the analysis never finished
// (a hostile or huge draft), so the draft is shown but not analyzed again blindly.
const PENDING_KEY = DRAFT_KEY + ':pending';
// A draft this long is not kept across reloads (it would be re-read and re-analyzed each time).
const MAX_DRAFT_CHARS = 1_000_000;
const PART_NAMES = {
  measures: '主要举措和成效', shortcomings: '存在的不足和原因', firstResponsible: '党政主要负责人履行第一责任人职责情况',
  plans: '下一年度主要安排', other: '其他需要报告的情况',
};
const FORMAT_NAMES = { text: '纯文本', docx: 'Word 文档', doc: 'Word 97–2003 文档', wps: 'WPS 文档', html: '网页', pdf: 'PDF', ofd: 'OFD' };
// What the file picker offers; dropped files of any name are read by their content anyway.
const ACCEPT = '.txt,.text,.docx,.doc,.wps,.htm,.html,.pdf,.ofd,text/plain,text/html,application/pdf';
const SEVERITY = { error: ['✖', '错误'], warning: ['⚠', '警告'], info: ['ℹ', '提示'] };
const KIND_NAMES = { law: '法律', regulation: '法规规章', partyRule: '党内法规', plan: '规划纲要', localDocument: '地方文件', other: '其他' };
const LEVEL_NAMES = { town: '乡镇（街道）', county: '县（区）', city: '市', province: '省', department: '部门', unknown: '未知' };

const CSS = `
:host { display: block; font-family: inherit; }
.wrap { display: grid; grid-template-columns: minmax(280px, 1fr) minmax(320px, 1fr); gap: 12px; padding: 12px;
  grid-template-areas: "input analysis" "text analysis"; grid-template-rows: auto 1fr; }
.input { grid-area: input; } .text { grid-area: text; } .analysis { grid-area: analysis; }
.pane { background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: 10px; min-width: 0; }
textarea { width: 100%; box-sizing: border-box; height: 260px; font: 14px/1.6 inherit; resize: vertical; }
.bar { display: flex; gap: 8px; align-items: center; margin-bottom: 6px; flex-wrap: wrap; }
.msg { color: #a00; font-size: 13px; }
.status { color: #666; font-size: 12px; }
h2 { font-size: 15px; margin: 4px 0 6px; }
dl { display: grid; grid-template-columns: 5em 1fr; gap: 2px 8px; margin: 0; font-size: 14px; }
dt { color: #666; } dd { margin: 0; }
ul.parts { list-style: none; padding: 0; margin: 0; font-size: 14px; }
ul.parts li { margin: 2px 0; } .yes::before { content: '✔ '; color: #1a7f37; } .no::before { content: '✘ '; color: #b42318; }
.where { color: #666; font-size: 12px; }
ul.tree { list-style: none; padding-left: 1.2em; margin: 0; font-size: 14px; }
ul.tree button { all: unset; cursor: pointer; } ul.tree button:hover { text-decoration: underline; }
ul.tree li.leaf { padding-left: 1em; }
pre.text { white-space: pre-wrap; font: 14px/1.7 inherit; max-height: 420px; overflow: auto; margin: 0; }
mark { background: none; } mark.h1 { background: #fde2e2; font-weight: 600; } mark.h2 { background: #fff0c9; }
mark.h3 { background: #e3f1ff; } mark.h4 { background: #eaf7e6; } mark.noise { color: #aaa; }
mark.fig { box-shadow: inset 0 -2px #1f6feb; } mark.cite { color: #6639ba; }
mark.cite.miss { text-decoration: underline wavy #d4a72c; background: #fff3bf; }
mark.sev-error { border-bottom: 2px dotted #b42318; } mark.sev-warning { border-bottom: 2px dotted #bf8700; }
mark.sev-info { border-bottom: 1px dotted #888; }
mark.active { outline: 2px solid #8b1a1a; }
table { border-collapse: collapse; width: 100%; font-size: 13px; margin-bottom: 6px; }
th, td { text-align: left; padding: 2px 6px; border-bottom: 1px solid #eee; vertical-align: top; }
th { color: #666; font-weight: normal; }
td.pts { white-space: nowrap; font-variant-numeric: tabular-nums; } td.why { color: #555; }
.total { font-size: 22px; color: #8b1a1a; }
.unreported { color: #999; } .said { color: #888; font-size: 12px; }
button.jump { all: unset; cursor: pointer; color: #0550ae; } button.jump:hover { text-decoration: underline; }
ol.findings { padding-left: 0; list-style: none; margin: 0; font-size: 13px; }
ol.findings li { padding: 3px 4px; border-left: 3px solid #ccc; margin: 3px 0; }
ol.findings li.sev-error { border-color: #b42318; } ol.findings li.sev-warning { border-color: #bf8700; }
ol.findings li[data-span] { cursor: pointer; } ol.findings li[data-span]:hover { background: #f6f6f6; }
ol.findings li.current { background: #fdf3f3; }
.icon { display: inline-block; width: 1.4em; } .sev-error .icon { color: #b42318; } .sev-warning .icon { color: #bf8700; }
.sev-info .icon { color: #666; } .suggestion { color: #1a7f37; } .rule { color: #aaa; font-size: 11px; }
ul.cites { padding-left: 1.2em; margin: 0; font-size: 13px; } .miss-note { color: #9a6700; }
h2.inline { display: inline; }
.legend { font-size: 12px; color: #666; margin: 4px 0; } .legend mark { padding: 0 2px; }
.files button.current { font-weight: 600; }
mark.pick { background: #ffd8a8; }
/* On a phone: the input, then what was found, then the full text (not the analysis after it). */
@media (max-width: 700px) { .wrap { grid-template-columns: minmax(0, 1fr); padding: 6px;
  grid-template-areas: "input" "analysis" "text"; grid-template-rows: auto; } }
`;

/** Replaces a node's children (Element.replaceChildren needs Chromium 86). */
function setChildren(node, ...kids) {
  node.textContent = '';
  for (const k of kids) node.appendChild(k instanceof Node ? k : document.createTextNode(String(k ?? '')));
}

/** Creates an element with text content (never HTML). */
function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') e.className = v; else if (k.startsWith('on')) e.addEventListener(k.slice(2), v); else e.setAttribute(k, v);
  }
  // Children may come as arrays: spreading 100,000 nodes into a call overflows the stack.
  const add = (c) => e.appendChild(c instanceof Node ? c : document.createTextNode(String(c ?? '')));
  for (const c of children) if (Array.isArray(c)) c.forEach(add); else add(c);
  return e;
}

/** A fragment of many nodes, appended one by one (never spread into a call). */
function fragment(nodes) {
  const f = document.createDocumentFragment();
  for (const n of nodes) f.appendChild(n);
  return f;
}

class FazhiAnalyzer extends HTMLElement {
  constructor() {
    super();
    this.root = this.attachShadow({ mode: 'open' });
    this.files = [];
    this.current = null;
    this.timer = 0;
    this.analyst = new Analyst(); // test-only: `analyst.worker`, `analyst.timeLimit`, `analyst.test`
  }

  async connectedCallback() {
    this.render();
    try {
      // The single-file build (dist/fazhi.html) carries the wasm inline; otherwise it is fetched.
      await init(globalThis.FAZHI_WASM ? { module_or_path: globalThis.FAZHI_WASM } : undefined);
    } catch (e) {
      this.showMessage('分析程序加载失败：' + e.message);
      return;
    }
    // A viewer (the batch's report view) shows the reports it is given: no draft, no initial text.
    if (this.hasAttribute('viewer')) return;
    // What the user typed last wins over the initial text (attribute `text`, then `src`).
    const draft = this.readDraft();
    let pending = null;
    try { pending = localStorage.getItem(PENDING_KEY); } catch { /* no storage */ }
    if (draft && pending) {
      this.editor.value = draft;
      this.showMessage('上次的草稿未能分析完成（可能过大或异常），已暂停自动分析；修改文字后会重新分析。');
      this.textMessage = true;
    } else if (draft) this.setText(draft);
    else if (this.hasAttribute('text')) this.setText(this.getAttribute('text'));
    else if (this.getAttribute('src')) await this.loadUrl(this.getAttribute('src'));
  }

  render() {
    const style = el('style'); style.textContent = CSS;
    this.editor = el('textarea', { placeholder: '在此粘贴报告全文，或把文件拖到页面上', 'aria-label': '报告全文' });
    this.editor.addEventListener('input', () => this.schedule());
    this.picker = el('input', { type: 'file', multiple: '', accept: ACCEPT });
    this.picker.addEventListener('change', () => this.openFiles([...this.picker.files]));
    this.messageBox = el('div', { class: 'msg', role: 'alert' });
    this.statusBox = el('div', { class: 'status' });
    this.fileList = el('div', { class: 'bar files' });
    this.metaBox = el('div'); this.partsBox = el('div'); this.treeBox = el('div');
    this.scoreBox = el('div', { class: 'score' }); this.findingsBox = el('div'); this.indicatorsBox = el('div');
    this.citationsBox = el('div');
    this.textBox = el('pre', { class: 'text' });
    const exports = el('div', { class: 'bar' },
      el('button', { onclick: () => this.exportJson() }, '导出 JSON'),
      el('button', { onclick: () => this.exportMarkdown() }, '导出 Markdown'),
      el('button', { onclick: () => this.copyJson() }, '复制 JSON'));
    const input = el('section', { class: 'pane input' },
      el('div', { class: 'bar' }, this.picker), exports, this.fileList, this.messageBox, this.editor, this.statusBox);
    const text = el('section', { class: 'pane text' },
      el('h2', {}, '全文'), el('div', { class: 'legend' }, '标注：', el('mark', { class: 'fig' }, '数字'), ' ',
        el('mark', { class: 'cite' }, '《引用文件》'), ' ', el('mark', { class: 'cite miss' }, '《疑似笔误》'), ' ',
        el('mark', { class: 'sev-error' }, '错误'), ' ', el('mark', { class: 'sev-warning' }, '警告')), this.textBox);
    const analysis = el('section', { class: 'pane analysis' }, this.metaBox, this.scoreBox, this.partsBox,
      this.findingsBox, this.indicatorsBox, this.treeBox, this.citationsBox);
    setChildren(this.root, style, el('div', { class: 'wrap' }, input, text, analysis));
    window.addEventListener('dragover', (e) => e.preventDefault());
    window.addEventListener('drop', (e) => {
      e.preventDefault();
      // Files dropped on the page are this element's only while it is shown and not a viewer.
      if (this.hasAttribute('viewer') || !this.getClientRects().length) return;
      if (e.dataTransfer?.files?.length) this.openFiles([...e.dataTransfer.files]);
    });
  }

  showMessage(text) { this.messageBox.textContent = text; }

  readDraft() {
    try { return localStorage.getItem(DRAFT_KEY); } catch { return null; } // file:// may deny storage
  }

  baseName() { return (this.current?.source.name || 'report').replace(/\.[^.]*$/, ''); }

  download(name, type, content) {
    const a = el('a', { href: URL.createObjectURL(new Blob([content], { type })), download: name });
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  }

  exportJson() {
    if (this.current) this.download(this.baseName() + '.json', 'application/json', JSON.stringify(this.current, null, 2));
  }

  exportMarkdown() {
    if (this.current) this.download(this.baseName() + '.md', 'text/markdown', markdownOf(this.current.text, this.current.source.name));
  }

  async copyJson() {
    if (!this.current) return;
    try {
      await navigator.clipboard.writeText(JSON.stringify(this.current, null, 2));
      this.statusBox.textContent = '已复制到剪贴板';
    } catch (e) {
      this.showMessage('无法复制到剪贴板：' + e.message);
    }
  }

  async loadUrl(url) {
    try {
      const res = await fetch(url);
      if (!res.ok) throw new Error(res.status + ' ' + res.statusText);
      const bytes = new Uint8Array(await res.arrayBuffer());
      const out = await this.analyst.file(bytes, url.split('/').pop());
      if (out) this.showReport(out.report);
    } catch (e) {
      this.showMessage(`无法载入 ${url}：${e.message}`);
    }
  }

  setText(text) {
    this.editor.value = text;
    this.analyzeNow();
  }

  schedule() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.analyzeNow(), DEBOUNCE_MS);
  }

  async analyzeNow() {
    const text = this.editor.value;
    try {
      if (text.length <= MAX_DRAFT_CHARS) localStorage.setItem(DRAFT_KEY, text); else localStorage.removeItem(DRAFT_KEY);
      localStorage.setItem(PENDING_KEY, '1');
    } catch { /* storage full or disabled: keep working */ }
    const t0 = performance.now();
    let out;
    try {
      out = await this.analyst.text(text, '粘贴的文本');
    } catch (e) {
      // The pending mark stays: a reload shows this draft without analyzing it again.
      this.showMessage(e.message);
      this.textMessage = true;
      return;
    }
    if (!out) return; // newer text came: its analysis is the one shown
    const { report } = out;
    try { localStorage.removeItem(PENDING_KEY); } catch { /* no storage */ }
    if (this.textMessage) { this.showMessage(''); this.textMessage = false; }
    this.statusBox.textContent = `分析用时 ${(performance.now() - t0).toFixed(1)} 毫秒，${report.source.chars} 字`;
    this.showReport(report, false);
  }

  async openFiles(list) {
    const errors = [];
    for (const f of list) {
      try {
        const t0 = performance.now();
        const { report, loadedReaders } = await this.analyst.file(f, f.name);
        this.statusBox.textContent = `${f.name}：读取并分析用时 ${(performance.now() - t0).toFixed(1)} 毫秒`
          + `${loadedReaders ? '（含首次载入读取模块）' : ''}，${report.source.chars} 字`;
        this.files.push(report);
      } catch (e) {
        errors.push(e.message);
      }
    }
    this.showMessage(errors.join('\n'));
    this.renderFileList();
    if (this.files.length) this.showReport(this.files[this.files.length - 1]);
  }

  renderFileList() {
    setChildren(this.fileList, fragment(this.files.map((r) => el('button', {
      class: r === this.current ? 'current' : '', onclick: () => this.showReport(r),
    }, r.source.name))));
  }

  showReport(report, fillEditor = true) {
    this.current = report;
    this.picked = null;
    if (fillEditor) this.editor.value = report.text;
    this.renderMeta(report); this.renderScore(report); this.renderParts(report); this.renderFindings(report);
    this.renderIndicators(report); this.renderTree(report); this.renderCitations(report); this.renderText(report);
    this.renderFileList();
    this.dispatchEvent(new CustomEvent('fazhi-analyzed', { detail: report, bubbles: true, composed: true }));
  }

  renderMeta({ meta: m, source }) {
    const row = (k, v) => [el('dt', {}, k), el('dd', {}, v || '—')];
    setChildren(this.metaBox, el('h2', { class: 'title' }, m.title || '（未识别到标题）'), el('dl', {},
      ...row('发文机关', m.issuers.join('、')), ...row('主送', m.recipients.join('、')),
      ...row('年度', m.year), ...row('层级', LEVEL_NAMES[m.level]),
      ...row('落款', [m.signedBy, m.date].filter(Boolean).join(' ')),
      ...row('来源', source.format === 'text' && !source.encoding ? '' : `${source.name}（${FORMAT_NAMES[source.format] || source.format}）`)));
  }

  renderParts({ parts }) {
    setChildren(this.partsBox, el('h2', {}, '五项法定内容'), el('ul', { class: 'parts' },
      ...parts.map((p) => el('li', { class: p.present ? 'yes' : 'no' }, PART_NAMES[p.part] || p.label,
        el('div', { class: 'where' }, p.headings.map((h) => h.title).join('；'))))));
  }

  renderTree({ outline }) {
    // A heading with sub-headings folds open and shut (<details>); every title jumps to the text.
    const item = (h) => {
      const jump = el('button', { onclick: () => this.focus('h' + h.id) }, h.marker + h.title);
      if (!h.children.length) return el('li', { class: 'leaf' }, jump);
      return el('li', {}, el('details', { open: '' }, el('summary', {}, jump), list(h.children)));
    };
    const list = (nodes) => el('ul', { class: 'tree' }, nodes.map(item));
    setChildren(this.treeBox, el('h2', {}, '提纲'), outline.length ? list(outline) : el('p', {}, '（未识别到标题层级）'));
  }

  renderScore({ score }) {
    if (!score) { setChildren(this.scoreBox); return; }
    setChildren(this.scoreBox,
      el('h2', {}, '评分 ', el('span', { class: 'total' }, fmt(score.total)), ' / 100'),
      el('table', { class: 'scorecard' },
        el('thead', {}, el('tr', {}, el('th', {}, '项目'), el('th', {}, '得分'), el('th', {}, '说明'))),
        el('tbody', {}, ...score.items.map((i) => el('tr', { 'data-id': i.id },
          el('td', {}, i.label), el('td', { class: 'pts' }, `${fmt(i.points)} / ${fmt(i.max)}`), el('td', { class: 'why' }, i.why))))));
  }

  renderFindings({ findings }) {
    // Every finding is listed; those with a span jump to it and light it up in the text.
    const row = (f, i) => {
      const [icon, name] = SEVERITY[f.severity] || ['•', f.severity];
      const li = el('li', { class: 'sev-' + f.severity, title: name },
        el('span', { class: 'icon', 'aria-label': name }, icon), f.message,
        f.suggestion ? el('div', { class: 'suggestion' }, '建议：' + f.suggestion) : '',
        el('span', { class: 'rule' }, ' ' + f.rule));
      if (f.span && f.span[1] > f.span[0]) { // an empty span has nothing to light up
        li.dataset.span = f.span.join(',');
        li.addEventListener('click', () => {
          for (const c of this.findingsBox.querySelectorAll('li.current')) c.classList.remove('current');
          li.classList.add('current');
          this.focus('x' + i);
        });
      }
      return li;
    };
    const listed = findings.slice(0, MAX_LISTED).map(row);
    const more = findings.length - listed.length;
    setChildren(this.findingsBox, el('h2', {}, `问题清单（${findings.length}）`), findings.length
      ? el('ol', { class: 'findings' }, listed) : el('p', { class: 'said' }, '未发现问题'),
      more > 0 ? el('p', { class: 'said' }, `另有 ${more} 条未列出（导出 JSON 可查看全部）`) : '');
  }

  renderIndicators({ indicators, figures }) {
    const row = (ind) => {
      const fig = ind.figure !== null ? figures[ind.figure] : undefined;
      const value = ind.reported
        ? el('button', { class: 'jump', onclick: () => { if (ind.figure !== null) this.focus('f' + ind.figure); } },
          ind.value !== null ? fmt(ind.value) + (ind.unit || '') : '已报告')
        : el('span', { class: 'unreported' }, '未报告');
      return el('tr', { class: ind.reported ? 'reported' : 'unreported' }, el('td', {}, ind.label), el('td', {}, value),
        el('td', { class: 'said' }, fig ? fig.subject + fig.text : ''));
    };
    setChildren(this.indicatorsBox, el('h2', {}, `关键指标（全文数字 ${figures.length} 个）`), indicators.length
      ? el('table', { class: 'indicators' }, el('tbody', {}, indicators.map(row))) : '');
  }

  renderCitations({ citations }) {
    if (!citations.length) { setChildren(this.citationsBox); return; }
    const misses = citations.filter((c) => c.nearMiss).length;
    setChildren(this.citationsBox, el('details', { open: '' },
      el('summary', {}, el('h2', { class: 'inline' }, `引用文件（${citations.length}${misses ? `，疑似笔误 ${misses}` : ''}）`)),
      el('ul', { class: 'cites' }, citations.map((c, i) => el('li', {},
        el('button', { class: 'jump', onclick: () => this.focus('c' + i) }, `《${c.title}》`),
        el('span', { class: 'said' }, ` ${KIND_NAMES[c.kind] || c.kind}`),
        c.nearMiss && c.known ? el('span', { class: 'miss-note' }, ` ⚠ 疑为《${c.known}》`) : '')))));
  }

  renderText(report) {
    // Headings, noise, figures, citations and findings may overlap or nest; the text is cut at
    // every start and end (one sweep over the sorted boundaries), and each piece is one <mark>
    // carrying the classes and keys of all spans over it. A span's pieces share its key.
    const marks = [];
    if (this.picked) marks.push({ span: this.picked, cls: 'pick', key: 'pick' });
    const walk = (hs) => hs.forEach((h) => { marks.push({ span: h.span, cls: 'h' + Math.min(h.level, 4), key: 'h' + h.id }); walk(h.children); });
    walk(report.outline);
    for (const s of report.noise) marks.push({ span: s, cls: 'noise' });
    report.figures.forEach((f, i) => marks.push({ span: f.span, cls: 'fig', key: 'f' + i }));
    report.citations.forEach((c, i) => marks.push({ span: c.span, cls: c.nearMiss ? 'cite miss' : 'cite', key: 'c' + i,
      title: c.nearMiss && c.known ? `疑为《${c.known}》` : '' }));
    report.findings.forEach((f, i) => { if (f.span) marks.push({ span: f.span, cls: 'sev-' + f.severity, key: 'x' + i, title: f.message }); });
    if (marks.length > MAX_MARKS) marks.length = MAX_MARKS; // the picked span and headings come first
    const bounds = [];
    marks.forEach((m, i) => {
      if (m.span[1] > m.span[0]) bounds.push([m.span[0], 1, i], [m.span[1], 0, i]);
    });
    bounds.sort((a, b) => a[0] - b[0] || a[1] - b[1]); // at one offset, ends before starts
    const text = report.text;
    const nodes = [];
    const open = new Set();
    let at = 0;
    const flush = (to) => {
      if (to <= at) return;
      const piece = text.slice(at, to);
      if (!open.size) { nodes.push(document.createTextNode(piece)); } else {
        const cls = [], keys = [], titles = [];
        for (const i of open) { const m = marks[i]; cls.push(m.cls); if (m.key) keys.push(m.key); if (m.title) titles.push(m.title); }
        const mark = el('mark', { class: cls.join(' ') }, piece);
        if (keys.length) mark.dataset.k = keys.join(' ');
        if (titles.length) mark.title = titles.join('\n');
        nodes.push(mark);
      }
      at = to;
    };
    for (const [pos, isStart, i] of bounds) {
      flush(pos);
      if (isStart) open.add(i); else open.delete(i);
    }
    flush(text.length);
    setChildren(this.textBox, fragment(nodes));
  }

  /** Marks a span of the current report's text (a passage found elsewhere) and scrolls to it. */
  reveal(span) {
    if (!this.current) return;
    this.picked = span;
    this.renderText(this.current);
    this.focus('pick');
  }

  /** Lights up every piece of the span with this key (`h3`, `f0`, `c2`, `x5`) and scrolls to it. */
  focus(key) {
    for (const m of this.textBox.querySelectorAll('mark.active')) m.classList.remove('active');
    const pieces = this.textBox.querySelectorAll(`mark[data-k~="${key}"]`);
    for (const m of pieces) m.classList.add('active');
    if (pieces.length) pieces[0].scrollIntoView({ block: 'center' });
  }
}

/** A number as people write it: no trailing `.0`, at most two decimals. */
function fmt(x) { return String(Math.round(x * 100) / 100); }

customElements.define('fazhi-analyzer', FazhiAnalyzer);
