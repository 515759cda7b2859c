// <fazhi-batch>: batch review of many reports — the table (sortable, filterable, totals), the
// passages two issuers share (照搬照抄), the same issuer year over year (逐年对照), exports (CSV,
// Excel, JSON Lines), the charts above the table (batch-charts.js), and each report's full view
// (a <fazhi-analyzer viewer>). Files are read in a
// Web Worker (batch-worker.js); report text is only ever rendered as text, never as HTML.
import './fazhi-analyzer.js';
import { Engine } from './batch-engine.js';
import { charts } from './batch-charts.js';

// The worker script and the spreadsheet writer (a wasm module loaded when 导出 Excel is clicked).
// The single file (file://, where no worker can start) reads on the page's thread and has no Excel.
const WORKER_URL = './batch-worker.js';
const XLSX_URL = './pkg/xlsx/fazhi.js';
// The review exports (review-export.js, its wasm module), loaded on the first click; null in the single file.
const REVIEW_URL = './review-export.js';
const inThreadWasm = async () => { const m = await import('./pkg/batch/fazhi.js'); await m.default(); return m; };
let readers = null;
const inThreadReaders = () => (readers = readers || import('./pkg/readers/fazhi.js').then(async (m) => { await m.default(); return m; }));

const PARTS = [
  ['举措', '主要举措和成效'], ['不足', '存在的不足和原因'], ['第一责任人', '党政主要负责人履行第一责任人职责情况'],
  ['安排', '下一年度主要安排'], ['其他', '其他需要报告的情况'],
];
const LEVEL_NAMES = { town: '乡镇', county: '县区', city: '市', province: '省', department: '部门', unknown: '未知' };
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const CSS = `
:host { display: block; font-family: inherit; font-size: 14px; }
.box { background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: 10px; margin: 12px; min-width: 0; }
.bar { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; margin-bottom: 6px; }
.drop { border: 2px dashed #c9b8b8; border-radius: 6px; padding: 10px; color: #666; }
.drop.over { border-color: #8b1a1a; background: #fdf3f3; }
.pick { display: inline-flex; gap: 4px; align-items: center; cursor: pointer; }
.pick input { display: none; }
.pick span, button { font: inherit; font-size: 13px; padding: 3px 10px; border: 1px solid #bbb; border-radius: 4px; background: #f7f7f7; cursor: pointer; color: #222; }
button:disabled { opacity: .5; cursor: default; }
.progress { display: flex; gap: 8px; align-items: center; }
.progress[hidden], [hidden] { display: none !important; }
progress { width: 220px; }
.msg { color: #a00; font-size: 13px; white-space: pre-line; }
.tabs { display: flex; gap: 2px; border-bottom: 1px solid #ccc; margin: 8px 0; }
.tabs button { border: 1px solid #ccc; border-bottom: none; border-radius: 4px 4px 0 0; background: #eee; }
.tabs button[aria-selected="true"] { background: #fff; font-weight: 600; position: relative; top: 1px; }
.filter { display: flex; gap: 6px; align-items: center; flex-wrap: wrap; margin-bottom: 6px; }
.filter input { flex: 1 1 260px; font: inherit; padding: 3px 6px; min-width: 0; }
.filter .hint { color: #666; font-size: 12px; flex-basis: 100%; }
.quick button { font-size: 12px; padding: 1px 8px; border-radius: 10px; }
.scroll { overflow: auto; max-height: 70vh; border: 1px solid #eee; }
table { border-collapse: collapse; font-size: 13px; width: max-content; min-width: 100%; }
th, td { padding: 3px 6px; border-bottom: 1px solid #eee; text-align: left; white-space: nowrap; }
thead th { position: sticky; top: 0; background: #f3efe9; cursor: pointer; user-select: none; z-index: 1; font-weight: 600; }
thead th[aria-sort="ascending"]::after { content: ' ▲'; } thead th[aria-sort="descending"]::after { content: ' ▼'; }
tfoot td { position: sticky; bottom: 0; background: #f3efe9; color: #444; }
th.file, td.file { position: sticky; left: 0; background: #fff; max-width: 16em; overflow: hidden; text-overflow: ellipsis; z-index: 1; }
thead th.file { z-index: 2; background: #f3efe9; } tfoot td.file { background: #f3efe9; z-index: 2; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.yes { color: #1a7f37; text-align: center; } td.no { color: #b42318; text-align: center; font-weight: 600; }
tbody tr { cursor: pointer; } tbody tr:hover td { background: #fdf3f3; }
tr.failed td { color: #888; } td.err { color: #a00; white-space: normal; min-width: 16em; }
td.low { color: #b42318; font-weight: 600; }
.count { color: #666; font-size: 12px; }
.passage { border-left: 3px solid #d4a72c; padding: 4px 8px; margin: 8px 0; background: #fffdf5; }
.passage .text { white-space: pre-wrap; margin: 4px 0; line-height: 1.6; }
.passage .meta, .said { color: #666; font-size: 12px; }
.side { display: flex; gap: 6px; flex-wrap: wrap; }
button.link { all: unset; cursor: pointer; color: #0550ae; } button.link:hover { text-decoration: underline; }
.pair { border: 1px solid #e3dccf; border-radius: 6px; padding: 8px 10px; margin: 10px 0; }
.pair h3 { margin: 0 0 6px; font-size: 15px; }
.pair table { width: auto; min-width: 0; }
ul.promises { list-style: none; padding: 0; margin: 6px 0; }
ul.promises li { margin: 4px 0; padding: 3px 6px; border-left: 3px solid #ccc; }
ul.promises li.kept { border-color: #1a7f37; } ul.promises li.missed { border-color: #b42318; }
.tag { font-weight: 600; margin-right: 6px; } .kept .tag { color: #1a7f37; } .missed .tag { color: #b42318; }
.evidence { color: #444; font-size: 13px; margin-top: 2px; }
.empty { color: #888; padding: 12px 0; }
.viewer-bar { display: flex; gap: 8px; align-items: center; margin: 12px 12px 0; flex-wrap: wrap; }
details.charts > summary { cursor: pointer; font-weight: 600; margin: 4px 0; }
.charts .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(330px, 1fr)); grid-gap: 10px; margin: 6px 0 10px; }
figure.chart { margin: 0; border: 1px solid #eee; border-radius: 4px; padding: 6px; min-width: 0; }
figure.chart figcaption { font-size: 13px; margin-bottom: 4px; }
figure.chart figcaption button { margin-left: 8px; font-size: 12px; }
figure.chart svg { display: block; width: 100%; height: auto; max-width: 100%; }
figure.chart[data-chart="五项内容"] svg, figure.chart[data-chart="照搬比例"] svg { max-height: 520px; }
figure.chart g[role="link"]:hover > text, figure.chart g[role="link"]:focus > text { text-decoration: underline; }
figure.chart g[role="link"]:focus { outline: none; } figure.chart g[role="link"]:focus > rect:first-of-type { stroke: #0550ae; }
@media (max-width: 700px) { .box { margin: 6px; padding: 6px; } progress { width: 120px; } }
`;

// Flex gap needs Chromium 84 (@supports cannot tell it from grid's gap, so it is measured): where
// it is missing, the flex rows above get margins instead, and look the same.
const FLEX_GAP = (() => {
  const d = document.createElement('div');
  d.style.cssText = 'display: flex; flex-direction: column; row-gap: 1px; position: absolute; visibility: hidden';
  d.appendChild(document.createElement('div'));
  d.appendChild(document.createElement('div'));
  document.documentElement.appendChild(d);
  const ok = d.scrollHeight === 1;
  d.remove();
  return ok;
})();
const NO_FLEX_GAP_CSS = `
.bar > * + *, .progress > * + *, .viewer-bar > * + * { margin-left: 8px; }
.tabs > * + * { margin-left: 2px; }
.filter > * + *:not(.hint), .side > * + * { margin-left: 6px; }
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
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.className = v; else if (k.startsWith('on')) e.addEventListener(k.slice(2), v); else e.setAttribute(k, v);
  }
  for (const c of children) if (c !== null && c !== undefined) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return e;
}

/** A number as people write it: no trailing `.0`, at most two decimals. */
const fmt = (x) => (x === null || x === undefined ? '' : String(Math.round(x * 100) / 100));
const pct = (x) => `${Math.round(x * 100)}%`;

/** The worker, or the engine on this thread: `send(msg)`, `request(msg)` → reply, `onmessage`. */
// A file the batch's worker reads longer than this is skipped (the worker replaced, the batch replayed).
const FILE_TIME_LIMIT_MS = 20_000;

/**
 * Talks to the batch engine: in a Web Worker (batch-worker.js), or on this thread when no worker
 * can start (file://). The worker is supervised: a file that traps the wasm or runs past the time
 * limit gets a failure row, the worker is replaced, and the files added since the last clear are
 * sent again (the engine's batch lives in the worker's memory), the culprit marked as failed.
 * Test-only: `timeLimit` (ms) and `test` ({ name, kind: 'trap' | 'hang' }: that file fails so once).
 */
class Client {
  constructor(onmessage) {
    this.onmessage = onmessage;
    this.replies = new Map();
    this.next = 1;
    this.ready = null; // started by the first message: the page loads no worker until a batch is read
    this.worker = null;
    this.sent = []; // every { file, name } added since the last clear, in order
    this.failed = {}; // name → message: files that trapped or hung, replayed as failures
    this.reading = null; // the file the worker is reading now
    this.timer = 0;
    this.timeLimit = FILE_TIME_LIMIT_MS;
    this.test = null;
  }

  start_() {
    this.ready = this.ready || this.start();
    return this.ready;
  }

  async start() {
    if (WORKER_URL && typeof Worker !== 'undefined') {
      try {
        const w = new Worker(new URL(WORKER_URL, import.meta.url), { type: 'module' });
        await new Promise((resolve, reject) => {
          w.onmessage = (e) => {
            if (e.data.type === 'ready') resolve();
            else if (e.data.type === 'fatal') reject(new Error(e.data.message));
            else this.receive(e.data);
          };
          w.onerror = (e) => reject(new Error(e.message || '无法启动后台线程'));
        });
        // Once running, a worker that dies is a trap of the file it was reading.
        w.onerror = (e) => { e.preventDefault(); this.replace(`分析程序出错（${e.message || '后台线程异常退出'}），已跳过此文件`); };
        this.worker = w;
        this.post = (m) => w.postMessage(m);
        return;
      } catch { /* fall back to this thread */ }
    }
    const engine = new Engine(await inThreadWasm(), (m) => this.receive(m), false, inThreadReaders);
    this.post = (m) => engine.handle(m);
  }

  receive(m) {
    if (m.type === 'reading') {
      this.reading = m.name;
      if (this.worker) {
        clearTimeout(this.timer);
        this.timer = setTimeout(() => this.replace(`分析超过 ${this.timeLimit / 1000} 秒，已停止并跳过此文件`), this.timeLimit);
      }
      return;
    }
    if (m.type === 'trap') { this.replace(`分析程序出错（${m.message}），已跳过此文件`); return; }
    if (m.type === 'result') { clearTimeout(this.timer); this.reading = null; }
    if (m.type === 'reply') {
      const reply = this.replies.get(m.id);
      this.replies.delete(m.id);
      if (reply) reply(m.data);
    } else this.onmessage(m);
  }

  /** The worker trapped or hung on `this.reading`: a fresh worker reads the batch again, that file failed. */
  replace(message) {
    clearTimeout(this.timer);
    if (!this.worker) return;
    this.worker.onerror = null;
    this.worker.terminate();
    this.worker = null;
    if (this.reading) this.failed[this.reading] = message;
    this.reading = null;
    for (const reply of this.replies.values()) reply(null); // asked of the old batch
    this.replies.clear();
    this.ready = null;
    this.start_().then(() => this.post({ type: 'add', files: this.sent, failed: this.failed }),
      (e) => this.onmessage({ type: 'fatal', message: e.message }));
  }

  async send(msg) {
    if (msg.type === 'add') {
      this.sent.push(...msg.files);
      if (this.test) { msg = { ...msg, test: this.test }; this.test = null; }
    }
    if (msg.type === 'clear') { this.sent = []; this.failed = {}; }
    await this.start_();
    this.post(msg);
  }

  async request(msg) {
    await this.start_();
    const id = this.next++;
    return new Promise((resolve) => { this.replies.set(id, resolve); this.post({ ...msg, id }); });
  }
}

/** Every file under dropped items, folders read recursively: [{file, name}] with relative paths. */
async function droppedFiles(dataTransfer) {
  const entries = [...dataTransfer.items].map((i) => i.webkitGetAsEntry?.()).filter(Boolean);
  if (!entries.length) return [...dataTransfer.files].map((f) => ({ file: f, name: f.name }));
  const out = [];
  const walk = async (entry, prefix) => {
    if (entry.isFile) {
      const file = await new Promise((res, rej) => entry.file(res, rej));
      out.push({ file, name: prefix + file.name });
    } else if (entry.isDirectory) {
      const reader = entry.createReader();
      for (;;) {
        const batch = await new Promise((res, rej) => reader.readEntries(res, rej));
        if (!batch.length) break;
        for (const e of batch) if (!e.name.startsWith('.')) await walk(e, prefix + entry.name + '/');
      }
    }
  };
  for (const e of entries) await walk(e, '');
  return out;
}

/**
 * The filter: words separated by spaces, all must hold. `part3=✘` (or 缺少第3部分), `score<60`,
 * `year!=2024`, `errors>0`, `reuse>=10` (percent), `未报告:行政复议案件` / `已报告:…` (a key
 * indicator of `indicatorColumns`), `失败` / `error` for unreadable files; any other word is looked
 * for in the file name, issuer and message.
 */
export function parseFilter(q, indicatorColumns = []) {
  const tests = [];
  const FIELDS = { score: 'score', 得分: 'score', year: 'year', 年度: 'year', errors: 'errors', 错误: 'errors',
    warnings: 'warnings', 警告: 'warnings', notes: 'notes', 提示: 'notes', reuse: 'reuse', 照搬: 'reuse' };
  const CN = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5 };
  const cmp = { '<': (a, b) => a < b, '<=': (a, b) => a <= b, '>': (a, b) => a > b, '>=': (a, b) => a >= b,
    '=': (a, b) => a === b, '==': (a, b) => a === b, '!=': (a, b) => a !== b, '≠': (a, b) => a !== b };
  for (const raw of q.trim().split(/\s+/).filter(Boolean)) {
    const tok = raw.replace(/＜/g, '<').replace(/＞/g, '>').replace(/＝/g, '=').replace(/！/g, '!');
    let m;
    if ((m = tok.match(/^缺少?第?([1-5一二三四五])部分$/))) {
      const k = (CN[m[1]] ?? Number(m[1])) - 1;
      tests.push((r) => !r.error && !r.parts[k]);
    } else if ((m = tok.match(/^(?:part|部分)([1-5])(=|!=|≠)(✔|✘|y|n|yes|no|1|0|有|无)$/i))) {
      const k = Number(m[1]) - 1;
      const want = /^(✔|y|yes|1|有)$/i.test(m[3]) !== (m[2] !== '=');
      tests.push((r) => !r.error && r.parts[k] === want);
    } else if ((m = tok.match(/^([a-z]+|[\u4e00-\u9fff]+)(<=|>=|!=|==|≠|=|<|>)(-?\d+(?:\.\d+)?)%?$/i)) && FIELDS[m[1].toLowerCase()]) {
      const f = FIELDS[m[1].toLowerCase()];
      const v = Number(m[3]);
      const op = cmp[m[2]];
      tests.push((r) => {
        if (r.error) return false;
        const x = f === 'reuse' ? Math.round(r.reusedShare * 100) : r[f];
        return x !== null && x !== undefined && op(x, v);
      });
    } else if ((m = tok.match(/^(未报告|已报告)[:：](.+)$/)) && indicatorColumns.some((c) => c.label === m[2])) {
      const k = indicatorColumns.findIndex((c) => c.label === m[2]);
      const given = m[1] === '已报告';
      tests.push((r) => !r.error && (r.indicators[k] !== null && r.indicators[k] !== undefined) === given);
    } else if (/^(error|失败|无法读取)$/i.test(tok)) {
      tests.push((r) => !!r.error);
    } else {
      const w = tok.toLowerCase();
      tests.push((r) => [r.file, r.issuer, r.error].some((s) => s && s.toLowerCase().includes(w)));
    }
  }
  return (r) => tests.every((t) => t(r));
}

class FazhiBatch extends HTMLElement {
  constructor() {
    super();
    this.root = this.attachShadow({ mode: 'open' });
    this.result = null;
    this.sort = { col: null, dir: 1 };
    this.filter = '';
    this.tab = 'table';
  }

  connectedCallback() {
    if (!this.client) {
      this.render();
      this.client = new Client((m) => this.onEngine(m));
    }
    // Files dropped on the element are the batch's; with dropzone="page" (the tool's own page)
    // also files dropped anywhere on the page that nothing else took, while the table is shown.
    this.dropTarget = this.getAttribute('dropzone') === 'page' ? window : this;
    this.dropTarget.addEventListener('dragover', this.onPageDragOver);
    this.dropTarget.addEventListener('drop', this.onPageDrop);
  }

  disconnectedCallback() {
    if (!this.dropTarget) return;
    this.dropTarget.removeEventListener('dragover', this.onPageDragOver);
    this.dropTarget.removeEventListener('drop', this.onPageDrop);
    this.dropTarget = null;
  }

  /** Whether a drop is the batch's: files, not taken by the page, not on one of the page's own fields. */
  wantsDrop(e) {
    const types = e.dataTransfer && e.dataTransfer.types;
    if (!types || Array.prototype.indexOf.call(types, 'Files') < 0 || e.defaultPrevented) return false;
    if (!this.getClientRects().length || !this.viewerBox.hidden) return false;
    const path = e.composedPath ? e.composedPath() : [e.target];
    const t = path[0];
    return path.indexOf(this) >= 0 || !(t instanceof Element && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.isContentEditable));
  }

  render() {
    const style = el('style'); style.textContent = FLEX_GAP ? CSS : CSS + NO_FLEX_GAP_CSS;
    const picker = (label, attrs) => {
      const input = el('input', { type: 'file', multiple: '', ...attrs });
      input.addEventListener('change', () => {
        this.addFiles([...input.files].map((f) => ({ file: f, name: f.webkitRelativePath || f.name })));
        input.value = '';
      });
      return el('label', { class: 'pick' }, input, el('span', {}, label));
    };
    this.filesInput = picker('选择文件…', { 'data-role': 'files' });
    this.folderInput = picker('选择文件夹…', { webkitdirectory: '', 'data-role': 'folder' });
    this.progressBar = el('progress', { max: 1, value: 0 });
    this.progressText = el('span', { class: 'progress-text', 'aria-live': 'polite' });
    this.cancelButton = el('button', { onclick: () => this.client.send({ type: 'cancel' }) }, '取消');
    this.progressBox = el('div', { class: 'progress', hidden: '' }, this.progressBar, this.progressText, this.cancelButton);
    this.messageBox = el('div', { class: 'msg', role: 'alert' });
    this.exportButtons = [
      el('button', { onclick: () => this.exportCsv() }, '导出 CSV'),
      el('button', { onclick: () => this.exportXlsx(), title: XLSX_URL ? '' : '单文件版不含 Excel 导出：请导出 CSV（Excel、WPS 可直接打开），或使用网页版' }, '导出 Excel'),
      el('button', { onclick: () => this.exportJsonl() }, '导出 JSON Lines'),
      el('button', { onclick: () => this.exportAllReviews('docx'), title: REVIEW_URL ? '每份报告的批注版 .docx，打包为一个 .zip' : '单文件版不含批注导出，请使用网页版' }, '全部导出批注版（.zip）'),
      el('button', { onclick: () => this.exportAllReviews('sheet'), title: REVIEW_URL ? '每份报告的审阅意见 .docx，打包为一个 .zip' : '单文件版不含批注导出，请使用网页版' }, '全部导出审阅意见（.zip）'),
      el('button', { onclick: () => this.client.send({ type: 'clear' }) }, '清空'),
    ];
    if (!XLSX_URL) this.exportButtons[1].disabled = true;
    this.drop = el('div', { class: 'drop' },
      el('div', { class: 'bar' }, this.filesInput, this.folderInput,
        el('span', {}, '或把多份报告、整个文件夹或 .zip 压缩包拖到这里（.docx、.doc、WPS、PDF、OFD、网页、.txt）。全部在本机读取，不上传。')),
      this.progressBox);
    this.tabButtons = {};
    const tab = (id, label) => (this.tabButtons[id] = el('button', { role: 'tab', onclick: () => this.showTab(id) }, label));
    this.tabsBar = el('div', { class: 'tabs', role: 'tablist' }, tab('table', '批量表'), tab('reuse', '照搬照抄'), tab('years', '逐年对照'));
    this.filterInput = el('input', { type: 'search', 'aria-label': '筛选', placeholder: '筛选：part3=✘  score<60  year!=2024  或文件名、机关名' });
    this.filterInput.addEventListener('input', () => { this.filter = this.filterInput.value; this.renderBody(); });
    this.quick = el('span', { class: 'quick bar' });
    this.filterBox = el('div', { class: 'filter' }, el('label', {}, '筛选'), this.filterInput, this.quick,
      el('span', { class: 'hint' }, '空格分隔、同时满足：part3=✘ 缺少第3部分（1 举措、2 不足、3 第一责任人、4 安排、5 其他）；score<60 得分低于 60；year!=2024 年度不是 2024；errors>0、reuse>=10（照搬比例 %）；未报告:行政复议案件（关键指标）；“无法读取”；其他文字按文件名、发文机关查找。'));
    this.countBox = el('div', { class: 'count' });
    this.table = el('table', { class: 'batch' });
    this.scroller = el('div', { class: 'scroll' }, this.table);
    this.panels = {
      table: el('section', { role: 'tabpanel', 'data-panel': 'table' }, this.chartsBox = el('details', { class: 'charts', open: '', hidden: '' }),
        this.filterBox, this.countBox, this.scroller),
      reuse: el('section', { role: 'tabpanel', 'data-panel': 'reuse' }),
      years: el('section', { role: 'tabpanel', 'data-panel': 'years' }),
    };
    this.main = el('div', { class: 'box' }, this.drop, this.messageBox, el('div', { class: 'bar' }, ...this.exportButtons),
      this.tabsBar, ...Object.values(this.panels));
    // The report view: a <fazhi-analyzer viewer>, made when the first report is opened.
    this.viewer = null;
    this.viewerTitle = el('span', { class: 'said' });
    this.viewerBox = el('div', { hidden: '' }, el('div', { class: 'viewer-bar' },
      el('button', { class: 'back', onclick: () => this.back() }, '返回批量表'), this.viewerTitle,
      ...(REVIEW_URL ? [el('button', { onclick: () => this.exportRow(this.viewing, 'docx').catch(() => {}) }, '导出批注版'),
        el('button', { onclick: () => this.exportRow(this.viewing, 'sheet').catch(() => {}) }, '导出审阅意见')] : [])));
    setChildren(this.root, style, this.main, this.viewerBox);
    this.showTab('table');
    this.renderAll();

    const zone = this.drop;
    zone.addEventListener('dragover', (e) => { e.preventDefault(); zone.classList.add('over'); });
    zone.addEventListener('dragleave', () => zone.classList.remove('over'));
    const onDrop = async (e) => {
      e.preventDefault();
      e.stopPropagation();
      zone.classList.remove('over');
      if (e.dataTransfer) this.addFiles(await droppedFiles(e.dataTransfer));
    };
    zone.addEventListener('drop', onDrop);
    this.onPageDragOver = (e) => { if (this.wantsDrop(e)) e.preventDefault(); };
    this.onPageDrop = (e) => { if (this.wantsDrop(e)) onDrop(e); };
  }

  showMessage(t) { this.messageBox.textContent = t; }

  addFiles(list) {
    if (!list.length) return;
    this.showMessage('');
    this.client.send({ type: 'add', files: list }).catch((e) => this.showMessage('批量读取模块加载失败：' + e.message));
  }

  onEngine(m) {
    if (m.type === 'progress') {
      this.progressBox.hidden = false;
      this.progressBar.max = Math.max(1, m.total);
      this.progressBar.value = m.done;
      this.progressText.textContent = `已读 ${m.done} / ${m.total}`;
    } else if (m.type === 'fatal') {
      this.showMessage('批量读取模块加载失败：' + m.message);
    } else if (m.type === 'result') {
      this.progressBox.hidden = true;
      this.result = m.result;
      if (m.cancelled) this.showMessage(`已取消：读入 ${m.result.rows.length} 份，其余未读。`);
      this.renderAll();
      this.dispatchEvent(new CustomEvent('fazhi-batch', { detail: m.result, bubbles: true, composed: true }));
    }
  }

  showTab(id) {
    this.tab = id;
    if (id === 'reuse') this.renderReuse();
    if (id === 'years') this.renderYears();
    for (const [k, b] of Object.entries(this.tabButtons)) b.setAttribute('aria-selected', String(k === id));
    for (const [k, p] of Object.entries(this.panels)) p.hidden = k !== id;
  }

  // ---- the table ----

  columns() {
    const r = this.result;
    const cols = [
      { id: 'file', label: '文件', cls: 'file', get: (x) => x.file },
      { id: 'issuer', label: '发文机关', get: (x) => x.issuer },
      { id: 'level', label: '层级', get: (x) => (x.level ? LEVEL_NAMES[x.level] || x.level : null) },
      { id: 'year', label: '年度', num: true, get: (x) => x.year },
      { id: 'date', label: '成文日期', get: (x) => x.date },
      ...PARTS.map(([short, full], k) => ({ id: 'part' + (k + 1), label: short, title: `第${k + 1}部分：${full}`, part: k, get: (x) => (x.error ? null : x.parts[k] ? 1 : 0) })),
      { id: 'score', label: '得分', num: true, get: (x) => x.score },
      { id: 'errors', label: '错误', num: true, get: (x) => (x.error ? null : x.errors) },
      { id: 'warnings', label: '警告', num: true, get: (x) => (x.error ? null : x.warnings) },
      { id: 'notes', label: '提示', num: true, get: (x) => (x.error ? null : x.notes) },
      { id: 'reuse', label: '照搬比例', num: true, pct: true, get: (x) => (x.error ? null : x.reusedShare) },
      ...(r ? r.indicatorColumns : []).map((c, k) => ({ id: 'ind:' + c.id, label: c.label, num: true, indicator: true, get: (x) => x.indicators[k] })),
    ];
    return cols;
  }

  visibleRows() {
    if (!this.result) return [];
    const keep = parseFilter(this.filter, this.result.indicatorColumns);
    const rows = this.result.rows.filter(keep);
    const col = this.columns().find((c) => c.id === this.sort.col);
    if (col) {
      const d = this.sort.dir;
      rows.sort((a, b) => {
        const x = col.get(a), y = col.get(b);
        if (x === null || x === undefined) return y === null || y === undefined ? a.index - b.index : 1; // empty last
        if (y === null || y === undefined) return -1;
        return (typeof x === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-CN')) * d || a.index - b.index;
      });
    }
    return rows;
  }

  renderAll() {
    const r = this.result;
    const n = r ? r.rows.length : 0;
    this.tabButtons.table.textContent = `批量表（${n}）`;
    this.tabButtons.reuse.textContent = `照搬照抄（${r ? r.reuse.length : 0}）`;
    this.tabButtons.years.textContent = `逐年对照（${r ? r.years.length : 0}）`;
    for (const b of this.exportButtons.slice(0, 5)) b.disabled = !n || (b.textContent === '导出 Excel' && !XLSX_URL) || (/批注|审阅/.test(b.textContent) && !REVIEW_URL);
    this.renderQuick();
    this.renderCharts();
    this.renderHead();
    this.renderBody();
    // The panels are drawn when shown.
    if (this.tab === 'reuse') this.renderReuse();
    if (this.tab === 'years') this.renderYears();
  }

  /** The charts above the table: a report's marks open it, the others filter the table. */
  renderCharts() {
    const act = {
      open: (i) => this.open(i),
      filter: (q) => { this.filterInput.value = q; this.filter = q; this.renderBody(); this.filterBox.scrollIntoView({ block: 'start' }); },
    };
    const figs = charts(this.result, act);
    this.chartsBox.hidden = !figs;
    if (figs) setChildren(this.chartsBox, el('summary', {}, '一览图'), el('div', { class: 'grid' }, ...figs));
  }

  renderQuick() {
    const years = new Map();
    for (const row of this.result?.rows ?? []) if (row.year) years.set(row.year, (years.get(row.year) || 0) + 1);
    const common = [...years].sort((a, b) => b[1] - a[1])[0]?.[0];
    const q = (label, f) => el('button', { onclick: () => { this.filterInput.value = f; this.filter = f; this.renderBody(); } }, label);
    setChildren(this.quick, q('缺少第3部分', 'part3=✘'), q('得分 < 60', 'score<60'),
      common ? q(`年度 ≠ ${common}`, `year!=${common}`) : '', q('有照搬', 'reuse>0'), q('无法读取', '无法读取'), q('全部', ''));
  }

  renderHead() {
    const cols = this.columns();
    setChildren(this.table, el('thead', {}, el('tr', {}, ...cols.map((c) => {
      const th = el('th', { class: c.cls, title: c.title || `按${c.label}排序`, scope: 'col',
        'aria-sort': this.sort.col === c.id ? (this.sort.dir > 0 ? 'ascending' : 'descending') : null }, c.label);
      th.addEventListener('click', () => {
        this.sort = this.sort.col === c.id ? { col: c.id, dir: -this.sort.dir } : { col: c.id, dir: 1 };
        this.renderHead();
        this.renderBody();
      });
      return th;
    }))), el('tbody'), el('tfoot'));
  }

  renderBody() {
    const cols = this.columns();
    const rows = this.visibleRows();
    const total = this.result?.rows.length ?? 0;
    const body = this.table.tBodies[0];
    const cell = (c, row) => {
      const v = c.get(row);
      if (c.part !== undefined) return v === null ? el('td') : el('td', { class: v ? 'yes' : 'no' }, v ? '✔' : '✘');
      if (c.id === 'issuer' && row.error) return el('td', { class: 'err', colspan: String(cols.length - 1) }, '无法读取：' + row.error);
      if (c.pct) return el('td', { class: 'num' }, v === null ? '' : pct(v));
      if (c.num) return el('td', { class: 'num' + (c.id === 'score' && v !== null && v < 60 ? ' low' : '') }, fmt(v));
      return el('td', { class: c.cls, title: c.id === 'file' ? row.file : null }, v ?? '');
    };
    const line = (row) => {
      const tr = el('tr', { 'data-index': String(row.index), class: row.error ? 'failed' : null });
      tr.append(cell(cols[0], row));
      if (row.error) tr.append(cell(cols[1], row)); else for (const c of cols.slice(1)) tr.append(cell(c, row));
      tr.addEventListener('click', () => this.open(row.index));
      return tr;
    };
    // Rows are drawn CHUNK per frame, so that a table of hundreds never holds a frame up long.
    const CHUNK = 60;
    const token = (this.drawing = (this.drawing || 0) + 1);
    setChildren(body, ...rows.slice(0, CHUNK).map(line));
    const more = (from) => {
      if (token !== this.drawing || from >= rows.length) return;
      body.append(...rows.slice(from, from + CHUNK).map(line));
      requestAnimationFrame(() => more(from + CHUNK));
    };
    requestAnimationFrame(() => more(CHUNK));
    if (!total) body.append(el('tr', {}, el('td', { class: 'empty', colspan: String(cols.length) }, '还没有报告：选择或拖入文件。')));
    // The foot: over the rows shown — parts missed, sums and averages.
    const read = rows.filter((r) => !r.error);
    const foot = cols.map((c) => {
      if (c.id === 'file') return el('td', { class: 'file' }, `合计 ${rows.length} 份${rows.length < total ? `（共 ${total}）` : ''}`);
      if (c.id === 'issuer') { const failed = rows.length - read.length; return el('td', {}, failed ? `无法读取 ${failed}` : ''); }
      if (c.part !== undefined) { const miss = read.filter((r) => !r.parts[c.part]).length; return el('td', { class: miss ? 'no' : 'yes', title: `缺少第${c.part + 1}部分的报告数` }, `缺 ${miss}`); }
      const vals = read.map((r) => c.get(r)).filter((v) => typeof v === 'number');
      if (!vals.length || !c.num || c.id === 'year') return el('td');
      const sum = vals.reduce((a, b) => a + b, 0);
      if (c.id === 'score') return el('td', { class: 'num', title: '平均分' }, '均 ' + fmt(sum / vals.length));
      if (c.pct) return el('td', { class: 'num', title: '有照搬的报告数' }, `${vals.filter((v) => v > 0).length} 份`);
      if (c.indicator && /率/.test(c.label)) return el('td', { class: 'num', title: '平均' }, '均 ' + fmt(sum / vals.length));
      return el('td', { class: 'num', title: `合计（${vals.length} 份报告了）` }, fmt(sum));
    });
    setChildren(this.table.tFoot, el('tr', {}, ...foot));
    this.countBox.textContent = total ? `显示 ${rows.length} / ${total} 份。点表头排序，点一行查看该报告。` : '';
  }

  // ---- reading across reports ----

  fileButton(index, span, label) {
    const name = this.result.rows[index]?.file ?? '?';
    return el('button', { class: 'link', title: '打开该报告并标出这段文字', onclick: () => this.open(index, span) }, label ?? name);
  }

  renderReuse() {
    const p = this.panels.reuse;
    const list = this.result?.reuse ?? [];
    if (!list.length) { setChildren(p, el('p', { class: 'empty' }, this.result?.rows.length ? '未发现不同发文机关之间相同的段落（至少 30 字，各报告都有的套话不计）。' : '读入报告后，这里列出不同发文机关的报告中相同的段落。')); return; }
    setChildren(p, el('p', { class: 'said' }, `不同发文机关的报告中相同的段落（至少 30 字；多数报告都有的套话不计）：${list.length} 处。点文件名查看它在该报告中的位置。`),
      ...list.map((x) => el('div', { class: 'passage' },
        el('div', { class: 'side' }, this.fileButton(x.a.file, x.a.span), '↔', this.fileButton(x.b.file, x.b.span),
          el('span', { class: 'meta' }, `${x.chars} 字`)),
        el('div', { class: 'text' }, x.text))));
  }

  renderYears() {
    const p = this.panels.years;
    const list = this.result?.years ?? [];
    if (!list.length) { setChildren(p, el('p', { class: 'empty' }, '批次中没有同一发文机关相邻两年的报告。')); return; }
    const rows = this.result.rows;
    setChildren(p, ...list.map((y) => {
      const kept = y.promises.filter((x) => x.evidence).length;
      const inds = y.indicators.length ? el('table', {}, el('thead', {}, el('tr', {}, el('th', {}, '关键指标'), el('th', {}, `${y.earlierYear} 年`), el('th', {}, `${y.laterYear} 年`))),
        el('tbody', {}, ...y.indicators.map((i) => el('tr', {}, el('td', {}, i.label),
          el('td', { class: 'num' }, i.earlier === null ? '未报告' : fmt(i.earlier)), el('td', { class: 'num' }, i.later === null ? '未报告' : fmt(i.later))))))
        : el('p', { class: 'said' }, '两年都未报告关键指标。');
      const reused = el('details', {}, el('summary', {}, `沿用上一年文字 ${pct(y.reusedShare)}（${y.reused.length} 段）`),
        ...y.reused.map((x) => el('div', { class: 'passage' }, el('div', { class: 'side' },
          this.fileButton(x.a.file, x.a.span, `${y.earlierYear} 年`), '↔', this.fileButton(x.b.file, x.b.span, `${y.laterYear} 年`),
          el('span', { class: 'meta' }, `${x.chars} 字`)), el('div', { class: 'text' }, x.text))));
      const promises = el('ul', { class: 'promises' }, ...y.promises.map((x) => el('li', { class: x.evidence ? 'kept' : 'missed' },
        el('span', { class: 'tag' }, x.evidence ? '✔ 已落实' : '✘ 未提及'),
        this.fileButton(y.earlier, x.span, x.plan),
        x.evidence ? el('div', { class: 'evidence' }, `${y.laterYear} 年：`, this.fileButton(y.later, x.evidence.span, x.evidence.text)) : null)));
      return el('div', { class: 'pair' },
        el('h3', {}, `${y.issuer}：${y.earlierYear} → ${y.laterYear}`),
        el('div', { class: 'side said' }, this.fileButton(y.earlier, null, rows[y.earlier].file), '→', this.fileButton(y.later, null, rows[y.later].file)),
        inds, reused,
        el('h4', {}, `${y.earlierYear} 年的下一年度安排：${kept} / ${y.promises.length} 项已落实`),
        y.promises.length ? promises : el('p', { class: 'said' }, '上一年报告中没有识别到下一年度安排。'));
    }));
  }

  // ---- one report ----

  async open(index, span = null) {
    const row = this.result?.rows[index];
    if (!row) return;
    if (row.error) { this.showMessage(`${row.file}：${row.error}`); return; }
    const report = await this.client.request({ type: 'report', index });
    if (!report) return;
    this.scrollState = { x: window.scrollX, y: window.scrollY, top: this.scroller.scrollTop, left: this.scroller.scrollLeft };
    this.main.hidden = true;
    this.viewerBox.hidden = false;
    this.viewerTitle.textContent = `${index + 1} / ${this.result.rows.length}：${row.file}`;
    this.viewing = index;
    if (!this.viewer) this.viewerBox.append(this.viewer = el('fazhi-analyzer', { viewer: '' }));
    this.viewer.show(report);
    if (span) this.viewer.reveal(span);
    else window.scrollTo(0, this.offsetTop);
  }

  back() {
    this.viewerBox.hidden = true;
    this.main.hidden = false;
    const s = this.scrollState;
    if (s) { this.scroller.scrollTop = s.top; this.scroller.scrollLeft = s.left; window.scrollTo(s.x, s.y); }
  }

  // ---- exports ----

  download(name, type, content) {
    const a = el('a', { href: URL.createObjectURL(new Blob([content], { type })), download: name });
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  }

  async exportCsv() {
    // batch.csv() starts with the BOM (U+FEFF → EF BB BF in UTF-8): Excel and WPS read it as UTF-8.
    this.download('批量审阅.csv', 'text/csv;charset=utf-8', await this.client.request({ type: 'export', kind: 'csv' }));
  }

  async exportJsonl() {
    this.download('批量审阅.jsonl', 'application/jsonl', await this.client.request({ type: 'export', kind: 'jsonl' }));
  }

  /** The review module, loaded on the first review export. */
  review() {
    if (!REVIEW_URL) return Promise.reject(new Error('单文件版不含批注导出，请使用网页版'));
    this.reviewModule = this.reviewModule || import(new URL(REVIEW_URL, import.meta.url).href).catch((e) => { this.reviewModule = null; throw e; });
    return this.reviewModule;
  }

  /** Row `index`'s file as read and its text ({ bytes, text, name }), from the batch's worker. */
  async source(index) {
    const s = await this.client.request({ type: 'source', index });
    if (!s || s.error) throw new Error(s ? s.error : '该文件未能读取');
    return s;
  }

  /** Downloads row `index`'s 批注版 (`docx`) or 审阅意见 (`sheet`, `md`): a .docx row with comments
   *  added to its own file, any other as a new .docx; the findings set aside in it left out. */
  async exportRow(index, format = 'docx') {
    try {
      const [m, s] = await Promise.all([this.review(), this.source(index)]);
      const out = await m.reviewOf(s.bytes, s.name, format, customElements.get('fazhi-analyzer').dismissedFor(s.text));
      this.download(out.name, out.blob.type, out.blob);
      return out.blob;
    } catch (e) {
      this.showMessage(`导出失败：${e.message}`);
      throw e;
    }
  }

  /** Downloads every readable row's review in one .zip (批注版 or 审阅意见 .docx). */
  async exportAllReviews(format = 'docx') {
    try {
      const m = await this.review();
      const items = [];
      for (const row of this.result?.rows ?? []) {
        if (row.error) continue;
        const s = await this.source(row.index);
        items.push({ bytes: s.bytes, name: s.name, dismissed: customElements.get('fazhi-analyzer').dismissedFor(s.text) });
      }
      const blob = await m.reviewZipOf(items, format);
      this.download(format === 'docx' ? '批量审阅-批注版.zip' : '批量审阅-审阅意见.zip', 'application/zip', blob);
      return blob;
    } catch (e) {
      this.showMessage(`导出失败：${e.message}`);
      throw e;
    }
  }

  async exportXlsx() {
    if (!XLSX_URL) return;
    try {
      this.xlsx = this.xlsx || import(new URL(XLSX_URL, import.meta.url).href).then(async (m) => { await m.default(); return m; });
      const [m, sheets] = await Promise.all([this.xlsx, this.client.request({ type: 'export', kind: 'sheets' })]);
      this.download('批量审阅.xlsx', XLSX_TYPE, m.xlsxOf(sheets));
    } catch (e) {
      this.xlsx = null;
      this.showMessage('无法导出 Excel：' + e.message);
    }
  }
}

customElements.define('fazhi-batch', FazhiBatch);
