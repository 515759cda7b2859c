// <fazhi-analyzer>: the whole analyzer as one custom element (shadow DOM, no framework).
// Report text is only ever rendered as text (textContent / text nodes), never as HTML.
import init, { analyze, analyzeFile, markdownOf } from './pkg/fazhi.js';

// One draft per page, so an embedding page and the tool page do not overwrite each other.
const DRAFT_KEY = 'fazhi-draft:' + location.pathname;
const DEBOUNCE_MS = 120;
const PART_NAMES = {
  measures: '主要举措和成效', shortcomings: '存在的不足和原因', firstResponsible: '党政主要负责人履行第一责任人职责情况',
  plans: '下一年度主要安排', other: '其他需要报告的情况',
};
const FORMAT_NAMES = { text: '纯文本', docx: 'Word 文档', doc: 'Word 97–2003 文档', wps: 'WPS 文档', html: '网页', pdf: 'PDF', ofd: 'OFD' };
// What the file picker offers; dropped files of any name are read by their content anyway.
const ACCEPT = '.txt,.text,.docx,.doc,.wps,.htm,.html,.pdf,.ofd,text/plain,text/html,application/pdf';
const LEVEL_NAMES = { town: '乡镇（街道）', county: '县（区）', city: '市', province: '省', department: '部门', unknown: '未知' };

const CSS = `
:host { display: block; font-family: inherit; }
.wrap { display: grid; grid-template-columns: minmax(280px, 1fr) minmax(320px, 1fr); gap: 12px; padding: 12px; }
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
ul.tree li:not(:has(details)) { padding-left: 1em; }
pre.text { white-space: pre-wrap; font: 14px/1.7 inherit; max-height: 420px; overflow: auto; margin: 0; }
mark { background: none; } mark.h1 { background: #fde2e2; font-weight: 600; } mark.h2 { background: #fff0c9; }
mark.h3 { background: #e3f1ff; } mark.h4 { background: #eaf7e6; } mark.noise { color: #aaa; }
mark.active { outline: 2px solid #8b1a1a; }
.files button.current { font-weight: 600; }
`;

/** Creates an element with text content (never HTML). */
function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') e.className = v; else if (k.startsWith('on')) e.addEventListener(k.slice(2), v); else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c instanceof Node ? c : document.createTextNode(String(c ?? '')));
  return e;
}

class FazhiAnalyzer extends HTMLElement {
  constructor() {
    super();
    this.root = this.attachShadow({ mode: 'open' });
    this.files = [];
    this.current = null;
    this.timer = 0;
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
    // What the user typed last wins over the initial text (attribute `text`, then `src`).
    const draft = this.readDraft();
    if (draft) this.setText(draft);
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
    this.textBox = el('pre', { class: 'text' });
    const exports = el('div', { class: 'bar' },
      el('button', { onclick: () => this.exportJson() }, '导出 JSON'),
      el('button', { onclick: () => this.exportMarkdown() }, '导出 Markdown'),
      el('button', { onclick: () => this.copyJson() }, '复制 JSON'));
    const left = el('section', { class: 'pane' },
      el('div', { class: 'bar' }, this.picker), exports, this.fileList, this.messageBox, this.editor, this.statusBox,
      el('h2', {}, '全文'), this.textBox);
    const right = el('section', { class: 'pane' }, this.metaBox, this.partsBox, this.treeBox);
    this.root.replaceChildren(style, el('div', { class: 'wrap' }, left, right));
    window.addEventListener('dragover', (e) => e.preventDefault());
    window.addEventListener('drop', (e) => {
      e.preventDefault();
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
      this.showReport(analyzeFile(bytes, url.split('/').pop()));
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

  analyzeNow() {
    const text = this.editor.value;
    try { localStorage.setItem(DRAFT_KEY, text); } catch { /* storage full or disabled: keep working */ }
    const t0 = performance.now();
    const report = analyze(text, '粘贴的文本');
    this.statusBox.textContent = `分析用时 ${(performance.now() - t0).toFixed(1)} 毫秒，${report.source.chars} 字`;
    this.showReport(report, false);
  }

  async openFiles(list) {
    const errors = [];
    for (const f of list) {
      try {
        const bytes = new Uint8Array(await f.arrayBuffer());
        const t0 = performance.now();
        const report = analyzeFile(bytes, f.name);
        this.statusBox.textContent = `${f.name}：读取并分析用时 ${(performance.now() - t0).toFixed(1)} 毫秒，${report.source.chars} 字`;
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
    this.fileList.replaceChildren(...this.files.map((r) => el('button', {
      class: r === this.current ? 'current' : '', onclick: () => this.showReport(r),
    }, r.source.name)));
  }

  showReport(report, fillEditor = true) {
    this.current = report;
    if (fillEditor) this.editor.value = report.text;
    this.renderMeta(report); this.renderParts(report); this.renderTree(report); this.renderText(report);
    this.renderFileList();
    this.dispatchEvent(new CustomEvent('fazhi-analyzed', { detail: report, bubbles: true, composed: true }));
  }

  renderMeta({ meta: m, source }) {
    const row = (k, v) => [el('dt', {}, k), el('dd', {}, v || '—')];
    this.metaBox.replaceChildren(el('h2', { class: 'title' }, m.title || '（未识别到标题）'), el('dl', {},
      ...row('发文机关', m.issuers.join('、')), ...row('主送', m.recipients.join('、')),
      ...row('年度', m.year), ...row('层级', LEVEL_NAMES[m.level]),
      ...row('落款', [m.signedBy, m.date].filter(Boolean).join(' ')),
      ...row('来源', source.format === 'text' && !source.encoding ? '' : `${source.name}（${FORMAT_NAMES[source.format] || source.format}）`)));
  }

  renderParts({ parts }) {
    this.partsBox.replaceChildren(el('h2', {}, '五项法定内容'), el('ul', { class: 'parts' },
      ...parts.map((p) => el('li', { class: p.present ? 'yes' : 'no' }, PART_NAMES[p.part] || p.label,
        el('div', { class: 'where' }, p.headings.map((h) => h.title).join('；'))))));
  }

  renderTree({ outline }) {
    // A heading with sub-headings folds open and shut (<details>); every title jumps to the text.
    const item = (h) => {
      const jump = el('button', { onclick: () => this.focusHeading(h.id) }, h.marker + h.title);
      if (!h.children.length) return el('li', {}, jump);
      return el('li', {}, el('details', { open: '' }, el('summary', {}, jump), list(h.children)));
    };
    const list = (nodes) => el('ul', { class: 'tree' }, ...nodes.map(item));
    this.treeBox.replaceChildren(el('h2', {}, '提纲'), outline.length ? list(outline) : el('p', {}, '（未识别到标题层级）'));
  }

  renderText(report) {
    const marks = [];
    const walk = (hs) => hs.forEach((h) => { marks.push({ span: h.span, cls: 'h' + Math.min(h.level, 4), id: h.id }); walk(h.children); });
    walk(report.outline);
    for (const s of report.noise) marks.push({ span: s, cls: 'noise' });
    marks.sort((a, b) => a.span[0] - b.span[0]);
    const text = report.text;
    const nodes = [];
    let at = 0;
    for (const m of marks) {
      if (m.span[0] < at) continue;
      nodes.push(document.createTextNode(text.slice(at, m.span[0])));
      const mark = el('mark', { class: m.cls }, text.slice(m.span[0], m.span[1]));
      if (m.id !== undefined) mark.dataset.id = m.id;
      nodes.push(mark);
      at = m.span[1];
    }
    nodes.push(document.createTextNode(text.slice(at)));
    this.textBox.replaceChildren(...nodes);
  }

  focusHeading(id) {
    for (const m of this.textBox.querySelectorAll('mark.active')) m.classList.remove('active');
    const mark = this.textBox.querySelector(`mark[data-id="${id}"]`);
    if (mark) { mark.classList.add('active'); mark.scrollIntoView({ block: 'center' }); }
  }
}

customElements.define('fazhi-analyzer', FazhiAnalyzer);
