// <fazhi-analyzer>'s Web Worker: reads and analyzes one text or file at a time, off the page's
// thread, so typing, pasting and dropping never freeze the page. It loads the analyzer's module
// first and the readers' module (.docx/.doc/WPS/PDF/OFD: bytes → text, no analyzer) only when such
// a file comes; the analyzer's module analyzes what it read.
// The page terminates this worker when an analysis runs too long, after a trap, and after a big
// input (wasm memory never shrinks), and starts a fresh one for the next request.
import init, { analyze, analyzeFile, analyzeRead, needsReaders } from './pkg/fazhi.js';

const READERS_URL = './pkg/readers/fazhi.js';
let readers = null;
function readersModule() {
  readers = readers || import(READERS_URL).then(async (m) => { memories.push((await m.default()).memory); return m; });
  return readers;
}

// The wasm memories of the modules loaded: every answer says how big they have grown (wasm memory
// never shrinks), so that the page replaces this worker after a file that made them big.
const memories = [];
const memoryBytes = () => memories.reduce((sum, m) => sum + m.buffer.byteLength, 0);

const started = init().then((exports) => { memories.push(exports.memory); });
started.then(() => self.postMessage({ type: 'ready' }), (e) => self.postMessage({ type: 'fatal', message: e.message }));

// A big report (20 MB of text: ~100,000 findings) would take the page's thread ~200 ms to receive in
// one message; its long lists come in slices first, one message (one short task) each, then the rest.
// A short pause between slices lets the page draw a frame between them.
const SLICE = 2000;
const pause = () => new Promise((r) => setTimeout(r, 8));
async function postReport(id, report, loadedReaders) {
  const sliced = {};
  for (const [key, list] of Object.entries(report)) {
    if (!Array.isArray(list) || list.length <= SLICE) continue;
    for (let i = 0; i < list.length; i += SLICE) {
      self.postMessage({ type: 'slice', id, key, items: list.slice(i, i + SLICE) });
      await pause();
    }
    sliced[key] = [];
  }
  self.postMessage({ type: 'report', id, report: { ...report, ...sliced }, sliced: Object.keys(sliced), loadedReaders, memory: memoryBytes() });
}

// A request: { id, kind: 'text', text, name } or { id, kind: 'file', file (a File) or bytes, name },
// answered by { type: 'slice', id, key, items }… then { type: 'report', id, report, sliced, loadedReaders, memory },
// or { type: 'error', id, message, trap, memory } (memory: the bytes the wasm memories have grown to).
// `test` (test-only, set by the browser tests through the element's `analyst.test`) simulates a
// failure: 'trap' (a wasm trap after the analysis), 'hang' (never answers), 'uncaught' (the
// worker's `error` event).
self.onmessage = async ({ data: m }) => {
  try {
    await started;
    if (m.test === 'hang') for (;;);
    if (m.test === 'uncaught') { setTimeout(() => { throw new Error('test: uncaught'); }); return; }
    let report, loadedReaders = false;
    if (m.kind === 'text') {
      report = analyze(m.text, m.name);
    } else {
      const bytes = m.bytes ?? new Uint8Array(await m.file.arrayBuffer());
      if (needsReaders(bytes)) {
        loadedReaders = readers === null;
        const read = (await readersModule()).readFile(bytes, m.name);
        report = analyzeRead(read.text, m.name, read.format, read.encoding);
      } else {
        report = analyzeFile(bytes, m.name);
      }
    }
    if (m.test === 'trap') throw new WebAssembly.RuntimeError('unreachable');
    await postReport(m.id, report, loadedReaders);
  } catch (e) {
    // The analyzer's own errors are plain Errors that name the file ("x.docx：无法识别的文件格式");
    // anything else (a RuntimeError: `unreachable`, out of memory; a RangeError) is a trap, after
    // which this instance's memory cannot be trusted: the page replaces the worker.
    const trap = !(e instanceof Error) || e.constructor !== Error;
    self.postMessage({ type: 'error', id: m.id, message: e?.message ?? String(e), trap, memory: memoryBytes() });
  }
};
