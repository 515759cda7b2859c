// The batch at a glance (<fazhi-batch>, above its table): four small charts drawn as inline SVG
// from the batch result — the five parts by report, the score distribution, the key indicators
// reported or not, the share copied from another issuer. No chart library, no network; every
// mark is a link (`act`: open a report, filter the table). Each chart downloads as SVG or PNG
// (the same drawing standalone: presentation attributes only, no page CSS).
// Written for Chromium 83: no flex gap in what it styles, SVG built with createElementNS.

const NS = 'http://www.w3.org/2000/svg';
const FONT = '"Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif';
// Column heads as narrow as a cell (three characters at most).
const PART_SHORT = ['举措', '不足', '责任人', '安排', '其他'];
const PART_FULL = ['主要举措和成效', '存在的不足和原因', '党政主要负责人履行第一责任人职责情况', '下一年度主要安排', '其他需要报告的情况'];
const GREEN = '#1a7f37', RED = '#b42318', BAR = '#8b1a1a', GREY = '#d0d0d0', INK = '#222', DIM = '#666';
/** Rows the matrix and the reuse chart draw at most (the ones with most gaps or most copied). */
export const MAX_ROWS = 40;

/** An SVG element with attributes (text content as text, never markup). */
function svgEl(tag, attrs = {}, text) {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = String(text);
  return e;
}

/** A mark that is a link: focusable, Enter or a click runs `go`, its title is the tooltip. */
function link(g, title, go) {
  g.setAttribute('role', 'link');
  g.setAttribute('tabindex', '0');
  g.setAttribute('cursor', 'pointer');
  g.setAttribute('aria-label', title);
  g.appendChild(svgEl('title', {}, title));
  g.addEventListener('click', go);
  g.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); go(); } });
  return g;
}

/** The drawing's root: a white background, the viewBox scaled to the width available. */
function canvas(width, height, label) {
  const svg = svgEl('svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': label,
    'font-family': FONT, 'font-size': 12, fill: INK });
  svg.appendChild(svgEl('rect', { width, height, fill: '#fff' }));
  return svg;
}

/** A label cut to `n` characters (with …), the whole in its title. */
const cut = (s, n) => (s.length > n ? s.slice(0, n - 1) + '…' : s);
const who = (row) => row.issuer || row.file;

/** The five parts × reports: ✔/✘ cells, the reports missing most first; a row opens its report,
 *  a column's header filters the table to the reports missing that part. */
export function partsMatrix(result, act) {
  const read = result.rows.filter((r) => !r.error);
  const missing = (r) => r.parts.filter((p) => !p).length;
  const rows = read.slice().sort((a, b) => missing(b) - missing(a) || a.index - b.index).slice(0, MAX_ROWS);
  const LABEL = 150, CELL = 34, ROW = 18, TOP = 30;
  const width = LABEL + CELL * 5 + 44, height = TOP + ROW * rows.length + (read.length > rows.length ? 22 : 6);
  const svg = canvas(width, height, '五项法定内容：各报告有无');
  PART_SHORT.forEach((name, k) => {
    const miss = read.filter((r) => !r.parts[k]).length;
    const g = svgEl('g', { 'data-part': k + 1 });
    g.appendChild(svgEl('text', { x: LABEL + CELL * k + CELL / 2, y: 12, 'text-anchor': 'middle', 'font-size': 11 }, name));
    g.appendChild(svgEl('text', { x: LABEL + CELL * k + CELL / 2, y: 25, 'text-anchor': 'middle', 'font-size': 10, fill: miss ? RED : DIM }, `缺 ${miss}`));
    svg.appendChild(link(g, `第${k + 1}部分 ${PART_FULL[k]}：${miss} 份缺少（筛选出来）`, () => act.filter(`part${k + 1}=✘`)));
  });
  svg.appendChild(svgEl('text', { x: LABEL + CELL * 5 + 22, y: 25, 'text-anchor': 'middle', 'font-size': 10, fill: DIM }, '缺项'));
  rows.forEach((r, i) => {
    const y = TOP + ROW * i;
    const n = missing(r);
    const g = svgEl('g', { 'data-index': r.index });
    if (i % 2) g.appendChild(svgEl('rect', { x: 0, y, width, height: ROW, fill: '#f7f5f2' }));
    g.appendChild(svgEl('text', { x: LABEL - 6, y: y + 13, 'text-anchor': 'end' }, cut(who(r), 11)));
    r.parts.forEach((p, k) => {
      const x = LABEL + CELL * k;
      g.appendChild(svgEl('rect', { x: x + 3, y: y + 2, width: CELL - 6, height: ROW - 4, rx: 2, fill: p ? '#dcf1e1' : '#fbe3e0' }));
      g.appendChild(svgEl('text', { x: x + CELL / 2, y: y + 13, 'text-anchor': 'middle', fill: p ? GREEN : RED, 'font-weight': p ? null : 700 }, p ? '✔' : '✘'));
    });
    g.appendChild(svgEl('text', { x: LABEL + CELL * 5 + 22, y: y + 13, 'text-anchor': 'middle', fill: n ? RED : DIM }, n));
    const gaps = r.parts.map((p, k) => (p ? null : PART_SHORT[k])).filter(Boolean);
    svg.appendChild(link(g, `${who(r)}（${r.file}）：${gaps.length ? '缺 ' + gaps.join('、') : '五项齐全'}（打开报告）`, () => act.open(r.index)));
  });
  if (read.length > rows.length) {
    svg.appendChild(svgEl('text', { x: 6, y: height - 6, fill: DIM, 'font-size': 11 }, `另有 ${read.length - rows.length} 份未画出（缺项更少），见下表`));
  }
  return figure('五项内容', `五项法定内容（${read.length} 份）`, svg);
}

/** The score distribution in bands of ten; a bar filters the table to its band. */
export function scoreHistogram(result, act) {
  const scores = result.rows.filter((r) => !r.error && typeof r.score === 'number');
  const bins = Array.from({ length: 10 }, (_, k) => scores.filter((r) => Math.min(9, Math.floor(r.score / 10)) === k).length);
  const top = Math.max(1, ...bins);
  const W = 32, H = 120, LEFT = 10, TOP = 16;
  const svg = canvas(LEFT + W * 10 + 10, TOP + H + 34, '得分分布');
  bins.forEach((n, k) => {
    const h = Math.round((H * n) / top), x = LEFT + W * k;
    const g = svgEl('g', { 'data-band': k * 10 });
    g.appendChild(svgEl('rect', { x: x + 2, y: TOP, width: W - 4, height: H, fill: '#fff', 'fill-opacity': 0 }));
    g.appendChild(svgEl('rect', { x: x + 3, y: TOP + H - h, width: W - 6, height: h, fill: k < 6 ? RED : BAR, opacity: n ? 1 : 0 }));
    if (n) g.appendChild(svgEl('text', { x: x + W / 2, y: TOP + H - h - 3, 'text-anchor': 'middle', 'font-size': 11 }, n));
    g.appendChild(svgEl('text', { x: x + W / 2, y: TOP + H + 14, 'text-anchor': 'middle', 'font-size': 10, fill: DIM }, k < 9 ? `${k * 10}` : '90+'));
    const q = k < 9 ? `score>=${k * 10} score<${k * 10 + 10}` : 'score>=90';
    svg.appendChild(link(g, `得分 ${k * 10}–${k < 9 ? k * 10 + 9 : 100}：${n} 份（筛选出来）`, () => act.filter(q)));
  });
  svg.appendChild(svgEl('line', { x1: LEFT, y1: TOP + H + 0.5, x2: LEFT + W * 10, y2: TOP + H + 0.5, stroke: DIM }));
  const mean = scores.length ? scores.reduce((a, r) => a + r.score, 0) / scores.length : null;
  svg.appendChild(svgEl('text', { x: LEFT, y: TOP + H + 30, 'font-size': 11, fill: DIM }, mean === null ? '没有得分' : `平均 ${Math.round(mean * 10) / 10} 分；低于 60 分 ${scores.filter((r) => r.score < 60).length} 份`));
  return figure('得分', `得分分布（${scores.length} 份）`, svg);
}

/** Per key indicator, the reports that give it and those that do not (未报告); a bar filters the
 *  table to the reports that leave it out. */
export function indicatorCoverage(result, act) {
  const read = result.rows.filter((r) => !r.error);
  const cols = result.indicatorColumns;
  const LABEL = 120, BARW = 170, ROW = 20, TOP = 6;
  const svg = canvas(LABEL + BARW + 60, TOP + ROW * Math.max(1, cols.length) + 22, '关键指标：已报告与未报告');
  cols.forEach((c, k) => {
    const given = read.filter((r) => r.indicators[k] !== null && r.indicators[k] !== undefined).length;
    const y = TOP + ROW * k, w = read.length ? Math.round((BARW * given) / read.length) : 0;
    const g = svgEl('g', { 'data-indicator': c.id });
    g.appendChild(svgEl('text', { x: LABEL - 6, y: y + 14, 'text-anchor': 'end' }, cut(c.label, 9)));
    g.appendChild(svgEl('rect', { x: LABEL, y: y + 4, width: BARW, height: ROW - 8, fill: GREY }));
    g.appendChild(svgEl('rect', { x: LABEL, y: y + 4, width: w, height: ROW - 8, fill: GREEN }));
    g.appendChild(svgEl('text', { x: LABEL + BARW + 6, y: y + 14, 'font-size': 11 }, `${given}/${read.length}`));
    svg.appendChild(link(g, `${c.label}：${given} 份已报告，${read.length - given} 份未报告（筛选出未报告的）`, () => act.filter(`未报告:${c.label}`)));
  });
  if (!cols.length) svg.appendChild(svgEl('text', { x: 6, y: TOP + 14, fill: DIM }, '没有关键指标'));
  const legend = TOP + ROW * Math.max(1, cols.length) + 14;
  svg.appendChild(svgEl('rect', { x: LABEL, y: legend - 9, width: 10, height: 10, fill: GREEN }));
  svg.appendChild(svgEl('text', { x: LABEL + 14, y: legend, 'font-size': 11, fill: DIM }, '已报告'));
  svg.appendChild(svgEl('rect', { x: LABEL + 64, y: legend - 9, width: 10, height: 10, fill: GREY }));
  svg.appendChild(svgEl('text', { x: LABEL + 78, y: legend, 'font-size': 11, fill: DIM }, '未报告'));
  return figure('关键指标', '关键指标：已报告 / 未报告', svg);
}

/** The share of each report found in another issuer's report, largest first; a bar opens the report. */
export function reuseShares(result, act) {
  const rows = result.rows.filter((r) => !r.error && r.reusedShare > 0).sort((a, b) => b.reusedShare - a.reusedShare || a.index - b.index);
  const shown = rows.slice(0, MAX_ROWS);
  const LABEL = 150, BARW = 150, ROW = 18, TOP = 6;
  // Bars to the largest share (small shares stay visible); each is labelled with its percentage.
  const top = Math.max(0.01, ...shown.map((r) => r.reusedShare));
  const svg = canvas(LABEL + BARW + 50, TOP + ROW * Math.max(1, shown.length) + (rows.length > shown.length ? 20 : 6), '照搬比例');
  shown.forEach((r, i) => {
    const y = TOP + ROW * i;
    const g = svgEl('g', { 'data-index': r.index });
    g.appendChild(svgEl('text', { x: LABEL - 6, y: y + 13, 'text-anchor': 'end' }, cut(who(r), 11)));
    g.appendChild(svgEl('rect', { x: LABEL, y: y + 3, width: Math.max(1, Math.round((BARW * r.reusedShare) / top)), height: ROW - 6, fill: '#d4a72c' }));
    g.appendChild(svgEl('text', { x: LABEL + Math.round((BARW * r.reusedShare) / top) + 4, y: y + 13, 'font-size': 11 }, `${Math.round(r.reusedShare * 100)}%`));
    svg.appendChild(link(g, `${who(r)}（${r.file}）：${Math.round(r.reusedShare * 100)}% 的文字见于其他机关的报告（打开报告）`, () => act.open(r.index)));
  });
  if (!shown.length) svg.appendChild(svgEl('text', { x: 6, y: TOP + 13, fill: DIM }, '未发现不同机关之间相同的段落'));
  if (rows.length > shown.length) svg.appendChild(svgEl('text', { x: 6, y: TOP + ROW * shown.length + 14, 'font-size': 11, fill: DIM }, `另有 ${rows.length - shown.length} 份比例更低`));
  return figure('照搬比例', `照搬比例（${rows.length} 份有照搬）`, svg);
}

/** All four, for a batch with reports read; null for an empty one. */
export function charts(result, act) {
  if (!result || !result.rows.some((r) => !r.error)) return null;
  return [partsMatrix(result, act), scoreHistogram(result, act), indicatorCoverage(result, act), reuseShares(result, act)];
}

/** A chart with its caption and its two downloads. */
function figure(name, caption, svg) {
  const f = document.createElement('figure');
  f.className = 'chart';
  f.setAttribute('data-chart', name);
  const cap = document.createElement('figcaption');
  const title = document.createElement('span');
  title.textContent = caption;
  cap.appendChild(title);
  for (const [label, kind] of [['SVG', 'svg'], ['PNG', 'png']]) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'link';
    b.textContent = label;
    b.title = `下载此图（${label}）`;
    b.setAttribute('data-download', kind);
    b.addEventListener('click', () => download(svg, `批量审阅-${name}.${kind}`, kind));
    cap.appendChild(b);
  }
  f.appendChild(cap);
  f.appendChild(svg);
  return f;
}

/** The chart as a standalone SVG file (XMLSerializer writes the SVG namespace; no page CSS needed). */
export function svgFile(svg) {
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(svg);
}

/** The chart as a PNG at twice its size: the SVG drawn on a canvas through a data: URL (the
 *  page's CSP allows images from data: only, and a data: SVG leaves the canvas readable). */
export function pngOf(svg) {
  return new Promise((resolve, reject) => {
    const w = Number(svg.getAttribute('width')), h = Number(svg.getAttribute('height'));
    const img = new Image();
    img.onload = () => {
      const c = document.createElement('canvas');
      c.width = w * 2; c.height = h * 2;
      const g = c.getContext('2d');
      g.scale(2, 2);
      g.drawImage(img, 0, 0, w, h);
      c.toBlob((b) => (b ? resolve(b) : reject(new Error('无法生成 PNG'))), 'image/png');
    };
    img.onerror = () => reject(new Error('无法生成 PNG'));
    img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svgFile(svg));
  });
}

async function download(svg, name, kind) {
  const blob = kind === 'svg' ? new Blob([svgFile(svg)], { type: 'image/svg+xml' }) : await pngOf(svg);
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}
