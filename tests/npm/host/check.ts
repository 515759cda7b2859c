// Type-checked (tsc --noEmit --strict) against the installed package: what a TypeScript user writes.
// The @ts-expect-error lines prove the declarations are precise (not `any`).
import type { Report, Finding, FazhiAnalyzer, FazhiErrorDetail } from 'fazhi';
import type { BatchResult, FazhiBatch } from 'fazhi/batch';
import init, { analyze, analyzeRead, markdownOf } from 'fazhi/wasm';
import initReaders, { readFile, type ReadFile } from 'fazhi/readers';
import initBatch, { Batch } from 'fazhi/batch-wasm';
import * as element from 'fazhi';

const el = document.querySelector('fazhi-analyzer')!;
const title: string | null | undefined = el.report?.meta.title;
const outline: Promise<Report['outline']> = el.analyze('关于2024年度法治政府建设情况的报告').then((r) => r.outline);
el.addEventListener('fazhi-analyzed', (e) => e.detail.meta.year);
document.addEventListener('fazhi-analyzed', (e) => { const year: number | null = e.detail.meta.year; return year; });
window.addEventListener('fazhi-error', (e) => { const d: FazhiErrorDetail = e.detail; return d.file + d.message; });
el.addEventListener('fazhi-ready', (e) => { const d: null = e.detail; return d; });
el.addEventListener('click', (e) => e.clientX); // the element's own events still typed

const made: FazhiAnalyzer = document.createElement('fazhi-analyzer');
made.text = '……';
made.reveal([0, 4]);
const attrs: string[] = customElements.get('fazhi-analyzer') ? [] : [];
const opened: Promise<number> = made.ready.then(() => made.open([new File(['x'], 'a.txt'), new Blob(['y'])])).then((rs) => rs.length);
const findings: Finding[] | undefined = made.report?.findings;

const batch: FazhiBatch = document.querySelector('fazhi-batch')!;
const rows: number | undefined = batch.result?.rows.length;
batch.addEventListener('fazhi-batch', (e) => { const r: BatchResult = e.detail; return r.reuse.length; });

async function wasm(): Promise<string | null> {
  await init();
  const r: Report = analyze('关于2024年度法治政府建设情况的报告');
  await initReaders();
  const read: ReadFile = readFile(new Uint8Array(0), 'a.pdf');
  await initBatch();
  const b = new Batch();
  b.addRead(read.text, 'a.pdf', read.format, read.encoding);
  return analyzeRead(read.text, 'a.pdf', read.format, read.encoding).meta.title ?? markdownOf(r.text);
}

// @ts-expect-error: `report` is read-only
el.report = null;
// @ts-expect-error: `ready` is read-only
el.ready = Promise.resolve();
// @ts-expect-error: a report has no such field
el.addEventListener('fazhi-analyzed', (e) => e.detail.nope);
// @ts-expect-error: the readers module only reads (the analyzer is 'fazhi/wasm')
readFile(new Uint8Array(0), 'a.pdf').meta;
// @ts-expect-error: a span is [start, end]
el.reveal(3);
// @ts-expect-error: analyze takes text
el.analyze(42);
// @ts-expect-error: the module exports the class as a type only (it is customElements.get('fazhi-analyzer'))
new element.FazhiAnalyzer();

export { title, outline, attrs, opened, findings, rows, wasm };
