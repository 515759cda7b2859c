// The review exports (docs/review.md) of <fazhi-analyzer> and <fazhi-batch>, loaded the first time
// 导出批注版 or 导出审阅意见 is clicked, with their wasm module (the analyzer, the readers and the
// Word writer), so that the page's first load carries neither.
import init, { reviewExport, reviewZip } from './pkg/review/fazhi.js';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** Each format's file name suffix and type. */
const FILES = { docx: ['.批注版.docx', DOCX_TYPE], sheet: ['.审阅意见.docx', DOCX_TYPE], md: ['.审阅意见.md', 'text/markdown'] };
let started = null;
const ready = () => (started = started || init().catch((e) => { started = null; throw e; }));

/** One report's review as a Blob with its file name: `input` a file's bytes or a text. */
export async function reviewOf(input, name, format = 'docx', dismissed = []) {
  const kind = FILES[format];
  if (!kind) throw new Error(`未知的导出格式：${format}`);
  await ready();
  const blob = new Blob([reviewExport(input, name, format, dismissed)], { type: kind[1] });
  return { blob, name: name.replace(/^.*\//, '').replace(/\.[^.]*$/, '') + kind[0] };
}

/** Many files' reviews as one .zip Blob: `items` [{ bytes, name, dismissed }]; a file that cannot
 *  be read is listed in the archive's 无法导出.txt. */
export async function reviewZipOf(items, format = 'docx') {
  if (!FILES[format]) throw new Error(`未知的导出格式：${format}`);
  await ready();
  const zip = reviewZip(items.map((x) => x.bytes), items.map((x) => x.name), format, items.map((x) => x.dismissed || []));
  return new Blob([zip], { type: 'application/zip' });
}

/** Exports the report `view` shows: `docx` the 批注版 (a .docx read from a file comes back with
 *  comments added; anything else, or edited text, as a new .docx), `sheet` / `md` the 审阅意见;
 *  the findings set aside left out. Downloads it and resolves to the Blob; a failure is shown in
 *  the element and rejects. */
export async function exportReview(view, format = 'docx') {
  const r = view.current;
  try {
    if (!FILES[format]) throw new Error(`未知的导出格式：${format}`);
    if (!r) throw new Error('没有可导出的报告');
    view.statusBox.textContent = '正在生成…';
    // A report read from a file is exported from that file (its own .docx, with comments).
    const source = r.source.format !== 'text' ? view.sources.get(r) : null;
    const input = source ? new Uint8Array(await source.arrayBuffer()) : r.text;
    const out = await reviewOf(input, r.source.name, format, view.dismissed());
    const name = view.baseName() + FILES[format][0];
    view.download(name, FILES[format][1], out.blob);
    view.statusBox.textContent = `已导出：${name}`;
    return out.blob;
  } catch (e) {
    view.statusBox.textContent = '';
    view.showMessage(`导出失败：${e.message}`);
    throw e;
  }
}
