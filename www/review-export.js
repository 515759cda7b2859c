// <fazhi-analyzer>'s review exports (docs/review.md), loaded the first time 导出批注版 or 导出审阅意见
// is clicked, with their wasm module (the analyzer, the readers and the Word writer), so that the
// page's first load carries neither.
import init, { reviewExport } from './pkg/review/fazhi.js';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** Each format's file name suffix and type. */
const FILES = { docx: ['.批注版.docx', DOCX_TYPE], sheet: ['.审阅意见.docx', DOCX_TYPE], md: ['.审阅意见.md', 'text/markdown'] };
let started = null;

/** Exports the report `view` shows: `docx` the 批注版 (a .docx read from a file comes back with
 *  comments added; anything else, or edited text, as a new .docx), `sheet` / `md` the 审阅意见.
 *  Downloads it and resolves to the Blob; a failure is shown in the element and rejects. */
export async function exportReview(view, format = 'docx') {
  const r = view.current;
  const kind = FILES[format];
  if (!kind) throw new Error(`未知的导出格式：${format}`);
  if (!r) throw new Error('没有可导出的报告');
  try {
    view.statusBox.textContent = '正在生成…';
    started = started || init().catch((e) => { started = null; throw e; });
    await started;
    // A report read from a file is exported from that file (its own .docx, with comments).
    const source = r.source.format !== 'text' ? view.sources.get(r) : null;
    const input = source ? new Uint8Array(await source.arrayBuffer()) : r.text;
    const blob = new Blob([reviewExport(input, r.source.name, format, [])], { type: kind[1] });
    const name = view.baseName() + kind[0];
    view.download(name, kind[1], blob);
    view.statusBox.textContent = `已导出：${name}`;
    return blob;
  } catch (e) {
    view.statusBox.textContent = '';
    view.showMessage(`导出失败：${e.message}`);
    throw e;
  }
}
