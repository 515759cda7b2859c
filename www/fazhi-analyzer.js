// <fazhi-analyzer>: the whole analyzer as one custom element (shadow DOM, no framework).
// Report text is only ever rendered as text (textContent / text nodes), never as HTML.
import init, { analyze, analyzeFile, analyzeRead, markdownOf, needsReaders } from './pkg/fazhi.js';

// The readers (.docx/.doc/PDF/OFD → text) are a second wasm module, loaded when first needed.
const loadReaders = () => import('./pkg/readers/fazhi.js');
let readers = null;
function readersModule() {
  readers = readers || loadReaders().then(async (m) => { await m.default(); return m; });
  return readers;
}

// Loaded on a click; null in the single file.
const REVIEW_URL = './review-export.js';
const loadReview = () => import(new URL(REVIEW_URL, import.meta.url).href);

// Findings the reviewer set aside (docs/review.md), per text in localStorage: a reload keeps them.
/** The storage key of a text: its length and FNV-1a hash. */
function textKey(t) {
  let h = 0x811c9dc5;
  for (let i = 0; i < t.length; i++) h = Math.imul(h ^ t.charCodeAt(i), 0x01000193) >>> 0;
  return `fazhi-dismissed:${t.length}:${h.toString(36)}`;
}
/** The dismissals stored for a text: [{ rule, start, message, reason }] (start: null for the whole report). */
function dismissedFor(text) { try { return JSON.parse(localStorage.getItem(textKey(text))) || []; } catch { return []; } }
function storeDismissed(text, list) {
  try { if (list.length) localStorage.setItem(textKey(text), JSON.stringify(list)); else localStorage.removeItem(textKey(text)); } catch { /* private mode: kept until reload */ }
}
/** The dismissal of a finding: same rule, span start and message. */
const dismissalOf = (list, f) => list.find((d) => d.rule === f.rule && d.start === (f.span ? f.span[0] : null) && d.message === f.message);

/** Analyzes a file's bytes: text and web pages here, other formats read by the readers module. */
async function analyzeAnyFile(bytes, name) {
  if (!needsReaders(bytes)) return analyzeFile(bytes, name);
  const read = (await readersModule()).readFile(bytes, name);
  return analyzeRead(read.text, name, read.format, read.encoding);
}

// Analyses run in a Worker; the single file (file://) analyzes on the page's thread.
const WORKER_URL = './analyzer-worker.js';
// An analysis running longer than this is stopped (the worker is terminated and replaced).
const TIME_LIMIT_MS = 10_000;
// A text analysis this old is abandoned (worker replaced) as soon as newer text comes.
const SUPERSEDE_MS = 300;
// After an input this big, or wasm memory grown past this, the worker is replaced (memory back).
const BIG_INPUT_BYTES = 5 * 1024 * 1024;
const GROWN_MEMORY_BYTES = 128 * 1024 * 1024;

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

  /** Lets the worker go once nothing is running or waiting (an element removed from the page). */
  release() {
    if (this.job || this.queue.length) this.releasing = true; else this.replace();
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
      if (m.memory > GROWN_MEMORY_BYTES) job.grown = true;
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
    if (job.size > BIG_INPUT_BYTES || job.grown) this.replace();
  }

  pump() {
    if (!this.job && !this.queue.length && this.releasing) { this.releasing = false; this.replace(); }
    if (this.job || !this.queue.length) return;
    this.releasing = false;
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
        const loadedReaders = readers === null && needsReaders(bytes);
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

// Drafts are opt-in (attribute `draft`), one per element: keyed by the page's path and the element's id.
const DRAFT_PREFIX = 'fazhi-draft:';
// The wait after a key: the last analysis's cost, in these bounds (newer text drops older results).
const DEBOUNCE_MIN_MS = 10;
const DEBOUNCE_MAX_MS = 120;
// Drawing is the page's own work: past these many findings listed or spans marked in the text, a
// huge report would freeze the page for minutes. The rest stays in the exports.
const MAX_LISTED = 2000;
const MAX_MARKS = 50_000;
// A draft this long is not kept across reloads (it would be re-read and re-analyzed each time).
const MAX_DRAFT_CHARS = 1_000_000;
// Past this length the editor shows no highlights behind the text (redrawn on every keystroke).
const MAX_BACKDROP_CHARS = 300_000;
// Below this width (of the element, not the window) everything goes in one column.
const NARROW_PX = 720;
const PART_NAMES = {
  measures: '主要举措和成效', shortcomings: '存在的不足和原因', firstResponsible: '党政主要负责人履行第一责任人职责情况',
  plans: '下一年度主要安排', other: '其他需要报告的情况',
};
const FORMAT_NAMES = { text: '纯文本', docx: 'Word 文档', doc: 'Word 97–2003 文档', wps: 'WPS 文档', html: '网页', pdf: 'PDF', ofd: 'OFD' };
// What the file picker offers; dropped files of any name are read by their content anyway.
const ACCEPT = '.txt,.text,.docx,.doc,.wps,.htm,.html,.pdf,.ofd,text/plain,text/html,application/pdf';
const SEVERITY = { error: ['✖', '错误'], warning: ['⚠', '警告'], info: ['ℹ', '提示'] };
const KIND_NAMES = { law: '法律', regulation: '法规规章', partyRule: '党内法规', plan: '规划纲要', localDocument: '地方文件', other: '其他' };
/** Where a completed issuer's missing part was read (meta.issuersCompletedFrom). */
const COMPLETED_FROM = {
  title: '据标题补全', page: '据网页来源栏补全', document: '据所引文件名补全', signature: '据落款补全',
  body: '据正文补全', rule: '推定为其人民政府（街道办事处）',
};
/** ` （原文作“区司法局”，据正文补全）` when the issuer's name was completed, else ''. */
function completedNote(m) {
  if (!m.issuersAsWritten || !m.issuersAsWritten.length) return '';
  return `（原文作“${m.issuersAsWritten.join('、')}”，${COMPLETED_FROM[m.issuersCompletedFrom] || '已补全'}）`;
}
const LEVEL_NAMES = { town: '乡镇（街道）', county: '县（区）', city: '市', province: '省', department: '部门', unknown: '未知' };

// The font is the host page's (an unset --fazhi-font leaves font-family inherited).
// Styling hooks: the custom properties below (set them on the element or any ancestor) and the
// `part`s named in docs/embed.md. `:focus` rules come before `:focus-visible` ones so that
// browsers without :focus-visible (Chromium < 86) still show a ring.
const CSS = `
:host { display: block; color: var(--fazhi-text, #222); font-family: var(--fazhi-font); }
:host([hidden]) { display: none; }
.wrap { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 12px; padding: 12px;
  grid-template-areas: "input analysis" "text analysis"; grid-template-rows: auto 1fr; background: var(--fazhi-bg, transparent);
  align-items: start; }
.wrap.narrow { grid-template-columns: minmax(0, 1fr); grid-template-areas: "input" "analysis" "text"; grid-template-rows: auto; padding: 6px; }
.input { grid-area: input; } .text { grid-area: text; } .analysis { grid-area: analysis; }
.pane { background: var(--fazhi-pane-bg, #fff); border: 1px solid var(--fazhi-border, #ddd); border-radius: 6px; padding: 10px;
  min-width: 0; overflow-wrap: anywhere; }
button, input, textarea, select { font: inherit; color: inherit; }
.bar button { font-size: 13px; }
/* The editor: a transparent textarea over a <pre> drawing the same text with its marks. Both have
   the same box, font and wrapping, and both always have a scrollbar, so their lines coincide. */
.editbox { position: relative; background: var(--fazhi-pane-bg, #fff); border-radius: 4px; }
.editbox textarea, .editbox pre.backdrop { box-sizing: border-box; margin: 0; padding: 6px; border: 1px solid transparent; border-radius: 4px;
  font-family: inherit; font-size: 14px; line-height: 1.7; letter-spacing: normal; white-space: pre-wrap; overflow-wrap: break-word;
  word-break: normal; overflow-y: scroll; overflow-x: hidden; tab-size: 8; }
.editbox textarea { position: relative; display: block; width: 100%; min-height: 320px; height: 60vh; resize: vertical;
  background: transparent; border-color: var(--fazhi-border, #ccc); }
.editbox pre.backdrop { position: absolute; top: 0; left: 0; right: 0; bottom: 0; color: transparent; pointer-events: none; }
.backdrop mark { color: transparent; font-weight: inherit; }
.backdrop mark.noise { color: transparent; }
/* Margins, not flex gap (Chromium 83 has none). */
.bar { display: flex; align-items: center; flex-wrap: wrap; }
.bar > * { margin: 0 8px 6px 0; }
.drop { display: flex; align-items: center; flex-wrap: wrap; border: 2px dashed var(--fazhi-border, #ccc); border-radius: 6px;
  padding: 10px; margin-bottom: 8px; font-size: 14px; color: var(--fazhi-muted, #666); }
.drop.over { border-color: var(--fazhi-accent, #8b1a1a); background: rgba(139, 26, 26, .05); }
.drop > * { margin: 2px 10px 2px 0; }
.drop label { cursor: pointer; }
.drop .choose { display: inline-block; padding: 4px 12px; border-radius: 4px; background: var(--fazhi-accent, #8b1a1a); color: #fff; }
.drop input:focus + .choose { outline: 2px solid var(--fazhi-accent, #8b1a1a); outline-offset: 2px; }
/* Visually hidden but focusable and announced: the label above is its visible face. */
.drop input { position: absolute; width: 1px; height: 1px; opacity: 0; overflow: hidden; }
.msg { color: #a00; font-size: 13px; white-space: pre-wrap; margin: 4px 0; }
.status { color: var(--fazhi-muted, #666); font-size: 12px; }
h2 { font-size: 15px; margin: 4px 0 6px; }
section + section, .analysis > div + div:not(:empty) { margin-top: 10px; }
dl { display: grid; grid-template-columns: 5em minmax(0, 1fr); gap: 2px 8px; margin: 0; font-size: 14px; }
dt { color: var(--fazhi-muted, #666); } dd { margin: 0; }
ul.parts { list-style: none; padding: 0; margin: 0; font-size: 14px; }
ul.parts li { margin: 2px 0; } .yes::before { content: '✔ '; color: #1a7f37; } .no::before { content: '✘ '; color: #b42318; }
.where { color: var(--fazhi-muted, #666); font-size: 12px; }
ul.tree { list-style: none; padding-left: 1.2em; margin: 0; font-size: 14px; }
ul.tree li.leaf { padding-left: 1em; }
button.link { all: unset; cursor: pointer; color: inherit; } button.link:hover { text-decoration: underline; }
button.jump { all: unset; cursor: pointer; color: #0550ae; } button.jump:hover { text-decoration: underline; }
button.link:focus, button.jump:focus, button.finding:focus, pre.text:focus, mark:focus, summary:focus {
  outline: 2px solid var(--fazhi-accent, #8b1a1a); outline-offset: 1px; }
pre.text:focus:not(:focus-visible), summary:focus:not(:focus-visible) { outline: none; }
.texthead { display: flex; align-items: baseline; flex-wrap: wrap; }
.texthead h2 { margin-right: auto; padding-right: 8px; }
pre.text { white-space: pre-wrap; font-family: inherit; font-size: 14px; line-height: 1.7; max-height: 70vh; overflow: auto; margin: 0; }
pre.text:empty::before { content: '（没有文字：点“编辑”粘贴报告，或选择、拖入文件）'; color: var(--fazhi-muted, #888); }
mark { background: none; color: inherit; } mark.h1 { background: #fde2e2; font-weight: 600; } mark.h2 { background: #fff0c9; }
mark.h3 { background: #e3f1ff; } mark.h4 { background: #eaf7e6; } mark.noise { color: #aaa; }
mark.fig { box-shadow: inset 0 -2px #1f6feb; } mark.cite { color: #6639ba; }
mark.cite.miss { text-decoration: underline wavy #d4a72c; background: #fff3bf; }
mark.sev-error { border-bottom: 2px dotted #b42318; } mark.sev-warning { border-bottom: 2px dotted #bf8700; }
mark.sev-info { border-bottom: 1px dotted #888; }
mark.active { outline: 2px solid var(--fazhi-accent, #8b1a1a); }
mark.pick { background: #ffd8a8; }
table { border-collapse: collapse; width: 100%; font-size: 13px; margin-bottom: 6px; }
th, td { text-align: left; padding: 2px 6px; border-bottom: 1px solid #eee; vertical-align: top; }
th { color: var(--fazhi-muted, #666); font-weight: normal; }
td.pts { white-space: nowrap; font-variant-numeric: tabular-nums; } td.why { color: #555; }
.total { font-size: 22px; color: var(--fazhi-accent, #8b1a1a); }
.unreported { color: #999; } .said { color: var(--fazhi-muted, #888); font-size: 12px; }
summary { cursor: pointer; }
ol.findings { padding-left: 0; list-style: none; margin: 0; font-size: 13px; }
ol.findings li { padding: 3px 4px; border-left: 3px solid #ccc; margin: 3px 0; }
ol.findings li.sev-error { border-color: #b42318; } ol.findings li.sev-warning { border-color: #bf8700; }
button.finding { all: unset; display: block; width: 100%; cursor: pointer; }
ol.findings li { display: flex; align-items: flex-start; } ol.findings li > :first-child { flex: 1; min-width: 0; }
button.dismiss { font-size: 11px; padding: 0 4px; margin-left: 4px; color: #666; } ol.findings li input { width: 8em; font-size: 12px; }
ol.findings li.dismissed { opacity: .6; } li.dismissed .msg-text { text-decoration: line-through; }
ol.findings li[data-span]:hover { background: #f6f6f6; }
ol.findings li.current { background: #fdf3f3; }
.icon { display: inline-block; width: 1.4em; } .sev-error .icon { color: #b42318; } .sev-warning .icon { color: #bf8700; }
.sev-info .icon { color: #666; } .suggestion { color: #1a7f37; } .rule { color: #aaa; font-size: 11px; }
ul.cites { padding-left: 1.2em; margin: 0; font-size: 13px; } .miss-note { color: #9a6700; }
h2.inline { display: inline; }
.legend { font-size: 12px; color: var(--fazhi-muted, #666); margin: 4px 0; } .legend mark { padding: 0 2px; }
.files button { max-width: 100%; } .files button.current { font-weight: 600; }
[hidden] { display: none !important; }
/* Read by screen readers, not shown (the ✔/✘ say it on screen). */
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
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

/**
 * The text as nodes, each marked piece one <mark>. Spans may overlap or nest: the text is cut at
 * every start and end (one sweep over the sorted boundaries), and each piece carries the classes
 * and keys of all spans over it, so a span's pieces share its key.
 */
function drawMarks(text, marks) {
  const bounds = [];
  marks.forEach((m, i) => {
    if (m.span[1] > m.span[0]) bounds.push([m.span[0], 1, i], [m.span[1], 0, i]);
  });
  bounds.sort((a, b) => a[0] - b[0] || a[1] - b[1]); // at one offset, ends before starts
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
  return fragment(nodes);
}

/** Whether a drag carries files (text dragged into a textarea does not). */
function hasFiles(e) {
  const types = e.dataTransfer && e.dataTransfer.types;
  return !!types && Array.prototype.indexOf.call(types, 'Files') >= 0;
}

/** Whether a drop target is a control that takes drops itself (a file input, a text field, an editor). */
function takesDrops(node) {
  if (!(node instanceof Element)) return false;
  const tag = node.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || node.isContentEditable;
}

/**
 * Everything behind one <fazhi-analyzer>: its shadow DOM, state and listeners. The element class
 * below only exposes the contract (docs/embed.md); this object is reachable from tests through
 * `el[Symbol.for('fazhi.view')]`.
 */
class View {
  constructor(host) {
    this.host = host;
    this.root = host.attachShadow({ mode: 'open' });
    this.files = [];
    this.sources = new WeakMap();
    this.current = null;
    this.picked = null;
    this.timer = 0;
    this.editing = false;
    this.textStale = false;
    this.loaded = false;
    this.loading = null;
    this.connected = false;
    this.lastText = null; // the newest text analysis (a promise), for analyze() calls it supersedes
    this.analyst = new Analyst(); // test-only: `analyst.worker`, `analyst.timeLimit`, `analyst.test`
    this.ready = new Promise((resolve, reject) => { this.readyResolve = resolve; this.readyReject = reject; });
    this.ready.catch(() => {}); // a failed load is reported by fazhi-error; no unhandled rejection
    // Bound once, so that disconnecting removes exactly what connecting added.
    this.onDragOver = this.onDragOver.bind(this);
    this.onDragLeave = () => this.dropBox.classList.remove('over');
    this.onDrop = this.onDrop.bind(this);
    this.resized = typeof ResizeObserver === 'function'
      ? new ResizeObserver(() => this.fit()) : null;
    this.render();
  }

  get viewer() { return this.host.hasAttribute('viewer'); }

  render() {
    const style = el('style'); style.textContent = CSS;
    this.editor = el('textarea', { placeholder: '在此粘贴报告全文，或把文件拖到这里', 'aria-label': '报告全文（编辑）', part: 'editor' });
    this.editor.addEventListener('input', () => { this.drawBackdrop(); this.schedule(); });
    this.backdrop = el('pre', { class: 'backdrop', 'aria-hidden': 'true' });
    this.editor.addEventListener('scroll', () => { this.backdrop.scrollTop = this.editor.scrollTop; });
    this.backdropMarks = null;
    this.editBox = el('div', { class: 'editbox' }, this.backdrop, this.editor);
    this.picker = el('input', { type: 'file', multiple: '', accept: ACCEPT, 'aria-label': '选择报告文件' });
    this.picker.addEventListener('change', () => {
      const files = Array.from(this.picker.files);
      this.picker.value = ''; // the same file chosen again is read again
      this.openFiles(files);
    });
    this.dropBox = el('div', { class: 'drop', part: 'dropzone' },
      el('label', {}, this.picker, el('span', { class: 'choose' }, '选择文件…')),
      el('span', {}, '或把报告拖到这里：Word（.docx/.doc）、WPS、PDF、OFD、网页或文本文件'));
    this.messageBox = el('div', { class: 'msg', role: 'alert', hidden: '' });
    this.statusBox = el('div', { class: 'status', role: 'status' });
    this.fileList = el('div', { class: 'bar files', role: 'group', 'aria-label': '已读入的文件' });
    this.metaBox = el('div', { part: 'meta' }); this.partsBox = el('div', { part: 'parts' });
    this.treeBox = el('nav', { part: 'outline', 'aria-label': '提纲' });
    this.findingsBox = el('div', { part: 'findings' }); this.indicatorsBox = el('div', { part: 'indicators' });
    this.citationsBox = el('div'); this.scoreBox = el('div', { class: 'score', part: 'score' });
    this.textBox = el('pre', { class: 'text', tabindex: '0', 'aria-label': '报告全文（已标注；按 Ctrl+V 粘贴新的报告）' });
    this.textBox.addEventListener('paste', (e) => {
      const text = e.clipboardData && e.clipboardData.getData('text/plain');
      if (!text) return;
      e.preventDefault();
      this.setText(text);
    });
    this.editButton = el('button', { type: 'button', 'aria-pressed': 'false', onclick: () => this.setEditing(!this.editing) }, '编辑');
    this.exports = el('div', { class: 'bar' },
      el('button', { type: 'button', onclick: () => this.exportJson() }, '导出 JSON'),
      el('button', { type: 'button', onclick: () => this.exportMarkdown() }, '导出 Markdown'),
      el('button', { type: 'button', onclick: () => this.copyJson() }, '复制 JSON'),
      ...(REVIEW_URL ? [
        el('button', { type: 'button', onclick: () => this.exportReview('docx').catch(() => {}) }, '导出批注版'),
        el('button', { type: 'button', onclick: () => this.exportReview('sheet').catch(() => {}) }, '导出审阅意见'),
      ] : []));
    const input = el('section', { class: 'pane input', part: 'input', 'aria-label': '读入报告' },
      this.dropBox, this.exports, this.fileList, this.messageBox, this.statusBox);
    this.legend = el('div', { class: 'legend' }, '标注：', el('mark', { class: 'h1' }, '标题'), ' ', el('mark', { class: 'fig' }, '数字'), ' ',
      el('mark', { class: 'cite' }, '《引用文件》'), ' ', el('mark', { class: 'cite miss' }, '《疑似笔误》'), ' ',
      el('mark', { class: 'sev-error' }, '错误'), ' ', el('mark', { class: 'sev-warning' }, '警告'));
    const text = el('section', { class: 'pane text', part: 'text', 'aria-label': '全文' },
      el('div', { class: 'texthead' }, el('h2', {}, '全文'), this.editButton), this.legend, this.textBox, this.editBox);
    const analysis = el('section', { class: 'pane analysis', part: 'analysis', 'aria-label': '分析结果' }, this.metaBox, this.partsBox,
      this.treeBox, this.findingsBox, this.indicatorsBox, this.citationsBox, this.scoreBox);
    this.wrap = el('div', { class: 'wrap' }, input, text, analysis);
    setChildren(this.root, style, this.wrap);
    this.setEditing(true);
    if (this.viewer) { input.hidden = true; this.editButton.hidden = true; }
  }

  // lifecycle

  connect() {
    this.connected = true;
    this.listen(true);
    if (this.resized) this.resized.observe(this.host);
    this.fit();
    if (!this.loading) this.loading = this.load();
  }

  disconnect() {
    this.connected = false;
    this.listen(false);
    if (this.resized) this.resized.disconnect();
    clearTimeout(this.timer);
    this.analyst.release(); // a removed element keeps no worker (once idle); a new one starts if it comes back
  }

  /** Drops on the element itself, or (dropzone="page") anywhere on the page not taken by something else. */
  listen(on) {
    const targets = [this.host, window];
    for (const t of targets) {
      t.removeEventListener('dragover', this.onDragOver);
      t.removeEventListener('dragleave', this.onDragLeave);
      t.removeEventListener('drop', this.onDrop);
    }
    if (!on || this.viewer) return;
    const t = this.host.getAttribute('dropzone') === 'page' ? window : this.host;
    t.addEventListener('dragover', this.onDragOver);
    t.addEventListener('dragleave', this.onDragLeave);
    t.addEventListener('drop', this.onDrop);
  }

  /** Whether this drop is ours: files, not handled by the host page, not on one of its own controls. */
  wantsDrop(e) {
    if (!hasFiles(e) || e.defaultPrevented) return false;
    if (this.host.getAttribute('dropzone') !== 'page') return true;
    if (!this.host.getClientRects().length) return false; // hidden (e.g. the batch tab is shown)
    const path = e.composedPath ? e.composedPath() : [e.target];
    return !(path.indexOf(this.host) < 0 && takesDrops(path[0]));
  }

  onDragOver(e) {
    if (!this.wantsDrop(e)) return;
    e.preventDefault();
    this.dropBox.classList.add('over');
  }

  onDrop(e) {
    this.dropBox.classList.remove('over');
    if (!this.wantsDrop(e)) return;
    e.preventDefault(); // taken: another instance (or the browser) leaves it alone
    this.openFiles(Array.from(e.dataTransfer.files));
  }

  /** One column when the element (not the window) is narrow. */
  fit() {
    const width = this.host.getBoundingClientRect().width;
    this.wrap.classList.toggle('narrow', width > 0 && width < NARROW_PX);
  }

  async load() {
    try {
      // The single-file build (dist/fazhi.html) carries the wasm inline; otherwise it is fetched.
      await init(globalThis.FAZHI_WASM ? { module_or_path: globalThis.FAZHI_WASM } : undefined);
    } catch (e) {
      this.fail('fazhi_bg.wasm', '分析程序加载失败：' + e.message);
      this.readyReject(e);
      return;
    }
    this.loaded = true;
    this.readyResolve();
    this.emit('fazhi-ready', null);
    // A viewer shows the reports it is given: no draft, no initial text.
    if (this.viewer || this.current || this.editor.value) return;
    // A saved draft wins over the initial text it was made from (attribute `text`, then `src`).
    const draft = this.readDraft();
    if (draft && draft.pending) {
      this.editor.value = draft.text;
      this.showMessage('上次的草稿未能分析完成（可能过大或异常），已暂停自动分析；修改文字后会重新分析。');
      this.textMessage = true;
    } else if (draft) this.setText(draft.text).catch(() => {});
    else if (this.host.hasAttribute('text')) this.setText(this.host.getAttribute('text')).catch(() => {});
    else if (this.host.getAttribute('src')) await this.loadUrl(this.host.getAttribute('src'));
  }

  attributeChanged(name, old, value) {
    if (name === 'dropzone') { if (this.connected) this.listen(true); return; }
    // Turning drafts on keeps the text from now on; turning them off forgets the saved one.
    if (name === 'draft') { if (this.loaded) { if (value === null) this.forgetDraft(); else this.saveDraft(); } return; }
    // Initial values are read once the analyzer has loaded; later changes apply at once.
    if (!this.loaded || old === value || value === null || this.viewer) return;
    if (name === 'text') this.setText(value).catch(() => {}); // failures are shown and fired
    else if (name === 'src' && value) this.loadUrl(value);
  }

  emit(type, detail) {
    this.host.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  /** A file (or the text, or the wasm) could not be read: said in the message box and as fazhi-error. */
  fail(file, message) {
    this.addMessage(message);
    this.emit('fazhi-error', { file, message });
  }

  showMessage(text) {
    this.messageBox.textContent = text;
    this.messageBox.hidden = !text;
  }

  addMessage(text) {
    this.showMessage(this.messageBox.textContent ? this.messageBox.textContent + '\n' + text : text);
  }

  // drafts

  draftKey() { return DRAFT_PREFIX + location.pathname + '#' + this.host.id; }

  /** What the draft was made from: a changed `text`/`src` attribute means the draft is stale. */
  origin() { return this.host.getAttribute('text') ?? this.host.getAttribute('src') ?? ''; }

  readDraft() {
    if (!this.host.hasAttribute('draft')) return null;
    try {
      const d = JSON.parse(localStorage.getItem(this.draftKey()) || 'null');
      return d && typeof d.text === 'string' && d.origin === this.origin() ? d : null;
    } catch { return null; } // file:// may deny storage; a foreign value is ignored
  }

  saveDraft(pending = false) {
    if (!this.host.hasAttribute('draft')) return;
    const text = this.editor.value;
    try {
      if (text && text.length <= MAX_DRAFT_CHARS) localStorage.setItem(this.draftKey(), JSON.stringify({ text, origin: this.origin(), pending }));
      else localStorage.removeItem(this.draftKey());
    } catch { /* storage full or disabled: keep working */ }
  }

  forgetDraft() {
    try { localStorage.removeItem(this.draftKey()); } catch { /* no storage */ }
  }

  // analysing

  /** Replaces the text and analyzes it; resolves to its report (null if newer text replaced it). */
  setText(text) {
    this.editor.value = text;
    return this.analyzeNow(false);
  }

  get debounceMs() { return Math.round(Math.min(DEBOUNCE_MAX_MS, Math.max(DEBOUNCE_MIN_MS, this.lastCostMs ?? DEBOUNCE_MAX_MS))); }

  schedule() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.analyzeNow(true).catch(() => {}), this.debounceMs); // failures are shown
  }

  /** Analyzes the editor's text; resolves to the report, or null when newer text replaced it. */
  analyzeNow(typed) {
    clearTimeout(this.timer);
    const run = this.analyzeText(this.editor.value, typed);
    this.lastText = run;
    return run;
  }

  async analyzeText(text, typed) {
    // Marked pending until it finishes: a reload after a hang shows the draft without analyzing it.
    this.saveDraft(true);
    if (!this.loaded) await this.ready; // once loaded, the request goes out now (not a tick later)
    const t0 = performance.now();
    let out;
    try {
      out = await this.analyst.text(text, '粘贴的文本');
    } catch (e) {
      this.fail('粘贴的文本', e.message);
      this.textMessage = true;
      throw e;
    }
    if (!out) return null; // newer text came: its analysis is the one shown
    const { report } = out;
    this.saveDraft(false);
    if (this.textMessage) { this.showMessage(''); this.textMessage = false; }
    this.statusBox.textContent = `分析用时 ${(performance.now() - t0).toFixed(1)} 毫秒，${report.source.chars} 字`;
    this.show(report, false);
    this.lastCostMs = performance.now() - t0;
    // Text set from outside is shown annotated, unless the user is typing in the editor.
    if (!typed && this.root.activeElement !== this.editor) this.setEditing(false);
    this.emit('fazhi-analyzed', report);
    return report;
  }

  /** analyze(): resolves to this text's report, or to the newer text's that replaced it. */
  async analyzeWhole(text, name) {
    if (name !== undefined && name !== null) return this.analyzeNamed(text, String(name));
    let report = await this.setText(String(text));
    while (report === null) report = await this.lastText;
    return report;
  }

  /** A text with a name is analyzed as that file's text (the name shows in the source and list). */
  async analyzeNamed(text, name) {
    const [report] = await this.openFiles([new File([text], name, { type: 'text/plain' })], true);
    if (!report) throw new Error(this.lastError || name);
    return report;
  }

  async loadUrl(url) {
    await this.ready;
    const name = url.split('/').pop() || url;
    try {
      const res = await fetch(url);
      if (!res.ok) throw new Error(res.status + ' ' + res.statusText);
      const bytes = new Uint8Array(await res.arrayBuffer());
      const source = new Blob([bytes]);
      const out = await this.analyst.file(bytes, name);
      if (!out) return;
      this.sources.set(out.report, source);
      this.show(out.report);
      this.setEditing(false);
      this.emit('fazhi-analyzed', out.report);
    } catch (e) {
      this.fail(url, `无法载入 ${url}：${e.message}`);
    }
  }

  /** Reads files one by one (see open()). */
  async openFiles(list, quiet = false) {
    await this.ready;
    const reports = [];
    if (!quiet) this.showMessage('');
    for (const f of list) {
      const name = f.name || '文件';
      try {
        const t0 = performance.now();
        const { report, loadedReaders } = await this.analyst.file(f, name);
        this.statusBox.textContent = `${name}：读取并分析用时 ${(performance.now() - t0).toFixed(1)} 毫秒`
          + `${loadedReaders ? '（含首次载入读取模块）' : ''}，${report.source.chars} 字`;
        this.files.push(report);
        this.sources.set(report, f);
        reports.push(report);
      } catch (e) {
        this.lastError = e.message;
        this.fail(name, e.message);
      }
    }
    const last = reports[reports.length - 1];
    if (!last) this.renderFileList();
    if (last) {
      this.show(last);
      this.setEditing(false);
      this.emit('fazhi-analyzed', last);
    }
    return reports;
  }

  // showing

  /** Shows a report (analyzed here or elsewhere). Fires nothing: callers that analyzed it do. */
  show(report, fillEditor = true) {
    this.current = report;
    this.picked = null;
    if (fillEditor) this.editor.value = report.text;
    this.renderMeta(report); this.renderParts(report); this.renderTree(report); this.renderFindings(report);
    this.renderIndicators(report); this.renderCitations(report); this.renderScore(report);
    this.renderFileList();
    this.updateEditButton();
    // The annotated text is drawn when it is shown: while typing, only the analysis is redrawn.
    this.textStale = true;
    if (!this.editing) this.renderText(report);
    // The editor's highlights: this report's marks, carried over to whatever was typed since.
    this.backdropMarks = report.text.length <= MAX_BACKDROP_CHARS ? { text: report.text, marks: this.marksOf(report) } : null;
    if (this.editing) this.drawBackdrop();
  }

  /** Switches between the annotated text (reading) and the plain editor (editing). */
  setEditing(on) {
    this.editing = on;
    this.editBox.hidden = !on;
    this.textBox.hidden = on;
    this.editButton.textContent = on ? '完成编辑' : '编辑';
    this.editButton.setAttribute('aria-pressed', String(on));
    this.updateEditButton();
    if (!on && this.current && this.textStale) this.renderText(this.current);
    if (on) this.drawBackdrop();
  }

  updateEditButton() { this.editButton.hidden = this.viewer || (this.editing && !this.current); }

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

  async exportReview(format = 'docx') {
    if (!REVIEW_URL) throw new Error('单文件版不含批注导出，请使用在线版');
    let m;
    try { m = await loadReview(); } catch (e) { this.showMessage(`导出失败：${e.message}`); throw e; }
    return m.exportReview(this, format);
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

  /** The files read: buttons drawn are kept, new ones appended (200 files, one frame). */
  renderFileList() {
    const drawn = this.fileList.children;
    if (drawn.length > this.files.length) this.fileList.textContent = '';
    const added = this.files.slice(drawn.length).map((r) => el('button', {
      type: 'button', onclick: () => { this.show(r); this.setEditing(false); },
    }, r.source.name));
    if (added.length) this.fileList.appendChild(fragment(added));
    this.files.forEach((r, i) => {
      const b = drawn[i], on = r === this.current;
      if (b.classList.contains('current') !== on) b.classList.toggle('current', on);
      if (b.getAttribute('aria-pressed') !== String(on)) b.setAttribute('aria-pressed', String(on));
    });
  }

  renderMeta({ meta: m, source, score }) {
    const row = (k, v) => [el('dt', {}, k), el('dd', {}, v || '—')];
    setChildren(this.metaBox, el('h2', { class: 'title' }, m.title || '（未识别到标题）'), el('dl', {},
      ...row('发文机关', m.issuers.join('、') + completedNote(m)), ...row('主送', m.recipients.join('、')),
      ...row('年度', m.year), ...row('层级', LEVEL_NAMES[m.level]),
      ...row('落款', [m.signedBy, m.date].filter(Boolean).join(' ')),
      ...row('来源', source.format === 'text' && !source.encoding ? '' : `${source.name}（${FORMAT_NAMES[source.format] || source.format}）`),
      ...(score ? row('评分', `${fmt(score.total)} / 100`) : [])));
  }

  renderParts({ parts }) {
    setChildren(this.partsBox, el('h2', {}, '五项法定内容'), el('ul', { class: 'parts' },
      ...parts.map((p) => el('li', { class: p.present ? 'yes' : 'no' }, el('span', { class: 'sr' }, p.present ? '有：' : '缺：'),
        PART_NAMES[p.part] || p.label, el('div', { class: 'where' }, p.headings.map((h) => h.title).join('；'))))));
  }

  renderTree({ outline }) {
    // A heading with sub-headings folds open and shut (<details>); every title jumps to the text.
    const item = (h) => {
      const jump = el('button', { type: 'button', class: 'link', onclick: () => this.highlight('h' + h.id, true) }, h.marker + h.title);
      if (!h.children.length) return el('li', { class: 'leaf' }, jump);
      return el('li', {}, el('details', { open: '' }, el('summary', {}, jump), list(h.children)));
    };
    const list = (nodes) => el('ul', { class: 'tree' }, nodes.map(item));
    setChildren(this.treeBox, el('h2', {}, '提纲'), outline.length ? list(outline) : el('p', { class: 'said' }, '（未识别到标题层级）'));
  }

  /** The findings set aside for the shown text (left out of the count and the review exports). */
  dismissed() { return this.current ? dismissedFor(this.current.text) : []; }

  /** Sets a finding aside with a reason, or (reason null) takes it back; stored for this text. */
  dismiss(f, reason) {
    const list = this.dismissed().filter((d) => !dismissalOf([d], f));
    if (reason !== null) list.push({ rule: f.rule, start: f.span ? f.span[0] : null, message: f.message, reason });
    storeDismissed(this.current.text, list);
    this.renderFindings(this.current);
  }

  renderFindings({ findings }) {
    // Every finding is listed; those with a span are buttons that light it up in the text. Each
    // can be set aside (忽略, with a reason) and taken back (恢复).
    const gone = this.dismissed();
    const row = (f, i) => {
      const [icon, name] = SEVERITY[f.severity] || ['•', f.severity];
      const d = dismissalOf(gone, f);
      const out = !!d;
      const why = d && d.reason;
      const body = el('div', {}, el('span', { class: 'icon', role: 'img', 'aria-label': name }, icon), el('span', { class: 'msg-text' }, f.message),
        f.suggestion ? el('div', { class: 'suggestion' }, '建议：' + f.suggestion) : '',
        el('span', { class: 'rule' }, ' ' + f.rule), out ? el('div', { class: 'said' }, '已忽略' + (why ? '：' + why : '')) : '');
      const spanned = f.span && f.span[1] > f.span[0];
      const attrs = { class: 'sev-' + f.severity + (out ? ' dismissed' : ''), title: name };
      if (spanned) attrs['data-span'] = f.span.join(',');
      const li = el('li', attrs, spanned ? el('button', { type: 'button', class: 'finding' }, body) : body);
      const toggle = el('button', { type: 'button', class: 'dismiss', title: out ? '恢复此问题' : '忽略此问题（不计入数目与导出）' }, out ? '恢复' : '忽略');
      toggle.addEventListener('click', (e) => {
        e.stopPropagation();
        if (out) { this.dismiss(f, null); return; }
        const reason = el('input', { type: 'text', placeholder: '理由（可不填）', 'aria-label': '忽略的理由' });
        const ok = el('button', { type: 'button', class: 'dismiss' }, '确定');
        const done = () => this.dismiss(f, reason.value.trim());
        ok.addEventListener('click', (ev) => { ev.stopPropagation(); done(); });
        reason.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') done(); });
        reason.addEventListener('click', (ev) => ev.stopPropagation());
        toggle.replaceWith(reason, ok);
        reason.focus();
      });
      li.append(toggle);
      if (spanned) {
        li.addEventListener('click', () => {
          for (const c of this.findingsBox.querySelectorAll('li.current')) c.classList.remove('current');
          li.classList.add('current');
          this.highlight('x' + i);
        });
      }
      return li;
    };
    const listed = findings.slice(0, MAX_LISTED).map(row);
    const more = findings.length - listed.length;
    const out = findings.filter((f) => dismissalOf(gone, f)).length;
    setChildren(this.findingsBox, el('h2', {}, `问题清单（${findings.length - out}${out ? `，已忽略 ${out}` : ''}）`), findings.length
      ? el('ol', { class: 'findings' }, listed) : el('p', { class: 'said' }, '未发现问题'),
      more > 0 ? el('p', { class: 'said' }, `另有 ${more} 条未列出（导出 JSON 可查看全部）`) : '');
  }

  renderIndicators({ indicators, figures }) {
    // The reported ones first; the 未报告 rows fold away under them.
    const row = (ind) => {
      const fig = ind.figure !== null ? figures[ind.figure] : undefined;
      const value = ind.reported
        ? el('button', { type: 'button', class: 'jump', onclick: () => { if (ind.figure !== null) this.highlight('f' + ind.figure); } },
          ind.value !== null ? fmt(ind.value) + (ind.unit || '') : '已报告')
        : el('span', { class: 'unreported' }, '未报告');
      return el('tr', { class: ind.reported ? 'reported' : 'unreported', 'data-id': ind.id }, el('td', {}, ind.label), el('td', {}, value),
        el('td', { class: 'said' }, fig ? fig.subject + fig.text : ''));
    };
    const reported = indicators.filter((i) => i.reported), missing = indicators.filter((i) => !i.reported);
    setChildren(this.indicatorsBox, el('h2', {}, `关键指标（已报告 ${reported.length} / ${indicators.length}，全文数字 ${figures.length} 个）`),
      reported.length ? el('table', { class: 'indicators' }, el('tbody', {}, reported.map(row))) : '',
      missing.length ? el('details', { class: 'missing' }, el('summary', {}, `未报告的指标（${missing.length}）`),
        el('table', { class: 'indicators' }, el('tbody', {}, missing.map(row)))) : '');
  }

  renderCitations({ citations }) {
    if (!citations.length) { setChildren(this.citationsBox); return; }
    const misses = citations.filter((c) => c.nearMiss).length;
    setChildren(this.citationsBox, el('details', { open: '' },
      el('summary', {}, el('h2', { class: 'inline' }, `引用文件（${citations.length}${misses ? `，疑似笔误 ${misses}` : ''}）`)),
      el('ul', { class: 'cites' }, citations.map((c, i) => el('li', {},
        el('button', { type: 'button', class: 'jump', onclick: () => this.highlight('c' + i) }, `《${c.title}》`),
        el('span', { class: 'said' }, ` ${KIND_NAMES[c.kind] || c.kind}`),
        c.nearMiss && c.known ? el('span', { class: 'miss-note' }, ` ⚠ 疑为《${c.known}》`) : '')))));
  }

  renderScore({ score }) {
    if (!score) { setChildren(this.scoreBox); return; }
    setChildren(this.scoreBox, el('details', {},
      el('summary', {}, el('h2', { class: 'inline' }, '评分 ', el('span', { class: 'total' }, fmt(score.total)), ' / 100')),
      el('table', { class: 'scorecard' },
        el('thead', {}, el('tr', {}, el('th', {}, '项目'), el('th', {}, '得分'), el('th', {}, '说明'))),
        el('tbody', {}, ...score.items.map((i) => el('tr', { 'data-id': i.id },
          el('td', {}, i.label), el('td', { class: 'pts' }, `${fmt(i.points)} / ${fmt(i.max)}`), el('td', { class: 'why' }, i.why)))))));
  }

  /** Every span the text view marks: headings, noise, figures, citations, findings (and a picked passage). */
  marksOf(report) {
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
    return marks;
  }

  renderText(report) {
    this.textStale = false;
    setChildren(this.textBox, drawMarks(report.text, this.marksOf(report)));
  }

  /**
   * While editing, the marks are drawn behind the (transparent) editor, so the highlights stay.
   * The last analysis's marks are carried over to the text being typed: marks before the edit
   * stay, marks after it shift, marks it touches go until the next analysis comes.
   */
  drawBackdrop() {
    const text = this.editor.value;
    if (text.length > MAX_BACKDROP_CHARS) { setChildren(this.backdrop); this.backdropMarks = null; return; }
    let marks = [];
    const base = this.backdropMarks;
    if (base) {
      const old = base.text;
      let p = 0;
      const most = Math.min(old.length, text.length);
      while (p < most && old.charCodeAt(p) === text.charCodeAt(p)) p++;
      let q = 0;
      while (q < most - p && old.charCodeAt(old.length - 1 - q) === text.charCodeAt(text.length - 1 - q)) q++;
      const delta = text.length - old.length, tail = old.length - q;
      for (const m of base.marks) {
        if (m.span[1] <= p) marks.push(m);
        else if (m.span[0] >= tail) marks.push({ span: [m.span[0] + delta, m.span[1] + delta], cls: m.cls });
      }
      this.backdropMarks = { text, marks };
    }
    // A trailing space: a final newline in a textarea opens a line a <pre> would not show.
    setChildren(this.backdrop, drawMarks(text, marks), ' ');
    this.backdrop.scrollTop = this.editor.scrollTop;
  }

  /** Marks a span of the current report's text (a passage found elsewhere) and scrolls to it. */
  reveal(span) {
    if (!this.current) return;
    this.picked = span;
    this.textStale = true;
    this.highlight('pick');
  }

  /**
   * Lights up every piece of the span with this key (`h3`, `f0`, `c2`, `x5`) in the annotated
   * text and scrolls to it; `moveFocus` (the outline's jumps) also puts the keyboard focus there.
   */
  highlight(key, moveFocus = false) {
    if (this.editing) this.setEditing(false);
    else if (this.textStale && this.current) this.renderText(this.current);
    for (const m of this.textBox.querySelectorAll('mark.active')) m.classList.remove('active');
    const pieces = this.textBox.querySelectorAll(`mark[data-k~="${key}"]`);
    for (const m of pieces) m.classList.add('active');
    if (!pieces.length) return;
    pieces[0].scrollIntoView({ block: 'center' });
    if (moveFocus) {
      pieces[0].setAttribute('tabindex', '-1');
      pieces[0].focus({ preventScroll: true });
    }
  }
}

const VIEWS = new WeakMap();
const view = (host) => VIEWS.get(host);

/** <fazhi-analyzer>: its public contract (docs/embed.md). Everything else lives in its View. */
class FazhiAnalyzer extends HTMLElement {
  static get observedAttributes() { return ['text', 'src', 'draft', 'dropzone']; }

  constructor() {
    super();
    VIEWS.set(this, new View(this));
  }

  connectedCallback() { view(this).connect(); }

  disconnectedCallback() { view(this).disconnect(); }

  attributeChangedCallback(name, old, value) { view(this).attributeChanged(name, old, value); }

  /** The report text; setting it analyzes it. */
  get text() { return view(this).editor.value; }

  set text(value) { view(this).setText(String(value ?? '')).catch(() => {}); }

  /** The report shown (the last analysis), or null. */
  get report() { return view(this).current; }

  /** Resolves once the analyzer has loaded (when fazhi-ready fires). */
  get ready() { return view(this).ready; }

  /** Analyzes a text (named like a file when `name` is given), shows it, and resolves to its report. */
  analyze(text, name) { return view(this).analyzeWhole(text, name); }

  /** Reads files (a FileList, or Files/Blobs) and resolves to the reports read; failures fire fazhi-error. */
  open(files) { return view(this).openFiles(Array.from(files || [])); }

  /** Downloads the review (docs/embed.md). */
  exportReview(format) { return view(this).exportReview(format); }

  /** The findings set aside (忽略) in a text, as stored in this browser: [{ rule, start, message, reason }]. */
  static dismissedFor(text) { return dismissedFor(text); }

  /** Shows a report analyzed elsewhere (the batch's report view). */
  show(report) { const v = view(this); v.show(report); v.setEditing(false); }

  /** Marks a span [start, end) of the shown text and scrolls to it. */
  reveal(span) { view(this).reveal(span); }
}

// Test hook (not part of the contract): the element's internals.
Object.defineProperty(FazhiAnalyzer.prototype, Symbol.for('fazhi.view'), { get() { return view(this); } });

/** A number as people write it: no trailing `.0`, at most two decimals. */
function fmt(x) { return String(Math.round(x * 100) / 100); }

if (!customElements.get('fazhi-analyzer')) customElements.define('fazhi-analyzer', FazhiAnalyzer);
